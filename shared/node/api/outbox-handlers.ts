// Node only.
// The outbox calls (part of the one handler map, handlers.ts): list, queue a draft, send now,
// remove, and resolve a conflict. One OutboxService per app (createHandlers runs once per app):
// it starts looking for queued jobs at once and sends them, by itself, when their mesh answers.

import { resolve } from 'node:path';
import type { ApiHandlers } from '../../core/api/contract';
import { toAppError, type Result } from '../../core/result';
import { openDraftStore } from '../drafts/draft-store';
import { metaPublisher } from '../outbox/meta-runner';
import { OutboxService } from '../outbox/outbox-service';
import { workerMetaSteps, workerRunner } from '../outbox/publish-runner';
import type { HandlerDeps } from './handlers';

type OutboxCalls = 'outbox.list' | 'outbox.add' | 'outbox.send' | 'outbox.remove' | 'outbox.resolve';

const live = new Map<OutboxService, string>();

/** Stops the outbox services (of one data folder, or all): their timers and automatic sends (tests; app shutdown). */
export async function disposeOutboxServices(dataDir?: string): Promise<void> {
  const chosen = [...live].filter(([, dir]) => dataDir === undefined || dir === resolve(dataDir)).map(([s]) => s);
  for (const s of chosen) live.delete(s);
  await Promise.all(chosen.map((s) => s.dispose()));
}

/** The app's outbox over its data folder, mesh settings and worker threads. */
export function createOutboxService(deps: Pick<HandlerDeps, 'dataDir' | 'settings' | 'jobs' | 'broadcast'>, opts: { probeEveryMs?: number; autoSend?: boolean } = {}): OutboxService {
  const service = new OutboxService({
    dataDir: deps.dataDir,
    settings: deps.settings,
    drafts: () => openDraftStore(deps.dataDir),
    runner: workerRunner(deps.jobs),
    meta: metaPublisher(workerMetaSteps(deps.jobs)),
    ...(deps.broadcast ? { broadcast: deps.broadcast } : {}),
    ...(opts.probeEveryMs ? { probeEveryMs: opts.probeEveryMs } : {}),
    ...(opts.autoSend === false ? { autoSend: false } : {}),
  });
  live.set(service, resolve(deps.dataDir));
  return service;
}

/** A disk error (full, read-only) comes back in words instead of a crash. */
async function guarded<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

export function createOutboxHandlers(deps: HandlerDeps, service: OutboxService = createOutboxService(deps)): Pick<ApiHandlers, OutboxCalls> {
  // Jobs queued before the app was closed (or by the command line) go out when their mesh answers.
  service.start(true);
  return {
    'outbox.list': () => guarded(async () => ({ ok: true, value: await service.view() })),
    'outbox.add': ({ draftId, bump }) => guarded(() => service.add(draftId, bump)),
    'outbox.send': (req, ctx) => guarded(() => service.send(req, ctx)),
    'outbox.remove': ({ id }) => guarded(() => service.remove(id)),
    'outbox.resolve': (req) => guarded(() => service.resolve(req)),
  };
}
