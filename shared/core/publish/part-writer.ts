// Runs anywhere (pure core).
// The general path from rows to data parts: every cell read by the source's reader (CSV or
// XLSX), normalized per column, written as RFC 4180 text. Works for every file; the CSV fast
// path (csv-fast-parts.ts) takes over where the file is already in the published form.

import type { SourceRow } from '../ingest/types';
import { isEmptyCell } from '../infer/classify-cell';
import { csvField } from './csv-text';
import type { CellNormalizer } from './normalize-cell';
import { PartSink, type PartSinkOptions, type WrittenParts } from './part-sink';

export { DEFAULT_PART_CONCURRENCY, STREAM_PART_BYTES } from './part-sink';
export type { WrittenParts } from './part-sink';

export interface WritePartsOptions extends PartSinkOptions {
  /** The sheet's rows from its first row; rows up to `headerRow` are skipped. */
  rows: AsyncIterable<SourceRow[]>;
  headerRow: number;
  normalizers: readonly CellNormalizer[];
}

export async function writeParts(o: WritePartsOptions): Promise<WrittenParts> {
  const sink = new PartSink(o);
  const width = o.header.length;
  try {
    // The hot loop (a million rows) reads locals; Array.join beats += here (no rope to flatten).
    const fields: string[] = new Array<string>(width);
    const norm = o.normalizers;
    const headerRow = o.headerRow;
    for await (const batch of o.rows) {
      sink.check();
      for (const src of batch) {
        if (src.row <= headerRow) continue;
        const cells = src.cells;
        if (isBlankRow(cells)) continue;
        sink.begin();
        for (let c = 0; c < width; c++) fields[c] = csvField(norm[c]!(cells[c] ?? null));
        const full = sink.line(fields.join(',') + '\r\n');
        if (sink.end() || full) await sink.flush();
      }
    }
    return await sink.close();
  } catch (e) {
    throw await sink.abort(e);
  }
}

export function isBlankRow(cells: readonly (SourceRow['cells'][number])[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i] ?? null)) return false;
  return true;
}
