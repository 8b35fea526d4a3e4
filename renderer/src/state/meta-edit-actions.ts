// Browser (renderer). "Edit description" of a published product, sequenced: draft.fromProduct
// then openDraft (Describe with the published columns), and the Publish step's
// publish.prepareMeta → publish.run. When the mesh cannot be reached the draft goes to the
// outbox, as a file publish does (outbox-publish.ts).

import type { AppError } from '../../../shared/core/result';
import type { ActionContext } from './action-context';
import { closeCatalog } from './catalog-state';
import * as M from './meta-edit-state';
import { isUnreachable, queueCurrentDraft, unreachableFinished } from './outbox-publish';
import * as P from './publish-state';
import type { PublishState } from './publish-state';

export interface MetaEditActions {
  /** "Edit description" on a product page: a metadata-only draft, opened on Describe. The error, if any, is returned for the page. */
  editDescription(product: string): Promise<AppError | null>;
  /** The step list and buttons of a metadata-only draft (Describe ⇄ Publish; there is no file step). */
  goToMetaStep(screen: 'describe' | 'publish'): void;
  prepareMetaPublish(): Promise<void>;
  runMetaPublish(): Promise<void>;
}

export function createMetaEditActions(ctx: ActionContext, hooks: { openDraft(id: string): Promise<void> }): MetaEditActions {
  const { api, get, apply, newJobId } = ctx;
  const applyP = (f: (p: PublishState) => PublishState) => apply((s) => ({ ...s, publish: f(s.publish) }));

  const actions: MetaEditActions = {
    async editDescription(product) {
      const res = await api.call('draft.fromProduct', { product });
      if (!res.ok) return res.error;
      apply((s) => ({ ...s, catalog: closeCatalog(s.catalog) }));
      await hooks.openDraft(res.value.id);
      return null;
    },

    goToMetaStep(screen) {
      if (!M.isMetaEdit(get())) return;
      apply((s) => ({ ...s, screen, notice: null }));
      const stage = get().publish.stage;
      // The words may have changed since the last proposal: always prepare again on arrival.
      if (screen === 'publish' && stage !== 'running' && stage !== 'preparing') void actions.prepareMetaPublish();
    },

    async prepareMetaPublish() {
      const s = get();
      const request = M.metaPrepareRequest(s);
      if (!request || s.publish.stage === 'running') return;
      const jobId = newJobId();
      applyP((p) => M.metaPrepareStarted(p, jobId, s.settings.revision));
      const res = await api.call('publish.prepareMeta', { ...request, jobId });
      if (!res.ok && isUnreachable(res.error) && get().publish.job?.id === jobId) {
        const queued = await queueCurrentDraft(ctx, undefined);
        applyP((p) => unreachableFinished(p, jobId, 'prepare', res.error, queued));
        return;
      }
      applyP((p) => P.prepareFinished(p, jobId, res));
    },

    async runMetaPublish() {
      const p = get().publish;
      if (!P.canRun(p) || !p.proposal) return;
      const jobId = newJobId();
      const planId = p.proposal.planId;
      const bump = p.bump !== null && p.bump !== P.defaultBump(p.proposal) ? p.bump : undefined;
      applyP((x) => P.runStarted(x, jobId));
      const res = await api.call('publish.run', { jobId, planId, ...(bump ? { bump } : {}), ...(get().draftId ? { draftId: get().draftId! } : {}) });
      if (!res.ok && isUnreachable(res.error) && get().publish.job?.id === jobId) {
        const queued = await queueCurrentDraft(ctx, bump);
        applyP((x) => unreachableFinished(x, jobId, 'run', res.error, queued));
        return;
      }
      applyP((x) => P.runFinished(x, jobId, res));
      if (res.ok) apply((s) => M.metaPublished(s, res.value.version));
    },
  };
  return actions;
}
