// Node only.
// The owner's drafts, one JSON document per draft in <dataDir>/drafts, each written atomically
// (atomic-json.ts) so a draft survives the app being killed mid-save. Deleting moves a draft to
// drafts/.bin (undo); the bin keeps a draft a day, then the next start empties it. Reads never
// throw on a damaged file: Home lists it as damaged so the owner can see it and delete it.
// Writes to one draft are queued in this process, so autosave and the outbox's state changes
// never undo each other.

import { mkdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DraftContent, DraftSaveRequest, DraftSummary } from '../../core/api/draft-types';
import { copyTitle, draftTitle } from '../../core/drafts/draft-title';
import { newestFirst, summarizeDraft } from '../../core/drafts/draft-summary';
import { UserFacingError } from '../../core/result';
import { cleanStaleTemps, writeJsonAtomically } from '../store/atomic-json';
import { KeyedQueue } from '../store/keyed-queue';
import type { SourceRegistry } from '../sources/source-registry';
import { damagedSummary, emptyOldBin, listDraftFiles, readDraftFile, type DraftRead } from './draft-files';
import { fingerprintFile } from './fingerprint';
import { draftFileName, draftsBinDir, draftsDir, isStoredDraft, newDraftId, withoutSourceId, type StoredDraft, type StoredSource } from './stored-draft';

export type { StoredDraft, StoredSource } from './stored-draft';
export type { DraftRead } from './draft-files';

/** A deleted draft can be restored for a day at least (then the next start removes it). */
export const BIN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface DraftStoreOptions {
  binMaxAgeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export type DraftStatePatch = Partial<Pick<StoredDraft, 'state' | 'stateReason' | 'outboxId' | 'published' | 'content'>>;

export class DraftStore {
  readonly dir: string;
  readonly binDir: string;
  private readonly now: () => number;
  private readonly binMaxAgeMs: number;
  private readonly queue = new KeyedQueue();

  constructor(dataDir: string, opts: DraftStoreOptions = {}) {
    this.dir = draftsDir(resolve(dataDir));
    this.binDir = draftsBinDir(resolve(dataDir));
    this.now = opts.now ?? Date.now;
    this.binMaxAgeMs = opts.binMaxAgeMs ?? BIN_MAX_AGE_MS;
  }

  /** Start-up: makes the folders, removes temporary files of killed saves, empties the old bin. */
  async open(): Promise<this> {
    await mkdir(this.binDir, { recursive: true });
    await cleanStaleTemps(this.dir);
    await cleanStaleTemps(this.binDir);
    await emptyOldBin(this.binDir, this.binMaxAgeMs, this.now());
    return this;
  }

  /** Every draft, newest first; a damaged file is listed too (state "failed", in words). */
  async list(): Promise<DraftSummary[]> {
    const reads = await listDraftFiles(this.dir);
    return reads.map((r) => (r.kind === 'ok' ? summarizeDraft(r.draft) : damagedSummary(r))).sort(newestFirst);
  }

  async get(id: string): Promise<StoredDraft | undefined> {
    const r = await this.read(id);
    return r.kind === 'ok' ? r.draft : undefined;
  }

  /** Like get, but tells a missing draft from a damaged one (for messages). */
  read(id: string): Promise<DraftRead> {
    return readDraftFile(this.dir, id);
  }

  /** Creates (no id) or updates; resolves sourceId through the registry into `source`. */
  async save(req: DraftSaveRequest, sources: SourceRegistry): Promise<DraftSummary> {
    const id = req.id ?? newDraftId();
    return this.queued(id, async () => {
      const prev = req.id ? await this.read(id) : ({ kind: 'missing' } as const);
      // A damaged file is kept aside, never overwritten: it may still hold something by hand.
      if (prev.kind === 'damaged') await this.setAside(id);
      const old = prev.kind === 'ok' ? prev.draft : undefined;
      const content = withoutSourceId(req.content);
      // An unknown id (the app restarted since the page got it) keeps the file recorded before.
      const source = (await this.resolveSource(req.content.sourceId, sources)) ?? old?.source;
      const nowIso = this.nowIso();
      const doc: StoredDraft = { ...(old ?? { state: 'draft' as const }), id, createdAt: old?.createdAt ?? nowIso, updatedAt: nowIso, content };
      if (source) doc.source = source;
      else delete doc.source;
      // Editing a published draft makes it a draft again; its last publish is still shown.
      if (old?.state === 'published' && JSON.stringify(old.content) !== JSON.stringify(content)) {
        doc.state = 'draft';
        delete doc.stateReason;
      }
      await this.write(doc);
      return summarizeDraft(doc);
    });
  }

  /** Creates a draft from host-side parts (metadata-only drafts, rebased drafts). */
  async create(content: Omit<DraftContent, 'sourceId'>, source?: StoredSource): Promise<DraftSummary> {
    const id = newDraftId();
    const nowIso = this.nowIso();
    const doc: StoredDraft = { id, createdAt: nowIso, updatedAt: nowIso, content: withoutSourceId(content), state: 'draft' };
    if (source) doc.source = source;
    await this.queued(id, () => this.write(doc));
    return summarizeDraft(doc);
  }

  /**
   * The outbox's state changes. A key present with the value undefined removes that field
   * (e.g. `{ state: 'draft', outboxId: undefined }` when a job leaves the outbox). Only a new
   * `content` moves the draft's updatedAt. Undefined when the draft is gone or damaged.
   */
  async setState(id: string, patch: DraftStatePatch): Promise<DraftSummary | undefined> {
    return this.queued(id, async () => {
      const r = await this.read(id);
      if (r.kind !== 'ok') return undefined;
      const doc: StoredDraft = { ...r.draft };
      const fields = doc as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (!['state', 'stateReason', 'outboxId', 'published', 'content'].includes(key)) continue;
        if (value === undefined) {
          if (key !== 'state' && key !== 'content') delete fields[key];
        } else if (key === 'content') {
          doc.content = withoutSourceId(value as DraftContent);
          doc.updatedAt = this.nowIso();
        } else {
          fields[key] = value;
        }
      }
      await this.write(doc);
      return summarizeDraft(doc);
    });
  }

  /** A copy titled "Copy of …", with a new id, the same file, and no outbox or publish state. */
  async duplicate(id: string): Promise<DraftSummary | undefined> {
    const original = await this.get(id);
    if (!original) return undefined;
    const content = structuredClone(original.content);
    content.meta = { ...content.meta, title: copyTitle(draftTitle(original.content, original.source?.name)) };
    return this.create(content, original.source && { ...original.source });
  }

  /** To the bin (undo with restore). False when there is no such draft. */
  async remove(id: string): Promise<boolean> {
    return this.queued(id, async () => {
      await mkdir(this.binDir, { recursive: true });
      const target = join(this.binDir, draftFileName(id));
      try {
        await rename(join(this.dir, draftFileName(id)), target);
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return false;
        throw e;
      }
      // A rename keeps the old date; the bin's age counts from the deletion.
      const t = new Date(this.now());
      await utimes(target, t, t).catch(() => undefined);
      return true;
    });
  }

  /**
   * Brings a deleted draft back. If a draft with its id exists again meanwhile (an autosave from
   * another window re-created it), the restored one gets a new id: neither is lost.
   */
  async restore(id: string): Promise<DraftSummary | undefined> {
    return this.queued(id, async () => {
      const binned = await readDraftFile(this.binDir, id);
      if (binned.kind === 'missing') return undefined;
      const live = join(this.dir, draftFileName(id));
      const taken = await stat(live).then(() => true, () => false);
      if (!taken) {
        await rename(join(this.binDir, draftFileName(id)), live);
        return binned.kind === 'ok' ? summarizeDraft(binned.draft) : damagedSummary({ ...binned });
      }
      const newId = newDraftId();
      if (binned.kind === 'ok') {
        const doc: StoredDraft = { ...binned.draft, id: newId };
        await this.queued(newId, () => this.write(doc));
        await unlink(join(this.binDir, draftFileName(id)));
        return summarizeDraft(doc);
      }
      await rename(join(this.binDir, draftFileName(id)), join(this.dir, draftFileName(newId)));
      return damagedSummary({ ...binned, id: newId });
    });
  }

  private async resolveSource(sourceId: string | undefined, sources: SourceRegistry): Promise<StoredSource | undefined> {
    if (sourceId === undefined) return undefined;
    const entry = sources.get(sourceId);
    if (!entry) return undefined;
    let fp;
    try {
      fp = await fingerprintFile(entry.path);
    } catch {
      return undefined; // the file vanished since it was added: keep what was recorded
    }
    const uploadId = sources.uploadIdOf(entry.path);
    const source: StoredSource = { path: entry.path, name: entry.ref.name, size: fp.size, fingerprint: fp.fingerprint, checkedAt: this.nowIso() };
    // An upload's copy is dated when it arrived; the owner's file date is the browser's.
    const modifiedAt = uploadId ? entry.ref.modifiedAt : fp.modifiedAt;
    if (modifiedAt) source.modifiedAt = modifiedAt;
    if (uploadId) source.uploadId = uploadId;
    return source;
  }

  private async write(doc: StoredDraft): Promise<void> {
    if (!isStoredDraft(doc)) {
      throw new UserFacingError('draft.invalid', 'Mesh Desk could not save this draft: part of it is not in a form it can keep. Your last saved version is unchanged; please report this.');
    }
    await writeJsonAtomically(join(this.dir, draftFileName(doc.id)), doc);
  }

  /** Moves a damaged draft file to drafts/.damaged/ (kept, out of Home's list). */
  private async setAside(id: string): Promise<void> {
    const dir = join(this.dir, '.damaged');
    await mkdir(dir, { recursive: true });
    await rename(join(this.dir, draftFileName(id)), join(dir, `${id}-${this.now()}.json`)).catch(() => undefined);
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  private queued<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(id, fn);
  }
}

const stores = new Map<string, Promise<DraftStore>>();

/** The one DraftStore of a data folder in this process (drafts, outbox and metadata-only share it). */
export function openDraftStore(dataDir: string): Promise<DraftStore> {
  const key = resolve(dataDir);
  let store = stores.get(key);
  if (!store) {
    store = new DraftStore(key).open();
    stores.set(key, store);
    // A failed open (unwritable folder) is tried again next time rather than remembered.
    store.catch(() => {
      if (stores.get(key) === store) stores.delete(key);
    });
  }
  return store;
}
