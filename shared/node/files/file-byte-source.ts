// Node only.
// A ByteSource over a file on disk. Readers in the core take random access (zip directories
// at the end of an xlsx) and streams (CSV) through this one interface, so a 1 GB file is never
// loaded whole: read() uses positioned reads on one open handle, stream() reads 1 MiB chunks.

import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../../core/ingest/types';
import { CancelledError, UserFacingError } from '../../core/result';

/** Chunk size of stream(): large enough for fast parsing, small enough to bound memory. */
export const STREAM_CHUNK_BYTES = 1 << 20;

/**
 * Opens `path` for reading. `displayName` is the name the owner knows (an upload keeps its
 * original name even though it is stored under a sanitized one); it defaults to the file name.
 * Throws UserFacingError with a plain message when the file cannot be read.
 */
export async function openFileByteSource(path: string, displayName?: string): Promise<ByteSource> {
  const name = displayName ?? basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw openError(e, name);
  }
  let size: number;
  try {
    const info = await handle.stat();
    // On Linux a folder can be opened for reading; only reads fail. Catch it here, in words.
    if (!info.isFile()) throw folderError(name);
    size = info.size;
  } catch (e) {
    await handle.close().catch(() => {});
    throw e instanceof UserFacingError ? e : openError(e, name);
  }

  let closed = false;
  return {
    name,
    size,
    async read(offset, length) {
      if (closed) throw closedError(name);
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(want);
      let filled = 0;
      // A positioned read may return fewer bytes than asked; loop until done or end of file.
      while (filled < want) {
        const { bytesRead } = await handle.read(buffer, filled, want - filled, offset + filled).catch((e) => {
          throw readError(e, name);
        });
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === want ? buffer : buffer.subarray(0, filled);
    },
    stream(start = 0, end = size, signal) {
      return streamRange(path, name, Math.max(0, start), Math.min(end, size), signal, () => closed);
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => {});
    },
  };
}

async function* streamRange(
  path: string,
  name: string,
  start: number,
  end: number,
  signal: AbortSignal | undefined,
  isClosed: () => boolean,
): AsyncIterable<Uint8Array> {
  if (isClosed()) throw closedError(name);
  if (signal?.aborted) throw new CancelledError();
  if (end <= start) return;
  // createReadStream's `end` is inclusive; ByteSource ranges are [start, end).
  const stream = createReadStream(path, { start, end: end - 1, highWaterMark: STREAM_CHUNK_BYTES, signal });
  try {
    for await (const chunk of stream) {
      yield chunk as Buffer;
    }
  } catch (e) {
    // An aborted read is a cancel, not a failure: stopping early must never look like "done".
    if (signal?.aborted) throw new CancelledError();
    throw readError(e, name);
  } finally {
    stream.destroy();
  }
  if (signal?.aborted) throw new CancelledError();
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function folderError(name: string): UserFacingError {
  return new UserFacingError(
    'file.is-folder',
    `"${name}" is a folder, not a file. Choose the CSV or Excel file inside it instead.`,
  );
}

function closedError(name: string): UserFacingError {
  return new UserFacingError('file.closed', `"${name}" was already closed by Mesh Desk. Open the file again.`);
}

function openError(e: unknown, name: string): UserFacingError {
  switch (errnoCode(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserFacingError(
        'file.not-found',
        `Mesh Desk cannot find "${name}". It may have been moved, renamed or deleted. Choose the file again.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new UserFacingError(
        'file.no-permission',
        `Mesh Desk is not allowed to read "${name}". Check that you have permission to open it, or copy it to your Documents folder and choose the copy.`,
      );
    case 'EISDIR':
      return folderError(name);
    case 'EMFILE':
    case 'ENFILE':
      return new UserFacingError(
        'file.too-many-open',
        `Mesh Desk could not open "${name}" because too many files are open right now. Close other jobs or programs and try again.`,
      );
    case 'EBUSY':
      return new UserFacingError(
        'file.busy',
        `"${name}" is locked by another program (perhaps it is open in Excel). Close it there and try again.`,
      );
    default:
      return readError(e, name);
  }
}

function readError(e: unknown, name: string): UserFacingError {
  if (e instanceof UserFacingError) return e;
  const code = errnoCode(e);
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EBUSY') {
    return openError(e, name);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new UserFacingError(
    'file.unreadable',
    `Mesh Desk could not read "${name}" (${detail}). If the file is on a network drive or USB stick, copy it to your computer and try again.`,
  );
}
