// Node only.
// The handlers of the catalog calls (part of the one handler map, handlers.ts): the products of
// the mesh Publish uses, one product's page, and a preview of its rows. The last catalog read is
// kept in the data folder, so the Catalog screen still works — marked offline — when the mesh
// cannot be reached.

import { dirname } from 'node:path';
import type { ApiHandlers, CatalogView } from '../../core/api/contract';
import { parseCatalog } from '../../core/catalog/catalog-index';
import { readCatalog } from '../../core/catalog/catalog-store';
import { MeshError } from '../../core/mesh/mesh-store';
import { readCurrentProduct } from '../../core/publish/mesh-state';
import { metaFromContract } from '../../core/contract/meta-from-contract';
import { previewRows, productPage } from '../../core/pull/product-page';
import { fail, ok, toAppError } from '../../core/result';
import { openMesh } from '../mesh/open-mesh';
import { catalogCopyPath } from '../products/catalog-copy';
import { rememberProduct } from '../products/product-cache';
import { cleanStaleTemps, readJsonFile, writeJsonAtomically } from '../store/atomic-json';
import type { MeshSettingsStore } from '../settings/mesh-settings';

type CatalogHandlers = Pick<ApiHandlers, 'catalog.list' | 'product.get' | 'product.preview' | 'product.meta'>;

/** Errors that mean "the mesh is out of reach" (serve the saved copy) rather than "this is wrong". */
const UNREACHABLE = new Set(['mesh.network', 'mesh.io']);

export function createCatalogHandlers(deps: { dataDir: string; settings: MeshSettingsStore }): CatalogHandlers {
  const cacheFile = (meshId: string) => catalogCopyPath(deps.dataDir, meshId);
  // Copies half-written by a Mesh Desk that was killed are removed once.
  const cleaned = cleanStaleTemps(dirname(cacheFile('x'))).catch(() => 0);

  async function active() {
    const view = await deps.settings.view();
    const conn = await deps.settings.connection();
    if (!conn.ok) return conn;
    const opened = openMesh(conn.value.url, conn.value.options);
    if (!opened.ok) return opened;
    return ok({ id: view.activeMeshId, name: conn.value.name, url: conn.value.url, store: opened.value.store });
  }

  return {
    async 'catalog.list'() {
      const mesh = await active();
      if (!mesh.ok) return mesh;
      const { id, name, url, store } = mesh.value;
      try {
        const { index, rebuilt } = await readCatalog(store, { now: Date.now, verify: true, signal: AbortSignal.timeout(60_000) });
        const view: CatalogView = { meshName: name, mesh: url, products: index.products, readAt: new Date().toISOString(), offline: false, rebuilt };
        await cleaned;
        await writeJsonAtomically(cacheFile(id), view).catch(() => undefined);
        return ok(view);
      } catch (e) {
        const err = toAppError(e);
        if (!(e instanceof MeshError) || !UNREACHABLE.has(err.code)) return { ok: false, error: err };
        const cached = await loadCache(cacheFile(id));
        if (!cached) return fail(err.code, `${err.message} There is no saved copy of this catalog yet: it is saved the first time the mesh is reached.`);
        return ok({ ...cached, offline: true, offlineReason: err.message });
      }
    },

    async 'product.get'({ product }) {
      const mesh = await active();
      if (!mesh.ok) return mesh;
      try {
        const current = await readCurrentProduct(mesh.value.store, product);
        if (!current.ok) return current;
        if (!current.value) return fail('product.not-found', `There is no product "${product}" in ${mesh.value.name} (${mesh.value.url}). It may have been removed; refresh the catalog.`);
        // Kept for "Edit description" offline (best effort; never fails the page).
        await rememberProduct(deps.dataDir, mesh.value.url, product, current.value);
        return ok(productPage(current.value, Date.now()));
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },

    async 'product.meta'({ product }) {
      const mesh = await active();
      if (!mesh.ok) return mesh;
      try {
        const current = await readCurrentProduct(mesh.value.store, product);
        if (!current.ok) return current;
        if (!current.value?.contract) return fail('product.not-found', `The description of "${product}" cannot be read from ${mesh.value.name} (${mesh.value.url}). Choose the mesh it was pulled from in Settings, or describe it again.`);
        await rememberProduct(deps.dataDir, mesh.value.url, product, current.value);
        return ok({ ...metaFromContract(current.value.contract).meta, name: product });
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },

    async 'product.preview'({ product, version, endpoint }) {
      const mesh = await active();
      if (!mesh.ok) return mesh;
      try {
        return ok(await previewRows(mesh.value.store, { product, ...(version ? { version: version.replace(/^v/, '') } : {}), endpoint: endpoint ?? 'default' }, 50));
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },
  };
}

async function loadCache(file: string): Promise<CatalogView | undefined> {
  const read = await readJsonFile(file);
  if (read.kind !== 'ok') return undefined;
  try {
    const view = read.value as CatalogView;
    // The entries are checked like any catalog read from a mesh: a damaged file yields none.
    const index = parseCatalog(JSON.stringify({ format: 1, updatedAt: view.readAt, products: view.products }));
    if (!index.ok || typeof view.meshName !== 'string' || typeof view.mesh !== 'string') return undefined;
    return { ...view, products: index.value.products };
  } catch {
    return undefined;
  }
}
