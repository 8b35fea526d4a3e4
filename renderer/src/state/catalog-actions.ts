// Browser (renderer). The Catalog screen's calls: catalog.list, product.get and product.preview.
// Transitions are in catalog-state.ts; this file numbers the calls and applies the answers.

import type { CatalogFilters } from '../lib/catalog-view';
import type { ActionContext } from './action-context';
import type { CatalogState } from './catalog-state';
import * as C from './catalog-state';

export interface CatalogActions {
  /** Opens the Catalog screen and reads the list (again when the mesh changed meanwhile). */
  openCatalog(): Promise<void>;
  /** Back to where the owner was in the import flow. */
  closeCatalog(): void;
  /** Reads the list; `refresh` asks the host to read the mesh rather than trust its index. */
  loadCatalog(refresh?: boolean): Promise<void>;
  setCatalogFilters(edit: Partial<CatalogFilters>): void;
  clearCatalogFilters(): void;
  openProduct(name: string): Promise<void>;
  closeProduct(): void;
  /** The first rows of an endpoint of the open product (null: the default endpoint). */
  loadPreview(endpoint?: string | null): Promise<void>;
  dismissCatalogError(): void;
}

export function createCatalogActions(ctx: ActionContext): CatalogActions {
  const { api, get } = ctx;
  const apply = (f: (s: CatalogState) => CatalogState) => ctx.apply((s) => ({ ...s, catalog: f(s.catalog) }));

  const actions: CatalogActions = {
    async openCatalog() {
      apply(C.openCatalog);
      const c = get().catalog;
      // The list is read again when there is none yet, or when another mesh was chosen in Settings.
      if (!c.loading && (c.view === null || c.settingsRevision !== get().settings.revision)) await actions.loadCatalog();
    },

    closeCatalog: () => apply(C.closeCatalog),

    async loadCatalog(refresh = false) {
      apply((s) => C.listStarted(s, get().settings.revision));
      const seq = get().catalog.seq;
      const res = await api.call('catalog.list', refresh ? { refresh: true } : {});
      apply((s) => C.listFinished(s, seq, res));
    },

    setCatalogFilters: (edit) => apply((s) => C.setFilters(s, edit)),
    clearCatalogFilters: () => apply(C.clearFilters),

    async openProduct(name) {
      apply((s) => C.productStarted(s, name));
      const seq = get().catalog.product?.seq ?? 0;
      const res = await api.call('product.get', { product: name });
      apply((s) => C.productFinished(s, seq, res));
      const product = get().catalog.product;
      if (res.ok && product?.seq === seq) await actions.loadPreview(null);
    },

    closeProduct: () => apply(C.closeProduct),

    async loadPreview(endpoint = null) {
      const product = get().catalog.product;
      if (!product) return;
      apply((s) => C.previewStarted(s, endpoint));
      const seq = get().catalog.product?.preview.seq ?? 0;
      const res = await api.call('product.preview', endpoint ? { product: product.name, endpoint } : { product: product.name });
      apply((s) => C.previewFinished(s, seq, res));
    },

    dismissCatalogError: () => apply(C.dismissCatalogError),
  };
  return actions;
}
