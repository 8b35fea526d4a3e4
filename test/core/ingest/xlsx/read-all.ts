// Node only (tests). Reads every sheet of a workbook into memory for assertions.

import { ProblemCollector, type Problem } from '../../../../shared/core/problems';
import { bytesSource, type OpenedSource, type SourceRow } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';
import type { XlsxLimits } from '../../../../shared/core/ingest/xlsx/limits';

export interface ReadResult {
  source: OpenedSource;
  rows: Record<string, SourceRow[]>;
  problems: Problem[];
}

export async function readAll(bytes: Uint8Array, limits?: Partial<XlsxLimits>, name = 'book.xlsx'): Promise<ReadResult> {
  const source = await openXlsx(bytesSource(name, bytes), limits ? { limits } : {});
  const problems = new ProblemCollector();
  const rows: Record<string, SourceRow[]> = {};
  for (const s of source.sheets) {
    const list: SourceRow[] = [];
    for await (const batch of source.rows(s.name, { problems })) list.push(...batch);
    rows[s.name] = list;
  }
  return { source, rows, problems: problems.list() };
}

/** Runs `fn` and returns the thrown error (fails the test when nothing is thrown). */
export async function errorOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an error, but the call succeeded');
}

/** Row number → cells, for readable assertions. */
export function byRow(rows: SourceRow[]): Map<number, SourceRow['cells']> {
  return new Map(rows.map((r) => [r.row, r.cells]));
}
