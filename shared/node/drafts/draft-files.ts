// Node only.
// Reading the drafts folder: one document per draft, and whatever else may be there (temporary
// files of a save in progress, a file damaged by a disk error or edited by hand). Nothing here
// throws on a bad file: it is reported as damaged so Home can show it and the owner delete it.

import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftSummary } from '../../core/api/draft-types';
import { isTempFile, readJsonFile } from '../store/atomic-json';
import { draftFileName, idFromFileName, isStoredDraft, type StoredDraft } from './stored-draft';

export type DraftRead =
  | { kind: 'missing' }
  | { kind: 'ok'; draft: StoredDraft }
  /** `modifiedAt`: the file's date, the only date left to show. */
  | { kind: 'damaged'; id: string; modifiedAt: string; reason: string };

/** Reading many drafts at once, but not so many that a huge folder runs out of file handles. */
const READ_BATCH = 32;

export async function readDraftFile(dir: string, id: string): Promise<DraftRead> {
  const path = join(dir, draftFileName(id));
  const r = await readJsonFile(path);
  if (r.kind === 'missing') return r;
  if (r.kind === 'ok' && isStoredDraft(r.value) && r.value.id === id) return { kind: 'ok', draft: r.value };
  let modifiedAt = new Date(0).toISOString();
  try {
    modifiedAt = (await stat(path)).mtime.toISOString();
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { kind: 'missing' }; // deleted meanwhile
  }
  const reason = r.kind === 'damaged' ? 'it is cut short or not readable' : 'its contents are not in the form Mesh Desk writes';
  return { kind: 'damaged', id, modifiedAt, reason };
}

/** Every draft document in `dir` (missing ones — deleted while listing — left out). */
export async function listDraftFiles(dir: string): Promise<Exclude<DraftRead, { kind: 'missing' }>[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw e;
  }
  const ids = names.filter((n) => !isTempFile(n)).map(idFromFileName).filter((id): id is string => id !== undefined);
  const out: Exclude<DraftRead, { kind: 'missing' }>[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const reads = await Promise.all(ids.slice(i, i + READ_BATCH).map((id) => readDraftFile(dir, id)));
    for (const r of reads) if (r.kind !== 'missing') out.push(r);
  }
  return out;
}

/** How Home shows a draft whose file cannot be read: visible, explained, and deletable. */
export function damagedSummary(r: { id: string; modifiedAt: string; reason: string }): DraftSummary {
  return {
    id: r.id,
    title: 'Damaged draft',
    createdAt: r.modifiedAt,
    updatedAt: r.modifiedAt,
    state: 'failed',
    stateReason:
      `Mesh Desk cannot open this draft: its file “${draftFileName(r.id)}” in the drafts folder is damaged (${r.reason}). ` +
      'Delete it here; your other drafts are not affected.',
    metadataOnly: false,
    damaged: true,
  };
}

/** Removes deleted drafts older than `maxAgeMs` from the bin. Returns how many went. */
export async function emptyOldBin(binDir: string, maxAgeMs: number, now: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(binDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (idFromFileName(name) === undefined) continue;
    const path = join(binDir, name);
    try {
      if (now - (await stat(path)).mtimeMs <= maxAgeMs) continue;
      await unlink(path);
      removed++;
    } catch {
      // Restored or removed by another window meanwhile.
    }
  }
  return removed;
}
