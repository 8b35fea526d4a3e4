// Node only.
// ETags of the file store are SHA-256 hashes of the bytes. They are recomputed from the file,
// not kept in a sidecar: a sidecar goes stale the moment someone edits a file with Excel or a
// sync tool, and then If-Match would accept a version nobody read. To keep listing a product
// with many large parts cheap, this process remembers hashes keyed by the file's identity and
// change times (size, inode, mtime and ctime in nanoseconds — every write moves ctime, and no
// tool can set it back). Conditional writes never use the memory: they always hash the bytes.

import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { hashFile } from './file-write';

interface Remembered { size: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint; etag: string }

/** Enough for thousands of parts; cleared whole when full (simple, and cheap to rebuild). */
const MAX_REMEMBERED = 20_000;

const sameFile = (a: Remembered, s: BigIntStats) =>
  a.size === s.size && a.ino === s.ino && a.mtimeNs === s.mtimeNs && a.ctimeNs === s.ctimeNs;

export class EtagMemory {
  private readonly known = new Map<string, Remembered>();

  /**
   * Size, ETag and modification time of a regular file, or null when it is missing or not a
   * file. Hashes again when the file changed while it was being hashed.
   */
  async describe(path: string, signal?: AbortSignal): Promise<{ size: number; etag: string; mtime: Date } | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await statOrNull(path);
      if (!before || !before.isFile()) return null;
      const remembered = this.known.get(path);
      if (remembered && sameFile(remembered, before)) {
        return { size: Number(before.size), etag: remembered.etag, mtime: before.mtime };
      }
      const hashed = await hashFile(path, signal);
      if (!hashed) return null;
      const after = await statOrNull(path);
      if (!after) return null;
      const entry: Remembered = { size: before.size, ino: before.ino, mtimeNs: before.mtimeNs, ctimeNs: before.ctimeNs, etag: hashed.etag };
      if (sameFile(entry, after) && BigInt(hashed.size) === after.size) {
        if (this.known.size >= MAX_REMEMBERED) this.known.clear();
        this.known.set(path, entry);
        return { size: hashed.size, etag: hashed.etag, mtime: after.mtime };
      }
      // Changed underneath us: hash the new bytes.
    }
    const last = await hashFile(path, signal);
    const info = await statOrNull(path);
    return last && info ? { size: last.size, etag: last.etag, mtime: info.mtime } : null;
  }

  forget(path: string): void {
    this.known.delete(path);
  }
}

async function statOrNull(path: string): Promise<BigIntStats | null> {
  try {
    return await stat(path, { bigint: true });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}
