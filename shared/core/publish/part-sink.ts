// Runs anywhere (pure core).
// Where the records of one endpoint go: cut into data parts of at most `partRows` records, the
// header first in each, sent to the store several at a time while a bounded number of bytes
// waits in memory — small parts whole in one request, a part that grows large streamed as it is
// written. Records arrive as text (the general path) or as bytes (the fast path for CSV that is
// already in the published form); both may be mixed, order is kept.

import type { MeshStore } from '../mesh/mesh-store';
import { CancelledError, throwIfCancelled } from '../result';
import { ByteChannel } from './byte-channel';
import { csvRecord } from './csv-text';

/** Text is encoded and bytes are staged in slices of about this size. */
const SLICE = 256 * 1024;
/** A part larger than this is streamed to the store instead of sent in one request. */
export const STREAM_PART_BYTES = 8 * 1024 * 1024;
/** Bytes a streamed part may hold in memory before the writer waits for the store. */
const CHANNEL_BYTES = 4 * 1024 * 1024;
export const DEFAULT_PART_CONCURRENCY = 8;
/** Large parts streamed at once: each streamed upload holds its own buffers (S3 multipart pieces). */
const MAX_STREAMED = 2;

export interface PartSinkOptions {
  store: MeshStore;
  /** Key of part n (1-based); called once as each part starts. */
  keyFor: (n: number) => string;
  header: readonly string[];
  partRows: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: { partsDone: number; bytesSent: number; rows: number }) => void;
}

export interface WrittenParts {
  parts: number;
  rows: number;
  bytes: number;
  keys: string[];
}

export class PartSink {
  readonly keys: string[] = [];
  rows = 0;
  private readonly enc = new TextEncoder();
  private readonly concurrency: number;
  private readonly headerText: string;
  private readonly stop = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private partsDone = 0;
  private bytesSent = 0;
  private partNo = 0;
  private rowsInPart = 0;
  private text: string[] = [];
  private textLen = 0;
  private staged = new Uint8Array(SLICE);
  private stagedLen = 0;
  private chunks: Uint8Array[] = [];
  /** Bytes in `chunks` (waiting to go into the part). */
  private chunkBytes = 0;
  private partBytes = 0;
  private channel: ByteChannel | undefined;
  private streamed = { bytes: 0 };
  private streamsInFlight = 0;
  private readonly onOuterAbort = () => this.stop.abort();

  constructor(private readonly o: PartSinkOptions) {
    this.concurrency = Math.max(1, o.concurrency ?? DEFAULT_PART_CONCURRENCY);
    this.headerText = csvRecord(o.header);
    o.signal?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** Throws the first upload failure, or CancelledError. */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
    throwIfCancelled(this.o.signal);
  }

  /** Call before each record. */
  begin(): void {
    if (this.rowsInPart > 0) return;
    this.partNo++;
    this.keys.push(this.o.keyFor(this.partNo));
    this.text.push(this.headerText);
    this.textLen += this.headerText.length;
  }

  /** A whole record as text (with its CRLF). True when the caller must await flush(). */
  line(line: string): boolean {
    if (this.stagedLen > 0) this.pushChunk(this.takeStaged());
    this.text.push(line);
    this.textLen += line.length;
    return this.textLen >= SLICE;
  }

  /** Part of a record as bytes. True when the caller must await flush(). */
  bytes(src: Uint8Array, start: number, end: number): boolean {
    if (this.textLen > 0) this.encodeText();
    let n = end - start;
    while (n > 0) {
      const room = this.staged.length - this.stagedLen;
      const take = n < room ? n : room;
      this.staged.set(src.subarray(start, start + take), this.stagedLen);
      this.stagedLen += take;
      start += take;
      n -= take;
      if (this.stagedLen === this.staged.length) this.pushChunk(this.takeStaged());
    }
    return this.pendingBytes() >= SLICE;
  }

  /** Text known to hold only ASCII (checked by the caller), copied as bytes without an encoder. */
  ascii(text: string): boolean {
    if (this.textLen > 0) this.encodeText();
    for (let i = 0; i < text.length; i++) {
      if (this.stagedLen === this.staged.length) this.pushChunk(this.takeStaged());
      this.staged[this.stagedLen++] = text.charCodeAt(i);
    }
    return this.pendingBytes() >= SLICE;
  }

  /** Call after each record. True when the part is full: the caller must await flush(). */
  end(): boolean {
    this.rowsInPart++;
    this.rows++;
    return this.rowsInPart >= this.o.partRows;
  }

  /** Moves what is waiting into the part, and closes the part when it is full. */
  async flush(): Promise<void> {
    await this.moveToPart();
    if (this.rowsInPart >= this.o.partRows) await this.finishPart();
  }

  /** After the last record: the last part (a table without rows still gets one, with its header). */
  async close(): Promise<WrittenParts> {
    if (this.partNo === 0) this.begin();
    if (this.rowsInPart > 0 || this.textLen > 0 || this.stagedLen > 0 || this.partBytes > 0 || this.chunks.length > 0) await this.finishPart();
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.check();
    this.o.signal?.removeEventListener('abort', this.onOuterAbort);
    return { parts: this.partNo, rows: this.rows, bytes: this.bytesSent, keys: this.keys };
  }

  /** Stops every upload and waits for them to settle (so a clean-up sees them all); returns the error to throw. */
  async abort(e: unknown): Promise<unknown> {
    this.stop.abort();
    this.channel?.fail(e);
    await Promise.allSettled([...this.inFlight]);
    this.o.signal?.removeEventListener('abort', this.onOuterAbort);
    return this.failure ?? e;
  }

  private pendingBytes(): number {
    return this.stagedLen + this.chunkBytes;
  }

  private pushChunk(c: Uint8Array): void {
    this.chunks.push(c);
    this.chunkBytes += c.byteLength;
  }

  private takeStaged(): Uint8Array {
    const out = this.staged.slice(0, this.stagedLen);
    this.stagedLen = 0;
    return out;
  }

  private encodeText(): void {
    if (this.textLen === 0) return;
    this.pushChunk(this.enc.encode(this.text.length === 1 ? this.text[0] : this.text.join('')));
    this.text = [];
    this.textLen = 0;
  }

  private async moveToPart(): Promise<void> {
    this.encodeText();
    if (this.stagedLen > 0) this.pushChunk(this.takeStaged());
    const pending = this.chunks;
    this.chunks = [];
    this.chunkBytes = 0;
    for (const c of pending) await this.addToPart(c);
  }

  private async waitForSlot(): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.check();
  }

  private partChunks: Uint8Array[] = [];

  private async addToPart(b: Uint8Array): Promise<void> {
    this.partBytes += b.byteLength;
    if (this.channel) {
      this.streamed.bytes += b.byteLength;
      await this.channel.push(b);
      return;
    }
    this.partChunks.push(b);
    if (this.partBytes > STREAM_PART_BYTES) {
      // Too big to hold: from now on the part flows to the store as it is written.
      await this.waitForSlot();
      while (this.streamsInFlight >= MAX_STREAMED) {
        await Promise.race(this.inFlight);
        this.check();
      }
      const ch = new ByteChannel(CHANNEL_BYTES);
      this.channel = ch;
      const part = (this.streamed = { bytes: this.partBytes });
      this.launch(this.keys[this.partNo - 1]!, ch, () => part.bytes);
      const held = this.partChunks;
      this.partChunks = [];
      for (const c of held) await ch.push(c);
    }
  }

  private async finishPart(): Promise<void> {
    await this.moveToPart();
    if (this.channel) {
      this.channel.close();
      this.channel = undefined;
    } else {
      const body = concat(this.partChunks, this.partBytes);
      await this.waitForSlot();
      this.launch(this.keys[this.partNo - 1]!, body, () => body.byteLength);
    }
    this.partChunks = [];
    this.partBytes = 0;
    this.rowsInPart = 0;
  }

  private launch(key: string, body: Uint8Array | ByteChannel, size: () => number): void {
    const stream = body instanceof ByteChannel;
    if (stream) this.streamsInFlight++;
    const p: Promise<void> = this.o.store
      .put(key, body, { contentType: 'text/csv; charset=utf-8', signal: this.stop.signal, ...(body instanceof Uint8Array ? { size: body.byteLength } : {}) })
      .then(() => {
        this.partsDone++;
        this.bytesSent += size();
        this.o.onProgress?.({ partsDone: this.partsDone, bytesSent: this.bytesSent, rows: this.rows });
      })
      .catch((e: unknown) => {
        if (this.failure === undefined) this.failure = this.o.signal?.aborted ? new CancelledError() : e;
        this.stop.abort();
        if (body instanceof ByteChannel) body.fail(this.failure);
      })
      .finally(() => {
        if (stream) this.streamsInFlight--;
        this.inFlight.delete(p);
      });
    this.inFlight.add(p);
  }
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
