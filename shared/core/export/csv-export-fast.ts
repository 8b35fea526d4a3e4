// Runs anywhere (pure core).
// "Save as CSV" with a comma: the fast path. Published parts are already comma CSV with CRLF,
// so instead of parsing every value into a typed one and writing it back (csvExportChunks),
// the parts' bytes stream through PartCopier almost as they are: one header line for the whole
// file, each part's own header checked and dropped, and only the few values the general path
// would write differently rebuilt by the general path's own writer — so the two paths write
// the same bytes (a test compares them). The checks are endpointRows' (columns against the
// contract, every part's header against the first, rows found against rows published, missing
// parts), with its words: a part the copier cannot read is read again by the general parser
// to say what is wrong with it, exactly as a typed export would have said it.

import type { MeshStore } from '../mesh/mesh-store';
import { damaged, PartsReader } from '../pull/part-parser';
import { endpointPartSource, valueReader, type OpenedEndpoint, type PullProgress, type RawPart } from '../pull/read-endpoint';
import { throwIfCancelled } from '../result';
import { csvFieldText, csvHeaderText, type CsvExportOptions } from './csv-export';
import { COPY_INTEGER, COPY_NUMBER, COPY_TEXT, PartAnomaly, PartCopier, type CopyKind } from './csv-export-scan';

export interface CsvFastExportOptions extends CsvExportOptions {
  onProgress?: (p: PullProgress) => void;
}

/** Whether the fast path writes this export: comma delimiter and point decimals, as published. */
export function csvFastPathApplies(opts: Pick<CsvExportOptions, 'delimiter' | 'decimal'>): boolean {
  return opts.delimiter === ',' && (opts.decimal ?? '.') === '.';
}

/**
 * The endpoint as CSV bytes, the same bytes csvExportChunks writes from endpointRows (comma
 * delimiter only; see csvFastPathApplies). Progress is reported after every part, with rows.
 */
export async function* csvFastExportChunks(store: MeshStore, opened: OpenedEndpoint, opts: CsvFastExportOptions): AsyncIterable<Uint8Array> {
  if (!csvFastPathApplies(opts)) throw new Error('csvFastExportChunks writes comma-delimited CSV with point decimals only');
  const signal = opts.signal;
  throwIfCancelled(signal);
  const { columns } = opened;
  const source = endpointPartSource(store, opened, { ...(signal ? { signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  const readers = columns.map(valueReader);
  const kinds = columns.map((c): CopyKind => (c.type === 'integer' ? COPY_INTEGER : c.type === 'number' ? COPY_NUMBER : COPY_TEXT));
  const copier = new PartCopier(kinds, (col, text) => csvFieldText(readers[col]!(text), { delimiter: ',', decimal: '.' }));
  let firstHeader: string[] | undefined;
  let rows = 0;
  source.progress(0, 0);
  yield new TextEncoder().encode(csvHeaderText(columns, opts));
  for await (const part of source.parts) {
    copier.startPart((names) => {
      if (part.n === 1) {
        source.checkHeader(names);
        firstHeader = names;
      } else if (!sameNames(names, firstHeader)) {
        throw new PartAnomaly("its column names differ from the first part's.");
      }
    });
    try {
      for await (const chunk of part.chunks) {
        throwIfCancelled(signal);
        copier.push(chunk);
        const out = copier.take();
        if (out) yield out;
      }
      copier.end();
    } catch (e) {
      if (e instanceof PartAnomaly) throw await explain(store, part, source.of, firstHeader, e, signal);
      throw e;
    }
    const rest = copier.take(true);
    if (rest) yield rest;
    rows += copier.rows;
    source.progress(rows, part.n);
  }
  source.checkRows(rows);
}

function sameNames(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The words for a part the copier could not read: the general parser reads it again (from the
 * store: the copy consumed it) and its error is the one a typed export gives. Should the general
 * parser accept it after all, the copier's own finding is reported, in the same form: a
 * damaged part is never exported half right.
 */
async function explain(store: MeshStore, part: RawPart, of: string, firstHeader: string[] | undefined, anomaly: PartAnomaly, signal?: AbortSignal): Promise<Error> {
  throwIfCancelled(signal);
  const reader = new PartsReader();
  if (part.n > 1 && firstHeader) reader.header = firstHeader;
  try {
    const stream = await store.getStream(part.key, signal);
    if (stream) {
      for await (const batch of reader.records(stream, { label: { part: part.n, of }, ...(signal ? { signal } : {}) })) void batch;
    }
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  return damaged({ part: part.n, of }, anomaly.message);
}
