// Runs anywhere (pure core).
// The first rows of a sheet kept as display text for the preview grid: what the owner sees in
// their spreadsheet (CSV text unchanged; typed cells as Excel shows them), with row numbers.
// Very long cells are shortened so one odd cell cannot blow up the memory or the grid.

import type { SourceRow } from '../ingest/types';
import type { PreviewData } from '../inspect/report';
import { shorten } from '../problems';
import { displayText } from '../infer/classify-cell';
import { detachString } from '../ingest/csv/detach-string';

/** Cells longer than this many characters are cut and end with "…". */
export const PREVIEW_CELL_CHARS = 1000;

export class PreviewCollector {
  private readonly rowNumbers: number[] = [];
  private readonly cells: string[][] = [];
  private truncated = false;

  constructor(private readonly limit: number) {}

  /** Keeps the row while there is room; `width` is the table width at this point. */
  add(src: SourceRow, width: number): void {
    if (this.cells.length >= this.limit) {
      this.truncated = true;
      return;
    }
    const n = Math.min(width, src.cells.length);
    const row = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const cell = src.cells[i];
      const text = cell === undefined ? '' : displayText(cell);
      row[i] = text.length > PREVIEW_CELL_CHARS ? shorten(text, PREVIEW_CELL_CHARS) : detachString(text);
    }
    this.rowNumbers.push(src.row);
    this.cells.push(row);
  }

  /** Rows padded with "" to the final table width. */
  finish(width: number): PreviewData {
    for (const row of this.cells) while (row.length < width) row.push('');
    return { rowNumbers: this.rowNumbers, cells: this.cells, truncated: this.truncated };
  }
}
