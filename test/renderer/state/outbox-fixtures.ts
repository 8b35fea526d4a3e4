// Test helpers: outbox jobs and views as the host sends them, and a scripted API whose calls
// wait for the test to answer them (so ordering and late answers can be exercised).
import type { CallInput, CallName, CallOutput, ApiEvents, OutboxJob, OutboxView, SourceRef } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';

export function job(id: string, patch: Partial<OutboxJob> = {}): OutboxJob {
  return {
    id, draftId: `draft-${id}`, product: 'price-list', title: 'Price list', meshId: 'm1', meshName: 'Team S3', mesh: 's3://acme/finance',
    queuedAt: '2026-01-02T10:15:00Z', queuedBy: 'app', state: 'waiting', attempts: 0, baseVersion: '1.0.0', metadataOnly: false,
    source: { name: 'Price list.xlsx', size: 1234 }, ...patch,
  };
}

export function view(jobs: OutboxJob[], patch: Partial<OutboxView> = {}): OutboxView {
  return { jobs, reachable: null, ...patch };
}

interface Pending {
  name: CallName;
  input: unknown;
  answer(r: Result<unknown>): void;
}

export function scriptedApi(source: SourceRef = { id: 'src1', name: 'Price list.csv', size: 100 }) {
  const pending: Pending[] = [];
  const calls: { name: CallName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(x: unknown) => void>>();
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input });
      if (name === 'job.cancel') return Promise.resolve({ ok: true, value: { cancelled: true } } as Result<CallOutput<K>>);
      return new Promise<Result<CallOutput<K>>>((resolve) => pending.push({ name, input, answer: (r) => resolve(r as Result<CallOutput<K>>) }));
    },
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (x: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (x: unknown) => void);
    },
    addLocalFile: () => Promise.resolve({ ok: true, value: source }),
  };
  async function next(name: CallName): Promise<Pending> {
    for (let i = 0; i < 50; i++) {
      const at = pending.findIndex((p) => p.name === name);
      if (at >= 0) return pending.splice(at, 1)[0]!;
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error(`no ${name} call`);
  }
  function emit<E extends keyof ApiEvents>(name: E, payload: ApiEvents[E]) {
    for (const l of listeners.get(name) ?? []) l(payload);
  }
  return { api, next, calls, emit, pending, listening: (name: string) => listeners.get(name)?.size ?? 0 };
}

export const tick = () => new Promise((r) => setTimeout(r, 0));
