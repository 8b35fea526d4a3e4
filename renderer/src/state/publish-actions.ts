// Browser (renderer). The Publish step's calls: publish.prepare, publish.run and job.cancel.
// Transitions are in publish-state.ts; this file sequences them. A new prepare replaces (and
// cancels) the one before it; a running publish is never replaced, only cancelled by the owner.

import type { Bump } from '../../../shared/core/publish/version-history';
import type { ActionContext } from './action-context';
import type { ImportState } from './import-state';
import type { PublishState } from './publish-state';
import * as P from './publish-state';
import { prepareRequestFor, publishIsStale } from './publish-request';
import { applyPublish, prepareAnswered, runPrepared } from './publish-flow';
import * as S from './steps-state';

export interface PublishActions {
  /** "Publish…" on the Check step: opens the Publish step and prepares. */
  startPublish(): Promise<void>;
  /** Prepares again with the current data, description and mesh ("Check again"). */
  preparePublish(): Promise<void>;
  chooseBump(bump: Bump): void;
  runPublish(): Promise<void>;
  cancelPublish(): Promise<void>;
  /** Opening the Publish step from the step list: prepares again when anything changed. */
  openPublishStep(): void;
  /** "Publish another version": back to the Check step with the draft kept. */
  publishAgain(): void;
  dismissPublishMessage(): void;
  /** Publishes a further sheet of the workbook too (or not), and prepares again. */
  setExtraSheet(sheet: string, on: boolean): Promise<void>;
}

export function createPublishActions(ctx: ActionContext): PublishActions {
  const { api, get, newJobId } = ctx;
  const applyP = (f: (p: PublishState) => PublishState) => applyPublish(ctx, f);

  const needsPrepare = (s: ImportState): boolean =>
    s.publish.stage !== 'running' && s.publish.stage !== 'preparing' && s.publish.stage !== 'done' && s.publish.queued === null &&
    (s.publish.stage === 'idle' || publishIsStale(s) || P.settingsChangedSince(s.publish, s.settings.revision));

  const actions: PublishActions = {
    async startPublish() {
      if (get().publish.stage === 'running') {
        ctx.apply((s) => S.goTo(s, 'publish'));
        return;
      }
      const request = prepareRequestFor(get());
      if (!request) return;
      // The request is recorded first: the Publish step opens only once something was prepared.
      ctx.apply((s) => ({ ...s, publish: { ...s.publish, request } }));
      ctx.apply((s) => S.goTo(s, 'publish'));
      await actions.preparePublish();
    },

    async preparePublish() {
      const s = get();
      if (s.publish.stage === 'running') return;
      const request = prepareRequestFor(s);
      if (!request) return;
      const previous = s.publish.job;
      if (previous) void api.call('job.cancel', { jobId: previous.id });
      const jobId = newJobId();
      applyP((p) => P.prepareStarted(p, jobId, request, get().settings.revision));
      await prepareAnswered(ctx, jobId, await api.call('publish.prepare', { ...request, jobId }));
    },

    chooseBump: (bump) => applyP((p) => P.chooseBump(p, bump)),

    async setExtraSheet(sheet, on) {
      const before = get().publish.extraSheets;
      applyP((p) => P.toggleExtraSheet(p, sheet, on));
      if (get().publish.extraSheets !== before) await actions.preparePublish();
    },

    async runPublish() {
      await runPrepared(ctx);
    },

    async cancelPublish() {
      const job = get().publish.job;
      if (!job || job.cancelling) return;
      applyP(P.publishCancelling);
      const res = await api.call('job.cancel', { jobId: job.id });
      if (!res.ok) applyP((p) => P.cancelFailed(p, job.id, res.error));
    },

    openPublishStep() {
      ctx.apply((s) => S.goTo(s, 'publish'));
      if (get().screen === 'publish' && needsPrepare(get())) void actions.preparePublish();
    },

    publishAgain() {
      // The sheets chosen to publish stay chosen for the next version.
      ctx.apply((s) => ({ ...s, publish: { ...P.initialPublishState, extraSheets: s.publish.extraSheets } }));
      ctx.apply((s) => S.goTo(s, 'check'));
    },

    dismissPublishMessage: () => applyP(P.dismissPublishMessage),
  };
  return actions;
}

/** After Settings closes on the Publish step: another mesh chosen means another proposal. */
export function needsPrepareAfterSettings(s: ImportState): boolean {
  return s.screen === 'publish' && P.settingsChangedSince(s.publish, s.settings.revision);
}
