// Runs anywhere (pure core).
// Streams one sheet's rows: compressed bytes → inflate (bounded) → XML events → typed rows,
// yielding batches as soon as they fill so memory stays flat whatever the sheet's size.
// Progress is the share of the sheet's compressed bytes consumed; cancellation is checked
// between 32 KB slices of compressed input.

import { CancelledError } from '../../result';
import type { ByteSource, ReadContext, SourceRow } from '../types';
import { SheetRowsParser, type SheetEnv } from './sheet-rows';
import { createXmlReader } from './xml-stream';
import type { ZipEntry } from './zip-directory';
import { streamEntry } from './zip-entry-stream';

const PROGRESS_EVERY = 1024 * 1024;

export async function* readSheetRows(
  src: ByteSource,
  entry: ZipEntry,
  env: SheetEnv,
  ctx: ReadContext,
  onMerges?: (merges: string[]) => void,
): AsyncGenerator<SourceRow[]> {
  const parser = new SheetRowsParser(env);
  const xml = createXmlReader(parser, { part: entry.name, sheet: env.sheet, limits: env.limits, where: () => parser.where(), rawNames: true });
  const total = entry.compressedSize;
  let reported = 0;
  const progress = (done: number): void => {
    if (!ctx.onProgress || (done - reported < PROGRESS_EVERY && done < total)) return;
    reported = done;
    ctx.onProgress({ bytesDone: done, bytesTotal: total, rows: parser.rowsRead });
  };
  const stream = streamEntry(src, entry, {
    limits: env.limits,
    sheet: env.sheet,
    onConsumed: progress,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  for await (const chunk of stream) {
    xml.write(chunk);
    while (parser.ready.length) {
      yield parser.ready.shift()!;
      if (ctx.signal?.aborted) throw new CancelledError();
    }
  }
  xml.end();
  parser.finish();
  onMerges?.(parser.merges);
  while (parser.ready.length) yield parser.ready.shift()!;
  ctx.onProgress?.({ bytesDone: total, bytesTotal: total, rows: parser.rowsRead });
}
