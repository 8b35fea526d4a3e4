import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../shared/core/ingest/types';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetProfiler } from '../../../shared/core/profile/sheet-profiler';
import { profile } from './profile-helpers';

describe('width: ragged rows and a growing table', () => {
  const lines = ['A,B,C', '1,2,3', '4,5,6,7,8', '9,10', '11,12,13,,', '14,15,16'];

  it('reports values beyond the header in CSV and keeps them in extra columns', () => {
    const r = profile(lines);
    expect(r.columns.map((c) => c.name)).toEqual(['A', 'B', 'C', 'Column D', 'Column E']);
    expect(r.columns[3]).toMatchObject({ filled: 1, empty: 4, header: '' });
    expect(r.columns[4]).toMatchObject({ filled: 1, empty: 4, min: 8 });
    expect(r.columns[2]).toMatchObject({ filled: 4, empty: 1 });
    const extra = r.problems.find((p) => p.code === 'csv.extra-values')!;
    expect(extra).toMatchObject({ severity: 'error', sheet: 'Sheet1', row: 3, count: 1 });
    expect(extra.message).toContain('Row 3 has 5 values but the header has 3 columns');
    expect(extra.message).toContain("'7', '8'");
    expect(extra.message).toContain('columns D–E');
    const missing = r.problems.find((p) => p.code === 'csv.missing-values')!;
    expect(missing).toMatchObject({ severity: 'warning', row: 4, count: 1 });
    expect(missing.message).toContain('column C of this row is read as empty');
    // Trailing empty values ("11,12,13,,") are neither an error nor a new column.
    expect(r.problems).toHaveLength(2 + 2); // + one "no name in the header" note per extra column
    expect(r.preview.cells.map((row) => row.length)).toEqual([5, 5, 5, 5, 5]);
    expect(r.preview.cells[1]).toEqual(['4', '5', '6', '7', '8']);
    expect(r.preview.cells[2]).toEqual(['9', '10', '', '', '']);
  });

  it('gives physical line numbers when they differ from the row', () => {
    const problems = new ProblemCollector();
    const p = new SheetProfiler({ sheet: 'S', format: 'csv', header: { row: 1, line: 1, cells: ['A', 'B'] }, problems, previewRows: 5 });
    p.addRows([{ row: 2, line: 2, cells: ['a\nb', 'x'] }, { row: 3, line: 4, cells: ['only one'] }]);
    p.finish();
    const missing = problems.list().find((x) => x.code === 'csv.missing-values')!;
    expect(missing).toMatchObject({ row: 3, line: 4 });
    expect(missing.message).toMatch(/^Row 3, line 4 has 1 value but the header has 2 columns/);
  });

  it('grows silently for spreadsheets (data without a header cell is normal there)', () => {
    const r = profile(lines, { format: 'xlsx' });
    expect(r.columns).toHaveLength(5);
    expect(r.problems.map((p) => p.code)).toEqual(['infer.empty-header', 'infer.empty-header']);
  });

  it('names columns A, B, … without a header and compares rows with the first one', () => {
    const r = profile(['1,x', '2,y', '3,z,extra'], { noHeader: true });
    expect(r.columns.map((c) => [c.name, c.header])).toEqual([['Column A', ''], ['Column B', ''], ['Column C', '']]);
    expect(r.rows).toBe(3);
    expect(r.problems.map((p) => p.code)).toEqual(['csv.extra-values']);
    expect(r.problems[0]!.message).toContain('the first row has 2 values');
  });

  it('skips wholly empty rows: not data, not counted', () => {
    const r = profile(['A,B', '1,2', ',', ' , ', '3,4', '']);
    expect(r.rows).toBe(2);
    expect(r.columns[0]).toMatchObject({ filled: 2, empty: 0 });
    expect(r.preview.rowNumbers).toEqual([2, 5]);
    expect(r.problems).toEqual([]);
  });
});

describe('header names', () => {
  it('keeps duplicates and odd names, with warnings naming both columns', () => {
    const r = profile(['Region,__proto__,,Region,constructor,toString', 'N,1,2,S,3,4']);
    expect(r.columns.map((c) => c.name)).toEqual(['Region', '__proto__', 'Column C', 'Region (D)', 'constructor', 'toString']);
    expect(r.columns.map((c) => c.header)).toEqual(['Region', '__proto__', '', 'Region', 'constructor', 'toString']);
    const dup = r.problems.find((p) => p.code === 'infer.duplicate-header')!;
    expect(dup).toMatchObject({ severity: 'warning', row: 1, column: 'D', columnName: 'Region (D)' });
    expect(dup.message).toContain("Columns A and D are both named 'Region'");
    const unnamed = r.problems.find((p) => p.code === 'infer.empty-header')!;
    expect(unnamed).toMatchObject({ severity: 'info', column: 'C' });
    expect(r.columns[1]).toMatchObject({ type: 'integer', min: 1 });
    expect(Object.getPrototypeOf(r.columns[1])).toBe(Object.prototype);
  });

  it('keeps the exact header text while the name is trimmed', () => {
    const r = profile([' Amount ,Amount', '1,2']);
    expect(r.columns.map((c) => [c.header, c.name])).toEqual([[' Amount ', 'Amount'], ['Amount', 'Amount (B)']]);
  });
});

describe('spreadsheet cells', () => {
  const date = (iso: string, hasTime = false): Cell => ({ kind: 'date', epochMs: Date.parse(`${iso}Z`), hasTime });

  it('types numbers, booleans, dates and errors as stored, and shows them as Excel does', () => {
    const problems = new ProblemCollector();
    const p = new SheetProfiler({ sheet: 'Budget', format: 'xlsx', header: { row: 3, cells: ['Item', 'Cost', 'Paid', 'Due', 'At', 'Calc'] }, problems, previewRows: 100 });
    p.addRows([
      { row: 4, cells: ['Ads', 1200, true, date('2025-02-01T00:00:00'), date('2025-02-01T09:30:00', true), 5] },
      { row: 5, cells: ['Print', 99.5, false, date('2025-03-15T00:00:00'), date('2025-02-02T18:00:05', true), { kind: 'error', code: '#DIV/0!' }] },
      { row: 7, cells: ['Radio', '300', 'yes', '2025-01-10', null, 7] },
      { row: 8, cells: [null, null, null, null, null, null] },
    ]);
    const r = p.finish();
    expect(r.rows).toBe(3);
    const [item, cost, paid, due, at, calc] = r.columns;
    expect(cost).toMatchObject({ type: 'number', min: 99.5, max: 1200, distinct: 3 });
    expect(paid).toMatchObject({ type: 'boolean', distinct: 3, top: [{ value: 'TRUE', count: 1 }, { value: 'FALSE', count: 1 }, { value: 'yes', count: 1 }] });
    expect(due).toMatchObject({ type: 'date', min: '2025-01-10', max: '2025-03-15' });
    expect(at).toMatchObject({ type: 'datetime', min: '2025-02-01T09:30:00', max: '2025-02-02T18:00:05', format: { pattern: 'Excel date and time' } });
    expect(calc).toMatchObject({ type: 'integer', nonConforming: 1, filled: 3, min: 5, max: 7 });
    expect(item!.type).toBe('text');
    expect(r.preview.cells).toEqual([
      ['Ads', '1200', 'TRUE', '2025-02-01', '2025-02-01 09:30:00', '5'],
      ['Print', '99.5', 'FALSE', '2025-03-15', '2025-02-02 18:00:05', '#DIV/0!'],
      ['Radio', '300', 'yes', '2025-01-10', '', '7'],
    ]);
    const err = problems.list().find((x) => x.code === 'infer.error-values')!;
    expect(err).toMatchObject({ severity: 'info', sheet: 'Budget', column: 'F', columnName: 'Calc', row: 5, count: 1 });
    expect(err.message).toContain('#DIV/0!');
    expect(problems.list().filter((x) => x.code === 'infer.mixed-types')).toEqual([]);
  });
});

describe('preview', () => {
  it('keeps the first rows, shortens long cells and says when it is cut', () => {
    const long = 'x'.repeat(5000);
    const r = profile(['A,B', `${long},1`, 'b,2', 'c,3', 'd,4'], { previewRows: 2 });
    expect(r.preview.rowNumbers).toEqual([2, 3]);
    expect(r.preview.truncated).toBe(true);
    expect(r.preview.cells[0]![0]).toHaveLength(1000);
    expect(r.preview.cells[0]![0]!.endsWith('…')).toBe(true);
    expect(r.columns[0]!.maxLength).toBe(5000);
    expect(profile(['A', 'x'], { previewRows: 1 }).preview.truncated).toBe(false);
    expect(profile(['A', 'x'], { previewRows: 0 }).preview).toEqual({ rowNumbers: [], cells: [], truncated: true });
  });
});

describe('large columns', () => {
  const big = (n: number, value: (i: number) => string) => ['V', ...Array.from({ length: n }, (_, i) => value(i))];

  it('counts distinct values exactly up to 10,000, then estimates within 3%', () => {
    const exact = profile(big(10_000, (i) => `v${i}`), { batch: 2000 }).columns[0]!;
    expect([exact.distinct, exact.distinctExact]).toEqual([10_000, true]);
    const r = profile(big(60_000, (i) => (i % 10 === 0 ? 'common' : `v${i}`)), { batch: 2000 }).columns[0]!;
    expect(r.distinctExact).toBe(false);
    expect(Math.abs(r.distinct - 54_001) / 54_001).toBeLessThan(0.03);
    expect(r.top[0]).toEqual({ value: 'common', count: 6000 }); // seen before the bound: still counted exactly
    const nums = profile(big(50_000, (i) => String(i * 7)), { batch: 2000 }).columns[0]!;
    expect(nums.distinctExact).toBe(false);
    expect(Math.abs(nums.distinct - 50_000) / 50_000).toBeLessThan(0.03);
  });

  it('builds the histogram from a sample scaled to the real count, deterministically', () => {
    const lines = big(100_000, (i) => String((i * 7919) % 1000));
    const a = profile(lines, { batch: 2000 });
    const h = a.columns[0]!.histogram!;
    expect(h.min).toBe(0);
    expect(h.max).toBe(999);
    expect(h.counts).toHaveLength(20);
    expect(h.counts.reduce((x, y) => x + y)).toBe(100_000);
    for (const c of h.counts) expect(Math.abs(c - 5000)).toBeLessThan(2500); // ±5σ of a 2,048-value sample
    expect(profile(lines, { batch: 777 })).toEqual(a);
  });
});
