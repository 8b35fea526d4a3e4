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
import type { Result } from '../../core/result';
import { loadStandardSchemas } from '../contract/standard-schemas';
import { openFileByteSource } from '../files/file-byte-source';
import { openMesh } from '../mesh/open-mesh';
import type { S3StoreOptions } from '../mesh/s3-store';

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
  const bytes = await openFileByteSource(input.path, input.fileName);
  try {
    return await preparePublish({
      store: opened.value.store,
      bytes,
      fileName: input.fileName,
      sheets: input.sheets,
      meta: input.meta,
      ...(input.waivers ? { waivers: input.waivers } : {}),
      now: Date.now,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
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
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}): Promise<Result<PublishOutcome>> {
  const opened = openMesh(input.mesh.url, input.mesh.options);
  if (!opened.ok) return opened;
  const bytes = await openFileByteSource(input.path, input.plan.fileName);
  try {
    return await runPublish({
      store: opened.value.store,
      location: opened.value.location,
      plan: input.plan,
      bytes,
      ...(input.bump ? { bump: input.bump } : {}),
      publishId: publishIdFor(input.path, input.plan.product),
      ...(input.publisher ? { publisher: input.publisher } : {}),
      validators: await standardValidators(),
      now: Date.now,
      ...(input.partConcurrency ? { partConcurrency: input.partConcurrency } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
  } finally {
    await bytes.close();
  }
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
