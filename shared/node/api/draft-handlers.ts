// Node only.
// The draft calls: Home's list, the Describe form's autosave, reopening a draft with its file
// checked, duplicate, delete (to the bin) and undo. Every call goes to the one DraftStore of the
// data folder (openDraftStore), which the outbox and the metadata-only publish share.

import type { ApiHandlers, DraftSummary } from '../../core/api/contract';
import { fail, ok, toAppError, type Result } from '../../core/result';
import { draftFromProduct } from '../drafts/draft-from-product';
import { openDraftStore, type DraftStore } from '../drafts/draft-store';
import { draftDamaged, draftNotFound, openDraft } from '../drafts/open-draft';
import type { HandlerDeps } from './handlers';

export { openDraftStore } from '../drafts/draft-store';

type DraftCalls = 'draft.list' | 'draft.save' | 'draft.open' | 'draft.duplicate' | 'draft.delete' | 'draft.restore' | 'draft.fromProduct';

/** Runs a call against the store; anything thrown (a full disk) comes back as words. */
async function guarded<T>(dataDir: string, run: (store: DraftStore) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run(await openDraftStore(dataDir));
  } catch (e) {
    const error = toAppError(e);
    if (error.code !== 'internal') return { ok: false, error };
    return fail('draft.storage', `Mesh Desk could not read or write its drafts folder (${diskWords(e)}). Check that there is free disk space; what you typed is still on the screen.`);
  }
}

function diskWords(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  return e instanceof Error ? e.message : String(e);
}

export function createDraftHandlers(deps: HandlerDeps): Pick<ApiHandlers, DraftCalls> {
  const { dataDir, sources } = deps;
  return {
    'draft.list': () => guarded(dataDir, async (store) => ok(await store.list())),
    'draft.save': (req) => guarded(dataDir, async (store) => ok(await store.save(req, sources))),
    'draft.open': ({ id }) => guarded(dataDir, (store) => openDraft(store, sources, id)),
    'draft.duplicate': ({ id }) =>
      guarded(dataDir, async (store) => {
        const copy = await store.duplicate(id);
        if (copy) return ok(copy);
        return (await store.read(id)).kind === 'damaged' ? draftDamaged() : draftNotFound();
      }),
    'draft.delete': ({ id }) => guarded(dataDir, async (store) => ok({ deleted: await store.remove(id) })),
    'draft.restore': ({ id }) =>
      guarded(dataDir, async (store): Promise<Result<DraftSummary>> => {
        const restored = await store.restore(id);
        if (restored) return ok(restored);
        return fail('draft.not-in-bin', 'That draft can no longer be brought back: deleted drafts are kept for a day, then removed when Mesh Desk starts.');
      }),
    'draft.fromProduct': ({ product }) => guarded(dataDir, (store) => draftFromProduct(deps, store, product)),
  };
}
