// Node only (inside a worker thread).
// The worker side of the job protocol: waits for one 'start', runs the named task with an
// AbortSignal that a 'cancel' message trips, throttles progress, and posts back one Result.
// Task modules (the real inspect worker, test workers) just call serveTasks() with their tasks.

import { parentPort } from 'node:worker_threads';
import { fail, toAppError, type Result } from '../../core/result';
import { isToWorker, type FromWorker, type JobProgressUpdate } from './protocol';

export interface TaskContext {
  signal: AbortSignal;
  /** Report progress as often as convenient; it is throttled before crossing threads. */
  progress(p: JobProgressUpdate): void;
}

export type TaskHandler = (payload: unknown, ctx: TaskContext) => Promise<Result<unknown>>;

export function serveTasks(tasks: Record<string, TaskHandler>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() must run inside a worker thread.');
  const controller = new AbortController();
  let started = false;

  port.on('message', (message: unknown) => {
    if (!isToWorker(message)) return;
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    if (started) return; // one task per worker
    started = true;
    void run(message.task, message.payload, message.progressIntervalMs);
  });

  async function run(name: string, payload: unknown, intervalMs: number): Promise<void> {
    const throttle = progressThrottle(intervalMs, (progress) => post({ type: 'progress', progress }));
    let result: Result<unknown>;
    try {
      const task = Object.hasOwn(tasks, name) ? tasks[name] : undefined;
      result = task
        ? await task(payload, { signal: controller.signal, progress: throttle.push })
        : fail('internal', `Mesh Desk tried to start an unknown kind of job ("${name}"). Please report this.`);
    } catch (e) {
      result = { ok: false, error: toAppError(e) };
    }
    throttle.stop();
    try {
      post({ type: 'done', result });
    } catch (e) {
      // A value that cannot be cloned (a function, a class instance with private state …).
      post({ type: 'done', result: { ok: false, error: toAppError(e) } });
    }
    port!.close();
  }

  function post(message: FromWorker): void {
    port!.postMessage(message);
  }
}

/**
 * Passes at most one update per interval; the latest skipped update is sent when the interval
 * ends, so the last figures before a pause are never lost.
 */
export function progressThrottle(intervalMs: number, send: (p: JobProgressUpdate) => void) {
  let lastSent = -Infinity;
  let pending: JobProgressUpdate | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const flush = () => {
    timer = undefined;
    if (stopped || !pending) return;
    const p = pending;
    pending = undefined;
    lastSent = Date.now();
    send(p);
  };
  return {
    push(p: JobProgressUpdate): void {
      if (stopped) return;
      pending = { ...p };
      const wait = lastSent + intervalMs - Date.now();
      if (wait <= 0) flush();
      else if (!timer) timer = setTimeout(flush, wait);
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
