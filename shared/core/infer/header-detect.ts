// Runs anywhere (pure core).
// Finding the header row among the first rows of a sheet. Spreadsheets made by people often
// start with a title ("Sales report Q3"), a note ("Prepared by …") and a blank line before the
// table. The header is the first row that is about as wide as the table below it, made mostly
// of distinct text labels. When no row looks like that (a table without a header, or numeric
// labels such as years) the first row about as wide as the table is taken, which is row 0 for a
// plain headerless table — the owner can always choose another row.

import type { Cell, SourceRow } from '../ingest/types';
import { classifyText, displayText, isEmptyCell } from './classify-cell';
import { K_BOOL, K_TEXT, kindOf } from './value-classes';

/** How many rows from the top are looked at. */
export const HEADER_SCAN_ROWS = 30;
/** A header must be at least this wide compared with the widest rows of the table. */
const WIDTH_SHARE = 0.8;
/** … made of at least this share of text labels (not numbers or dates) … */
const TEXT_SHARE = 0.7;
/** … that are (nearly) all different. */
const DISTINCT_SHARE = 0.9;
/** Title and note lines are far narrower than the widest row. */
const MIN_SHARE_OF_WIDEST = 0.5;
/** Rows below a candidate that show the table's typical width. */
const ROWS_BELOW = 5;

interface RowShape {
  filled: number;
  text: number;
  distinct: number;
}

function isLabel(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const kind = kindOf(classifyText(cell.trim()));
  return kind === K_TEXT || kind === K_BOOL; // "X" / "Y" are yes/no words but fine labels
}

function shapeOf(row: SourceRow): RowShape {
  let filled = 0;
  let text = 0;
  const seen = new Set<string>();
  for (const cell of row.cells) {
    if (isEmptyCell(cell)) continue;
    filled++;
    if (isLabel(cell)) text++;
    seen.add(displayText(cell).trim().toLowerCase());
  }
  return { filled, text, distinct: seen.size };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
}

/** Index into `rows` (the first rows of a sheet, title lines included) of the header row. */
export function detectHeaderRow(rows: readonly SourceRow[]): number {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  const shapes = scan.map(shapeOf);
  const nonEmpty: number[] = [];
  shapes.forEach((s, i) => {
    if (s.filled > 0) nonEmpty.push(i);
  });
  if (nonEmpty.length === 0) return 0;
  const widest = Math.max(...nonEmpty.map((i) => shapes[i]!.filled));

  for (let k = 0; k < nonEmpty.length; k++) {
    const i = nonEmpty[k]!;
    const s = shapes[i]!;
    if (s.filled < MIN_SHARE_OF_WIDEST * widest || (widest > 1 && s.filled < 2)) continue; // titles, notes
    // A header is followed directly by its data; a blank row right after marks a title block.
    if (k + 1 < nonEmpty.length && nonEmpty[k + 1] !== i + 1) continue;
    const below = nonEmpty.slice(k + 1, k + 1 + ROWS_BELOW).map((j) => shapes[j]!.filled);
    const tableWidth = below.length > 0 ? Math.max(median(below), s.filled) : s.filled;
    if (s.filled < WIDTH_SHARE * tableWidth) continue;
    if (s.text < TEXT_SHARE * s.filled) continue;
    if (s.distinct < DISTINCT_SHARE * s.filled) continue;
    return i;
  }
  // No row looks like a header: the table starts at its first row of typical width.
  const typical = median(nonEmpty.map((i) => shapes[i]!.filled));
  for (const i of nonEmpty) if (shapes[i]!.filled >= WIDTH_SHARE * typical) return i;
  return nonEmpty[0]!;
}
