// Node only.
// Sends the outbox: waiting jobs (and failed ones when the owner asks) in the order they were
// queued, one at a time, under a lock file in <dataDir>/outbox so the app and the CLI never send
// the same job at once. Every change of a job is saved before the next step and announced, and
// the draft behind a job follows it (queued → sending → published / failed / conflict).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftState, DraftSummary, JobProgress } from '../../core/api/contract';
import { jobsToSend } from '../../core/outbox/send-order';
import { withLock } from '../mesh/file-lock';
import type { StoredJob } from './outbox-job';
import type { OutboxStore } from './outbox-store';
import { sendJob, type SendJobDeps, type SendOutcome } from './send-job';

/** What the outbox changes on the draft behind a job (DraftStore.setState's patch). */
export interface DraftPatch {
  state?: DraftState;
  stateReason?: string;
  outboxId?: string;
  published?: DraftSummary['published'];
}

export interface SyncDeps extends SendJobDeps {
  store: OutboxStore;
  /** Follows a job's state on its draft (absent: CLI jobs have none, or no draft store). */
  updateDraft?: (draftId: string, patch: DraftPatch) => Promise<void>;
  /** Called after every saved change (broadcast 'outbox.changed'). */
  changed?: () => unknown;
  /** Progress of the job being sent, under the send's jobId. */
  progress?: (p: JobProgress) => void;
}

export interface SyncRequest {
  /** Progress events carry this id; default "outbox-<job id>". */
  jobId?: string;
  /** One job only (a retry of a failed one too). */
  id?: string;
  includeFailed?: boolean;
  signal?: AbortSignal;
}

export interface SyncReport {
  /** True when another process (or another send here) was sending: nothing was done. */
  busy: boolean;
  outcomes: SendOutcome[];
}

/** A send holds the lock for as long as it takes; only a dead holder's lock is broken early. */
const LOCK_STALE_MS = 12 * 60 * 60 * 1000;

/** Runs `fn` holding the outbox's send lock, or returns busy when someone else holds it. */
export async function withSendLock<T>(store: OutboxStore, fn: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
  await mkdir(store.dir, { recursive: true });
  let entered = false;
  try {
    const value = await withLock(join(store.dir, '.send.lock'), { staleMs: LOCK_STALE_MS, waitMs: 0, key: 'outbox' }, () => {
      entered = true;
      return fn();
    });
    return { busy: false, value };
  } catch (e) {
    if (!entered) return { busy: true };
    throw e;
  }
}

const DRAFT_STATE: Record<StoredJob['state'], DraftState> = { waiting: 'queued', sending: 'sending', failed: 'failed', conflict: 'conflict', delivered: 'published' };

export async function syncOutbox(deps: SyncDeps, req: SyncRequest = {}): Promise<SyncReport> {
  const locked = await withSendLock(deps.store, async () => {
    const outcomes: SendOutcome[] = [];
    // A job left "sending" by a process that died: we hold the lock, so nobody sends it now.
    // It is put back in the list read here, so the folder is read once per send.
    const all: StoredJob[] = [];
    for (const j of await deps.store.list()) {
      if (j.state !== 'sending') {
        all.push(j);
        continue;
      }
      const waiting: StoredJob = { ...j, state: 'waiting' };
      await save(deps, waiting);
      all.push(waiting);
    }
    const order = jobsToSend(all, { ...(req.id !== undefined ? { id: req.id } : {}), ...(req.includeFailed ? { includeFailed: true } : {}) });
    const unreachableMeshes = new Set<string>();
    for (const queued of order) {
      if (req.signal?.aborted) break;
      // A mesh that did not answer is not tried again in this round (its jobs keep their order).
      if (unreachableMeshes.has(queued.mesh)) continue;
      const job = await deps.store.get(queued.id);
      if (!job || !(job.state === 'waiting' || job.state === 'failed')) continue;
      const sending: StoredJob = { ...job, state: 'sending' };
      await save(deps, sending);
      const jobId = req.jobId ?? `outbox-${job.id}`;
      const emit = (p: Omit<JobProgress, 'jobId'>) => deps.progress?.({ jobId, ...p });
      emit({ phase: 'opening', bytesDone: 0, bytesTotal: job.file?.size ?? 0, rows: 0 });
      let last: Omit<JobProgress, 'jobId'> = { phase: 'opening', bytesDone: 0, bytesTotal: job.file?.size ?? 0, rows: 0 };
      let outcome: SendOutcome;
      try {
        outcome = await sendJob(sending, deps, {
          jobId,
          ...(req.signal ? { signal: req.signal } : {}),
          onProgress: (p) => {
            last = { ...p, phase: p.phase ?? 'reading' };
            emit(last);
          },
        });
      } catch (e) {
        // Never leave a job "sending": put it back as it was and let the caller report.
        await save(deps, job);
        throw e;
      } finally {
        emit({ ...last, phase: 'done' });
      }
      if (outcome.kind === 'unreachable') unreachableMeshes.add(job.mesh);
      await save(deps, outcome.job);
      outcomes.push(outcome);
      // The owner pressed Stop: the rest of the queue waits for the next send.
      if (outcome.kind === 'cancelled') break;
    }
    return outcomes;
  });
  return locked.busy ? { busy: true, outcomes: [] } : { busy: false, outcomes: locked.value };
}

/** Saves a job, moves its draft along, and announces the change. */
async function save(deps: SyncDeps, job: StoredJob): Promise<void> {
  await deps.store.put(job);
  if (job.draftId && deps.updateDraft) {
    const patch: DraftPatch = { state: DRAFT_STATE[job.state], outboxId: job.id };
    // undefined removes an old reason from the draft (DraftStore.setState).
    patch.stateReason = job.state === 'delivered' || job.state === 'sending' ? undefined : job.reason;
    if (job.state === 'delivered' && job.delivered) patch.published = { version: job.delivered.version, at: job.delivered.at, meshName: job.meshName, address: job.delivered.address };
    // The draft is the owner's; a draft store that fails must not stop the outbox.
    await deps.updateDraft(job.draftId, patch).catch(() => undefined);
  }
  deps.changed?.();
}
