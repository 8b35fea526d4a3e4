// Runs anywhere (pure core).
// "What changed" for a re-imported workbook: the edited sheet of the owner's file against the
// published version it was pulled from, read side by side as streams (diffRows keeps hashes only).

import type { ByteSource } from '../ingest/types';
import { openSource } from '../ingest/open-source';
import { displayText } from '../infer/classify-cell';
import type { MeshStore } from '../mesh/mesh-store';
import { ProblemCollector } from '../problems';
import { UserFacingError } from '../result';
import { diffRows, primaryKeyColumns, type DataDiff } from './data-diff';
import { endpointRows, openEndpoint } from './read-endpoint';

export interface DiffSourceInput {
  store: MeshStore;
  bytes: ByteSource;
  fileName: string;
  /** The edited sheet (default: "Data" when the workbook has one, else the first). */
  sheet?: string;
  /** Its header row as Excel shows it (default 1: pulled workbooks start with the header). */
  headerRow?: number;
  product: string;
  version: string;
  endpoint?: string;
  signal?: AbortSignal;
  onProgress?: (p: { publishedRows: number; editedRows: number }) => void;
}

export async function diffSource(input: DiffSourceInput): Promise<DataDiff> {
  const signalOpt = input.signal ? { signal: input.signal } : {};
  const source = await openSource(input.bytes, input.fileName, input.signal);
  try {
    const sheet = input.sheet ?? (source.sheets.find((s) => s.name === 'Data') ?? source.sheets[0])?.name;
    if (sheet === undefined || !source.sheets.some((s) => s.name === sheet)) {
      throw new UserFacingError('diff.no-sheet', `"${input.fileName}" has no sheet "${input.sheet ?? 'Data'}" to compare. Choose the sheet that holds the data.`);
    }
    const headerRow = input.headerRow ?? 1;
    // The header row first (a short read), then the whole sheet once more for the comparison.
    let names: string[] | undefined;
    for await (const batch of source.rows(sheet, { problems: new ProblemCollector(), ...signalOpt })) {
      const row = batch.find((r) => r.row === headerRow);
      if (row) names = row.cells.map((c) => displayText(c ?? null));
      if (row || batch.some((r) => r.row > headerRow)) break;
    }
    if (!names) throw new UserFacingError('diff.no-header', `Sheet "${sheet}" of "${input.fileName}" has nothing in row ${headerRow}, where its column names should be.`);
    const opened = await openEndpoint(input.store, { product: input.product, version: input.version.replace(/^v/, ''), endpoint: input.endpoint ?? 'default', ...signalOpt });
    return await diffRows({
      published: endpointRows(input.store, opened, signalOpt),
      publishedColumns: opened.columns,
      edited: source.rows(sheet, { problems: new ProblemCollector(), ...signalOpt }),
      editedHeaderRow: headerRow,
      editedColumns: names,
      key: primaryKeyColumns(opened.contract, opened.endpoint.name),
      ...signalOpt,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
  } finally {
    await source.close().catch(() => undefined);
  }
}
