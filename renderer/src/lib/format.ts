// Browser (renderer). Pure formatting helpers: every number and size the owner reads goes
// through here so the screens say things the same way everywhere.

import type { SheetInfo } from '../../../shared/core/ingest/types';
import type { SheetReport } from '../../../shared/core/inspect/report';

// One fixed locale: the owner's screens and the end-to-end tests must agree on "1,204".
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1204 → "1,204". Non-finite input (a bug upstream) shows as "?" rather than "NaN". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? counts.format(n) : '?';
}

/** (1, "row") → "1 row"; (1204, "row") → "1,204 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Bytes in the units people see in their file manager (decimal, like macOS and Windows' "MB"). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1000) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Whole percent in [0, 100]; 0 when the total is unknown. */
export function percent(done: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(done)) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/**
 * "Sales — 1,204 rows × 12 columns", "Notes (hidden) — 3 rows × 1 column". A CSV's size is only
 * known once it has been read: then the measured data rows and columns are shown instead.
 */
export function sheetLabel(sheet: SheetInfo, measured?: { rows: number; columns: number }): string {
  const name = sheet.hidden ? `${sheet.name} (hidden)` : sheet.name;
  if (sheet.rowCount === undefined && sheet.columnCount === undefined) {
    if (measured) return `${name} — ${plural(measured.rows, 'row')} × ${plural(measured.columns, 'column')}`;
    return `${name} — size known after reading`;
  }
  const rows = sheet.rowCount === undefined ? 'rows not known' : plural(sheet.rowCount, 'row');
  const cols = sheet.columnCount === undefined ? 'columns not known' : plural(sheet.columnCount, 'column');
  return `${name} — ${rows} × ${cols}`;
}

/** The sentence above the preview grid; always contains the sheet's data row count. */
export function rowCountText(sheet: Pick<SheetReport, 'rows' | 'preview'>): string {
  const shown = sheet.preview.rowNumbers.length;
  if (sheet.rows === 0) return 'This sheet has no data rows below the header (0 rows).';
  if (sheet.preview.truncated || shown < sheet.rows) {
    return `Showing the first ${formatCount(shown)} of ${plural(sheet.rows, 'row')}`;
  }
  return `Showing all ${plural(sheet.rows, 'row')}`;
}

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas (,)',
  ';': 'semicolons (;)',
  '\t': 'tabs',
  '|': 'vertical bars (|)',
};

/** ";" → "Values separated by semicolons (;)". */
export function delimiterText(delimiter: string): string {
  const named = DELIMITER_NAMES[delimiter];
  return `Values separated by ${named ?? `"${delimiter}"`}`;
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8 text',
  'utf-16le': 'UTF-16 text (little-endian)',
  'utf-16be': 'UTF-16 text (big-endian)',
  'windows-1252': 'Windows Western text (Windows-1252)',
};

export function encodingText(encoding: string): string {
  return ENCODING_NAMES[encoding.toLowerCase()] ?? `${encoding} text`;
}

/** The short facts line under the file name. */
export function sourceFacts(o: { format: 'csv' | 'xlsx'; encoding?: string; delimiter?: string; size?: number }): string[] {
  const facts: string[] = [o.format === 'csv' ? 'CSV text file' : 'Excel workbook (.xlsx)'];
  if (o.size !== undefined) facts.push(formatBytes(o.size));
  if (o.encoding) facts.push(encodingText(o.encoding));
  if (o.delimiter) facts.push(delimiterText(o.delimiter));
  return facts;
}

/** A moment as the owner reads it: "2025-03-04 14:05" (ISO order is unambiguous everywhere). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  const seconds = m[3] && m[3] !== '00' ? `:${m[3]}` : '';
  return m[2] === '00:00' && !seconds ? m[1]! : `${m[1]} ${m[2]}${seconds}`;
}
