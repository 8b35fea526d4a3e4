// Node only.
// Is a draft's file still the file the draft was made from? Hashing a whole 1 GB file on every
// save would freeze autosave, so the fingerprint is the size, the modification time and a
// SHA-256 of the first and last 64 KB: any append, truncation, re-save by Excel (new mtime) or
// edit near either end shows, while a save costs at most two 64 KB reads.

import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SourceCheck } from '../../core/api/draft-types';
import { changedSourceCheck, missingSourceCheck } from '../../core/drafts/source-words';
import type { StoredSource } from './draft-store';

const EDGE_BYTES = 64 * 1024;
/** Bumped if the recipe ever changes, so old fingerprints read as "changed", never as a false "ok". */
const RECIPE = 'v1';

export interface FileFingerprint {
  size: number;
  modifiedAt: string;
  fingerprint: string;
}

export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(EDGE_BYTES, info.size));
    const headRead = await readFully(handle, head, 0);
    hash.update(head.subarray(0, headRead));
    // The tail only when it does not overlap the head (a small file is hashed once, whole).
    if (info.size > EDGE_BYTES) {
      const start = Math.max(EDGE_BYTES, info.size - EDGE_BYTES);
      const tail = Buffer.alloc(info.size - start);
      const tailRead = await readFully(handle, tail, start);
      hash.update(tail.subarray(0, tailRead));
    }
    return {
      size: info.size,
      modifiedAt: info.mtime.toISOString(),
      // Milliseconds of mtime as the file system keeps them; the ISO date is for people.
      fingerprint: `${RECIPE}:${info.size}:${Math.trunc(info.mtimeMs)}:${hash.digest('hex')}`,
    };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readFully(handle: FileHandle, buf: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await handle.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) break; // the file shrank meanwhile: the fingerprint will differ anyway
    done += bytesRead;
  }
  return done;
}

const GONE = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Whether a draft's file is still there and unchanged ('ok'), gone ('missing') or different
 * ('changed'), with the words the owner reads. Never throws.
 */
export async function checkSource(source: StoredSource): Promise<SourceCheck> {
  const facts = {
    fileName: source.name,
    ...(source.uploadId ? { upload: true } : { folderName: basename(dirname(source.path)) }),
  };
  try {
    const info = await stat(source.path);
    if (!info.isFile()) return missingSourceCheck(facts);
    const now = await fingerprintFile(source.path);
    if (now.fingerprint !== source.fingerprint) {
      return changedSourceCheck({ fileName: source.name, ...(source.checkedAt ? { savedAt: source.checkedAt } : {}) });
    }
    return { status: 'ok' };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return missingSourceCheck(GONE.has(code) ? facts : { ...facts, unreadable: true });
  }
}
