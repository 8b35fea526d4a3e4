// Runs anywhere (pure core).
// Opens a CSV file as a one-sheet source: the encoding and delimiter are judged from the first
// 64 KB, then rows() streams the whole file in batches, reading it afresh on every call.
// Header detection, ragged-row checks and typing happen later, in the profiler.

import type { ProblemInput } from '../../problems';
import { CancelledError, UserFacingError, throwIfCancelled } from '../../result';
import type { ByteSource, OpenedSource, ReadContext, SheetInfo, SourceRow } from '../types';
import { createDecoder, type CsvEncoding } from './decode';
import { detectDelimiter, type CsvDelimiter } from './detect-delimiter';
import { detectEncoding, SAMPLE_BYTES } from './detect-encoding';
import { noSuchSheetMessage } from './messages';
import { CsvTokenizer } from './tokenizer';

/** Report progress after at least this many more bytes (and once at the end). */
export const PROGRESS_EVERY_BYTES = 256 * 1024;

export interface CsvSource extends OpenedSource {
  readonly format: 'csv';
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
  /**
   * What opening found that the owner should know (e.g. "read as Windows-1252"). rows() also
   * adds these to its ctx.problems at the start of every read, so a caller that reads rows
   * need not report them again; an overview that reads no rows can show them from here.
   */
  readonly notes: readonly ProblemInput[];
}

/** "Sales 2024.csv" → "Sales 2024"; folders are dropped. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.length > 0 ? stem : 'Sheet1';
}

export async function openCsv(bytes: ByteSource, fileName: string, signal?: AbortSignal): Promise<CsvSource> {
  throwIfCancelled(signal);
  const sample = await bytes.read(0, Math.min(bytes.size, SAMPLE_BYTES));
  throwIfCancelled(signal);
  const wholeFile = sample.length >= bytes.size;
  const displayName = fileName.split(/[\\/]/).pop() ?? fileName;
  const { encoding, bomLength, notes: encodingNotes } = detectEncoding(sample, wholeFile, displayName);

  // UTF-16: keep whole code units; the decoder's streaming mode copes with a cut surrogate pair.
  const body = sample.subarray(bomLength, encoding.startsWith('utf-16') ? bomLength + ((sample.length - bomLength) & ~1) : sample.length);
  const sampleText = createDecoder(encoding).decode(body, wholeFile).text;
  const delimiter = detectDelimiter(sampleText, wholeFile, displayName);

  const sheetName = sheetNameFor(fileName);
  const sheet: SheetInfo = { name: sheetName, index: 0 };
  const notes: ProblemInput[] = encodingNotes.map((n) => ({ ...n, sheet: sheetName }));

  return {
    format: 'csv',
    encoding,
    delimiter,
    sheets: [sheet],
    notes,
    rows(name: string, ctx: ReadContext): AsyncIterable<SourceRow[]> {
      if (name !== sheetName) {
        throw new UserFacingError('csv.no-such-sheet', noSuchSheetMessage(displayName, name, sheetName), { sheet: name });
      }
      return readRows(bytes, { encoding, bomLength, delimiter, sheetName, notes }, ctx);
    },
    async close() {
      // The ByteSource belongs to the caller (it may open the same bytes again), so it stays open.
    },
  };
}

interface ReadPlan {
  encoding: CsvEncoding;
  bomLength: number;
  delimiter: CsvDelimiter;
  sheetName: string;
  notes: readonly ProblemInput[];
}

/** Bytes decoded to text at a time (see readRows). */
const DECODE_SLICE_BYTES = 64 * 1024;

async function* readRows(bytes: ByteSource, plan: ReadPlan, ctx: ReadContext): AsyncGenerator<SourceRow[]> {
  const { signal, onProgress, problems } = ctx;
  throwIfCancelled(signal);
  for (const note of plan.notes) problems.add(note);

  const decoder = createDecoder(plan.encoding);
  const tok = new CsvTokenizer({ delimiter: plan.delimiter, problems, sheet: plan.sheetName });
  const total = bytes.size;
  let done = plan.bomLength;
  let reported = done;

  const feed = (chunk: Uint8Array, final: boolean): void => {
    const { text, badAt } = decoder.decode(chunk, final);
    if (badAt >= 0) tok.markInvalidBytes(badAt);
    tok.push(text);
  };

  for await (const chunk of bytes.stream(plan.bomLength, total, signal)) {
    throwIfCancelled(signal);
    // Decode in small slices: a decoded 1 MB chunk would be a "large object" that only V8's
    // full collections free, so memory would grow with the file. 64 KB strings live and die
    // in the young generation together with the rows cut from them.
    for (let at = 0; at < chunk.length; at += DECODE_SLICE_BYTES) {
      feed(chunk.subarray(at, Math.min(chunk.length, at + DECODE_SLICE_BYTES)), false);
      for (let batch = tok.nextBatch(); batch; batch = tok.nextBatch()) {
        yield batch;
        throwIfCancelled(signal);
      }
    }
    done += chunk.length;
    if (onProgress && done - reported >= PROGRESS_EVERY_BYTES) {
      reported = done;
      onProgress({ bytesDone: done, bytesTotal: total, rows: tok.rowsEmitted });
    }
  }
  // A source may simply stop streaming when aborted: make sure that is not taken as the end.
  if (signal?.aborted) throw new CancelledError();

  feed(new Uint8Array(0), true);
  tok.finish();
  for (let batch = tok.nextBatch(); batch; batch = tok.nextBatch()) {
    yield batch;
    throwIfCancelled(signal);
  }
  onProgress?.({ bytesDone: done, bytesTotal: total, rows: tok.rowsEmitted });
}
