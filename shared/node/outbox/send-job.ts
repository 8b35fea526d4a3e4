// Node only.
// Sends ONE outbox job, exactly once. Before anything is written it reads the product as readers
// see it now: a version carrying this job's publish id means an earlier send committed and only
// the reply was lost (→ delivered, nothing sent again); any other version newer than the one the
// owner started from means someone else published meanwhile (→ conflict, nothing overwritten).
// Otherwise: prepare (the mesh's policy, the version rules), then run (parts, then product.yaml).

import type { ConflictSide, OutboxConflict } from '../../core/api/draft-types';
import type { MeshStore } from '../../core/mesh/mesh-store';
import { columnsOfMeta, conflictReason, schemaChanges } from '../../core/outbox/conflict';
import { conflictFields } from '../../core/outbox/merge-meta';
import { readCurrentProduct, type CurrentProduct } from '../../core/publish/mesh-state';
import type { PublishPlan } from '../../core/publish/prepare';
import { productAddress } from '../../core/publish/servers';
import { fail, ok, toAppError, type AppError, type Result } from '../../core/result';
import { bumpRank } from '../../core/versioning/semver';
import { fingerprintFile } from '../drafts/fingerprint';
import { openMesh } from '../mesh/open-mesh';
import type { MeshConnection } from '../publish/publish-file';
import { metaOfVersion, theirSide } from './conflict-sides';
import type { StoredJob } from './outbox-job';
import type { PublishRunner, RunControl } from './publish-runner';
import { blockedWords } from './blocked-words';
import { classifyMeshError, folderMeshGone, UNREACHABLE } from './unreachable';

/** How a metadata-only job is published (publish-meta.ts); absent where it is not built. */
export interface MetaPublisher {
  publish(
    input: { mesh: MeshConnection; product: string; baseVersion: string; meta: StoredJob['meta']; bump?: StoredJob['bump']; publisher?: string; publishId: string },
    ctl: RunControl,
  ): Promise<Result<{ version: string; address: string; publishedAt: string }>>;
}

export type SendOutcome =
  | { kind: 'delivered'; job: StoredJob; again: boolean }
  | { kind: 'conflict'; job: StoredJob }
  | { kind: 'failed'; job: StoredJob }
  | { kind: 'unreachable'; job: StoredJob }
  | { kind: 'cancelled'; job: StoredJob };

export interface SendJobDeps {
  runner: PublishRunner;
  meta?: MetaPublisher;
  /** The job's mesh with its keys (the app: settings + SecretStore; the CLI: URL + environment). */
  connect: (job: StoredJob) => Promise<Result<MeshConnection>>;
  now?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The job without the leftovers of an earlier outcome (reason, conflict). */
function settled(job: StoredJob): StoredJob {
  const { reason: _r, conflict: _c, baseMeta: _b, ...rest } = job;
  return rest;
}

/** Words for the reason of a failed send: what happened, and what to do. */
function failedWords(e: AppError): string {
  return e.message.replace(/\s*\n\s*/g, ' ');
}

/**
 * Sends one job and returns it in its new state (the caller saves it). `ctl` carries the
 * progress id, the cancel signal and the progress callback.
 */
export async function sendJob(job: StoredJob, deps: SendJobDeps, ctl: RunControl): Promise<SendOutcome> {
  const now = deps.now ?? Date.now;
  const tried: StoredJob = { ...job, attempts: job.attempts + 1, lastTriedAt: iso(now()) };
  const failed = (reason: string): SendOutcome => ({ kind: 'failed', job: { ...settled(tried), state: 'failed', reason } });
  const waiting = (reason: string): SendOutcome => ({ kind: 'unreachable', job: { ...settled(tried), state: 'waiting', reason } });
  const afterError = async (mesh: MeshConnection, e: AppError): Promise<SendOutcome> => {
    if (e.code === 'cancelled') return { kind: 'cancelled', job: { ...settled(tried), state: 'failed', reason: 'You stopped sending this publish; nothing changed for readers. Press "Send again" when you want it to go out.' } };
    const classified = await classifyMeshError(e, mesh.url);
    return classified.code === UNREACHABLE ? waiting(failedWords(classified)) : failed(failedWords(classified));
  };

  const conn = await deps.connect(job);
  if (!conn.ok) return failed(conn.error.message);
  const mesh = conn.value;
  const opened = openMesh(mesh.url, mesh.options);
  if (!opened.ok) return failed(opened.error.message);
  const { store, location } = opened.value;
  if (location.kind === 'file') {
    const gone = await folderMeshGone(location.path, job.baseVersion !== null);
    if (gone) return waiting(gone);
  }

  // Two rounds at most: a publish that loses the race to another publisher is looked at again,
  // which then shows the conflict with what they published.
  for (let round = 0; round < 2; round++) {
    let current: CurrentProduct | null;
    try {
      const read = await readCurrentProduct(store, job.product, ctl.signal);
      if (!read.ok) return afterError(mesh, read.error);
      current = read.value;
    } catch (e) {
      return afterError(mesh, toAppError(e));
    }

    // Exactly once: our own earlier commit (its reply was lost, or the app stopped before saving it).
    const ours = current?.history.find((r) => r.publishId === job.publishId);
    if (current && ours) {
      return {
        kind: 'delivered',
        again: true,
        job: { ...settled(tried), state: 'delivered', delivered: { version: ours.version, at: ours.publishedAt, address: productAddress(location, job.product) } },
      };
    }
    const currentVersion = current?.version ?? null;
    if (currentVersion !== job.baseVersion && current) {
      const { conflict, base } = await buildConflict(job, current, store, deps, mesh, ctl);
      return { kind: 'conflict', job: { ...settled(tried), state: 'conflict', reason: conflictReason(job.product, job.baseVersion, conflict.theirs), conflict, ...(base ? { baseMeta: base } : {}) } };
    }
    if (currentVersion !== job.baseVersion) {
      // The owner started from a version, but the product is no longer in the mesh.
      return failed(`The product "${job.product}" is no longer in ${job.meshName} (${job.mesh}), so version ${job.baseVersion} you started from is gone. Nothing was sent. Publish it again as a new product if it should come back.`);
    }

    const sent = job.file ? await sendFile(job, mesh, deps, ctl) : await sendMeta(job, mesh, deps, ctl);
    if (sent.ok) {
      return { kind: 'delivered', again: false, job: { ...settled(tried), state: 'delivered', delivered: sent.value } };
    }
    if (sent.error.code === 'publish.lost-race' || sent.error.code === 'mesh.precondition-failed') continue;
    if (sent.error.code === 'outbox.blocked' || sent.error.code === 'outbox.file') return failed(sent.error.message);
    return afterError(mesh, sent.error);
  }
  return waiting(`Someone else was publishing "${job.product}" at the same moment. Mesh Desk will look again at the next try.`);
}

async function sendFile(job: StoredJob, mesh: MeshConnection, deps: SendJobDeps, ctl: RunControl): Promise<Result<{ version: string; at: string; address: string }>> {
  const file = job.file!;
  // The file must still be the one that was queued: a changed file is never sent silently.
  if (file.fingerprint) {
    try {
      const now = await fingerprintFile(file.path);
      if (now.fingerprint !== file.fingerprint) {
        return fail('outbox.file', `"${file.name}" has changed since this publish was queued, so it was not sent (it would not be what you checked). Open the draft, check the file again, and publish it.`);
      }
    } catch {
      return fail('outbox.file', `"${file.name}" is no longer where it was when this publish was queued, so it was not sent. Open the draft and locate the file, then publish it again.`);
    }
  }
  const plan = await deps.runner.prepareFile({ mesh, path: file.path, fileName: file.name, sheets: job.sheets, meta: job.meta, waivers: job.waivers }, ctl);
  if (!plan.ok) return plan;
  if (!plan.value.check.canPublish) return fail('outbox.blocked', blockedWords(`"${file.name}"`, plan.value.check));
  if ((plan.value.current?.version ?? null) !== job.baseVersion) return fail('publish.lost-race', 'Someone else published meanwhile.');
  const bump = usableBump(job, plan.value);
  const run = await deps.runner.runFile({ mesh, path: file.path, fileName: file.name, plan: plan.value, publishId: job.publishId, ...(bump ? { bump } : {}), ...(job.publisher ? { publisher: job.publisher } : {}) }, ctl);
  if (!run.ok) return run;
  return ok({ version: run.value.version, at: run.value.publishedAt, address: run.value.address });
}

async function sendMeta(job: StoredJob, mesh: MeshConnection, deps: SendJobDeps, ctl: RunControl): Promise<Result<{ version: string; at: string; address: string }>> {
  if (!deps.meta) return fail('outbox.not-available', 'Publishing only a description is not available in this version of Mesh Desk. Open the draft and publish it with its file.');
  if (job.baseVersion === null) return fail('outbox.file', `The description of "${job.product}" has no published version to go with, and no file. Open the draft and choose a file.`);
  const sent = await deps.meta.publish({ mesh, product: job.product, baseVersion: job.baseVersion, meta: job.meta, publishId: job.publishId, ...(job.bump ? { bump: job.bump } : {}), ...(job.publisher ? { publisher: job.publisher } : {}) }, ctl);
  if (!sent.ok) return sent;
  return ok({ version: sent.value.version, at: sent.value.publishedAt, address: sent.value.address });
}

/** The owner's bump when the rules allow it; a lower one than the rules now require is dropped (the rules decide). */
function usableBump(job: StoredJob, plan: PublishPlan): StoredJob['bump'] {
  if (!job.bump || plan.decision.required === 'initial') return undefined;
  return bumpRank(job.bump) >= bumpRank(plan.decision.required) ? job.bump : undefined;
}

async function buildConflict(job: StoredJob, current: CurrentProduct, store: MeshStore, deps: SendJobDeps, mesh: MeshConnection, ctl: RunControl): Promise<{ conflict: OutboxConflict; base?: StoredJob['meta'] }> {
  const theirs = theirSide(job.product, current);
  const mine: ConflictSide = { version: null, meta: job.meta, columns: job.columns ?? (await fileColumns(job, mesh, deps, ctl)) ?? columnsOfMeta(job.meta) };
  const base = await metaOfVersion(store, job.product, current, job.baseVersion, ctl.signal);
  const conflict: OutboxConflict = {
    baseVersion: job.baseVersion,
    theirs,
    mine,
    fields: conflictFields(base, job.meta, theirs.meta),
    schemaChanges: schemaChanges(theirs.columns, mine.columns),
  };
  return { conflict, ...(base ? { base } : {}) };
}

/** The columns of the owner's file as the publish would read them (null when it cannot be read). */
async function fileColumns(job: StoredJob, mesh: MeshConnection, deps: SendJobDeps, ctl: RunControl) {
  if (!job.file) return null;
  const plan = await deps.runner.prepareFile({ mesh, path: job.file.path, fileName: job.file.name, sheets: job.sheets, meta: job.meta, waivers: job.waivers }, ctl);
  if (!plan.ok) return null;
  return plan.value.sheets[0]?.report.columns.map((c) => ({ name: c.name, type: c.type })) ?? null;
}

