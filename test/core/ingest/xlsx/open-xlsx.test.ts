import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProblemCollector } from '../../../../shared/core/problems';
import { bytesSource, type Cell } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';
import { CancelledError } from '../../../../shared/core/result';
import { byRow, readAll, type ReadResult } from './read-all';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-open-'));
const date = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

async function writeMain(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['Region', 'Amount', 'Day', 'When', 'Paid', 'Double', 'Note']);
  ws.addRow(['North', 12.5, new Date(date(2024, 2, 29)), new Date(date(2024, 2, 29, 13, 45, 30)), true, { formula: 'B2*2', result: 25 }, 'plain']);
  ws.addRow(['South', -3, new Date(date(1999, 12, 31)), new Date(date(2000, 1, 1, 0, 0, 1)), false, { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' and plain' }] }]);
  ws.addRow(['East', 0, null, null, null, { formula: 'Z99' }, { text: 'Our site', hyperlink: 'https://example.com' }]);
  ws.getColumn(3).numFmt = 'dd/mm/yyyy';
  ws.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.getCell('A6').value = 'Total';
  ws.mergeCells('A6:C6');
  ws.getCell('B8').value = { formula: 'A1', result: { error: '#REF!' } };
  ws.getCell('G9').value = '  keeps spaces ';
  const hidden = wb.addWorksheet('Lookup', { state: 'hidden' });
  hidden.addRow(['code', 'label']);
  hidden.addRow([1, 'one']);
  wb.addWorksheet('Empty');
  const path = join(dir, 'main.xlsx');
  await wb.xlsx.writeFile(path);
  return new Uint8Array(readFileSync(path));
}

describe('openXlsx on a workbook written by exceljs', () => {
  let r: ReadResult;
  beforeAll(async () => {
    r = await readAll(await writeMain());
  });

  it('lists every worksheet in order with hidden state and declared size', () => {
    expect(r.source.format).toBe('xlsx');
    expect(r.source.sheets.map((s) => [s.name, s.index, s.hidden])).toEqual([
      ['Sales', 0, false],
      ['Lookup', 1, true],
      ['Empty', 2, false],
    ]);
    expect(r.source.sheets[0]).toMatchObject({ dimension: 'A1:G9', rowCount: 9, columnCount: 7 });
  });

  it('reads typed values: numbers, text, booleans, dates, datetimes, formula results', () => {
    const rows = byRow(r.rows['Sales']!);
    expect(rows.get(1)).toEqual(['Region', 'Amount', 'Day', 'When', 'Paid', 'Double', 'Note']);
    expect(rows.get(2)).toEqual([
      'North', 12.5,
      { kind: 'date', epochMs: date(2024, 2, 29), hasTime: false },
      { kind: 'date', epochMs: date(2024, 2, 29, 13, 45, 30), hasTime: true },
      true, 25, 'plain',
    ]);
    const r3 = rows.get(3)!;
    expect(r3.slice(0, 5)).toEqual(['South', -3, { kind: 'date', epochMs: date(1999, 12, 31), hasTime: false }, { kind: 'date', epochMs: date(2000, 1, 1, 0, 0, 1), hasTime: true }, false]);
    expect(r3[5]).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(r3[6]).toBe('Bold and plain'); // rich text runs joined
  });

  it('reads a hyperlink as its text, a formula without a result as empty', () => {
    const r4 = byRow(r.rows['Sales']!).get(4)!;
    expect(r4[0]).toBe('East');
    expect(r4[5] ?? null).toBeNull();
    expect(r4[6]).toBe('Our site');
  });

  it('keeps the value of a merged range in its top-left cell only', () => {
    expect(byRow(r.rows['Sales']!).get(6)).toEqual(['Total']);
    expect(r.source.sheets[0]!.merges).toEqual(['A6:C6']);
  });

  it('keeps spaces marked as significant', () => {
    expect(byRow(r.rows['Sales']!).get(9)).toEqual([null, null, null, null, null, null, '  keeps spaces ']);
  });

  it('reports formula errors, missing results and merges with their place', () => {
    const byCode = (code: string) => r.problems.filter((p) => p.code === code);
    const errors = byCode('xlsx.formula-error');
    expect(errors.map((p) => [p.sheet, p.row, p.column, p.examples[0]?.value])).toEqual([
      ['Sales', 3, 'F', '#DIV/0!'],
      ['Sales', 8, 'B', '#REF!'],
    ]);
    expect(errors[0]!.message).toMatch(/row 3, column F holds #DIV\/0!/);
    expect(errors[1]!.message).toMatch(/deleted/);
    expect(byCode('xlsx.formula-no-value')).toMatchObject([{ sheet: 'Sales', row: 4, column: 'F', severity: 'warning' }]);
    const merged = byCode('xlsx.merged-cells');
    expect(merged).toMatchObject([{ sheet: 'Sales', row: 6, column: 'A', severity: 'warning' }]);
    expect(merged[0]!.message).toMatch(/A6:C6.*top-left/);
  });

  it('reads hidden and empty sheets', () => {
    expect(r.rows['Lookup']).toEqual([{ row: 1, cells: ['code', 'label'] }, { row: 2, cells: [1, 'one'] }]);
    expect(r.rows['Empty']).toEqual([]);
  });

  it('reads a sheet again on a second call', async () => {
    const again = [];
    for await (const b of r.source.rows('Lookup', { problems: new ProblemCollector() })) again.push(...b);
    expect(again).toEqual(r.rows['Lookup']);
  });

  it('refuses an unknown sheet name with the list of sheets', async () => {
    const it = r.source.rows('Nope', { problems: new ProblemCollector() })[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ code: 'xlsx.sheet-not-found', message: expect.stringContaining('"Sales"') });
  });
});

describe('1904 date system', () => {
  it('gives the same dates as the 1900 system', async () => {
    const wanted = [date(1904, 1, 1), date(1955, 6, 15, 8, 30), date(2024, 2, 29), date(2038, 1, 19, 3, 14, 7)];
    const w1900 = new ExcelJS.Workbook();
    const a = w1900.addWorksheet('D');
    const w1904 = new ExcelJS.Workbook();
    w1904.properties.date1904 = true;
    const b = w1904.addWorksheet('D');
    for (const ms of wanted) {
      a.addRow([new Date(ms)]);
      // exceljs writes 1900 serials even when date1904 is set, so the 1904 serial is written by hand.
      b.addRow([ms / 86_400_000 + 25_569 - 1_462]);
    }
    a.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    b.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    const r1 = await readAll(new Uint8Array(await w1900.xlsx.writeBuffer()));
    const r2 = await readAll(new Uint8Array(await w1904.xlsx.writeBuffer()));
    const ms = (rows: { cells: Cell[] }[]) => rows.map((row) => (row.cells[0] as { epochMs: number }).epochMs);
    expect(ms(r1.rows['D']!)).toEqual(wanted);
    expect(ms(r2.rows['D']!)).toEqual(wanted);
  });
});

describe('streaming, progress and cancellation', () => {
  async function bigBook(rows: number): Promise<Uint8Array> {
    const path = join(dir, `big-${rows}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = wb.addWorksheet('Big');
    for (let i = 1; i <= rows; i++) ws.addRow([i, `name ${i % 97}`, i * 0.5]).commit();
    ws.commit();
    await wb.commit();
    return new Uint8Array(readFileSync(path));
  }

  it('yields batches of about 1000 rows with progress up to the whole part', async () => {
    const src = await openXlsx(bytesSource('big.xlsx', await bigBook(5000)));
    const sizes: number[] = [];
    const progress: { bytesDone: number; bytesTotal: number; rows: number }[] = [];
    for await (const batch of src.rows('Big', { problems: new ProblemCollector(), onProgress: (p) => progress.push(p) })) sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Math.max(...sizes)).toBe(1000);
    const last = progress.at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.rows).toBe(5000);
  });

  it('stops with CancelledError when the signal fires mid-sheet', async () => {
    const src = await openXlsx(bytesSource('big.xlsx', await bigBook(20000)));
    const ac = new AbortController();
    let seen = 0;
    const run = async () => {
      for await (const batch of src.rows('Big', { problems: new ProblemCollector(), signal: ac.signal })) {
        seen += batch.length;
        if (seen >= 2000) ac.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toBeLessThan(20000);
  });

  it('refuses to start when already cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(openXlsx(bytesSource('x.xlsx', await bigBook(10)), { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
