// Browser (renderer). The Catalog: the products of the mesh Publish uses, searched and filtered
// as the reader types. Opened from the app bar over the import flow, which stays untouched
// underneath; "Back" returns to it. A product opens its page in place of the list.

import { useMemo } from 'react';
import { CatalogFiltersBar } from '../components/catalog-filters';
import { CatalogItem } from '../components/catalog-item';
import { ErrorBanner } from '../components/error-banner';
import { countText, emptyText, filterOptions, hasFilters, offlineText, visibleEntries } from '../lib/catalog-view';
import { formatDateTime } from '../lib/format';
import { useActions, useImport } from '../state/store-context';
import { ProductScreen } from './product-screen';
import '../styles/catalog.css';

export function CatalogScreen() {
  const actions = useActions();
  const catalog = useImport((s) => s.catalog);
  const { view, filters, loading, error, product } = catalog;
  const entries = view?.products;
  const options = useMemo(() => filterOptions(entries ?? []), [entries]);
  const shown = useMemo(() => visibleEntries(entries ?? [], filters, Date.now()), [entries, filters]);
  // Computed once per render for the badges; a minute's drift does not matter for "days late".
  const now = Date.now();

  if (product) return <ProductScreen />;

  const offline = view ? offlineText(view, now) : null;
  return (
    <div className="check catalog" data-testid="catalog-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Catalog</p>
          <h1>{view ? view.meshName : 'Data products'}</h1>
          {view && (
            <p className="muted">
              Products in <span className="address">{view.mesh}</span>
            </p>
          )}
        </div>
        <div className="catalog-actions">
          <button type="button" className="button" data-testid="catalog-refresh" disabled={loading} onClick={() => void actions.loadCatalog(true)}>
            {loading ? 'Reading…' : 'Refresh'}
          </button>
          <button type="button" className="button" data-testid="catalog-back" onClick={actions.closeCatalog}>
            Back
          </button>
        </div>
      </header>

      {error && <ErrorBanner error={error} fileName={null} onDismiss={actions.dismissCatalogError} />}
      {offline && (
        <div className="banner banner-notice" role="status" data-testid="catalog-offline">
          <p className="banner-message">{offline}</p>
        </div>
      )}
      {view?.rebuilt && !view.offline && <p className="muted small">The catalog's list was out of date, so it was rebuilt from every product.</p>}

      {!view && loading && (
        <p className="muted" role="status">
          Reading the catalog…
        </p>
      )}
      {!view && !loading && error && (
        <div className="empty-state">
          <p>The catalog could not be read.</p>
          <button type="button" className="button" onClick={() => void actions.loadCatalog()}>
            Try again
          </button>
        </div>
      )}

      {view && (
        <>
          <CatalogFiltersBar filters={filters} options={options} onChange={actions.setCatalogFilters} />
          <div className="catalog-count">
            <p role="status" aria-live="polite">
              {countText(shown.length, view.products.length)}
              {!view.offline && <span className="muted"> · read {formatDateTime(view.readAt)}</span>}
            </p>
            {hasFilters(filters) && (
              <button type="button" className="button button-quiet button-small" onClick={actions.clearCatalogFilters}>
                Clear search and filters
              </button>
            )}
          </div>
          {shown.length === 0 ? (
            <div className="empty-state" data-testid="catalog-empty">
              <p>{emptyText(view.products.length, filters, view.meshName)}</p>
            </div>
          ) : (
            <ul className="catalog-list" aria-label="Products">
              {shown.map((e) => (
                <CatalogItem key={e.name} entry={e} now={now} onOpen={(name) => void actions.openProduct(name)} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
