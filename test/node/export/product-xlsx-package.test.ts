// Node only (tests). The package the hand-written product workbook is made of: every part
// declared with its content type, every relationship pointing at a part that exists, every
// XML part well-formed, the zip valid for Info-ZIP; and awkward texts (line ends, edge white
// space, control characters, emoji, over-long cells) read back the same by exceljs and by
// Mesh Desk's own XLSX reader.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { safeCellText } from '../../../shared/core/export/spreadsheet-safe';
import { bytesSource } from '../../../shared/core/ingest/types';
import { openXlsx } from '../../../shared/core/ingest/xlsx/open-xlsx';
import type { PulledBatch, PulledColumn, PulledValue } from '../../../shared/core/pull/read-endpoint';
import { writeProductXlsx } from '../../../shared/node/export/product-xlsx';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-product-package-'));
const NOW = new Date('2026-11-21T10:15:00Z');
const PRODUCT = { name: 'awkward', title: 'Awkward & <odd>', version: '2.0.0', address: 'file:///tmp/mesh/awkward' };

const AWKWARD = ['line one\r\nline two', '  leading and trailing  ', 'tab\there', 'bell\u0007 and nul\u0000', 'emoji 😀 and lone \uD800', '<b>&amp;</b> "quoted"', 'z'.repeat(40_000)];

async function* batchesOf(rows: PulledValue[][]): AsyncIterable<PulledBatch> {
  yield { rows, rowsDone: rows.length };
}

async function write(name: string, columns: PulledColumn[], rows: PulledValue[][]): Promise<string> {
  const path = join(dir, name);
  await writeProductXlsx({ path, product: PRODUCT, endpoint: 'default', columns, batches: batchesOf(rows), now: NOW });
  return path;
}

function attrs(xml: string, element: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => t.name === element && out.push(t.attributes as Record<string, string>));
  parser.write(xml).close();
  return out;
}

/** Checks the package's declarations against its parts; returns the parts. */
function checkPackage(path: string): Record<string, Uint8Array> {
  const parts = unzipSync(readFileSync(path));
  const names = Object.keys(parts);
  const types = strFromU8(parts['[Content_Types].xml']!);
  const overrides = attrs(types, 'Override').map((o) => o.PartName!.slice(1));
  const defaults = new Set(attrs(types, 'Default').map((d) => d.Extension!));
  for (const o of overrides) expect(names, `declared ${o}`).toContain(o);
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    expect(overrides.includes(n) || defaults.has(n.split('.').pop()!), `content type of ${n}`).toBe(true);
    if (/\.(xml|rels|vml)$/.test(n)) new SaxesParser().write(strFromU8(parts[n]!)).close();
  }
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const base = posix.dirname(posix.dirname(rels));
    for (const r of attrs(strFromU8(parts[rels]!), 'Relationship')) {
      const target = posix.normalize(posix.join(base, r.Target!)).replace(/^\//, '');
      expect(names, `${rels} → ${r.Target}`).toContain(target);
    }
  }
  if (hasProgram('unzip')) expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
  return parts;
}

describe('the product workbook package', () => {
  const columns: PulledColumn[] = [
    { name: 'id', type: 'integer', required: true, description: 'Key\r\nsecond line' },
    { name: 'text', type: 'string', required: false, allowed: ['a', 'b'] },
  ];
  const rows: PulledValue[][] = AWKWARD.map((t, i) => [i + 1, t]);

  it('declares every part, resolves every relationship, and is well-formed', async () => {
    const parts = checkPackage(await write('full.xlsx', columns, rows));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/sheet4.xml', 'docProps/custom.xml']));
  });

  it('leaves out notes and the Allowed values sheet when there are none', async () => {
    const plain: PulledColumn[] = [{ name: 'x', type: 'string', required: false }];
    const path = await write('plain.xlsx', plain, [['one'], [null], ['three']]);
    const parts = checkPackage(path);
    expect(Object.keys(parts).some((n) => n.includes('comments') || n.includes('vml') || n.endsWith('sheet4.xml'))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'About', 'Columns']);
    expect(wb.getWorksheet('Data')!.getColumn(1).values.slice(1)).toEqual(['x', 'one', undefined, 'three']);
  });

  it('awkward texts read back the same in exceljs and in Mesh Desk’s own reader', async () => {
    const path = await write('awkward.xlsx', columns, rows);
    const want = AWKWARD.map(safeCellText);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const data = wb.getWorksheet('Data')!;
    expect(want.map((_, i) => data.getCell(i + 2, 2).value)).toEqual(want);
    expect(data.getCell('A1').note).toBe('Key\r\nsecond line');
    expect((want[6] as string).length).toBeLessThanOrEqual(32_767);

    const source = await openXlsx(bytesSource(path, new Uint8Array(readFileSync(path))));
    const got: unknown[] = [];
    for await (const batch of source.rows('Data', { problems: { add() {} } })) for (const r of batch) got.push(r.cells[1]);
    expect(got).toEqual(['text', ...want]);
  });
});

function hasProgram(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, name)));
}
