// Node only.
// The zip container of an .xlsx, streamed to a file: parts are added one after the other
// (fflate's streaming Zip writes the headers, data descriptors and central directory), and the
// writer waits whenever more than a bound of bytes waits to be compressed or written, so a
// million-row sheet never piles up in memory however slow the disk is.
//
// The big streamed part is deflated by Node's zlib rather than fflate's JavaScript deflate:
// measured on the 1M-row bench, fflate at level 1 spent ~19 s of main-thread CPU, while zlib
// runs natively on libuv's thread pool, in parallel with the rows being turned into XML. Small
// parts use fflate's synchronous ZipDeflate: no thread round trip for a few kilobytes.

import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import type { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { throwIfCancelled, UserFacingError } from '../../core/result';

/** Unwritten bytes the file stream may hold before the writer waits for it to drain. */
export const ZIP_PENDING_LIMIT = 8 * 1024 * 1024;
/** Bytes gathered before they are deflated: big enough to amortize the calls into zlib. */
const CHUNK_BYTES = 512 * 1024;
/**
 * fflate writes classic zip headers (no Zip64), whose sizes and offsets stop at 4 GiB. A part
 * or a file that would pass it is refused in words instead of written broken.
 */
const ZIP32_LIMIT = 0xffff_ffff - 64 * 1024 * 1024;

export interface ZipWriterOptions {
  /** Deflate level: 1 is several times faster than 6 for a few per cent more bytes. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Modification time stored for every part. */
  mtime: Date;
  signal?: AbortSignal;
  /** Bytes that may wait for the compressor or the file before the writer waits (ZIP_PENDING_LIMIT). */
  pendingLimit?: number;
}

/** A part being written: text in, deflated bytes out to the file. */
export interface ZipPart {
  write(text: string): void;
  /** Resolves when the file can take more; call it every few hundred rows. */
  room(): Promise<void>;
  /** Flushes the last text and closes the part. */
  end(): Promise<void>;
}

export class XlsxZipWriter {
  private readonly zip: Zip;
  private failure: unknown;
  private written = 0;
  private open = false;
  private readonly limit: number;
  private current: NodeDeflateFile | undefined;

  constructor(
    private readonly out: Writable,
    private readonly opts: ZipWriterOptions,
  ) {
    this.limit = opts.pendingLimit ?? ZIP_PENDING_LIMIT;
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure ??= err;
        return;
      }
      this.written += chunk.length;
      if (this.written > ZIP32_LIMIT) this.failure ??= tooBig();
      this.out.write(chunk);
      if (final) this.out.end();
    });
  }

  /** Adds a whole small part, deflated at once on this thread. */
  async addPart(name: string, text: string): Promise<void> {
    this.claim(name);
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = this.opts.mtime;
    this.zip.add(file);
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > ZIP32_LIMIT) throw tooBig();
    file.push(bytes, true);
    this.open = false;
    await this.room();
  }

  /** Starts a streamed part (deflated by zlib off this thread); the previous one must have ended. */
  openPart(name: string): ZipPart {
    this.claim(name);
    const file = new NodeDeflateFile(name, this.opts.level ?? 1, this.opts.mtime);
    this.current = file;
    this.zip.add(file);
    file.onerror = (e) => (this.failure ??= e);
    // Text is encoded straight into a buffer of CHUNK_BYTES, handed to zlib when full (a new
    // buffer then: zlib still reads the old one on its thread).
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    const flush = (final: boolean): void => {
      const bytes = buf.subarray(0, used);
      if (!final) buf = Buffer.allocUnsafe(CHUNK_BYTES);
      used = 0;
      file.push(bytes, final);
      if (file.size > ZIP32_LIMIT) throw tooBig();
      this.check();
    };
    const write = (text: string): void => {
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (text.length * 3 > CHUNK_BYTES - used) {
        if (used > 0) flush(false);
        if (text.length * 3 > CHUNK_BYTES) {
          file.push(Buffer.from(text, 'utf8'), false);
          if (file.size > ZIP32_LIMIT) throw tooBig();
          return;
        }
      }
      used += buf.write(text, used, 'utf8');
    };
    const room = async (): Promise<void> => {
      // Compressor input first (it is what grows while the thread pool is busy), then the file.
      while (file.backlog() > this.limit) {
        throwIfCancelled(this.opts.signal);
        this.check();
        await file.drained();
      }
      await this.room();
    };
    return {
      write,
      room,
      end: async () => {
        flush(true);
        await file.finished();
        this.check();
        this.open = false;
        await this.room();
      },
    };
  }

  /** Stops after a failure or cancel: frees the compressor of an unfinished part. */
  abort(): void {
    this.current?.destroy();
    this.current = undefined;
    this.zip.terminate();
  }

  private claim(name: string): void {
    if (this.open) throw new Error(`zip part ${name} opened before the previous one ended`);
    this.open = true;
  }

  /** Ends the archive (writes the central directory) and waits until the file has it all. */
  async finish(): Promise<void> {
    this.zip.end();
    this.check();
    if (this.out.writableFinished) return;
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.out.off('error', reject);
        resolve();
      };
      this.out.once('finish', done);
      this.out.once('error', reject);
    });
  }

  /** Waits while the file stream is behind by more than the limit. */
  async room(): Promise<void> {
    while (this.out.writableLength > this.limit) {
      throwIfCancelled(this.opts.signal);
      this.check();
      await drained(this.out);
    }
    throwIfCancelled(this.opts.signal);
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
    // A broken output (disk full, drive gone) never drains: the caller reports its error.
    if (this.out.destroyed || this.out.errored) throw this.out.errored ?? new Error('the file stream was closed');
  }
}

/**
 * A zip entry deflated by Node's zlib (raw deflate, method 8). fflate's Zip asks an entry only
 * for its name, time, size, CRC and compressed chunks through ondata, so the compression may
 * come from anywhere; size and CRC are counted on the bytes pushed, before they are final.
 */
class NodeDeflateFile implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  onerror: (e: unknown) => void = () => undefined;
  private readonly z: DeflateRaw;
  private readonly done: Promise<void>;

  constructor(
    readonly filename: string,
    level: number,
    readonly mtime: Date,
  ) {
    this.z = createDeflateRaw({ level, strategy: constants.Z_DEFAULT_STRATEGY });
    this.z.on('data', (chunk: Buffer) => this.ondata(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.done = new Promise((resolve, reject) => {
      this.z.once('end', () => {
        this.ondata(null, new Uint8Array(0), true);
        resolve();
      });
      this.z.once('error', (e) => {
        this.onerror(e);
        reject(e);
      });
    });
    this.done.catch(() => undefined);
  }

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    if (chunk.length) this.z.write(chunk);
    if (final) this.z.end();
  }

  /** Bytes handed to zlib and not compressed yet. */
  backlog(): number {
    return this.z.writableLength;
  }

  drained(): Promise<void> {
    return drained(this.z);
  }

  finished(): Promise<void> {
    return this.done;
  }

  destroy(): void {
    this.z.destroy();
  }
}

/** The next 'drain', or an error or close (then the caller's check reports it). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('error', done);
    out.once('close', done);
  });
}

function tooBig(): UserFacingError {
  return new UserFacingError(
    'export.too-big',
    'This table is too big for one Excel file (more than 4 GB of cells before compression). Nothing was saved. Save it as CSV instead, or ask the owner for a smaller table.',
  );
}
