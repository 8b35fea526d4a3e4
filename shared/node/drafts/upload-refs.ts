// Node only.
// Which browser uploads (<dataDir>/uploads/<id>/) drafts and queued publishes still refer to,
// so the start-up clean-up of old uploads keeps them: a draft saved in the browser two weeks ago
// must still open with its file. Documents are scanned as text for `"uploadId": "<id>"`, which
// finds the reference in every kind of document (drafts, deleted drafts kept for undo, outbox
// jobs) and even in a damaged one that no longer parses — keeping an upload too long is harmless,
// deleting one still in use is not.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { draftsBinDir, draftsDir } from './stored-draft';

const UPLOAD_ID = /"uploadId"\s*:\s*"([A-Za-z0-9_-]{1,64})"/g;

/** Folders holding documents that may name an upload. */
export function uploadReferenceDirs(dataDir: string): string[] {
  return [draftsDir(dataDir), draftsBinDir(dataDir), join(draftsDir(dataDir), '.damaged'), join(dataDir, 'outbox')];
}

/**
 * Upload ids named by any document in the data folder. Throws when a folder exists but cannot
 * be read: the caller must then clean nothing rather than guess.
 */
export async function uploadIdsInUse(dataDir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const dir of uploadReferenceDirs(dataDir)) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') continue;
      throw e;
    }
    for (const name of names) {
      // Temporary files too: one may be the only copy of a save that was under way.
      if (!name.endsWith('.json') && !name.endsWith('.tmp')) continue;
      let text: string;
      try {
        text = await readFile(join(dir, name), 'utf8');
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT' || code === 'EISDIR') continue; // removed meanwhile, or a folder
        throw e;
      }
      for (const m of text.matchAll(UPLOAD_ID)) if (m[1]) ids.add(m[1]);
    }
  }
  return ids;
}
