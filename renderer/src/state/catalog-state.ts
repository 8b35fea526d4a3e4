// Browser (renderer). The Catalog screen's state and its pure transitions: the list of products,
// the search and filters, the product page that is open and its data preview. Every call is
// numbered: a slow answer (an old catalog.list after a Refresh, the page of a product the reader
// already left) never replaces what is on screen now.

import type { CatalogView } from '../../../shared/core/api/contract';
import type { Preview, ProductPage } from '../../../shared/core/pull/product-page';
import type { AppError, Result } from '../../../shared/core/result';
import type { CatalogFilters } from '../lib/catalog-view';
import { emptyFilters } from '../lib/catalog-view';

export interface ProductState {
  name: string;
  /** Number of the product.get call whose answer is awaited or shown. */
  seq: number;
  page: ProductPage | null;
  loading: boolean;
  error: AppError | null;
  preview: PreviewState;
}

export interface PreviewState {
  seq: number;
  endpoint: string | null;
  data: Preview | null;
  loading: boolean;
  error: AppError | null;
}

export interface CatalogState {
  open: boolean;
  view: CatalogView | null;
  /** Number of the last catalog.list sent, and of the answer on screen. */
  seq: number;
  applied: number;
  loading: boolean;
  error: AppError | null;
  filters: CatalogFilters;
  /** The product page, when one is open. */
  product: ProductState | null;
  /** Settings revision the list was asked under: a mesh change in Settings makes it stale. */
  settingsRevision: number;
  /** Numbers for product.get / product.preview calls (one counter, so no two calls share one). */
  callSeq: number;
}

export const initialCatalogState: CatalogState = {
  open: false,
  view: null,
  seq: 0,
  applied: 0,
  loading: false,
  error: null,
  filters: emptyFilters,
  product: null,
  settingsRevision: -1,
  callSeq: 0,
};

const emptyPreview: PreviewState = { seq: 0, endpoint: null, data: null, loading: false, error: null };

export function openCatalog(s: CatalogState): CatalogState {
  return { ...s, open: true, error: null };
}

/** Back to the import flow; the list and filters stay for next time. */
export function closeCatalog(s: CatalogState): CatalogState {
  return { ...s, open: false, product: null, error: null };
}

export function listStarted(s: CatalogState, settingsRevision: number): CatalogState {
  return { ...s, seq: s.seq + 1, loading: true, error: null, settingsRevision };
}

/**
 * The answer of catalog.list number `seq`. An answer older than the one on screen is dropped;
 * a failure keeps the last list (still useful) and says what went wrong.
 */
export function listFinished(s: CatalogState, seq: number, result: Result<CatalogView>): CatalogState {
  const loading = seq >= s.seq ? false : s.loading;
  if (seq < s.applied) return { ...s, loading };
  if (!result.ok) return seq === s.seq ? { ...s, loading, error: result.error } : { ...s, loading };
  return { ...s, loading, view: result.value, applied: seq, error: seq === s.seq ? null : s.error };
}

export function setFilters(s: CatalogState, edit: Partial<CatalogFilters>): CatalogState {
  return { ...s, filters: { ...s.filters, ...edit } };
}

export function clearFilters(s: CatalogState): CatalogState {
  return { ...s, filters: { ...emptyFilters, sort: s.filters.sort } };
}

export function productStarted(s: CatalogState, name: string): CatalogState {
  const seq = s.callSeq + 1;
  return { ...s, callSeq: seq, product: { name, seq, page: null, loading: true, error: null, preview: emptyPreview } };
}

/** Only the answer for the product page open now, from its latest call, is shown. */
export function productFinished(s: CatalogState, seq: number, result: Result<ProductPage>): CatalogState {
  if (!s.product || s.product.seq !== seq) return s;
  const product = result.ok ? { ...s.product, loading: false, page: result.value, error: null } : { ...s.product, loading: false, error: result.error };
  return { ...s, product };
}

export function closeProduct(s: CatalogState): CatalogState {
  return { ...s, product: null };
}

export function previewStarted(s: CatalogState, endpoint: string | null): CatalogState {
  if (!s.product) return s;
  const seq = s.callSeq + 1;
  const keep = s.product.preview.endpoint === endpoint ? s.product.preview.data : null;
  return { ...s, callSeq: seq, product: { ...s.product, preview: { seq, endpoint, data: keep, loading: true, error: null } } };
}

export function previewFinished(s: CatalogState, seq: number, result: Result<Preview>): CatalogState {
  if (!s.product || s.product.preview.seq !== seq) return s;
  const p = s.product.preview;
  const preview = result.ok ? { ...p, loading: false, data: result.value, error: null } : { ...p, loading: false, data: null, error: result.error };
  return { ...s, product: { ...s.product, preview } };
}

export function dismissCatalogError(s: CatalogState): CatalogState {
  return { ...s, error: null };
}
