import { describe, expect, it } from 'vitest';
import type { Cell, SourceRow } from '../../../shared/core/ingest/types';
import { detectHeaderRow, HEADER_SCAN_ROWS } from '../../../shared/core/infer/header-detect';

const rows = (...cells: Cell[][]): SourceRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));
const data = (n: number, width = 4): Cell[][] =>
  Array.from({ length: n }, (_, i) => ['North', String(100 + i), `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, String(i * 1.5), 'x', 'y'].slice(0, width));

describe('detectHeaderRow', () => {
  it('returns 0 when the first row is the header', () => {
    expect(detectHeaderRow(rows(['Region', 'Amount', 'Date', 'Rate'], ...data(10)))).toBe(0);
  });

  it('skips a title, a note and a blank row above the table', () => {
    const r = rows(['Sales report Q3'], ['Prepared by Finance on 2025-10-01', '', ''], [], ['Region', 'Amount', 'Date', 'Rate'], ...data(20));
    expect(detectHeaderRow(r)).toBe(3);
  });

  it('skips a blank row of empty strings (CSV) and a multi-cell title', () => {
    const r = rows(['ACME Corp', '', 'Q3 2025', ''], ['', '', '', ''], ['Region', 'Amount', 'Date', 'Rate'], ...data(5));
    expect(detectHeaderRow(r)).toBe(2);
  });

  it('finds the header with only one data row, or none', () => {
    expect(detectHeaderRow(rows(['Title'], ['Region', 'Amount', 'Date', 'Rate'], ...data(1)))).toBe(1);
    expect(detectHeaderRow(rows(['Title'], [], ['Region', 'Amount', 'Date', 'Rate']))).toBe(2);
  });

  it('skips a title as wide as a narrow table when a blank row follows it', () => {
    expect(detectHeaderRow(rows(['Sales', 'Q3'], [], ['Region', 'Amount'], ['North', '5'], ['South', '7']))).toBe(2);
  });

  it('returns 0 for a headerless numeric table', () => {
    const r = rows(...Array.from({ length: 15 }, (_, i) => [String(i), String(i * 2), '3.5', '2025-01-01']));
    expect(detectHeaderRow(r)).toBe(0);
  });

  it('takes the first full-width row when the labels are numbers (years), even below a title', () => {
    const table = [['Region', '2023', '2024', '2025'], ['North', '1', '2', '3'], ['South', '4', '5', '6']];
    expect(detectHeaderRow(rows(...table))).toBe(0);
    expect(detectHeaderRow(rows(['Revenue by year'], [], ...table))).toBe(2);
  });

  it('accepts a header with one unnamed column and data with gaps', () => {
    const r = rows(['Report'], ['Id', 'Name', '', 'City', 'Country'], ['1', 'Ann', 'x', '', 'DE'], ['2', 'Bob', '', 'Paris', ''], ['3', 'Cy', '', 'Rome', 'IT']);
    expect(detectHeaderRow(r)).toBe(1);
  });

  it('reads typed spreadsheet cells (numbers and dates are not labels)', () => {
    const r = rows(
      ['Budget 2025', null, null],
      [null, null, null],
      ['Campaign', 'Start', 'Budget'],
      ['Spring', { kind: 'date', epochMs: 0, hasTime: false }, 1200],
      ['Summer', { kind: 'date', epochMs: 864e5, hasTime: false }, 900.5],
    );
    expect(detectHeaderRow(r)).toBe(2);
  });

  it('handles empty input and looks at no more than HEADER_SCAN_ROWS rows', () => {
    expect(detectHeaderRow([])).toBe(0);
    expect(detectHeaderRow(rows([], ['']))).toBe(0);
    const many = rows(...Array.from({ length: 40 }, () => ['note']), ['A', 'B', 'C']);
    expect(detectHeaderRow(many)).toBeLessThan(HEADER_SCAN_ROWS);
  });
});
