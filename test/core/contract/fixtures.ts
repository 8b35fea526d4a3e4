// Node only (test helper). Sheet reports as inspect() produces them, and the official schemas
// read from ../shared/schemas (never copied into the project).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { columnLetter } from '../../../shared/core/columns';
import type { ColumnProfile, ColumnType, SheetReport } from '../../../shared/core/inspect/report';
import type { StandardSchemas } from '../../../shared/core/contract/standard-validators';

const schemaDir = resolve(__dirname, '../../../../shared/schemas');

export function officialSchemas(): StandardSchemas {
  return {
    odcs: JSON.parse(readFileSync(resolve(schemaDir, 'odcs-json-schema-v3.1.0.json'), 'utf8')) as object,
    odps: JSON.parse(readFileSync(resolve(schemaDir, 'odps-json-schema-v1.0.0.json'), 'utf8')) as object,
  };
}

export function column(index: number, name: string, type: ColumnType, examples: string[] = ['a']): ColumnProfile {
  return {
    index, letter: columnLetter(index), name, header: name, type, inferredType: type,
    filled: 10, empty: 0, distinct: 10, distinctExact: true, min: null, max: null,
    top: [], nonConforming: 0, examples,
  };
}

export function sheet(name: string, columns: [string, ColumnType][], rows = 10): SheetReport {
  return {
    name, headerRow: 1, headerDetected: true, rows,
    columns: columns.map(([n, t], i) => column(i, n, t)),
    preview: { rowNumbers: [], cells: [], truncated: false },
  };
}

/** Text that other YAML types, YAML syntax, or careless code would mangle. */
export const HOSTILE: string[] = [
  'yes', 'no', 'on', 'off', 'null', '~', 'true', 'False', '1e5', '0123', '0x1F', '.inf', '2024-01-01', '12:30:00',
  ': ', '- ', '#', '# not a comment', '&a', '*a', '!tag', '!!binary', '%', '@', '`', '|', '>', '{', '[', '---', '...',
  ' leading', 'trailing ', '\ttab', 'multi\nline\n', 'a\r\nb', 'x'.repeat(5000), '😀 emoji', '\u200f\u202eRTL',
  'nul\u0000byte', '\u0001\u0007\u001b\u007f\u0085\u2028\u2029', '\ufeffbom', '__proto__', 'constructor', 'toString',
  "it's", 'say "hi"', 'back\\slash', '',
];
