// Browser (renderer). The Publish step's state and its pure transitions: prepare (check against
// the mesh's rules and propose a version), the owner's version choice, the run, and its outcome.
// Answers and progress of a job that is no longer the current one are dropped, so a slow answer
// of an earlier prepare can never replace the proposal the owner is looking at.

import type { JobProgress, OutboxJob, PublishPrepareRequest, PublishProposal, PublishResult } from '../../../shared/core/api/contract';
import type { Bump } from '../../../shared/core/publish/version-history';
import type { AppError, Result } from '../../../shared/core/result';

/** idle: nothing prepared (or it failed / was stopped) · preparing · ready: proposal shown · running · done. */
export type PublishStage = 'idle' | 'preparing' | 'ready' | 'running' | 'done';

export type PrepareInput = Omit<PublishPrepareRequest, 'jobId'>;

export interface PublishJob {
  id: string;
  kind: 'prepare' | 'run';
  progress: JobProgress | null;
  cancelling: boolean;
}

export interface PublishState {
  stage: PublishStage;
  job: PublishJob | null;
  /** What the proposal was (or is being) prepared from; null until the owner first pressed Publish. */
  request: PrepareInput | null;
  proposal: PublishProposal | null;
  /** The version step the owner chose. */
  bump: Bump | null;
  result: PublishResult | null;
  error: AppError | null;
  /** Someone else published this product first (publish.lost-race). */
  conflict: AppError | null;
  notice: string | null;
  /** The settings revision the proposal was made with (another mesh chosen → prepare again). */
  settingsRevision: number;
  /** Further sheets of the workbook the owner publishes too, each as its own endpoint. */
  extraSheets: string[];
  /** The mesh could not be reached: the publish waits in the outbox (outbox-publish.ts). */
  queued: { job: OutboxJob; reason: string } | null;
}

export const initialPublishState: PublishState = {
  stage: 'idle',
  job: null,
  request: null,
  proposal: null,
  bump: null,
  result: null,
  error: null,
  conflict: null,
  notice: null,
  settingsRevision: 0,
  extraSheets: [],
  queued: null,
};

/** Adds or removes a further sheet; the proposal then no longer matches (prepared again). */
export function toggleExtraSheet(s: PublishState, sheet: string, on: boolean): PublishState {
  if (s.stage === 'running' || s.stage === 'preparing') return s;
  const has = s.extraSheets.includes(sheet);
  if (has === on) return s;
  return { ...s, extraSheets: on ? [...s.extraSheets, sheet] : s.extraSheets.filter((x) => x !== sheet) };
}

export const LOST_RACE = 'publish.lost-race';
export const PREPARE_STOPPED = 'Stopped getting ready to publish. Nothing was published.';
export const RUN_STOPPED = 'Publishing was stopped before it finished. The product was not changed: readers still see what they saw before.';

/** The preselected version: the one the rules require, else the first offered. */
export function defaultBump(p: PublishProposal): Bump | null {
  const required = p.required;
  if (required !== 'initial' && p.choices.some((c) => c.bump === required)) return required;
  return p.choices[0]?.bump ?? null;
}

/** The version that Publish will write with the owner's choice. */
export function chosenVersion(s: Pick<PublishState, 'proposal' | 'bump'>): string | null {
  if (!s.proposal) return null;
  return s.proposal.choices.find((c) => c.bump === s.bump)?.version ?? s.proposal.version;
}

export function prepareStarted(s: PublishState, jobId: string, request: PrepareInput, settingsRevision: number): PublishState {
  return {
    ...initialPublishState,
    extraSheets: s.extraSheets,
    stage: 'preparing',
    job: { id: jobId, kind: 'prepare', progress: null, cancelling: false },
    request,
    settingsRevision,
  };
}

export function prepareFinished(s: PublishState, jobId: string, result: Result<PublishProposal>): PublishState {
  if (s.job?.id !== jobId || s.job.kind !== 'prepare') return s;
  if (result.ok) return { ...s, stage: 'ready', job: null, proposal: result.value, bump: defaultBump(result.value) };
  if (result.error.code === 'cancelled') return { ...s, stage: 'idle', job: null, notice: PREPARE_STOPPED };
  return { ...s, stage: 'idle', job: null, error: result.error };
}

/** Only versions the proposal offers can be chosen (never lower than the rules require). */
export function chooseBump(s: PublishState, bump: Bump): PublishState {
  if (s.stage !== 'ready' || !s.proposal?.choices.some((c) => c.bump === bump)) return s;
  return { ...s, bump };
}

export function canRun(s: PublishState): boolean {
  return s.stage === 'ready' && !!s.proposal?.check.canPublish && !s.conflict && (s.bump !== null || s.proposal.required === 'initial');
}

export function runStarted(s: PublishState, jobId: string): PublishState {
  if (!canRun(s)) return s;
  return { ...s, stage: 'running', job: { id: jobId, kind: 'run', progress: null, cancelling: false }, error: null, notice: null };
}

export function runFinished(s: PublishState, jobId: string, result: Result<PublishResult>): PublishState {
  if (s.job?.id !== jobId || s.job.kind !== 'run') return s;
  if (result.ok) return { ...s, stage: 'done', job: null, result: result.value };
  if (result.error.code === 'cancelled') return { ...s, stage: 'ready', job: null, notice: RUN_STOPPED };
  if (result.error.code === LOST_RACE) return { ...s, stage: 'ready', job: null, conflict: result.error };
  return { ...s, stage: 'ready', job: null, error: result.error };
}

export function publishProgress(s: PublishState, p: JobProgress): PublishState {
  if (s.job?.id !== p.jobId) return s;
  return { ...s, job: { ...s.job, progress: p } };
}

export function publishCancelling(s: PublishState): PublishState {
  return s.job ? { ...s, job: { ...s.job, cancelling: true } } : s;
}

/** A failed cancel call: the job goes on, and the owner is told why it did not stop. */
export function cancelFailed(s: PublishState, jobId: string, error: AppError): PublishState {
  if (s.job?.id !== jobId) return s;
  return { ...s, job: { ...s.job, cancelling: false }, error };
}

export function dismissPublishMessage(s: PublishState): PublishState {
  return { ...s, error: null, notice: null };
}

/** The proposal was made with another mesh than the one now chosen in Settings. */
export function settingsChangedSince(s: PublishState, revision: number): boolean {
  return s.request !== null && s.stage !== 'running' && s.stage !== 'done' && s.stage !== 'preparing' && s.settingsRevision !== revision;
}
