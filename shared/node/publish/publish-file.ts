// Node only.
// Publishing a file on disk: the one copy of the steps the CLI, the app's worker and the bench
// share — open the mesh, open the file, prepare (check + version), run (send + commit).

import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createStandardValidators, type StandardValidators } from '../../core/contract/standard-validators';
import type { InspectProgress } from '../../core/inspect/inspect';
import type { ProductMeta, Waiver } from '../../core/metadata/types';
import { preparePublish, type PublishPlan, type SheetChoice } from '../../core/publish/prepare';
import { runPublish, type PublishOutcome, type PublishProgress } from '../../core/publish/run';
import type { Bump } from '../../core/publish/version-history';
import { fail, type Result } from '../../core/result';
import type { MeshLocation } from '../../core/mesh/mesh-url';
import { loadStandardSchemas } from '../contract/standard-schemas';
import { openFileByteSource } from '../files/file-byte-source';
import { openMesh } from '../mesh/open-mesh';
import type { S3StoreOptions } from '../mesh/s3-store';
import { classifyMeshError, folderMeshGone, UNREACHABLE } from '../outbox/unreachable';

export interface MeshConnection {
  url: string;
  options?: S3StoreOptions;
}

let validators: Promise<StandardValidators> | undefined;
/** The ODCS/ODPS validators, compiled once per process. */
export function standardValidators(): Promise<StandardValidators> {
  validators ??= loadStandardSchemas().then(createStandardValidators);
  return validators;
}

export async function prepareFilePublish(input: {
  mesh: MeshConnection;
  path: string;
  fileName: string;
  sheets: SheetChoice[];
  meta: ProductMeta;
  waivers?: Waiver[];
  signal?: AbortSignal;
  onProgress?: (p: InspectProgress) => void;
}): Promise<Result<PublishPlan>> {
  const opened = openMesh(input.mesh.url, input.mesh.options);
  if (!opened.ok) return opened;
  const gone = await meshFolderGone(opened.value.location, false);
  if (gone) return gone;
  const bytes = await openFileByteSource(input.path, input.fileName);
  try {
    return await unreachableAsSuch(input.mesh.url, await preparePublish({
      store: opened.value.store,
      bytes,
      fileName: input.fileName,
      sheets: input.sheets,
      meta: input.meta,
      ...(input.waivers ? { waivers: input.waivers } : {}),
      now: Date.now,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    }));
  } finally {
    await bytes.close();
  }
}

export async function runFilePublish(input: {
  mesh: MeshConnection;
  path: string;
  plan: PublishPlan;
  bump?: Bump;
  publisher?: string;
  partConcurrency?: number;
  /** The outbox's id for a queued job (stable across its retries); default: publishIdFor(path, product). */
  publishId?: string;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}): Promise<Result<PublishOutcome>> {
  const opened = openMesh(input.mesh.url, input.mesh.options);
  if (!opened.ok) return opened;
  // A product that existed when the plan was made: its mesh folder must still be there.
  const gone = await meshFolderGone(opened.value.location, input.plan.current !== null);
  if (gone) return gone;
  const bytes = await openFileByteSource(input.path, input.plan.fileName);
  try {
    return await unreachableAsSuch(input.mesh.url, await runPublish({
      store: opened.value.store,
      location: opened.value.location,
      plan: input.plan,
      bytes,
      ...(input.bump ? { bump: input.bump } : {}),
      publishId: input.publishId ?? publishIdFor(input.path, input.plan.product),
      ...(input.publisher ? { publisher: input.publisher } : {}),
      validators: await standardValidators(),
      now: Date.now,
      ...(input.partConcurrency ? { partConcurrency: input.partConcurrency } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    }));
  } finally {
    await bytes.close();
  }
}

/**
 * A folder mesh whose disk or network drive is gone would otherwise look like an empty mesh (no
 * policy, no product): the publish would go into an empty folder or fail halfway. Refused up
 * front with 'mesh.unreachable', so the app can queue it.
 */
async function meshFolderGone(location: MeshLocation, mustExist: boolean): Promise<Result<never> | null> {
  if (location.kind !== 'file') return null;
  const reason = await folderMeshGone(location.path, mustExist);
  return reason ? fail(UNREACHABLE, `${reason} Nothing was published.`) : null;
}

/** Failures that mean "the mesh cannot be reached now" carry the code 'mesh.unreachable' (the page queues the publish on it). */
async function unreachableAsSuch<T>(meshUrl: string, result: Result<T>): Promise<Result<T>> {
  if (result.ok) return result;
  return { ok: false, error: await classifyMeshError(result.error, meshUrl) };
}

/**
 * The same file published as the same product by the same person on the same computer gets the
 * same id: running the publish again after a crash resumes it instead of waiting for the claim
 * to go stale. Anyone else gets a different id.
 */
export function publishIdFor(path: string, product: string): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    /* no user database (containers): the host name still separates machines */
  }
  return createHash('sha256').update(`${hostname()}\u0000${user}\u0000${resolve(path)}\u0000${product}`).digest('hex').slice(0, 24);
}
