// A scripted host for store tests: every call but job.cancel waits until the test answers it
// (`next(name)` finds the oldest pending one), job.cancel answers at once, and `emit` plays
// job progress to whoever listens. The test decides what adding a local file gives back.
import type { CallInput, CallName, CallOutput, JobProgress } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';

export interface Pending {
  name: CallName;
  input: unknown;
  answer(r: Result<unknown>): void;
}

export function scriptedHost(addLocalFile: RendererApi['addLocalFile']) {
  const pending: Pending[] = [];
  const calls: { name: CallName; input: unknown }[] = [];
  let progress: ((p: JobProgress) => void) | null = null;
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input });
      if (name === 'job.cancel') return Promise.resolve({ ok: true, value: { cancelled: true } } as Result<CallOutput<K>>);
      return new Promise<Result<CallOutput<K>>>((resolve) => pending.push({ name, input, answer: (r) => resolve(r as Result<CallOutput<K>>) }));
    },
    on: (name, listener) => {
      if (name === 'job.progress') progress = listener as (p: JobProgress) => void;
      return () => {};
    },
    addLocalFile,
  };
  async function next(name: CallName): Promise<Pending> {
    for (let i = 0; i < 50; i++) {
      const at = pending.findIndex((p) => p.name === name);
      if (at >= 0) return pending.splice(at, 1)[0]!;
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error(`no ${name} call; pending: ${pending.map((p) => p.name).join(', ')}`);
  }
  return { api, next, calls, pending, emit: (p: JobProgress) => progress?.(p) };
}
