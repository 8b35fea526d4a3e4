// Browser (renderer). The Catalog screen's calls: catalog.list, product.get and product.preview.
// Transitions are in catalog-state.ts; this file numbers the calls and applies the answers.

import type { CatalogFilters } from '../lib/catalog-view';
import type { ActionContext } from './action-context';
import type { CatalogState } from './catalog-state';
import * as C from './catalog-state';
import * as E from './export-state';

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
  /** "Open in Excel" / "Save as CSV" for the open product's latest version. */
  /** CSV: `delimiter` and `bom` as the owner chose them (default: the locale's separator, with a byte-order mark). */
  exportProduct(format: 'xlsx' | 'csv', choice?: { version?: string; endpoint?: string; delimiter?: ',' | ';'; bom?: boolean }): Promise<void>;
  cancelExport(): Promise<void>;
  dismissExportMessage(): void;
}

export function createCatalogActions(ctx: ActionContext, deliver: (name: string, blob: Blob) => void): CatalogActions {
  const { api, get } = ctx;
  const applyE = (f: (s: E.ExportState) => E.ExportState) => ctx.apply((s) => ({ ...s, exporting: f(s.exporting) }));
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

    async exportProduct(format, choice = {}) {
      const product = get().catalog.product;
      if (!product || get().exporting.job) return;
      const jobId = ctx.newJobId();
      applyE((s) => E.exportStarted(s, jobId, format, product.name));
      // Semicolons where a comma is the decimal mark (the owner's locale), as Excel expects there.
      const delimiter = choice.delimiter ?? ((0.5).toLocaleString().includes(',') ? ';' : ',');
      const res = await api.call('product.export', {
        jobId,
        product: product.name,
        format,
        ...(choice.version ? { version: choice.version } : {}),
        ...(choice.endpoint ? { endpoint: choice.endpoint } : {}),
        ...(format === 'csv' ? { delimiter, bom: choice.bom ?? true } : {}),
      });
      if (res.ok && res.value?.downloadUrl) {
        if (!api.download) return applyE((s) => E.exportFinished(s, jobId, { ok: false, error: { code: 'export.no-download', message: 'This window cannot download files. Open Mesh Desk in its own window and try again.' } }));
        const file = await api.download(res.value.downloadUrl);
        if (!file.ok) return applyE((s) => E.exportFinished(s, jobId, file));
        deliver(res.value.name, file.value);
        return applyE((s) => E.exportFinished(s, jobId, res, 'download'));
      }
      applyE((s) => E.exportFinished(s, jobId, res));
    },

    async cancelExport() {
      const job = get().exporting.job;
      if (!job) return;
      applyE(E.exportCancelling);
      await api.call('job.cancel', { jobId: job.id });
    },

    dismissExportMessage: () => applyE(E.exportDismiss),
  };
  return actions;
}
