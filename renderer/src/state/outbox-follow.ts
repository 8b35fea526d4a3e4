// Browser (renderer). What follows the owner's answer to a conflict outside the outbox itself:
// "Rebase my draft" ends on the draft, opened for review (the drafts feature's openDraft), so the
// owner sees their changes on top of the other version before anything is published again.

import type { OutboxJob, OutboxResolveRequest } from '../../../shared/core/api/contract';
import type { OutboxActions } from './outbox-store';

/** The drafts feature's action, when the import store has it. */
export interface DraftOpener {
  openDraft?: (id: string) => Promise<void> | void;
}

/** Resolves; after a successful rebase closes the outbox and opens the draft. Returns whether it went through. */
export async function resolveAndFollow(outbox: Pick<OutboxActions, 'resolve' | 'close'>, drafts: DraftOpener, job: Pick<OutboxJob, 'id' | 'draftId'>, request: OutboxResolveRequest): Promise<boolean> {
  const res = await outbox.resolve(request);
  if (!res.ok) return false;
  if (request.choice === 'rebase' && job.draftId && drafts.openDraft) {
    outbox.close();
    await drafts.openDraft(job.draftId);
  }
  return true;
}
