// Browser (renderer). "Edit description" of a published product, sequenced: draft.fromProduct
// then openDraft (Describe with the published columns), and the Publish step's
// publish.prepareMeta → publish.run. When the mesh cannot be reached the draft goes to the
// outbox, as a file publish does (outbox-publish.ts).

import type { AppError } from '../../../shared/core/result';
import type { ActionContext } from './action-context';
import { closeCatalog } from './catalog-state';
import * as M from './meta-edit-state';
import { applyPublish, prepareAnswered, runPrepared } from './publish-flow';
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
  const applyP = (f: (p: PublishState) => PublishState) => applyPublish(ctx, f);

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
      await prepareAnswered(ctx, jobId, await api.call('publish.prepareMeta', { ...request, jobId }));
    },

    async runMetaPublish() {
      const published = await runPrepared(ctx);
      if (published) apply((s) => M.metaPublished(s, published.version));
    },
  };
  return actions;
}
