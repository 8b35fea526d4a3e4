// Browser (renderer). The calls of a re-imported pulled workbook: product.meta ("Use its
// description") and product.diff ("What changed since v…", a cancellable job). Transitions are
// in roundtrip-state.ts; this file only sequences calls. A new comparison replaces (and cancels)
// the one before it.

import type { ActionContext } from './action-context';
import * as R from './roundtrip-state';

export interface RoundTripActions {
  /** Replaces the Describe draft's description with the product's published one. */
  useProductMeta(): Promise<void>;
  /** Compares the chosen sheet with the version the workbook was pulled from. */
  runDiff(): Promise<void>;
  /** The Check step: compares once per sheet and header row, unless the owner already asked. */
  runDiffIfNew(): void;
  cancelDiff(): Promise<void>;
  /** Stops a comparison in flight without waiting (another file, or the sheet changed under it). */
  abandonDiff(onlyIfOutdated: boolean): void;
  dismissRoundTripMessages(): void;
}

export function createRoundTripActions(ctx: ActionContext): RoundTripActions {
  const { api, get, apply, newJobId } = ctx;

  const actions: RoundTripActions = {
    async useProductMeta() {
      const rec = get().overview?.recognized;
      if (!rec || get().roundtrip.metaCall !== null) return;
      const id = newJobId();
      apply((s) => R.metaStarted(s, id));
      const res = await api.call('product.meta', { product: rec.product });
      apply((s) => R.metaFinished(s, id, res));
    },

    async runDiff() {
      const request = R.diffRequestFor(get());
      if (!request) return;
      actions.abandonDiff(false);
      const jobId = newJobId();
      apply((s) => R.diffStarted(s, jobId, request));
      const res = await api.call('product.diff', { ...request, jobId });
      apply((s) => R.diffFinished(s, jobId, res));
    },

    runDiffIfNew() {
      if (R.diffShouldAutoRun(get())) void actions.runDiff();
    },

    async cancelDiff() {
      const job = get().roundtrip.diffJob;
      if (!job || job.cancelling) return;
      apply(R.diffCancelling);
      const res = await api.call('job.cancel', { jobId: job.id });
      // A host that no longer knows the job has finished it: its answer comes through product.diff.
      if (!res.ok) apply((s) => R.diffCancelFailed(s, job.id, res.error));
    },

    abandonDiff(onlyIfOutdated) {
      const s = get();
      const job = s.roundtrip.diffJob;
      if (!job) return;
      if (onlyIfOutdated && R.sameDiffInput(job.request, R.diffRequestFor(s))) return;
      void api.call('job.cancel', { jobId: job.id });
      // Its answer (cancelled) is dropped: the owner did not stop it, so no "stopped" notice.
      apply((x) => R.diffAbandoned(x, job.id));
    },

    dismissRoundTripMessages: () => apply(R.dismissRoundTripMessages),
  };
  return actions;
}
