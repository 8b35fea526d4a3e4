// Node only.
// One lock file per key makes "check the current version, then replace it" atomic against other
// processes (another Mesh Desk window, the CLI, a colleague on a shared drive). The lock is only
// held around the check and the final rename — the data is already written by then — so it is
// held for milliseconds, and a lock older than `staleMs` can only come from a crashed writer.

import { open, readFile, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { MeshError } from '../../core/mesh/mesh-store';
import { CancelledError, throwIfCancelled } from '../../core/result';
import { errnoOf } from './file-errors';

export interface LockOptions {
  /** A lock file older than this is left over from a crashed writer and is removed. */
  staleMs: number;
  /** Give up waiting for a live lock after this long. */
  waitMs: number;
  signal?: AbortSignal;
  /** The key's name as the owner sees it, for messages. */
  key: string;
}

export const DEFAULT_LOCK_STALE_MS = 60_000;
export const DEFAULT_LOCK_WAIT_MS = 20_000;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const done = () => { signal?.removeEventListener('abort', onAbort); resolve(); };
    const timer = setTimeout(done, ms);
    const onAbort = () => { clearTimeout(timer); reject(new CancelledError()); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Creates the lock file exclusively; returns false when someone else holds it. */
async function tryCreate(lockPath: string, token: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    try {
      // Who holds it: a lock of a process on this computer that has died can be broken at once.
      await handle.writeFile(`${process.pid} ${token} ${hostname()}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') return false;
    throw e;
  }
}

/** True when the lock names a process on this computer that no longer runs (a killed writer). */
async function holderIsGone(lockPath: string): Promise<boolean> {
  const [pid, , host] = (await readFile(lockPath, 'utf8')).trim().split(' ');
  const n = Number(pid);
  // A lock from another computer (shared drive) or an old one without a host name: age decides.
  if (host !== hostname() || !Number.isInteger(n) || n <= 0 || n === process.pid) return false;
  try {
    process.kill(n, 0);
    return false;
  } catch (e) {
    return errnoOf(e) === 'ESRCH';
  }
}

/** Removes the lock when it is older than staleMs or its writer has died. Returns true when it is gone. */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs < staleMs && !(await holderIsGone(lockPath))) return false;
    await unlink(lockPath);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return true;
    throw e;
  }
}

/** Runs `fn` while holding the lock file at `lockPath`. */
export async function withLock<T>(lockPath: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  let delay = 2;
  for (;;) {
    throwIfCancelled(opts.signal);
    if (await tryCreate(lockPath, token)) break;
    if (await breakIfStale(lockPath, opts.staleMs)) continue;
    if (Date.now() - started > opts.waitMs) {
      throw new MeshError(
        'mesh.io',
        `Could not save "${opts.key}": another program has been writing it for a while (lock file ${lockPath}). ` +
          'Wait until the other publish has finished and try again.',
      );
    }
    // Random backoff so two waiting writers do not retry in lockstep.
    await sleep(delay + Math.random() * delay, opts.signal);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await releaseIfOurs(lockPath, token);
  }
}

/** Removes the lock only when it still carries our token (it may have been broken as stale). */
async function releaseIfOurs(lockPath: string, token: string): Promise<void> {
  try {
    const text = await readFile(lockPath, 'utf8');
    if (text.includes(token)) await unlink(lockPath);
  } catch {
    // Already gone: nothing to release.
  }
}
