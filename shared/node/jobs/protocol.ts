// Node only (types and guards shared by the job runner and its worker threads).
// The messages between the main thread and a job's worker. Everything crossing is plain data
// (structured clone); results travel as Result values because thrown errors lose their fields.

import type { Result } from '../../core/result';

export interface JobProgressUpdate {
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  sheet?: string;
  /** Publishing: which stage, data parts stored and bytes sent so far. */
  phase?: 'reading' | 'uploading' | 'committing';
  partsDone?: number;
  bytesSent?: number;
}

/** Main → worker. One worker runs exactly one task, then is ended. */
export type ToWorker =
  | { type: 'start'; task: string; payload: unknown; progressIntervalMs: number }
  | { type: 'cancel' };

/** Worker → main. */
export type FromWorker =
  | { type: 'progress'; progress: JobProgressUpdate }
  | { type: 'done'; result: Result<unknown> };

export function isFromWorker(x: unknown): x is FromWorker {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { type?: unknown; progress?: unknown; result?: unknown };
  if (m.type === 'progress') return typeof m.progress === 'object' && m.progress !== null;
  if (m.type === 'done') return typeof m.result === 'object' && m.result !== null && 'ok' in m.result;
  return false;
}

export function isToWorker(x: unknown): x is ToWorker {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { type?: unknown; task?: unknown };
  return m.type === 'cancel' || (m.type === 'start' && typeof m.task === 'string');
}
