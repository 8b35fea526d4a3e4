// Node only.
// The `file:///some/folder` mesh: the embedded default, a folder in the owner's documents (or on
// a shared drive), no account needed. Same contract as the S3 store (DESIGN.md §4): keys are
// files under the root, ETags are content hashes, and conditional writes let exactly one of two
// concurrent publishers commit product.yaml. Data only reaches a key by rename of a complete,
// fsynced temp file, so a crash never leaves a half-written file under a real key.

import { link, lstat, mkdir, open, readdir, readFile, realpath, rename, rmdir, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MeshError, type MeshStore, type PutOptions, type StoredObject, type WriteCondition } from '../../core/mesh/mesh-store';
import { CancelledError, throwIfCancelled } from '../../core/result';
import { checkKey, INTERNAL_PREFIX, keyToPath, lockPathOf, pathToKey, prefixFolder } from './file-keys';
import { errnoOf, meshIoError } from './file-errors';
import { DEFAULT_LOCK_STALE_MS, DEFAULT_LOCK_WAIT_MS, withLock } from './file-lock';
import { etagOfDigest, hashFile, sameEtag, writeTemp } from './file-write';
import { EtagMemory } from './file-etags';
import { checkFolder } from './file-check';

export { cleanStaleTemps } from './file-cleanup';

export interface FileStoreOptions {
  /** A key's lock file older than this is from a crashed writer (default 60 s). */
  lockStaleMs?: number;
  /** How long a write waits for another writer of the same key (default 20 s). */
  lockWaitMs?: number;
}

/** Errors that mean "this folder cannot make hard links": fall back to check-then-rename. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export function createFileStore(root: string, opts: FileStoreOptions = {}): MeshStore {
  const rootPath = resolve(root);
  const url = pathToFileURL(rootPath).href;
  const etags = new EtagMemory();
  const lockOpts = { staleMs: opts.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, waitMs: opts.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS };

  /**
   * Keys are checked by name already; this also refuses a folder or file inside the mesh that
   * is a link to somewhere outside it (someone could plant one on a shared drive).
   */
  async function assertInside(path: string, key: string): Promise<void> {
    const [realRoot, real] = await Promise.all([realpath(rootPath), realpath(path)]);
    if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
      throw new MeshError('mesh.bad-url', `"${key}" in the mesh folder ${rootPath} is a link to a place outside that folder, so Mesh Desk will not use it. Replace the link with a real file or folder.`);
    }
  }

  /** Existing path checked for links, or null when missing. */
  async function existing(path: string, key: string): Promise<boolean> {
    try {
      await assertInside(path, key);
      return true;
    } catch (e) {
      if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return false;
      throw e;
    }
  }

  async function head(key: string, signal?: AbortSignal): Promise<StoredObject | null> {
    const path = keyToPath(rootPath, key);
    throwIfCancelled(signal);
    try {
      if (!(await existing(path, key))) return null;
      const d = await etags.describe(path, signal);
      return d && { key, size: d.size, etag: d.etag, lastModified: d.mtime.toISOString() };
    } catch (e) {
      throw meshIoError(e, `read "${key}"`, rootPath);
    }
  }

  async function get(key: string, signal?: AbortSignal) {
    const path = keyToPath(rootPath, key);
    throwIfCancelled(signal);
    try {
      if (!(await existing(path, key))) return null;
      const body = await readFile(path, signal ? { signal } : {});
      // Hash the bytes we return, so body and ETag always belong together.
      return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), etag: etagOfDigest(createHash('sha256').update(body).digest('hex')) };
    } catch (e) {
      if (errnoOf(e) === 'EISDIR') return null; // a folder is not an object
      throw meshIoError(e, `read "${key}"`, rootPath);
    }
  }

  async function getStream(key: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array> | null> {
    const path = keyToPath(rootPath, key);
    throwIfCancelled(signal);
    let handle;
    try {
      if (!(await existing(path, key))) return null;
      handle = await open(path, 'r');
      if (!(await handle.stat()).isFile()) { await handle.close(); return null; }
    } catch (e) {
      await handle?.close().catch(() => undefined);
      throw meshIoError(e, `read "${key}"`, rootPath);
    }
    const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
    return (async function* () {
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (signal?.aborted) throw new CancelledError();
          yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        }
      } catch (e) {
        throw meshIoError(e, `read "${key}"`, rootPath);
      } finally {
        stream.destroy();
      }
    })();
  }

  /** Moves the finished temp file onto the key, honouring the condition. Runs under the key's lock. */
  async function commit(tempPath: string, path: string, key: string, condition: WriteCondition | undefined, signal?: AbortSignal): Promise<void> {
    if (condition && 'ifNoneMatch' in condition) {
      try {
        // link() fails if the name exists: create-if-absent in one step, even without the lock.
        await link(tempPath, path);
        await unlink(tempPath);
        return;
      } catch (e) {
        if (errnoOf(e) === 'EEXIST') throw alreadyExists(key);
        if (!NO_LINKS.has(errnoOf(e) ?? '')) throw e;
      }
      if (await lstat(path).then(() => true, () => false)) throw alreadyExists(key);
    } else if (condition && 'ifMatch' in condition) {
      const current = await hashFile(path, signal);
      if (!current) throw new MeshError('mesh.precondition-failed', `"${key}" was not saved: it was removed from the mesh by someone else after you started. Nothing was changed. Reload to see the current state, then try again.`);
      if (!sameEtag(current.etag, condition.ifMatch)) throw new MeshError('mesh.precondition-failed', `"${key}" was not saved: someone else changed it in the mesh after you started, so it is no longer the version you opened. Nothing was changed. Reload to see their changes, then try again.`);
    }
    await rename(tempPath, path);
  }

  async function put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, o: PutOptions = {}): Promise<{ etag: string }> {
    const path = keyToPath(rootPath, key);
    const folder = dirname(path);
    throwIfCancelled(o.signal);
    let temp;
    try {
      // A concurrent delete may remove an emptied folder between mkdir and creating the temp
      // file; the open then fails before any bytes are consumed, so it is safe to retry.
      for (let attempt = 0; ; attempt++) {
        await mkdir(folder, { recursive: true });
        await assertInside(folder, key);
        try {
          temp = await writeTemp(folder, body, { key, size: o.size, signal: o.signal, onProgress: o.onProgress });
          break;
        } catch (e) {
          if (errnoOf(e) !== 'ENOENT' || attempt >= 2) throw e;
        }
      }
    } catch (e) {
      throw meshIoError(e, `save "${key}"`, rootPath);
    }
    const tempPath = temp.tempPath;
    try {
      await withLock(lockPathOf(path), { ...lockOpts, key, signal: o.signal }, async () => {
        throwIfCancelled(o.signal);
        await commit(tempPath, path, key, o.condition, o.signal);
      });
    } catch (e) {
      await unlink(tempPath).catch(() => undefined);
      throw meshIoError(e, `save "${key}"`, rootPath);
    }
    etags.forget(path);
    await syncFolder(folder);
    return { etag: temp.etag };
  }

  async function* list(prefix: string, signal?: AbortSignal): AsyncIterable<StoredObject> {
    const start = prefixFolder(rootPath, prefix);
    const walk = async function* (folder: string): AsyncGenerator<StoredObject> {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (e) {
        if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return;
        throw meshIoError(e, 'list the products', rootPath);
      }
      for (const entry of entries) {
        throwIfCancelled(signal);
        if (entry.name.startsWith(INTERNAL_PREFIX)) continue; // temp and lock files
        const path = join(folder, entry.name);
        const key = pathToKey(rootPath, path);
        // Links are never followed (they could lead outside the mesh).
        if (entry.isDirectory()) {
          if (prefix.startsWith(key + '/') || (key + '/').startsWith(prefix)) yield* walk(path);
          continue;
        }
        if (!entry.isFile() || !key.startsWith(prefix) || !usableKey(key)) continue;
        let d;
        try {
          d = await etags.describe(path, signal);
        } catch (e) {
          throw meshIoError(e, `read "${key}"`, rootPath);
        }
        if (d) yield { key, size: d.size, etag: d.etag, lastModified: d.mtime.toISOString() };
      }
    };
    if (start !== rootPath && !(await existing(start, prefix).catch((e: unknown) => { throw meshIoError(e, 'list the products', rootPath); }))) return;
    yield* walk(start);
  }

  async function del(key: string, signal?: AbortSignal): Promise<void> {
    const path = keyToPath(rootPath, key);
    throwIfCancelled(signal);
    try {
      const info = await lstat(path).catch((e: unknown) => {
        if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return null;
        throw e;
      });
      if (!info || info.isDirectory()) return; // missing (or a folder, which is no object)
      await withLock(lockPathOf(path), { ...lockOpts, key, signal }, async () => {
        await unlink(path).catch((e: unknown) => { if (errnoOf(e) !== 'ENOENT') throw e; });
      });
      etags.forget(path);
    } catch (e) {
      throw meshIoError(e, `remove "${key}"`, rootPath);
    }
    // Remove folders the delete emptied, up to (not including) the root; stop at the first
    // folder that still holds something (rmdir refuses non-empty folders, so this is safe).
    for (let folder = dirname(path); folder !== rootPath && folder.startsWith(rootPath + sep); folder = dirname(folder)) {
      try { await rmdir(folder); } catch { break; }
    }
  }

  return { url, head, get, getStream, put, list, delete: del, check: (signal) => checkFolder(rootPath, signal) };
}

function alreadyExists(key: string): MeshError {
  return new MeshError('mesh.precondition-failed', `"${key}" was not saved: it already exists in the mesh — someone else may have published it at the same moment. Nothing was changed. Reload to see what is there now, then try again.`);
}

function usableKey(key: string): boolean {
  try { checkKey(key); return true; } catch { return false; }
}

/** Makes the rename itself durable (POSIX); folders cannot be opened this way on Windows. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const h = await open(folder, 'r');
    try { await h.sync(); } finally { await h.close(); }
  } catch {
    // Best effort: the data itself is already fsynced.
  }
}
