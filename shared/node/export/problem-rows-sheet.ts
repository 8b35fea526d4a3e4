// Node only.
// The "Rows with problems" sheet: the owner's own rows that the examples point at, copied in
// full so they can see the problem in context. The sheet's rows are read again as a stream;
// only the named rows are kept (at most 20 examples per finding, so the sheet stays small) and
// reading stops right after the last one, so a problem near the top of a 1 GB file is quick.

import type ExcelJS from 'exceljs';
import { exactNumber, safeCellText } from '../../core/export/spreadsheet-safe';
import type { ProblemRowPlan } from '../../core/export/check-report-content';
import { displayText } from '../../core/infer/classify-cell';
import type { Cell, SourceRow } from '../../core/ingest/types';
import type { SheetReport } from '../../core/inspect/report';
import { throwIfCancelled } from '../../core/result';

/** Excel has 16,384 columns; the first holds "Row in your file". */
const MAX_OWNER_COLUMNS = 16_384 - 1;

const MARK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE08A' } };

export interface ProblemRowsProgress {
  /** Rows of the owner's sheet read so far. */
  rowsRead: number;
  /** Rows copied into the report so far, and how many the examples name. */
  rowsCopied: number;
  rowsWanted: number;
}

/** Writes the heading, then copies the planned rows; returns how many rows were copied. */
export async function writeProblemRows(
  ws: ExcelJS.Worksheet,
  plan: ProblemRowPlan,
  sheet: SheetReport | undefined,
  rows: AsyncIterable<SourceRow[]> | undefined,
  signal: AbortSignal | undefined,
  onProgress: ((p: ProblemRowsProgress) => void) | undefined,
): Promise<number> {
  const columns = sheet?.columns ?? [];
  // The owner's column C sits one column to the right here, so each heading names its letter
  // in the owner's file: findings and examples speak of those letters.
  const heading = ['Row in your file', ...columns.slice(0, MAX_OWNER_COLUMNS).map((c) => safeCellText(`${c.name} (${c.letter})`))];
  // The streaming writer emits column widths with the first committed row: set them first.
  ws.getColumn(1).width = 16;
  for (let c = 2; c <= heading.length; c++) ws.getColumn(c).width = 18;
  const head = ws.addRow(heading);
  head.font = { bold: true };
  head.commit();
  if (!rows || plan.rows.length === 0) return 0;

  const wanted = new Set(plan.rows);
  const last = plan.rows[plan.rows.length - 1]!;
  let rowsRead = 0;
  let copied = 0;
  const report = () => onProgress?.({ rowsRead, rowsCopied: copied, rowsWanted: wanted.size });
  outer: for await (const batch of rows) {
    throwIfCancelled(signal);
    for (const src of batch) {
      rowsRead++;
      if (src.row > last) break outer; // rows come in order: nothing further is needed
      if (!wanted.has(src.row)) continue;
      copyRow(ws, src, plan.marked.get(src.row));
      copied++;
    }
    report();
  }
  report();
  return copied;
}

/** Copies one row, highlighting the cells the examples name. */
function copyRow(ws: ExcelJS.Worksheet, src: SourceRow, marked: Set<number> | undefined): void {
  const width = Math.min(src.cells.length, MAX_OWNER_COLUMNS);
  const values: (string | number | boolean | null)[] = [src.row];
  for (let i = 0; i < width; i++) values.push(cellValue(src.cells[i] ?? null));
  const row = ws.addRow(values);
  // Highlight the cells the examples name; a problem with the whole row (no column) marks
  // its row number instead.
  const cols = [...(marked ?? [])].filter((c) => c < MAX_OWNER_COLUMNS);
  if (cols.length === 0) row.getCell(1).fill = MARK_FILL;
  for (const col of cols) row.getCell(col + 2).fill = MARK_FILL;
  row.commit();
}

/**
 * Plain values only. Numbers stay numbers (also CSV text that is exactly a number, so "-12.5"
 * is not shown as "'-12.5"); everything else is the owner's display text, made safe.
 */
function cellValue(cell: Cell): string | number | boolean | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : safeCellText(String(cell));
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'string') {
    if (cell === '') return null;
    return exactNumber(cell) ?? safeCellText(cell);
  }
  return safeCellText(displayText(cell));
}
