// Runs anywhere (pure core).
// How a published value and an edited cell are brought to one comparable text. Both sides go
// through the publish normalizer of the column's type (publish/normalize-cell.ts), so the
// comparison sees what a re-publish would write: an Excel number 79.19 equals the published
// "79.19", a date cell equals "2024-02-02", TRUE equals "true".
//
// The published side is first turned into the cell the pulled workbook holds (what
// shared/node/export/product-data-sheet.ts writes and our XLSX reader reads back): dates become
// Excel date cells (an instant with a zone shows in UTC, without the "Z"), dates Excel cannot
// show stay text. The edited side loses the apostrophe the export puts before text that could
// start a formula ("'-" is the published "-"), so an untouched cell never counts as changed.

import { excelSerial } from '../export/excel-date-serial';
import { safeCellText } from '../export/spreadsheet-safe';
import { serialToEpochMs } from '../ingest/xlsx/excel-dates';
import type { Cell } from '../ingest/types';
import type { ColumnType } from '../inspect/report';
import { cellNormalizer, type CellNormalizer } from '../publish/normalize-cell';
import type { PulledColumn, PulledValue } from './read-endpoint';

const TYPE_OF: Readonly<Record<PulledColumn['type'], ColumnType>> = {
  string: 'text',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
};

/** The normalizer for a published column (decimal point and day-first: the published forms). */
export function columnNormalizer(column: Pick<PulledColumn, 'type'>): CellNormalizer {
  return cellNormalizer({ type: TYPE_OF[column.type] ?? 'text' });
}

/** The cell a pulled workbook holds for a published value. */
export function publishedCell(value: PulledValue): Cell {
  if (value === null || typeof value !== 'object') return value;
  const serial = excelSerial(value.iso);
  const epochMs = serial === undefined ? undefined : serialToEpochMs(serial, false);
  if (epochMs === undefined) return value.iso;
  return { kind: 'date', epochMs, hasTime: value.kind === 'datetime' };
}

/** An edited cell without the export's protective apostrophe (only where the export adds one). */
export function editedCell(cell: Cell | undefined): Cell {
  if (cell === undefined) return null;
  if (typeof cell !== 'string' || cell.charCodeAt(0) !== 39 /* ' */) return cell;
  const rest = cell.slice(1);
  return safeCellText(rest) === cell ? rest : cell;
}

/** Whether an edited row holds nothing at all (a row the owner cleared, or a styled empty row). */
export function isEmptyRow(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    if (typeof c === 'string' && c.trim() === '') continue;
    return false;
  }
  return true;
}

/**
 * One byte per compared column per published row (a cheap hash of its text), to name the
 * columns that differ in a changed row. A byte is a hint, not a proof: a changed value keeps its
 * byte with a chance of 1 in 256, and that column is then not named. Kept only for tables of at
 * most MAX_COLUMNS columns, so it never outgrows the match table itself.
 */
export class ColumnFingerprints {
  static readonly MAX_COLUMNS = 64;
  private bytes: Uint8Array;

  constructor(readonly width: number) {
    this.bytes = new Uint8Array(Math.max(1, width) * 1024);
  }

  set(id: number, column: number, text: string): void {
    const at = id * this.width + column;
    if (at >= this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, at + this.width));
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes[at] = fingerprint(text);
  }

  differs(id: number, column: number, text: string): boolean {
    return this.bytes[id * this.width + column] !== fingerprint(text);
  }
}

function fingerprint(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 8) ^ (h >>> 16) ^ (h >>> 24)) & 0xff;
}
