// Node only.
// A writer killed mid-publish (power cut, force quit) leaves its temp file — and, if it died in
// the final step, its lock file — behind. They are never read as data, but they use disk space
// and a leftover lock delays the next publish, so the app removes them when it starts.

import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_PREFIX, TEMP_PREFIX } from './file-keys';
import { DEFAULT_LOCK_STALE_MS } from './file-lock';
import { errnoOf } from './file-errors';

/** A temp file untouched this long belongs to no live writer (writing updates its time). */
export const DEFAULT_TEMP_STALE_MS = 15 * 60_000;

export interface CleanOptions {
  /** Remove temp files older than this (default 15 minutes); lock files use the smaller of this and the lock bound. */
  olderThanMs?: number;
}

/**
 * Removes leftover temp and lock files under `root`; returns the paths removed. A missing root
 * is not an error (nothing to clean); files it cannot remove are skipped, never fatal at start.
 */
export async function cleanStaleTemps(root: string, opts: CleanOptions = {}): Promise<string[]> {
  const tempBound = opts.olderThanMs ?? DEFAULT_TEMP_STALE_MS;
  const lockBound = Math.min(tempBound, DEFAULT_LOCK_STALE_MS);
  const removed: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR' || errnoOf(e) === 'EACCES') return;
      throw e;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      // Never follow links: cleaning must stay inside the mesh folder.
      if (entry.isDirectory()) { await walk(path); continue; }
      if (!entry.isFile()) continue;
      const bound = entry.name.startsWith(TEMP_PREFIX) ? tempBound : entry.name.startsWith(LOCK_PREFIX) ? lockBound : undefined;
      if (bound === undefined) continue;
      try {
        const info = await lstat(path);
        if (Date.now() - info.mtimeMs < bound) continue;
        await unlink(path);
        removed.push(path);
      } catch {
        // Gone already, or not ours to remove: try again at the next start.
      }
    }
  };
  await walk(root);
  return removed;
}
