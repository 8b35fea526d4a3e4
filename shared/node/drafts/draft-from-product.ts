// Node only.
// "Edit description" of a published product: a metadata-only draft (no file; the data stays as
// published) holding the latest version's description and the default table's columns. Read
// from the active mesh when it answers (and the copy on this computer refreshed); offline, from
// that copy, so an owner on a train can still edit — the draft's base is the version that copy
// describes, and the outbox checks it against the mesh before anything is sent.

import type { DraftSummary } from '../../core/api/draft-types';
import { MeshError } from '../../core/mesh/mesh-store';
import { describeLatest, type ProductDescription } from '../../core/publish/meta-description';
import { readCurrentProduct } from '../../core/publish/mesh-state';
import { fail, ok, toAppError, type Result } from '../../core/result';
import type { HandlerDeps } from '../api/handlers';
import { openMesh } from '../mesh/open-mesh';
import { folderMeshGone, isUnreachable } from '../outbox/unreachable';
import { recallProduct, rememberProduct } from '../products/product-cache';
import type { DraftStore } from './draft-store';

/** How long to wait for the mesh before working from the copy on this computer. */
const READ_TIMEOUT_MS = 20_000;

export async function draftFromProduct(deps: Pick<HandlerDeps, 'dataDir' | 'settings'>, store: DraftStore, product: string): Promise<Result<DraftSummary>> {
  const view = await deps.settings.view();
  const conn = await deps.settings.connection();
  if (!conn.ok) return conn;
  const mesh = conn.value;
  let description: ProductDescription | undefined;
  let unreachable: string | undefined;
  const opened = openMesh(mesh.url, mesh.options);
  if (!opened.ok) return opened;
  // A folder mesh whose drive is gone would read as an empty mesh ("no such product").
  const gone = opened.value.location.kind === 'file' ? await folderMeshGone(opened.value.location.path, true) : null;
  if (gone) {
    unreachable = gone;
  } else {
    try {
      const read = await readCurrentProduct(opened.value.store, product, AbortSignal.timeout(READ_TIMEOUT_MS));
      if (!read.ok) return read;
      if (!read.value) return fail('product.not-found', `There is no product "${product}" in ${mesh.name} (${mesh.url}). It may have been removed; refresh the catalog.`);
      description = describeLatest(product, read.value);
      if (!description) return fail('product.not-found', `The description of "${product}" v${read.value.version} cannot be read from ${mesh.name}, so it cannot be edited here. Publish the product again from its file.`);
      await rememberProduct(deps.dataDir, mesh.url, product, read.value);
    } catch (e) {
      const err = toAppError(e);
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      if (!timedOut && !(e instanceof MeshError && (await isUnreachable(err, mesh.url)))) return { ok: false, error: err };
      unreachable = timedOut ? `${mesh.name} did not answer within ${READ_TIMEOUT_MS / 1000} seconds.` : err.message;
    }
  }
  if (!description) {
    const cached = await recallProduct(deps.dataDir, mesh.url, product);
    if (!cached) {
      return fail('product.offline-unknown', `${unreachable ?? ''} Mesh Desk has no copy of the description of "${product}" on this computer yet. Open this product once while connected to ${mesh.name}; after that its description can be edited offline.`.trim());
    }
    description = cached;
  }
  const summary = await store.create({
    meta: description.meta,
    waivers: [],
    metadataOnly: true,
    base: { product, version: description.version, meshId: view.activeMeshId },
    columns: description.columns,
    step: 'describe',
  });
  return ok(summary);
}
