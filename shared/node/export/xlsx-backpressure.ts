// Node only.
// exceljs's streaming WorkbookWriter has no backpressure: a committed row is turned into XML and
// pushed on at once, whatever the zip compressor and the disk can take, so a million rows piled
// up ~560 MB (FIELD-NOTES). The pile sits in the sheet's own buffer and in the stream archiver
// puts between that buffer and the compressor (exceljs ignores its "full" answer). This module
// measures them, plus the file stream, and lets the writer wait until they have drained below a
// bound, so memory stays flat however many rows are written.
//
// Yielding matters as much as measuring: zlib compresses on other threads and reports back
// through the event loop, so a writer that never gives the loop a turn starves the zip
// completely (measured: nothing reached the disk before the last row; the whole sheet's XML,
// ~500 MB for a million rows, waited in memory).
//
// These are exceljs and archiver internals. sheetPipeline() checks they are where we expect and
// throws if a library upgrade moved them, instead of silently losing the bound; a test checks
// that pending() really sees the bytes.

import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { throwIfCancelled } from '../../core/result';

/** Bytes allowed to wait between the sheet and the disk before the writer pauses. */
export const DEFAULT_PENDING_LIMIT = 4 * 1024 * 1024;

/** What both Node's streams and the older readable-stream package's keep: their queued bytes. */
interface StreamLike {
  _writableState?: { length?: number; needDrain?: boolean };
  _readableState?: { length?: number };
  once?(event: 'drain', listener: () => void): unknown;
  removeListener?(event: 'drain', listener: () => void): unknown;
}

interface SheetBuffer {
  buffers: { length: number }[];
  pipes: StreamLike[];
}

export interface SheetPipeline {
  /** Bytes written by exceljs that have not reached the file yet (compressed or not). */
  pending(): number;
  /** Resolves once pending() is at most the limit; throws CancelledError when cancelled. */
  room(signal: AbortSignal | undefined): Promise<void>;
}

export function sheetPipeline(sheet: ExcelJS.Worksheet, output: Writable, limit = DEFAULT_PENDING_LIMIT): SheetPipeline {
  const buffer = (sheet as unknown as { stream?: unknown }).stream as SheetBuffer | undefined;
  if (!buffer || !Array.isArray(buffer.buffers) || !Array.isArray(buffer.pipes)) {
    throw new Error('the installed exceljs streams sheets differently than Mesh Desk expects (no sheet buffer), so the export could not keep its memory bounded');
  }
  const pending = (): number => {
    let bytes = output.writableLength;
    for (const b of buffer.buffers) bytes += b.length;
    for (const p of buffer.pipes) bytes += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
    return bytes;
  };
  const room = async (signal: AbortSignal | undefined): Promise<void> => {
    while (pending() > limit) {
      throwIfCancelled(signal);
      // A broken output (disk full, drive gone) never drains: the caller reports its error.
      if (output.destroyed || output.errored) throw output.errored ?? new Error('the file stream was closed');
      const next = buffer.pipes.find((p) => p._writableState?.needDrain);
      if (next?.once) await drainOrTick(next);
      else await tick();
    }
  };
  return { pending, room };
}

/** Waits for the stream's 'drain', but no longer than a moment (it may drain another way). */
function drainOrTick(stream: StreamLike): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stream.removeListener?.('drain', done);
      resolve();
    };
    const timer = setTimeout(done, 20);
    stream.once!('drain', done);
  });
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2));
}
