// Runs anywhere (pure core).
// The one-pass profile of a sheet: rows below the header go in batch by batch (addRows), the
// column profiles, row count and preview come out at the end (finish). Memory is bounded per
// column (see ColumnProfiler) plus the preview rows. Wholly empty rows are skipped (not data).
// The table grows when a row has values past its last column; nothing is ever dropped.

import { COLUMN_TYPES, type ColumnProfile, type ColumnType, type PreviewData } from '../inspect/report';
import type { Cell, SourceRow } from '../ingest/types';
import type { ProblemSink } from '../problems';
import * as cells from '../infer/classify-cell';
import { nameColumns } from '../infer/column-names';
import { ColumnProfiler } from './column-profiler';
import { reportDuplicateName, reportUnnamed } from './column-problems';
import { reportColumn } from './column-report';
import { PreviewCollector } from './preview';
import { reportExtraValues, reportMissingValues } from './ragged-rows';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { displayText, isEmptyCell } = cells;

export interface SheetProfilerOptions {
  sheet: string;
  format: 'csv' | 'xlsx';
  /** The header row; undefined → no header: columns are named "Column A" … */
  header: SourceRow | undefined;
  /** The owner's type choices by 0-based column index. */
  typeOverrides?: Record<number, ColumnType>;
  problems: ProblemSink;
  /** Rows kept for the preview grid (e.g. 10,000). */
  previewRows: number;
}

export interface SheetProfile {
  columns: ColumnProfile[];
  /** Data rows (wholly empty rows not counted). */
  rows: number;
  preview: PreviewData;
}

/** Sees each data cell right after the profiler classified it (see SheetProfiler.addRows). */
export interface CellObserver {
  /** A row with at least one value starts. */
  beginRow(src: SourceRow): void;
  /** A wholly empty row (not data). */
  emptyRow(src: SourceRow): void;
  /** `key`: the profiler's classification (-1 empty); the module's readings hold its values. */
  cell(index: number, cell: Cell | undefined, key: number, src: SourceRow): void;
}

export class SheetProfiler {
  private readonly opts: SheetProfilerOptions;
  /** Header texts exactly as in the file, trailing empty cells left out. */
  private readonly headerTexts: string[];
  private readonly cols: ColumnProfiler[] = [];
  /** Width rows are compared with: the header's, or without a header the first data row's. */
  private refWidth: number;
  private rows = 0;
  private readonly preview: PreviewCollector;
  private result: SheetProfile | undefined;

  constructor(opts: SheetProfilerOptions) {
    this.opts = opts;
    const cells = opts.header?.cells ?? [];
    let width = cells.length;
    while (width > 0 && isEmptyCell(cells[width - 1] ?? null)) width--;
    this.headerTexts = [];
    for (let i = 0; i < width; i++) this.headerTexts.push(displayText(cells[i] ?? null));
    this.refWidth = opts.header ? width : -1;
    for (let i = 0; i < width; i++) this.cols.push(new ColumnProfiler(i));
    this.preview = new PreviewCollector(Math.max(0, opts.previewRows));
  }

  /** Data rows below the header, in order. */
  /**
   * `observer` (the quality checker) sees every cell right after it is classified, in the same
   * pass, so each cell is classified once for both.
   */
  addRows(rows: readonly SourceRow[], observer?: CellObserver): void {
    if (this.result) throw new Error('SheetProfiler: addRows after finish');
    const cols = this.cols;
    for (const src of rows) {
      const cells = src.cells;
      const len = cells.length;
      let first = 0;
      while (first < len && isEmptyCell(cells[first] ?? null)) first++;
      if (first === len) {
        observer?.emptyRow(src);
        continue; // a wholly empty row is not data
      }
      if (len !== cols.length || len !== this.refWidth) this.checkWidth(src);
      this.rows++;
      this.preview.add(src, cols.length);
      const width = cols.length;
      if (observer === undefined) {
        if (len >= width) {
          for (let c = 0; c < width; c++) cols[c]!.add(cells[c], src);
        } else {
          for (let c = 0; c < width; c++) cols[c]!.add(c < len ? cells[c] : null, src);
        }
        continue;
      }
      observer.beginRow(src);
      for (let c = 0; c < width; c++) {
        const cell = c < len ? cells[c] : null;
        const col = cols[c]!;
        col.add(cell, src);
        observer.cell(c, cell, col.cellKey, src);
      }
    }
  }

  /** Ragged rows: grow the table for values past its last column; report them for CSV. */
  private checkWidth(src: SourceRow): void {
    const cells = src.cells;
    let last = cells.length - 1;
    while (last >= 0 && isEmptyCell(cells[last] ?? null)) last--;
    if (this.refWidth < 0) this.refWidth = last + 1; // no header: the first data row sets the width
    const csv = this.opts.format === 'csv';
    const hasHeader = this.opts.header !== undefined;
    if (last >= this.refWidth && csv) reportExtraValues(this.opts.problems, this.opts.sheet, src, this.refWidth, last, hasHeader);
    else if (cells.length < this.refWidth && csv) reportMissingValues(this.opts.problems, this.opts.sheet, src, this.refWidth, hasHeader);
    for (let i = this.cols.length; i <= last; i++) this.cols.push(new ColumnProfiler(i, this.rows));
  }

  /** The names the header's columns get (the same ones finish() reports). */
  headerNames(): string[] {
    return nameColumns(this.headerTexts, this.headerTexts.length).names;
  }

  finish(): SheetProfile {
    if (this.result) return this.result;
    const { sheet, problems } = this.opts;
    const width = this.cols.length;
    const naming = nameColumns(this.headerTexts, width);
    if (this.opts.header) {
      const headerRow = this.opts.header.row;
      for (const d of naming.duplicates) reportDuplicateName(problems, sheet, d, headerRow);
      for (const i of naming.unnamed) reportUnnamed(problems, sheet, i, naming.names[i]!, headerRow);
    }
    const overrides = this.opts.typeOverrides;
    const columns = this.cols.map((col, i) =>
      reportColumn(col, {
        sheet,
        name: naming.names[i]!,
        header: this.headerTexts[i] ?? '',
        override: overrideOf(overrides, i),
        problems,
      }),
    );
    this.result = { columns, rows: this.rows, preview: this.preview.finish(width) };
    return this.result;
  }
}

/** The owner's choice for a column, if it is one of the known types. */
function overrideOf(overrides: Record<number, ColumnType> | undefined, index: number): ColumnType | undefined {
  if (!overrides || !Object.hasOwn(overrides, index)) return undefined;
  const t = overrides[index];
  return t !== undefined && COLUMN_TYPES.includes(t) ? t : undefined;
}
