// Node only.
// A metadata-only publish against a mesh address: the steps the app's handlers and the outbox
// share — open the mesh, prepare (words checked, version proposed), run (documents written,
// product.yaml committed). No file is opened and no data part is sent.

import type { PublishResult } from '../../core/api/publish-types';
import type { ProductMeta } from '../../core/metadata/types';
import { prepareMetaOnly, type MetaPublishPlan } from '../../core/publish/meta-prepare';
import { runMetaOnlyPublish } from '../../core/publish/meta-run';
import type { PublishProgress } from '../../core/publish/run';
import type { Bump } from '../../core/publish/version-history';
import { fail, ok, type Result } from '../../core/result';
import type { MeshLocation } from '../../core/mesh/mesh-url';
import { openMesh } from '../mesh/open-mesh';
import { classifyMeshError, folderMeshGone, UNREACHABLE } from '../outbox/unreachable';
import { standardValidators, type MeshConnection } from './publish-file';

export type { MetaPublishPlan } from '../../core/publish/meta-prepare';

export async function prepareMetaPublish(input: { mesh: MeshConnection; product: string; baseVersion: string; meta: ProductMeta; signal?: AbortSignal }): Promise<Result<MetaPublishPlan>> {
  const opened = openMesh(input.mesh.url, input.mesh.options);
  if (!opened.ok) return opened;
  const gone = await meshGone(opened.value.location);
  if (gone) return gone;
  return unreachableAsSuch(input.mesh.url, await prepareMetaOnly({
    store: opened.value.store,
    product: input.product,
    baseVersion: input.baseVersion,
    meta: input.meta,
    now: Date.now,
    ...(input.signal ? { signal: input.signal } : {}),
  }));
}

export async function runMetaPublish(input: {
  mesh: MeshConnection;
  plan: MetaPublishPlan;
  bump?: Bump;
  publisher?: string;
  publishId: string;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}): Promise<Result<PublishResult>> {
  const opened = openMesh(input.mesh.url, input.mesh.options);
  if (!opened.ok) return opened;
  const gone = await meshGone(opened.value.location);
  if (gone) return gone;
  const result = await runMetaOnlyPublish({
    store: opened.value.store,
    location: opened.value.location,
    plan: input.plan,
    ...(input.bump ? { bump: input.bump } : {}),
    publishId: input.publishId,
    ...(input.publisher ? { publisher: input.publisher } : {}),
    validators: await standardValidators(),
    now: Date.now,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  if (!result.ok) return unreachableAsSuch(input.mesh.url, result);
  const { keys: _keys, bump: _bump, changes: _changes, ...rest } = result.value;
  return ok({ ...rest, mesh: input.mesh.url });
}

/**
 * A folder mesh whose drive is gone reads as an empty mesh ("no such product"): said as what it
 * is, with the code the page and the outbox queue on. The product exists, so the folder must.
 */
async function meshGone(location: MeshLocation): Promise<Result<never> | null> {
  if (location.kind !== 'file') return null;
  const reason = await folderMeshGone(location.path, true);
  return reason ? fail(UNREACHABLE, `${reason} Nothing was published; your description is kept.`) : null;
}

/** Network failures, timeouts and server errors carry 'mesh.unreachable' (the publish can wait in the outbox). */
async function unreachableAsSuch<T>(meshUrl: string, result: Result<T>): Promise<Result<T>> {
  if (result.ok) return result;
  return { ok: false, error: await classifyMeshError(result.error, meshUrl) };
}
