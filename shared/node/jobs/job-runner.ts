// Node only.
// Runs heavy tasks (overview, inspect) in worker threads so the main thread — Electron's UI
// process or the web host's request loop — never stalls on a big workbook. One worker per job:
// a crash, an out-of-memory or a stuck parse takes down only its own job, and cancelling a job
// that ignores its AbortSignal can fall back to terminating the thread.

import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { CancelledError, fail, type AppError, type Result } from '../../core/result';
import { crashError } from './job-errors';
import { isFromWorker, type JobProgressUpdate, type ToWorker } from './protocol';

export interface JobRunnerOptions {
  /** The worker's start file. Default: worker-entry.mjs beside this module (runs the TS via tsx). */
  workerUrl?: URL | string;
  /** Jobs running at once; more wait in a queue (default 2). */
  maxConcurrent?: number;
  /** How long a cancelled job may take to stop by itself before its thread is ended (default 2 s). */
  cancelGraceMs?: number;
  /** At most one progress update per this many ms (default 100, i.e. ~10 per second). */
  progressIntervalMs?: number;
  /** Heap limit of each worker in MB, so one hostile file cannot exhaust the machine (default 4096). */
  maxMemoryMb?: number;
  /**
   * Keep one started, idle worker ready so the next job skips the thread's start-up (loading
   * the readers takes 0.3–1 s) — the owner's next "open" feels instant. Default true.
   */
  keepSpare?: boolean;
}

export interface RunOptions {
  /** Chosen by the caller to cancel the job and match progress; default: a random id. */
  jobId?: string;
  onProgress?: (p: JobProgressUpdate) => void;
  /** Aborting it cancels the job. */
  signal?: AbortSignal;
}

interface Job {
  id: string;
  task: string;
  payload: unknown;
  opts: RunOptions;
  state: 'queued' | 'running' | 'cancelling' | 'finishing';
  resolve: (r: Result<unknown>) => void;
  worker?: Worker;
  result?: Result<unknown>;
  timers: ReturnType<typeof setTimeout>[];
  exitWait?: ReturnType<typeof setTimeout>;
}

/** How long to wait for a terminated thread to report its exit before giving up on it. */
const EXIT_WAIT_MS = 5000;

const cancelledError = (): AppError => new CancelledError().toAppError();

export function defaultWorkerUrl(): URL {
  return new URL('./worker-entry.mjs', import.meta.url);
}

export class JobRunner {
  private readonly workerUrl: URL | string;
  private readonly maxConcurrent: number;
  private readonly cancelGraceMs: number;
  private readonly progressIntervalMs: number;
  private readonly maxMemoryMb: number;
  private readonly keepSpare: boolean;
  private spare: { worker: Worker; detach: () => void } | undefined;
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private live = 0;
  private closed = false;

  constructor(opts: JobRunnerOptions = {}) {
    // Resolved lazily: a bundle without import.meta (Electron's CJS build) passes its own file.
    this.workerUrl = opts.workerUrl ?? defaultWorkerUrl();
    this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 2);
    this.cancelGraceMs = opts.cancelGraceMs ?? 2000;
    this.progressIntervalMs = opts.progressIntervalMs ?? 100;
    this.maxMemoryMb = opts.maxMemoryMb ?? 4096;
    this.keepSpare = opts.keepSpare ?? true;
  }

  /** Starts the spare worker now (call at app start so even the first job starts fast). */
  warmUp(): void {
    if (!this.keepSpare || this.closed || this.spare) return;
    let worker: Worker;
    try {
      worker = this.newWorker();
    } catch {
      return; // the job that needs a worker will report the problem
    }
    const drop = () => {
      if (this.spare?.worker === worker) this.spare = undefined;
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    // An idle thread must not keep the process alive on its own.
    worker.unref();
    this.spare = {
      worker,
      detach: () => {
        worker.off('error', drop);
        worker.off('exit', drop);
        worker.ref();
      },
    };
  }

  /** 1 while an idle worker is waiting for the next job. */
  get spareWorkers(): number {
    return this.spare ? 1 : 0;
  }

  private newWorker(): Worker {
    return new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } });
  }

  /** The spare worker if one is ready, else a new one; then a new spare is started. */
  private takeWorker(): Worker {
    const spare = this.spare;
    this.spare = undefined;
    let worker: Worker;
    if (spare) {
      spare.detach();
      worker = spare.worker;
    } else {
      worker = this.newWorker();
    }
    // Started after this job's thread, so the two do not compete while this one boots.
    if (this.keepSpare) setTimeout(() => this.warmUp(), 50).unref();
    return worker;
  }

  /** Worker threads that exist right now (running, or ending). */
  get liveWorkers(): number {
    return this.live;
  }

  isActive(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  /** Runs `task` in a worker of its own. Never rejects: every failure comes back as a Result. */
  run<T>(task: string, payload: unknown, opts: RunOptions = {}): Promise<Result<T>> {
    if (this.closed) {
      return Promise.resolve(fail('job.closed', 'Mesh Desk is shutting down, so the job was not started.'));
    }
    const id = opts.jobId ?? randomBytes(12).toString('base64url');
    if (this.jobs.has(id)) {
      return Promise.resolve(fail('job.duplicate', 'That job is already running. Wait for it to finish or cancel it first.'));
    }
    if (opts.signal?.aborted) return Promise.resolve({ ok: false, error: cancelledError() });
    return new Promise<Result<unknown>>((resolve) => {
      const onAbort = () => this.cancel(id);
      const signal = opts.signal;
      signal?.addEventListener('abort', onAbort, { once: true });
      // Whatever ends the job also forgets the caller's signal, so a long-lived one does not leak.
      const finish = (r: Result<unknown>) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const job: Job = { id, task, payload, opts, state: 'queued', resolve: finish, timers: [] };
      this.jobs.set(id, job);
      this.queue.push(job);
      this.pump();
    }) as Promise<Result<T>>;
  }

  /** Asks a job to stop. True when it was queued or running. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    if (job.state === 'queued') {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.jobs.delete(job.id);
      job.resolve({ ok: false, error: cancelledError() });
      return true;
    }
    if (job.state !== 'running') return job.state === 'cancelling';
    job.state = 'cancelling';
    this.send(job, { type: 'cancel' });
    // A parse stuck in one long synchronous step cannot see its signal: end the thread.
    job.timers.push(setTimeout(() => this.endWorker(job), this.cancelGraceMs));
    return true;
  }

  /** Cancels everything and waits for every worker thread to end. */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = undefined;
    const spareGone = spare ? spare.worker.terminate().then(() => undefined, () => undefined) : undefined;
    const pending = [...this.jobs.values()].map(
      (job) =>
        new Promise<void>((done) => {
          const original = job.resolve;
          job.resolve = (r) => {
            original(r);
            done();
          };
        }),
    );
    for (const job of [...this.jobs.values()]) {
      if (job.state === 'queued') this.cancel(job.id);
      else this.endWorker(job);
    }
    await Promise.all([...pending, spareGone]);
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.start(job);
    }
  }

  private start(job: Job): void {
    job.state = 'running';
    this.running++;
    let worker: Worker;
    try {
      worker = this.takeWorker();
    } catch (e) {
      job.result = { ok: false, error: crashError(e) };
      this.settle(job);
      return;
    }
    job.worker = worker;
    this.live++;
    worker.on('message', (message: unknown) => {
      if (!isFromWorker(message)) return;
      if (message.type === 'progress') {
        if (job.state !== 'running') return;
        try {
          job.opts.onProgress?.(message.progress);
        } catch {
          // A listener's mistake must not break the job.
        }
      } else if (!job.result) {
        job.result = message.result;
        if (job.state === 'running') job.state = 'finishing';
        this.endWorker(job);
      }
    });
    worker.on('error', (e) => {
      job.result ??= { ok: false, error: crashError(e) };
    });
    worker.on('exit', (code) => {
      this.live--;
      job.result ??= { ok: false, error: crashError(new Error(`the worker stopped with exit code ${code}`)) };
      this.settle(job);
    });
    this.send(job, { type: 'start', task: job.task, payload: job.payload, progressIntervalMs: this.progressIntervalMs });
  }

  private send(job: Job, message: ToWorker): void {
    try {
      job.worker?.postMessage(message);
    } catch (e) {
      job.result ??= { ok: false, error: crashError(e) };
      this.endWorker(job);
    }
  }

  /** Ends a job's thread; the caller is answered on its 'exit', or after EXIT_WAIT_MS at worst. */
  private endWorker(job: Job): void {
    if (!job.worker || job.exitWait) return;
    // If the thread never reports its exit (stuck in native code), still answer the caller.
    job.exitWait = setTimeout(() => this.settle(job), EXIT_WAIT_MS);
    job.timers.push(job.exitWait);
    void job.worker.terminate();
  }

  /** Answers the caller exactly once, frees the slot and starts the next queued job. */
  private settle(job: Job): void {
    if (!this.jobs.has(job.id) || this.jobs.get(job.id) !== job) return;
    this.jobs.delete(job.id);
    for (const t of job.timers) clearTimeout(t);
    this.running--;
    const cancelled = job.state === 'cancelling';
    const result = job.result ?? { ok: false, error: crashError(new Error('no answer')) };
    job.resolve(cancelled && !result.ok ? { ok: false, error: cancelledError() } : result);
    this.pump();
  }
}
