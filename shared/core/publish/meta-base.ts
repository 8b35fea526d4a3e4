// Runs anywhere (pure core).
// A metadata-only version has no file to inspect: its tables are those of the version it starts
// from. This reads them back out of that version's contract (sheet, header row, columns with
// their letters, types and examples) and its record and stats (rows, counts), in the shape
// buildContract takes, so the new contract is built by the same code as every other one and only
// the owner's words differ.

import { columnLetter } from '../columns';
import type { OdcsContract, OdcsProperty, OdcsSchemaObject } from '../contract/odcs-types';
import type { ColumnProfile, ColumnType, SheetReport } from '../inspect/report';
import type { Waiver } from '../metadata/types';
import type { StatsColumn, VersionStats } from './stats';
import type { VersionRecord } from './version-history';

const COLUMN_TYPES: Readonly<Record<string, ColumnType>> = {
  integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', timestamp: 'datetime', string: 'text',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function custom(holder: { customProperties?: { property: string; value: unknown }[] } | undefined, property: string): unknown {
  const list = Array.isArray(holder?.customProperties) ? holder.customProperties : [];
  return list.find((c) => isObj(c) && c.property === property)?.value;
}

const scalarText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** The published column as a profile: what the contract promised, counts from the stats when known. */
function columnOf(p: OdcsProperty, i: number, seen: StatsColumn | undefined): ColumnProfile | undefined {
  const type = Object.hasOwn(COLUMN_TYPES, p.logicalType) ? COLUMN_TYPES[p.logicalType]! : undefined;
  if (!type) return undefined;
  const letter = scalarText(custom(p, 'sourceColumn')) ?? columnLetter(i);
  const header = scalarText(custom(p, 'sourceHeader')) ?? p.name;
  const examples = (Array.isArray(p.examples) ? p.examples : []).map(scalarText).filter((v): v is string => v !== undefined);
  return {
    index: i,
    letter,
    name: p.name,
    header,
    type,
    inferredType: type,
    filled: seen?.filled ?? 0,
    empty: seen?.empty ?? 0,
    distinct: seen?.distinct ?? 0,
    distinctExact: seen?.distinctExact ?? false,
    min: null,
    max: null,
    top: [],
    nonConforming: seen?.nonConforming ?? 0,
    examples,
  };
}

export interface BaseTables {
  /** One per table of the base version, the default first, as buildContract takes them. */
  sheets: SheetReport[];
  waivers: Waiver[];
}

/**
 * The tables of the base version, or why they cannot be rebuilt (a contract Mesh Desk did not
 * write, or one whose tables no longer match the version's record).
 */
export function baseTables(contract: OdcsContract, record: VersionRecord, stats: VersionStats | undefined): { ok: true; value: BaseTables } | { ok: false; reason: string } {
  const schema: OdcsSchemaObject[] = Array.isArray(contract.schema) ? contract.schema : [];
  if (schema.length === 0) return { ok: false, reason: 'its description lists no tables' };
  const sheets: SheetReport[] = [];
  for (const obj of schema) {
    const endpoint = record.endpoints.find((e) => e.name === obj.name);
    if (!endpoint) return { ok: false, reason: `its description names a table "${obj.name}" that the version does not have` };
    const seen = stats?.endpoints.find((e) => e.name === obj.name);
    const columns: ColumnProfile[] = [];
    for (const [i, p] of (obj.properties ?? []).entries()) {
      const column = isObj(p) && typeof p.name === 'string' ? columnOf(p, i, seen?.columns.find((c) => c.name === p.name)) : undefined;
      if (!column) return { ok: false, reason: `column ${i + 1} of table "${obj.name}" has no type Mesh Desk knows` };
      columns.push(column);
    }
    const headerRow = custom(obj, 'sourceHeaderRow');
    sheets.push({
      name: scalarText(custom(obj, 'sourceSheet')) ?? endpoint.sheet,
      headerRow: typeof headerRow === 'number' && Number.isSafeInteger(headerRow) && headerRow > 0 ? headerRow : 1,
      headerDetected: false,
      rows: endpoint.rows,
      columns,
      preview: { rowNumbers: [], cells: [], truncated: false },
    });
  }
  return { ok: true, value: { sheets, waivers: waiversOf(contract) } };
}

/** The owner's recorded decisions to publish despite warnings; they were about the data, which stays. */
function waiversOf(contract: OdcsContract): Waiver[] {
  const raw = custom(contract, 'waivers');
  if (!Array.isArray(raw)) return [];
  const out: Waiver[] = [];
  for (const w of raw) {
    if (!isObj(w) || typeof w.code !== 'string' || typeof w.reason !== 'string' || typeof w.at !== 'string') continue;
    out.push({
      code: w.code,
      ...(typeof w.sheet === 'string' ? { sheet: w.sheet } : {}),
      ...(typeof w.column === 'string' ? { column: w.column } : {}),
      reason: w.reason,
      ...(typeof w.by === 'string' ? { by: w.by } : {}),
      at: w.at,
    });
  }
  return out;
}
