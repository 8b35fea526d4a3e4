// Browser (renderer). The outbox panel's state and its pure transitions: the host's view of the
// queued publishes, the "Send now" run with its progress, the conflict the owner has open, and the
// toasts that announce a delivery or a conflict. The host owns the queue; the page only mirrors
// the last view it was given (outbox.list answers and 'outbox.changed' events) and never guesses.

import type { JobProgress, OutboxJob, OutboxView } from '../../../shared/core/api/contract';
import type { AppError } from '../../../shared/core/result';

export interface OutboxSending {
  /** The progress/cancel id of the outbox.send call. */
  jobId: string;
  /** One job (Retry) or every waiting one (absent). */
  id?: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

export interface OutboxToast {
  id: string;
  kind: 'delivered' | 'conflict';
  jobId: string;
  title: string;
  text: string;
}

export interface OutboxUiState {
  view: OutboxView | null;
  loading: boolean;
  error: AppError | null;
  /** A plain sentence after an action (sending stopped, job removed …). */
  notice: string | null;
  /** The notice only says "being sent right now": it goes once nothing is sending any more. */
  noticeWhileSending: boolean;
  sending: OutboxSending | null;
  /** The outbox screen lies over the rest of the app (top-bar badge, links). */
  open: boolean;
  /** The job whose conflict is shown (conflict view). */
  conflictId: string | null;
  /** The job an outbox.resolve / outbox.remove call is running for. */
  busyId: string | null;
  toasts: OutboxToast[];
  /** Progress of sends the host started by itself (mesh back), by outbox job id. */
  autoProgress: Record<string, JobProgress>;
}

export const initialOutboxState: OutboxUiState = {
  view: null,
  loading: false,
  error: null,
  notice: null,
  noticeWhileSending: false,
  sending: null,
  open: false,
  conflictId: null,
  busyId: null,
  toasts: [],
  autoProgress: {},
};

/** Jobs that still need something: everything not yet delivered. */
export function pendingJobs(view: OutboxView | null): OutboxJob[] {
  return view ? view.jobs.filter((j) => j.state !== 'delivered') : [];
}

/** The number on the top-bar badge: waiting, sending, failed and conflict jobs. */
export function badgeCount(view: OutboxView | null): number {
  return pendingJobs(view).length;
}

/** Jobs "Send now" would send: waiting or failed (conflicts need the owner's choice first). */
export function sendableCount(view: OutboxView | null): number {
  return view ? view.jobs.filter((j) => j.state === 'waiting' || j.state === 'failed').length : 0;
}

/** A job is going out right now (the host's own send, or the command line's). */
export function anySending(view: OutboxView | null): boolean {
  return view ? view.jobs.some((j) => j.state === 'sending') : false;
}

export function jobById(s: Pick<OutboxUiState, 'view'>, id: string | null): OutboxJob | null {
  if (!s.view || id === null) return null;
  return s.view.jobs.find((j) => j.id === id) ?? null;
}

/**
 * The toasts a new view calls for: a job that was known in another state and is now delivered or
 * in conflict. Jobs seen for the first time say nothing (the page just loaded, or the CLI queued
 * and delivered while the app was closed), so reopening the app never replays old news.
 */
export function newsBetween(before: OutboxView | null, after: OutboxView): OutboxToast[] {
  if (!before) return [];
  const was = new Map(before.jobs.map((j) => [j.id, j.state]));
  const out: OutboxToast[] = [];
  for (const job of after.jobs) {
    const prev = was.get(job.id);
    if (prev === undefined || prev === job.state) continue;
    const name = job.title?.trim() || job.product;
    if (job.state === 'delivered') {
      const version = job.delivered ? ` as v${job.delivered.version}` : '';
      out.push({ id: `${job.id}:delivered`, kind: 'delivered', jobId: job.id, title: 'Published', text: `“${name}” was published to “${job.meshName}”${version}.` });
    } else if (job.state === 'conflict') {
      out.push({
        id: `${job.id}:conflict`,
        kind: 'conflict',
        jobId: job.id,
        title: 'Someone else published first',
        text: `“${name}” was not sent: someone published a newer version on “${job.meshName}” meanwhile. Open the outbox to choose what to keep.`,
      });
    }
  }
  return out;
}

/** A new view from the host (a call's answer or an 'outbox.changed' event), with its news. */
export function viewArrived(s: OutboxUiState, view: OutboxView): OutboxUiState {
  const news = newsBetween(s.view, view).filter((t) => !s.toasts.some((x) => x.id === t.id));
  // A conflict that was resolved elsewhere (the CLI, another window) closes its view.
  const conflictId = s.conflictId && view.jobs.some((j) => j.id === s.conflictId && j.state === 'conflict') ? s.conflictId : null;
  const stale = s.noticeWhileSending && !anySending(view);
  return {
    ...s,
    view,
    loading: false,
    conflictId,
    toasts: news.length ? [...s.toasts, ...news].slice(-5) : s.toasts,
    ...(stale ? { notice: null, noticeWhileSending: false } : {}),
  };
}

export function loadStarted(s: OutboxUiState): OutboxUiState {
  return { ...s, loading: true };
}

export function callFailed(s: OutboxUiState, error: AppError): OutboxUiState {
  return { ...s, loading: false, busyId: null, error };
}

export function sendStarted(s: OutboxUiState, jobId: string, id?: string): OutboxUiState {
  return { ...s, error: null, notice: null, noticeWhileSending: false, sending: { jobId, ...(id === undefined ? {} : { id }), progress: null, cancelling: false } };
}

/** The host's answer when another send (its own automatic one, or the CLI) holds the outbox. */
export const OUTBOX_BUSY = 'outbox.busy';

export const SEND_STOPPED = 'Sending was stopped. What was not sent stays in the outbox and goes out next time.';

export function sendFinished(s: OutboxUiState, jobId: string, error: AppError | null): OutboxUiState {
  if (s.sending?.jobId !== jobId) return s;
  if (!error) return { ...s, sending: null };
  if (error.code === 'cancelled') return { ...s, sending: null, notice: SEND_STOPPED };
  // Mesh Desk (or the command line) is sending already: news, not a failure.
  if (error.code === OUTBOX_BUSY) return { ...s, sending: null, notice: error.message, noticeWhileSending: true };
  return { ...s, sending: null, error };
}

/** The host's automatic sends report progress as "outbox-<job id>" (outbox-sync.ts). */
const AUTO_PREFIX = 'outbox-';

export function sendProgress(s: OutboxUiState, p: JobProgress): OutboxUiState {
  if (s.sending?.jobId === p.jobId) return { ...s, sending: { ...s.sending, progress: p } };
  if (!p.jobId.startsWith(AUTO_PREFIX)) return s;
  const id = p.jobId.slice(AUTO_PREFIX.length);
  const { [id]: _old, ...rest } = s.autoProgress;
  return { ...s, autoProgress: p.phase === 'done' ? rest : { ...rest, [id]: p } };
}

/** What a row in state "sending" shows: the host's own send, or the owner's Send now. */
export function progressOf(s: Pick<OutboxUiState, 'autoProgress' | 'sending'>, job: { id: string; state: string }): JobProgress | null {
  if (job.state !== 'sending') return null;
  return s.autoProgress[job.id] ?? s.sending?.progress ?? null;
}

export function sendCancelling(s: OutboxUiState): OutboxUiState {
  return s.sending ? { ...s, sending: { ...s.sending, cancelling: true } } : s;
}

/** Opening a job's conflict answers its toast: the toast would only cover the view it points to. */
export function openOutbox(s: OutboxUiState, conflictId: string | null = null): OutboxUiState {
  const toasts = conflictId === null ? s.toasts : s.toasts.filter((t) => t.jobId !== conflictId);
  return { ...s, open: true, conflictId, toasts };
}

export function closeOutbox(s: OutboxUiState): OutboxUiState {
  return { ...s, open: false, conflictId: null };
}

export function dismissToast(s: OutboxUiState, id: string): OutboxUiState {
  return { ...s, toasts: s.toasts.filter((t) => t.id !== id) };
}

export function dismissMessage(s: OutboxUiState): OutboxUiState {
  return { ...s, error: null, notice: null, noticeWhileSending: false };
}
