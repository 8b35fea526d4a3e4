// Node only (bench tooling).
// Starts one measurement in a fresh Node process and reads back its one JSON line. A child
// that crashes, hangs or prints something else becomes a failure report with the tail of its
// stderr, so one broken measurement never stops the rest of the bench.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildReport } from './child-main';
import type { MeasureKind } from './measures';

export const CHILD_ENTRY = fileURLToPath(new URL('./child.mjs', import.meta.url));

export interface ChildOptions {
  /** Script to run (default: child.mjs through tsx; --bundled passes an esbuild bundle). */
  entry?: string;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Kill the child after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Third argument of the child, as JSON (the publish measurements' endpoint and object count). */
  params?: object;
  /** Extra environment variables for the child (on top of this process's). */
  env?: Record<string, string>;
}

export function runChild(kind: MeasureKind, file: string, opts: ChildOptions = {}): Promise<ChildReport> {
  const timeoutMs = opts.timeoutMs ?? 600_000;
  return new Promise((resolve) => {
    const params = opts.params ? [JSON.stringify(opts.params)] : [];
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.entry ?? CHILD_ENTRY, kind, file, ...params], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      // Keep only the end: a child that logs without pause must not fill our memory.
      stderr = (stderr + d).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const failed = (message: string): ChildReport => ({ kind, file, error: { code: 'failed', message } });
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve(failed(`could not start the child process: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve(failed(`gave up after ${timeoutMs / 1000} s`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const report = JSON.parse(line) as ChildReport;
        if (typeof report === 'object' && report !== null && 'kind' in report) return resolve(report);
      } catch {
        // Fall through: not our JSON line.
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve(failed(`the child ${how} without a result. ${stderr.trim().split('\n').slice(-8).join('\n')}`));
    });
  });
}
