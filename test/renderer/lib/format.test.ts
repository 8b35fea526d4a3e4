import { describe, expect, it } from 'vitest';
import {
  delimiterText,
  formatBytes,
  formatCount,
  formatDateTime,
  percent,
  plural,
  rowCountText,
  sheetLabel,
  sourceFacts,
} from '../../../renderer/src/lib/format';

describe('formatting', () => {
  it('writes counts with thousands separators, and plurals', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(Number.NaN)).toBe('?');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(1204, 'row')).toBe('1,204 rows');
    expect(plural(0, 'column')).toBe('0 columns');
  });

  it('labels sheets with their size and marks hidden ones', () => {
    expect(sheetLabel({ name: 'Sales', index: 0, rowCount: 1204, columnCount: 12 })).toBe('Sales — 1,204 rows × 12 columns');
    expect(sheetLabel({ name: 'Notes', index: 1, rowCount: 1, columnCount: 1, hidden: true })).toBe('Notes (hidden) — 1 row × 1 column');
    expect(sheetLabel({ name: 'Old', index: 2 })).toBe('Old — size known after reading');
    expect(sheetLabel({ name: 'q3', index: 0 }, { rows: 240, columns: 5 })).toBe('q3 — 240 rows × 5 columns');
    // A declared size wins over a measurement.
    expect(sheetLabel({ name: 'S', index: 0, rowCount: 3, columnCount: 2 }, { rows: 2, columns: 2 })).toBe('S — 3 rows × 2 columns');
  });

  it('says how much of the sheet the preview shows', () => {
    const rowNumbers = Array.from({ length: 10_000 }, (_, i) => i + 2);
    expect(rowCountText({ rows: 1_000_000, preview: { rowNumbers, cells: [], truncated: true } })).toBe(
      'Showing the first 10,000 of 1,000,000 rows',
    );
    expect(rowCountText({ rows: 3, preview: { rowNumbers: [2, 3, 4], cells: [], truncated: false } })).toBe('Showing all 3 rows');
    expect(rowCountText({ rows: 0, preview: { rowNumbers: [], cells: [], truncated: false } })).toContain('0 rows');
  });

  it('gives sizes and percentages people read', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(134_500_000)).toBe('135 MB');
    expect(formatBytes(1_200_000_000)).toBe('1.2 GB');
    expect(percent(50, 200)).toBe(25);
    expect(percent(5, 0)).toBe(0);
    expect(percent(300, 200)).toBe(100);
  });

  it('describes the file in plain words', () => {
    expect(delimiterText(';')).toBe('Values separated by semicolons (;)');
    expect(delimiterText('\t')).toBe('Values separated by tabs');
    expect(sourceFacts({ format: 'csv', encoding: 'windows-1252', delimiter: ',', size: 2048 })).toEqual([
      'CSV text file',
      '2.0 KB',
      'Windows Western text (Windows-1252)',
      'Values separated by commas (,)',
    ]);
    expect(sourceFacts({ format: 'xlsx' })).toEqual(['Excel workbook (.xlsx)']);
  });

  it('shows ISO moments without the noise', () => {
    expect(formatDateTime('2025-03-04T00:00:00.000Z')).toBe('2025-03-04');
    expect(formatDateTime('2025-03-04T14:05:00Z')).toBe('2025-03-04 14:05');
    expect(formatDateTime('2025-03-04T14:05:09Z')).toBe('2025-03-04 14:05:09');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
