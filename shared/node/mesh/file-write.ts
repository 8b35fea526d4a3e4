// Node only.
// Writes bytes or a stream to a temp file next to the target, hashing while writing, then
// fsyncs it. FIELD-NOTES: a writer killed mid-write corrupts a file written in place, never one
// written to a temp file and renamed — so the real key only ever sees complete files. Each chunk
// is awaited before the next is pulled: that is the backpressure, memory stays at one chunk.

import { open, unlink, type FileHandle } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { MeshError } from '../../core/mesh/mesh-store';
import { CancelledError } from '../../core/result';
import { TEMP_PREFIX } from './file-keys';

export interface TempWrite {
  tempPath: string;
  etag: string;
  size: number;
}

/** S3 quotes its ETags; so do we, so callers can treat both stores alike. */
export const etagOfDigest = (hex: string): string => `"${hex}"`;

/** Compares ETags ignoring quotes and a weak "W/" marker, as HTTP does for If-Match. */
export function sameEtag(a: string, b: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return bare(a) === bare(b);
}

/** The ETag of a file's current bytes, or null when it does not exist. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<{ etag: string; size: number } | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new CancelledError();
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT') return null;
    throw e;
  }
  return { etag: etagOfDigest(hash.digest('hex')), size };
}

/** Waits for the next chunk, but gives up as soon as the signal fires (a stalled source). */
function nextOrAbort<T>(it: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T>> {
  if (!signal) return it.next();
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (r) => { signal.removeEventListener('abort', onAbort); resolve(r); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

async function writeAll(handle: FileHandle, body: Uint8Array | AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>,
  signal: AbortSignal | undefined, onProgress: ((n: number) => void) | undefined): Promise<number> {
  if (body instanceof Uint8Array) {
    if (signal?.aborted) throw new CancelledError();
    hash.update(body);
    await handle.write(body, 0, body.length);
    onProgress?.(body.length);
    return body.length;
  }
  const it = body[Symbol.asyncIterator]();
  let written = 0;
  try {
    for (;;) {
      const r = await nextOrAbort(it, signal);
      if (r.done) break;
      const chunk = r.value;
      if (!(chunk instanceof Uint8Array)) throw new TypeError('mesh put: stream chunks must be Uint8Array');
      if (signal?.aborted) throw new CancelledError();
      hash.update(chunk);
      // write() may write fewer bytes than asked; loop until the chunk is on disk.
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
      written += chunk.length;
      onProgress?.(written);
    }
  } catch (e) {
    // Tell the source we stop reading (closes its file or request); ignore its own errors.
    void Promise.resolve(it.return?.()).catch(() => undefined);
    throw e;
  }
  return written;
}

/**
 * Writes `body` to a new temp file in `folder` and fsyncs it. On any failure or cancellation
 * the temp file is removed before the error is thrown.
 */
export async function writeTemp(folder: string, body: Uint8Array | AsyncIterable<Uint8Array>, opts: {
  key: string; size?: number; signal?: AbortSignal; onProgress?: (bytesSent: number) => void;
}): Promise<TempWrite> {
  const tempPath = join(folder, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(tempPath, 'wx');
  const hash = createHash('sha256');
  try {
    const size = await writeAll(handle, body, hash, opts.signal, opts.onProgress);
    if (opts.size !== undefined && size !== opts.size) {
      throw new MeshError('mesh.io', `"${opts.key}" was not saved: ${opts.size} bytes were expected but ${size} arrived. Nothing was changed; please try again.`);
    }
    await handle.sync();
    await handle.close();
    return { tempPath, etag: etagOfDigest(hash.digest('hex')), size };
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw e;
  }
}
