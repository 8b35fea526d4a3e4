// Browser (renderer). A pulled workbook brought back: fetching its product's description for the
// draft (product.meta) and "what changed since the version it was pulled from" (product.diff).
// Pure transitions; every answer carries the id it was asked with, so an answer about an older
// request, file or sheet is dropped instead of overwriting a newer one.

import type { JobProgress, ProductDiffRequest } from '../../../shared/core/api/contract';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import type { AppError, Result } from '../../../shared/core/result';
import { replaceMeta } from './describe-state';
// Types only from import-state.ts: it imports this file's initial state, so a value import back would be a cycle.
import type { ImportState } from './import-state';

export type DiffInput = Omit<ProductDiffRequest, 'jobId'>;

export interface DiffJob {
  id: string;
  request: DiffInput;
  progress: JobProgress | null;
  cancelling: boolean;
}

export interface RoundTripState {
  /** Id of the product.meta call in flight; null when none is. */
  metaCall: string | null;
  metaError: AppError | null;
  diffJob: DiffJob | null;
  /** The last comparison asked for (kept after it ends, so it is not re-run for the same sheet). */
  diffAsked: DiffInput | null;
  /** The last finished comparison and the request it answers. */
  diff: DataDiff | null;
  diffRequest: DiffInput | null;
  diffError: AppError | null;
  diffNotice: string | null;
}

export const initialRoundTripState: RoundTripState = {
  metaCall: null,
  metaError: null,
  diffJob: null,
  diffAsked: null,
  diff: null,
  diffRequest: null,
  diffError: null,
  diffNotice: null,
};

export const DIFF_CANCELLED_NOTICE = 'Stopped comparing. Nothing was changed; press “Compare” to start again.';

const withRt = (s: ImportState, rt: RoundTripState): ImportState => (rt === s.roundtrip ? s : { ...s, roundtrip: rt });

/** The product.meta call started (id = a fresh id from the store). */
export function metaStarted(s: ImportState, id: string): ImportState {
  return withRt(s, { ...s.roundtrip, metaCall: id, metaError: null });
}

/**
 * The product's description arrived: it replaces the draft's description (waivers kept) and a
 * notice says so. Answers for an older call, or after another file was chosen, are dropped.
 */
export function metaFinished(s: ImportState, id: string, res: Result<ProductMeta>): ImportState {
  if (s.roundtrip.metaCall !== id) return s;
  if (!res.ok) return withRt(s, { ...s.roundtrip, metaCall: null, metaError: res.error });
  const name = res.value.title?.trim() || res.value.name || s.overview?.recognized?.product || 'the product';
  return {
    ...s,
    roundtrip: { ...s.roundtrip, metaCall: null, metaError: null },
    draft: replaceMeta(s.draft, res.value),
    error: null,
    errorFile: null,
    notice: `The description of “${name}” as published is now your draft. Review or change it in the Describe step; warnings you accepted were kept.`,
  };
}

/** The product.diff input for the sheet and header row now chosen; null unless the file is recognized. */
export function diffRequestFor(s: ImportState): DiffInput | null {
  const rec = s.overview?.recognized;
  const sheet = s.choices.sheet;
  if (!rec || !s.source || sheet === null) return null;
  const req: DiffInput = { sourceId: s.source.id, sheet, product: rec.product, version: rec.version, endpoint: rec.endpoint };
  // The owner's header row, else the one the last read found (the diff must see the same header).
  const report = s.report?.sheets.find((x) => x.name === sheet);
  const headerRow = s.choices.bySheet[sheet]?.headerRow ?? report?.headerRow;
  if (headerRow !== undefined) req.headerRow = headerRow;
  return req;
}

export function sameDiffInput(a: DiffInput | null, b: DiffInput | null): boolean {
  if (!a || !b) return false;
  return (
    a.sourceId === b.sourceId &&
    a.sheet === b.sheet &&
    a.headerRow === b.headerRow &&
    a.product === b.product &&
    a.version === b.version &&
    (a.endpoint ?? 'default') === (b.endpoint ?? 'default')
  );
}

/** True when the Check step should start a comparison by itself: never asked for this sheet yet. */
export function diffShouldAutoRun(s: ImportState): boolean {
  const want = diffRequestFor(s);
  return !!want && !sameDiffInput(want, s.roundtrip.diffJob?.request ?? s.roundtrip.diffAsked);
}

/** True when the comparison on screen is about another sheet or header row than the one chosen. */
export function diffIsOutdated(s: ImportState): boolean {
  return !!s.roundtrip.diff && !sameDiffInput(s.roundtrip.diffRequest, diffRequestFor(s));
}

export function diffStarted(s: ImportState, id: string, request: DiffInput): ImportState {
  return withRt(s, { ...s.roundtrip, diffJob: { id, request, progress: null, cancelling: false }, diffAsked: request, diffError: null, diffNotice: null });
}

export function diffProgress(rt: RoundTripState, p: JobProgress): RoundTripState {
  if (rt.diffJob?.id !== p.jobId) return rt;
  return { ...rt, diffJob: { ...rt.diffJob, progress: p } };
}

export function diffCancelling(s: ImportState): ImportState {
  const job = s.roundtrip.diffJob;
  return job ? withRt(s, { ...s.roundtrip, diffJob: { ...job, cancelling: true } }) : s;
}

/** A failed cancel call: the job goes on, the owner is told. */
export function diffCancelFailed(s: ImportState, id: string, error: AppError): ImportState {
  const job = s.roundtrip.diffJob;
  if (job?.id !== id) return s;
  return withRt(s, { ...s.roundtrip, diffJob: { ...job, cancelling: false }, diffError: error });
}

/** The answer of product.diff job `id`; answers of any other job are dropped. */
export function diffFinished(s: ImportState, id: string, res: Result<DataDiff>): ImportState {
  const rt = s.roundtrip;
  if (rt.diffJob?.id !== id) return s;
  const request = rt.diffJob.request;
  if (res.ok) return withRt(s, { ...rt, diffJob: null, diff: res.value, diffRequest: request, diffError: null, diffNotice: null });
  if (res.error.code === 'cancelled') return withRt(s, { ...rt, diffJob: null, diffNotice: DIFF_CANCELLED_NOTICE });
  return withRt(s, { ...rt, diffJob: null, diffError: res.error });
}

/** A comparison stopped by Mesh Desk itself (another sheet chosen): forgotten, its answer dropped. */
export function diffAbandoned(s: ImportState, id: string): ImportState {
  if (s.roundtrip.diffJob?.id !== id) return s;
  return withRt(s, { ...s.roundtrip, diffJob: null, diffAsked: null });
}

export function dismissRoundTripMessages(s: ImportState): ImportState {
  return withRt(s, { ...s.roundtrip, metaError: null, diffError: null, diffNotice: null });
}
