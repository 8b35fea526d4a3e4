// Node only.
// The app's outbox, one per app: the list the page shows, queuing a draft, sending (on request
// or by itself), removing and resolving conflicts. While any job waits, every ~15 s it probes
// the meshes of the waiting jobs (cheaply) and, when one answers, sends its jobs — so queued
// publishes go out when the train reaches the station, with nobody pressing a button. Every
// change is announced as 'outbox.changed' to every window.

import type { CallContext, JobProgress, OutboxJob, OutboxResolveRequest, OutboxView } from '../../core/api/contract';
import { chooseFields, rebaseMeta } from '../../core/outbox/merge-meta';
import type { Bump } from '../../core/publish/version-history';
import { fail, ok, type Result } from '../../core/result';
import type { DraftStore } from '../drafts/draft-store';
import type { MeshConnection } from '../publish/publish-file';
import type { MeshSettingsStore } from '../settings/mesh-settings';
import { jobFromDraft } from './job-from-draft';
import { jobView, type StoredJob } from './outbox-job';
import { OutboxStore } from './outbox-store';
import { syncOutbox, withSendLock, type DraftPatch, type SyncDeps } from './outbox-sync';
import type { PublishRunner } from './publish-runner';
import type { MetaPublisher } from './send-job';
import { probeMesh } from './unreachable';

export const PROBE_EVERY_MS = 15_000;

export interface OutboxServiceDeps {
  dataDir: string;
  settings: MeshSettingsStore;
  drafts: () => Promise<DraftStore>;
  runner: PublishRunner;
  meta?: MetaPublisher;
  /** Pushes an event to every window or tab (outbox.changed, progress of automatic sends). */
  broadcast?: CallContext['emit'];
  probeEveryMs?: number;
  /** False: never probe or send by itself (tests that must control when a send happens). */
  autoSend?: boolean;
}

/** A job's mesh with keys: the saved mesh it was queued for (same address), else a saved mesh with that address, else the address alone (profile / environment). */
export async function connectionFor(settings: MeshSettingsStore, job: Pick<StoredJob, 'meshId' | 'mesh'>): Promise<Result<MeshConnection>> {
  const view = await settings.view();
  const saved = view.meshes.find((m) => m.id === job.meshId && m.url === job.mesh) ?? view.meshes.find((m) => m.url === job.mesh);
  if (!saved) return ok({ url: job.mesh });
  const conn = await settings.connection(saved.id);
  if (!conn.ok) return ok({ url: job.mesh });
  return ok({ url: conn.value.url, options: conn.value.options });
}

export class OutboxService {
  private opened: Promise<OutboxStore> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private disposed = false;
  private readonly auto = new AbortController();
  private reachable: boolean | null = null;
  private checkedAt: string | undefined;
  private reason: string | undefined;
  private announcing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OutboxServiceDeps) {}

  store(): Promise<OutboxStore> {
    this.opened ??= OutboxStore.open(this.deps.dataDir).catch((e: unknown) => {
      this.opened = undefined;
      throw e;
    });
    return this.opened;
  }

  async view(): Promise<OutboxView> {
    const jobs = (await (await this.store()).list()).map(jobView);
    return { jobs, reachable: this.reachable, ...(this.checkedAt ? { checkedAt: this.checkedAt } : {}), ...(this.reason && this.reachable === false ? { reason: this.reason } : {}) };
  }

  /**
   * Broadcasts the current list (in order: a later change never arrives before an earlier one).
   * The calls await it, so a window sees 'outbox.changed' before the reply to its own call.
   */
  private changed = (): Promise<void> => {
    if (!this.deps.broadcast || this.disposed) return this.announcing;
    this.announcing = this.announcing.then(async () => {
      try {
        this.deps.broadcast?.('outbox.changed', await this.view());
      } catch {
        /* the next change announces again */
      }
    });
    return this.announcing;
  };

  private async updateDraft(draftId: string, patch: DraftPatch): Promise<void> {
    await (await this.deps.drafts()).setState(draftId, patch);
  }

  private syncDeps(store: OutboxStore, progress: (p: JobProgress) => void): SyncDeps {
    return {
      store,
      runner: this.deps.runner,
      ...(this.deps.meta ? { meta: this.deps.meta } : {}),
      connect: (job: StoredJob) => connectionFor(this.deps.settings, job),
      updateDraft: (id: string, patch: DraftPatch) => this.updateDraft(id, patch),
      changed: this.changed,
      progress,
    };
  }

  async add(draftId: string, bump?: Bump): Promise<Result<OutboxJob>> {
    const drafts = await this.deps.drafts();
    const draft = await drafts.get(draftId);
    if (!draft) return fail('draft.not-found', 'That draft is no longer there (it may have been deleted). Nothing was queued.');
    const settings = await this.deps.settings.view();
    const meshId = draft.content.base?.meshId && settings.meshes.some((m) => m.id === draft.content.base?.meshId) ? draft.content.base.meshId : settings.activeMeshId;
    const mesh = settings.meshes.find((m) => m.id === meshId);
    if (!mesh) return fail('mesh.unknown', 'The mesh to publish to is no longer in your settings. Choose one in Settings, then publish again.');
    const store = await this.store();
    // One job per draft: a failed one is replaced (the owner fixed the draft and publishes
    // again); a waiting one or a conflict stays the one job to act on.
    const previous = draft.outboxId ? await store.get(draft.outboxId) : undefined;
    if (previous && previous.state === 'conflict') {
      return fail('outbox.conflict', `This draft is already in the outbox, where someone else's newer version of "${previous.product}" waits for your decision. Open the outbox and choose which version to keep.`);
    }
    if (previous && (previous.state === 'waiting' || previous.state === 'sending')) {
      return fail('outbox.already-queued', 'This draft is already waiting in the outbox. It will be sent when the mesh can be reached; open the outbox to see it.');
    }
    const built = await jobFromDraft({ draft, mesh: { id: mesh.id, name: mesh.name, url: mesh.url }, ...(bump ? { bump } : {}), sequence: await store.nextSequence(), dataDir: this.deps.dataDir });
    if (!built.ok) return built;
    await store.put(built.value);
    if (previous && previous.state === 'failed') await store.remove(previous.id);
    await drafts.setState(draftId, { state: 'queued', outboxId: built.value.id, stateReason: undefined });
    await this.changed();
    this.start(true);
    return ok(jobView(built.value));
  }

  /** Sends waiting jobs (or the one asked for, failed ones too) now; progress under `jobId`. */
  async send(req: { jobId: string; id?: string }, ctx: CallContext): Promise<Result<OutboxView>> {
    const store = await this.store();
    if (req.id !== undefined && !(await store.get(req.id))) return fail('outbox.not-found', 'That publish is no longer in the outbox (it was sent or removed meanwhile).');
    const report = await syncOutbox(this.syncDeps(store, (p) => ctx.emit('job.progress', p)), { jobId: req.jobId, ...(req.id !== undefined ? { id: req.id } : {}), includeFailed: true });
    if (report.busy) return fail('outbox.busy', 'The outbox is being sent right now (by this app or by the mesh-desk command line). Wait a moment; the list updates when it is done.');
    // A delivery is the best answer to "can the mesh be reached?": do not keep showing an older "no".
    if (report.outcomes.some((o) => o.kind === 'delivered')) this.markReachable();
    await this.announcing;
    this.start();
    return ok(await this.view());
  }

  async remove(id: string): Promise<Result<OutboxView>> {
    const store = await this.store();
    const job = await store.get(id);
    if (!job) return ok(await this.view());
    if (job.state === 'sending') return fail('outbox.sending', 'This publish is being sent right now and cannot be removed. Stop it first, or wait until it is done.');
    // Under the send lock: a send starting at this moment must not pick the job up.
    const done = await withSendLock(store, async () => {
      await store.remove(id);
      if (job.draftId && job.state !== 'delivered') await this.updateDraft(job.draftId, { state: 'draft', outboxId: undefined, stateReason: undefined }).catch(() => undefined);
    });
    if (done.busy) return fail('outbox.busy', 'The outbox is being sent right now. Try again when it is done.');
    await this.changed();
    return ok(await this.view());
  }

  async resolve(req: OutboxResolveRequest): Promise<Result<OutboxView>> {
    const store = await this.store();
    const job = await store.get(req.id);
    if (!job) return fail('outbox.not-found', 'That publish is no longer in the outbox.');
    if (job.state !== 'conflict' || !job.conflict) return fail('outbox.no-conflict', 'This publish has no conflict to resolve (it may have been resolved in another window).');
    const conflict = job.conflict;
    const theirs = conflict.theirs;
    const drafts = await this.deps.drafts();
    const draft = job.draftId ? await drafts.get(job.draftId) : undefined;
    if (req.choice === 'rebase' && !draft) {
      return fail('outbox.no-draft', 'This publish was queued from the command line, so there is no draft to carry your changes into. Keep theirs or keep yours instead.');
    }
    const done = await withSendLock(store, async () => {
      if (req.choice === 'theirs') {
        await store.remove(job.id);
        if (draft) await drafts.setState(draft.id, { state: 'draft', outboxId: undefined, stateReason: undefined });
      } else if (req.choice === 'mine') {
        const { conflict: _c, reason: _r, baseMeta: _b, ...rest } = job;
        const meta = chooseFields(job.meta, theirs.meta, req.fields ?? {});
        await store.put({ ...rest, meta, baseVersion: theirs.version, state: 'waiting' });
        // The draft says what will be published: the chosen fields, on top of their version.
        if (draft) {
          const content = { ...draft.content, meta, ...(theirs.version ? { base: { product: job.product, version: theirs.version, ...(job.meshId ? { meshId: job.meshId } : {}) } } : {}) };
          await drafts.setState(draft.id, { state: 'queued', outboxId: job.id, stateReason: undefined, content });
        }
      } else {
        const mine = draft!.content.meta;
        const content = { ...draft!.content, meta: rebaseMeta(job.baseMeta, mine, theirs.meta), ...(theirs.version ? { base: { product: job.product, version: theirs.version, ...(job.meshId ? { meshId: job.meshId } : {}) } } : {}) };
        await drafts.setState(draft!.id, { state: 'draft', outboxId: undefined, stateReason: undefined, content });
        await store.remove(job.id);
      }
    });
    if (done.busy) return fail('outbox.busy', 'The outbox is being sent right now. Try again when it is done.');
    await this.changed();
    if (req.choice === 'mine') this.start(true);
    return ok(await this.view());
  }

  private markReachable(): void {
    this.reachable = true;
    this.reason = undefined;
    this.checkedAt = new Date().toISOString();
  }

  /** Starts the probe timer when something waits (`soon`: first look in a moment, not in 15 s). */
  start(soon = false): void {
    if (this.disposed || this.timer || this.deps.autoSend === false) return;
    this.timer = setTimeout(() => void this.tick(), soon ? 1_000 : this.deps.probeEveryMs ?? PROBE_EVERY_MS);
    this.timer.unref?.();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One probe round: look at the meshes of waiting jobs; send when one answers. */
  async tick(): Promise<void> {
    this.timer = undefined;
    if (this.disposed || this.probing) return;
    this.probing = true;
    try {
      const store = await this.store();
      const waiting = (await store.list()).filter((j) => j.state === 'waiting');
      if (waiting.length === 0) {
        if (this.reachable !== null) {
          this.reachable = null;
          void this.changed();
        }
        return; // nothing waits: the timer stays off until the next add
      }
      const seen = new Map<string, StoredJob>();
      for (const j of waiting) if (!seen.has(j.mesh)) seen.set(j.mesh, j);
      let anyReachable = false;
      let reason: string | undefined;
      for (const job of seen.values()) {
        const conn = await connectionFor(this.deps.settings, job);
        if (!conn.ok) continue;
        const probe = await probeMesh(conn.value, { mustExist: job.baseVersion !== null, signal: AbortSignal.any([this.auto.signal, AbortSignal.timeout(30_000)]) });
        if (probe.reachable) anyReachable = true;
        else reason ??= probe.reason;
      }
      const before = this.reachable;
      this.reachable = reason === undefined;
      this.reason = reason;
      this.checkedAt = new Date().toISOString();
      if (before !== this.reachable) void this.changed();
      if (anyReachable && !this.disposed) {
        const emit = (p: JobProgress) => this.deps.broadcast?.('job.progress', p);
        const report = await syncOutbox(this.syncDeps(store, emit), { signal: this.auto.signal });
        if (!report.busy && report.outcomes.some((o) => o.kind === 'delivered')) this.markReachable();
      }
    } catch {
      /* a failed round is tried again at the next one */
    } finally {
      this.probing = false;
      if (!this.disposed) {
        const still = (await (await this.store()).list().catch(() => [])).some((j) => j.state === 'waiting');
        if (still) this.start();
        else this.stop();
      }
    }
  }

  /** Stops the timer and any automatic send (tests; app shutdown). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.stop();
    this.auto.abort();
    await this.announcing;
  }
}
