// Browser (renderer). Auto-queue: when publish.prepare or publish.run fails because the mesh cannot
// be reached, the Publish step puts the draft in the outbox (outbox.add) and says so, instead of
// showing an error. A queued publish ends the attempt like a finished one ('done' with `queued`),
// so nothing on the step prepares or queues it a second time behind the owner's back.

import type { OutboxJob } from '../../../shared/core/api/contract';
import type { Bump } from '../../../shared/core/publish/version-history';
import type { AppError, Result } from '../../../shared/core/result';
import type { ActionContext } from './action-context';
import type { ImportState } from './import-state';
import type { PublishState } from './publish-state';
import { prepareFinished, runFinished } from './publish-state';
import { flushDraftAutosave } from './draft-autosave';

export const UNREACHABLE = 'mesh.unreachable';

export function isUnreachable(error: AppError): boolean {
  return error.code === UNREACHABLE;
}

/** The draft the owner is working on; the drafts feature adds `draftId` to the import state. */
export function currentDraftId(s: ImportState): string | null {
  const id = s.draftId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

export const NO_DRAFT_TO_QUEUE =
  'Mesh Desk could not put it in the outbox because this work has not been saved as a draft yet. Wait a moment and press “Try again”, or publish once the mesh can be reached.';

/** outbox.add for the current draft; null when there is no draft to queue. */
export async function queueCurrentDraft(ctx: ActionContext, bump: Bump | undefined): Promise<Result<OutboxJob> | null> {
  // The queued job snapshots the saved draft: the last keystrokes (and a draft still being
  // created) must reach the host first.
  await flushDraftAutosave();
  const draftId = currentDraftId(ctx.get());
  if (!draftId) return null;
  return ctx.api.call('outbox.add', bump ? { draftId, bump } : { draftId });
}

/**
 * The end of a prepare or run that failed with "mesh unreachable", once outbox.add answered.
 * Queued: the error is replaced by the queued message. Not queued: the error stays and a notice
 * says why it could not wait in the outbox (the owner's work is never lost either way).
 */
export function unreachableFinished(
  p: PublishState,
  jobId: string,
  kind: 'prepare' | 'run',
  error: AppError,
  queued: Result<OutboxJob> | null,
): PublishState {
  if (p.job?.id !== jobId || p.job.kind !== kind) return p;
  const failed = kind === 'prepare' ? prepareFinished(p, jobId, { ok: false, error }) : runFinished(p, jobId, { ok: false, error });
  if (queued?.ok) return { ...failed, stage: 'done', error: null, notice: null, queued: { job: queued.value, reason: error.message } };
  const why = queued === null ? NO_DRAFT_TO_QUEUE : `It could not be put in the outbox either: ${queued.error.message}`;
  return { ...failed, notice: why };
}
