// Node only.
// Saving a file the owner chose so that it is there whole or not at all: written to a hidden
// temporary file next to it, flushed to the disk, then renamed over the target. Any file error
// comes back in words (write-errors.ts); a cancel or failure leaves no temporary file behind.

import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { throwIfCancelled, UserFacingError } from '../../core/result';
import { writeError } from './write-errors';

/**
 * Runs `write` on a stream to a temporary file and renames it to `target` when it succeeds.
 * Throws UserFacingError (file problems in words), CancelledError, or what `write` threw.
 */
export async function writeFileAtomically<T>(target: string, signal: AbortSignal | undefined, write: (stream: WriteStream) => Promise<T>): Promise<T> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  let out: WriteStream | undefined;
  try {
    throwIfCancelled(signal);
    await checkTarget(target);
    out = await openTemp(temp);
    const stream = out;
    // A write error (disk full, drive removed) is raised on the stream, possibly while the writer
    // is not listening: race it against the writing so it ends the save instead of hanging.
    const broken = new Promise<never>((_, reject) => stream.on('error', reject));
    broken.catch(() => undefined);
    const result = await Promise.race([write(stream), broken]);
    await closed(stream);
    await syncFile(temp);
    throwIfCancelled(signal);
    await rename(temp, target);
    return result;
  } catch (e) {
    out?.destroy();
    await unlink(temp).catch(() => undefined);
    const code = (e as { code?: unknown } | null)?.code;
    if (!(e instanceof UserFacingError) && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      const error = writeError(code, target);
      throw new UserFacingError(error.code, error.message);
    }
    throw e;
  }
}

/** The folder must exist and the target must not be a folder: said before anything is written. */
async function checkTarget(target: string): Promise<void> {
  const folder = await stat(dirname(target)); // ENOENT: the folder is missing
  if (!folder.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
}

/** Creates the temporary file; resolves once it is open so "no permission" comes back here. */
function openTemp(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const s = createWriteStream(path, { flags: 'wx' });
    s.once('open', () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
}

/** Flushes the file to the disk before the rename, so a power cut cannot leave an empty file. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
