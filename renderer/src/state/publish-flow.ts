// Browser (renderer). The halves of a publish that a file publish (publish-actions.ts) and a
// description-only publish (meta-edit-actions.ts) share: settling a prepare's answer and running
// the prepared plan. Either call may find the mesh out of reach; the draft then waits in the
// outbox instead (outbox-publish.ts), and the job stays current meanwhile.

import type { PublishProposal, PublishResult } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import type { ActionContext } from './action-context';
import { isUnreachable, queueCurrentDraft, unreachableFinished } from './outbox-publish';
import type { PublishState } from './publish-state';
import * as P from './publish-state';

export function applyPublish(ctx: ActionContext, f: (p: PublishState) => PublishState): void {
  ctx.apply((s) => ({ ...s, publish: f(s.publish) }));
}

/** The answer of publish.prepare or publish.prepareMeta for job `jobId`. */
export async function prepareAnswered(ctx: ActionContext, jobId: string, res: Result<PublishProposal>): Promise<void> {
  if (!res.ok && isUnreachable(res.error) && ctx.get().publish.job?.id === jobId) {
    const queued = await queueCurrentDraft(ctx, undefined);
    applyPublish(ctx, (p) => unreachableFinished(p, jobId, 'prepare', res.error, queued));
    return;
  }
  applyPublish(ctx, (p) => P.prepareFinished(p, jobId, res));
}

/** publish.run of the prepared plan with the chosen version; the result when it was published. */
export async function runPrepared(ctx: ActionContext): Promise<PublishResult | null> {
  const { api, get } = ctx;
  const p = get().publish;
  if (!P.canRun(p) || !p.proposal) return null;
  const jobId = ctx.newJobId();
  const planId = p.proposal.planId;
  // "Absent = the required bump": only a higher choice is sent, so the host's rule decides otherwise.
  const bump = p.bump !== null && p.bump !== P.defaultBump(p.proposal) ? p.bump : undefined;
  applyPublish(ctx, (x) => P.runStarted(x, jobId));
  const res = await api.call('publish.run', { jobId, planId, ...(bump ? { bump } : {}), ...(get().draftId ? { draftId: get().draftId! } : {}) });
  if (!res.ok && isUnreachable(res.error) && get().publish.job?.id === jobId) {
    const queued = await queueCurrentDraft(ctx, bump);
    applyPublish(ctx, (x) => unreachableFinished(x, jobId, 'run', res.error, queued));
    return null;
  }
  applyPublish(ctx, (x) => P.runFinished(x, jobId, res));
  return res.ok ? res.value : null;
}
