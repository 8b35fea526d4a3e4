// Runs anywhere (pure core).
// Rows of one sheet → the endpoint's CSV data parts in the mesh: header in every part, at most
// `partRows` data rows each, values normalized per column. Parts go out several at a time (the
// server, not us, should be the limit), while a bounded number of bytes waits in memory: small
// parts are sent whole in one request, a part that grows large is streamed as it is written.

import type { SourceRow } from '../ingest/types';
import { isEmptyCell } from '../infer/classify-cell';
import type { MeshStore } from '../mesh/mesh-store';
import { CancelledError, throwIfCancelled } from '../result';
import { ByteChannel } from './byte-channel';
import { csvField, csvRecord } from './csv-text';
import type { CellNormalizer } from './normalize-cell';

/** Text is encoded to UTF-8 in slices of about this many characters. */
const ENCODE_CHARS = 256 * 1024;
/** A part larger than this is streamed to the store instead of sent in one request. */
export const STREAM_PART_BYTES = 8 * 1024 * 1024;
/** Bytes a streamed part may hold in memory before the writer waits for the store. */
const CHANNEL_BYTES = 4 * 1024 * 1024;
export const DEFAULT_PART_CONCURRENCY = 8;
/**
 * Large parts streamed at the same time. Each streamed upload holds its own buffers (S3
 * multipart: several 5 MB pieces), so only a few at once keep memory flat.
 */
const MAX_STREAMED = 2;

export interface WritePartsOptions {
  store: MeshStore;
  /** Key of part n (1-based). */
  keyFor: (n: number) => string;
  /** The sheet's rows from its first row; rows up to `headerRow` are skipped. */
  rows: AsyncIterable<SourceRow[]>;
  headerRow: number;
  /** Column names, written as the first record of every part. */
  header: readonly string[];
  normalizers: readonly CellNormalizer[];
  partRows: number;
  concurrency?: number;
  signal?: AbortSignal;
  /** After each stored part: parts and bytes stored so far, data rows read so far. */
  onProgress?: (p: { partsDone: number; bytesSent: number; rows: number }) => void;
}

export interface WrittenParts {
  parts: number;
  rows: number;
  bytes: number;
  keys: string[];
}

export async function writeParts(o: WritePartsOptions): Promise<WrittenParts> {
  const enc = new TextEncoder();
  const concurrency = Math.max(1, o.concurrency ?? DEFAULT_PART_CONCURRENCY);
  const width = o.header.length;
  const headerText = csvRecord(o.header);
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  o.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const keys: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let partsDone = 0;
  let bytesSent = 0;
  let rows = 0;

  // The part being written.
  let partNo = 0;
  let rowsInPart = 0;
  let text: string[] = [];
  let textLen = 0;
  let chunks: Uint8Array[] = [];
  let partBytes = 0;
  let channel: ByteChannel | undefined;
  /** Bytes of the part being streamed (read when its upload completes). */
  let streamed = { bytes: 0 };
  let streamsInFlight = 0;

  const check = () => {
    if (failure !== undefined) throw failure;
    throwIfCancelled(o.signal);
  };

  const waitForSlot = async () => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    check();
  };

  const launch = (key: string, body: Uint8Array | ByteChannel, size: () => number) => {
    const stream = body instanceof ByteChannel;
    if (stream) streamsInFlight++;
    const p: Promise<void> = o.store
      .put(key, body, { contentType: 'text/csv; charset=utf-8', signal: stop.signal, ...(body instanceof Uint8Array ? { size: body.byteLength } : {}) })
      .then(() => {
        partsDone++;
        bytesSent += size();
        o.onProgress?.({ partsDone, bytesSent, rows });
      })
      .catch((e: unknown) => {
        if (failure === undefined) failure = o.signal?.aborted ? new CancelledError() : e;
        stop.abort();
        if (body instanceof ByteChannel) body.fail(failure);
      })
      .finally(() => {
        if (stream) streamsInFlight--;
        inFlight.delete(p);
      });
    inFlight.add(p);
  };

  const startPart = () => {
    partNo++;
    keys.push(o.keyFor(partNo));
    rowsInPart = 0;
    text = [headerText];
    textLen = headerText.length;
  };

  const addBytes = async (b: Uint8Array) => {
    partBytes += b.byteLength;
    if (channel) {
      streamed.bytes += b.byteLength;
      await channel.push(b);
      return;
    }
    chunks.push(b);
    if (partBytes > STREAM_PART_BYTES) {
      // Too big to hold: from now on the part flows to the store as it is written.
      await waitForSlot();
      while (streamsInFlight >= MAX_STREAMED) {
        await Promise.race(inFlight);
        check();
      }
      const ch = new ByteChannel(CHANNEL_BYTES);
      channel = ch;
      const part = (streamed = { bytes: partBytes });
      launch(keys[partNo - 1]!, ch, () => part.bytes);
      const pending = chunks;
      chunks = [];
      for (const c of pending) await ch.push(c);
    }
  };

  const flushText = async () => {
    if (textLen === 0) return;
    const bytes = enc.encode(text.length === 1 ? text[0] : text.join(''));
    text = [];
    textLen = 0;
    await addBytes(bytes);
  };

  const finishPart = async () => {
    await flushText();
    if (channel) {
      channel.close();
      channel = undefined;
    } else {
      const body = concat(chunks, partBytes);
      await waitForSlot();
      launch(keys[partNo - 1]!, body, () => body.byteLength);
    }
    chunks = [];
    partBytes = 0;
    rowsInPart = 0;
  };

  try {
    // The hot loop (a million rows) reads locals; Array.join beats += here (no rope to flatten).
    const fields: string[] = new Array<string>(width);
    const norm = o.normalizers;
    for await (const batch of o.rows) {
      check();
      for (const src of batch) {
        if (src.row <= o.headerRow) continue;
        const cells = src.cells;
        if (isBlankRow(cells)) continue;
        if (rowsInPart === 0) startPart();
        for (let c = 0; c < width; c++) fields[c] = csvField(norm[c]!(cells[c] ?? null));
        const line = fields.join(',') + '\r\n';
        text.push(line);
        textLen += line.length;
        rowsInPart++;
        rows++;
        if (textLen >= ENCODE_CHARS) await flushText();
        if (rowsInPart >= o.partRows) await finishPart();
      }
    }
    // A table without rows still gets one part: consumers learn its columns from the header.
    if (partNo === 0) startPart();
    if (rowsInPart > 0 || partBytes > 0 || textLen > 0) await finishPart();
    while (inFlight.size > 0) await Promise.race(inFlight);
    check();
    return { parts: partNo, rows, bytes: bytesSent, keys };
  } catch (e) {
    // Stop every upload and wait for them to settle, so that a clean-up after us sees them all.
    stop.abort();
    channel?.fail(e);
    await Promise.allSettled([...inFlight]);
    throw failure ?? e;
  } finally {
    o.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function isBlankRow(cells: readonly (SourceRow['cells'][number])[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i] ?? null)) return false;
  return true;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
