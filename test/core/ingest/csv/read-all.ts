// Node only (test helper).
// Opens bytes with openCsv and reads every row, so tests can compare whole results.

import { openCsv, type CsvSource } from '../../../../shared/core/ingest/csv/open-csv';
import { bytesSource, type ReadProgress, type SourceRow } from '../../../../shared/core/ingest/types';
import { ProblemCollector, type Problem } from '../../../../shared/core/problems';

export interface ReadAll {
  source: CsvSource;
  rows: SourceRow[];
  batches: number[];
  problems: Problem[];
  progress: ReadProgress[];
}

export async function readAll(bytes: Uint8Array | string, name = 'data.csv', chunkSize?: number): Promise<ReadAll> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const source = await openCsv(bytesSource(name, data, chunkSize), name);
  const problems = new ProblemCollector();
  const progress: ReadProgress[] = [];
  const rows: SourceRow[] = [];
  const batches: number[] = [];
  for await (const batch of source.rows(source.sheets[0]!.name, { problems, onProgress: (p) => progress.push(p) })) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { source, rows, batches, problems: problems.list(), progress };
}

/** Just the cells, for compact expectations. */
export const cellsOf = (r: ReadAll): unknown[][] => r.rows.map((x) => x.cells);
/** [row, line] pairs. */
export const placesOf = (r: ReadAll): [number, number | undefined][] => r.rows.map((x) => [x.row, x.line]);
