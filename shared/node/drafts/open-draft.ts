// Node only.
// Reopening a draft: its content as saved, and its file checked (still there? still the same?)
// and registered again in this session so the page can read it under a fresh SourceRef id. A
// missing or changed file never blocks opening: the description is what the owner typed and is
// always given back.

import type { OpenedDraft, SourceCheck } from '../../core/api/draft-types';
import type { SourceRef } from '../../core/api/contract';
import { missingSourceCheck } from '../../core/drafts/source-words';
import { summarizeDraft } from '../../core/drafts/draft-summary';
import { fail, ok, type Result } from '../../core/result';
import type { SourceRegistry } from '../sources/source-registry';
import { checkSource } from './fingerprint';
import type { DraftStore } from './draft-store';

export const draftNotFound = (): Result<never> =>
  fail('draft.not-found', 'That draft is no longer here (it may have been deleted in another window). Go back to Home to see your drafts.');

export const draftDamaged = (): Result<never> =>
  fail(
    'draft.damaged',
    'Mesh Desk cannot open this draft: its file in the drafts folder is damaged. Delete it from Home; your other drafts are not affected.',
  );

export async function openDraft(store: DraftStore, sources: SourceRegistry, id: string): Promise<Result<OpenedDraft>> {
  const read = await store.read(id);
  if (read.kind === 'missing') return draftNotFound();
  if (read.kind === 'damaged') return draftDamaged();
  const draft = read.draft;
  const summary = summarizeDraft(draft);
  const content = structuredClone(draft.content);
  if (!draft.source) return ok({ summary, content, source: null, sourceCheck: { status: 'none' } });

  const stored = draft.source;
  let check: SourceCheck = await checkSource(stored);
  let source: SourceRef | null = null;
  if (check.status !== 'missing') {
    try {
      source = await sources.addPath(stored.path, { name: stored.name, ...(stored.uploadId && stored.modifiedAt ? { modifiedAt: stored.modifiedAt } : {}) });
    } catch {
      // Gone or locked between the check and now: say so like any missing file.
      check = missingSourceCheck({ fileName: stored.name, ...(stored.uploadId ? { upload: true } : {}), unreadable: true });
    }
  }
  return ok({ summary, content: source ? { ...content, sourceId: source.id } : content, source, sourceCheck: check });
}
