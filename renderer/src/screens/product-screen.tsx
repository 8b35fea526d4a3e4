// Browser (renderer). A product's page in the Catalog: what it is, who owns it and how to reach
// them, whether it is as fresh as promised, its quality, columns, versions, and its first rows.
// "Open in Excel" / "Save as CSV" write the latest version's table to a file, with progress and
// Stop; the outcome is said in words.

import { FreshnessBadge } from '../components/freshness-badge';
import { ProductColumns } from '../components/product-columns';
import { ProductPreview } from '../components/product-preview';
import { ProductTimeline } from '../components/product-timeline';
import { formatDateTime, plural } from '../lib/format';
import { frequencyLabel, mailtoHref } from '../lib/product-view';
import { useState } from 'react';
import { exportProgressText } from '../state/export-state';
import { CsvOptions, defaultCsvChoice, type CsvChoice } from '../components/csv-options';
import { EditDescriptionButton } from '../components/edit-description-button';
import { useActions, useImport } from '../state/store-context';

export function ProductScreen() {
  const actions = useActions();
  const product = useImport((s) => s.catalog.product);
  const exporting = useImport((s) => s.exporting);
  // Which version and table to pull; empty = the latest version, its main table.
  const [version, setVersion] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [csv, setCsv] = useState<CsvChoice>(defaultCsvChoice);
  if (!product) return null;
  const busy = exporting.job !== null;
  const canExport = product.page !== null && !busy;
  const versions = product.page?.timeline ?? [];
  const chosen = versions.find((v) => v.version === version) ?? versions[0];
  const tables = chosen?.endpoints ?? [];
  const choice = { ...(version ? { version } : {}), ...(endpoint && tables.some((t) => t.name === endpoint) ? { endpoint } : {}) };
  const { page, loading, error, name } = product;

  return (
    <div className="check catalog product" data-testid="product-page" aria-busy={loading}>
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Catalog › Product</p>
          <h1>{page?.title ?? name}</h1>
          <p className="muted">
            <code>{name}</code>
            {page && ` · version ${page.version}`}
            {page?.publishedAt && ` · published ${formatDateTime(page.publishedAt)}`}
          </p>
        </div>
        <div className="catalog-actions">
          {versions.length > 1 && (
            <label className="export-choice">
              Version{' '}
              <select data-testid="product-export-version" value={version} disabled={busy} onChange={(e) => setVersion(e.currentTarget.value)}>
                <option value="">latest ({versions[0]?.version})</option>
                {versions.slice(1).map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
          )}
          {tables.length > 1 && (
            <label className="export-choice">
              Table{' '}
              <select data-testid="product-export-endpoint" value={endpoint} disabled={busy} onChange={(e) => setEndpoint(e.currentTarget.value)}>
                <option value="">{tables[0]?.name} (main)</option>
                {tables.slice(1).map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="button button-primary" data-testid="product-open-excel" disabled={!canExport} onClick={() => void actions.exportProduct('xlsx', choice)}>
            Open in Excel
          </button>
          <button type="button" className="button" data-testid="product-save-csv" disabled={!canExport} onClick={() => void actions.exportProduct('csv', { ...choice, ...csv })}>
            Save as CSV
          </button>
          <CsvOptions value={csv} disabled={busy} onChange={setCsv} />
          <EditDescriptionButton product={name} disabled={busy} />
          <button type="button" className="button" data-testid="product-back" onClick={actions.closeProduct}>
            All products
          </button>
        </div>
      </header>

      {exporting.job && (
        <div className="banner" role="status" data-testid="product-export-progress">
          <div className="banner-body">
            <p className="banner-message">{exportProgressText(exporting.job)}</p>
          </div>
          <button type="button" className="button button-quiet" data-testid="product-export-cancel" disabled={exporting.job.cancelling} onClick={() => void actions.cancelExport()}>
            Stop
          </button>
        </div>
      )}
      {(exporting.notice || exporting.error) && (
        <div className={`banner ${exporting.error ? 'banner-error' : ''}`} role={exporting.error ? 'alert' : 'status'} data-testid="product-export-result">
          <div className="banner-body">
            {exporting.error && <p className="banner-title">The file could not be saved</p>}
            <p className="banner-message">{exporting.error?.message ?? exporting.notice}</p>
          </div>
          <button type="button" className="button button-quiet" onClick={actions.dismissExportMessage}>
            Dismiss
          </button>
        </div>
      )}
      {loading && (
        <p className="muted" role="status">
          Reading the product…
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <div className="banner-body">
            <p className="banner-title">This product could not be read</p>
            <p className="banner-message">{error.message}</p>
          </div>
          <button type="button" className="button button-quiet" onClick={() => void actions.openProduct(name)}>
            Try again
          </button>
        </div>
      )}

      {page && (
        <>
          <section className="card form-section" aria-labelledby="product-about">
            <h2 id="product-about">About this product</h2>
            {page.description ? <p className="product-description">{page.description}</p> : <p className="muted">The owner has not written a description.</p>}
            <dl className="fact-lines">
              {page.purpose && (
                <div>
                  <dt>Purpose</dt>
                  <dd>{page.purpose}</dd>
                </div>
              )}
              {page.usage && (
                <div>
                  <dt>How to use it</dt>
                  <dd>{page.usage}</dd>
                </div>
              )}
              {page.limitations && (
                <div>
                  <dt>Limitations</dt>
                  <dd>{page.limitations}</dd>
                </div>
              )}
              <div>
                <dt>Owner</dt>
                <dd data-testid="product-owner">
                  <Owner owner={page.owner} />
                </dd>
              </div>
              {page.support && (
                <div>
                  <dt>Support</dt>
                  <dd>{page.support}</dd>
                </div>
              )}
              <div>
                <dt>Domain</dt>
                <dd>{page.domain ?? 'Not stated'}</dd>
              </div>
              <div>
                <dt>Tags</dt>
                <dd>
                  {page.tags.length > 0 ? (
                    <ul className="tag-list" aria-label="Tags">
                      {page.tags.map((t) => (
                        <li key={t} className="tag">
                          {t}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    'None'
                  )}
                </dd>
              </div>
              <div>
                <dt>Who may see it</dt>
                <dd>{page.classification ?? 'Not stated'}</dd>
              </div>
              <div>
                <dt>Licence or terms</dt>
                <dd>{page.license ?? 'Not stated'}</dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd className="product-frequency">
                  {frequencyLabel(page.frequency)} <FreshnessBadge freshness={page.freshness} testId="product-freshness" />
                  <span className="muted small product-freshness-text">{page.freshness.text}</span>
                </dd>
              </div>
            </dl>
          </section>

          <section className="card form-section" aria-labelledby="product-quality-title">
            <h2 id="product-quality-title">Quality</h2>
            <p data-testid="product-quality" className={page.quality && page.quality.blocking > 0 ? 'quality-text is-blocking' : 'quality-text'}>
              {page.quality ? page.quality.text : 'No quality report was stored with this version.'}
            </p>
          </section>

          <section className="card form-section" aria-labelledby="product-columns-title">
            <h2 id="product-columns-title">Columns</h2>
            <ProductColumns columns={page.columns} />
          </section>

          {page.endpoints.length > 0 && (
            <section className="card form-section" aria-labelledby="product-endpoints-title">
              <h2 id="product-endpoints-title">Parts of the product</h2>
              <ul className="endpoint-list" data-testid="product-endpoints">
                {page.endpoints.map((e) => (
                  <li key={e.name}>
                    <span className="fact-strong">{e.name}</span> — from sheet “{e.sheet}”: {plural(e.rows, 'row')}, {plural(e.columns.length, 'column')}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="card form-section" aria-labelledby="product-timeline-title">
            <h2 id="product-timeline-title">Versions</h2>
            <ProductTimeline timeline={page.timeline} />
          </section>

          <section className="card form-section" aria-labelledby="product-preview-title">
            <h2 id="product-preview-title">Data preview</h2>
            <ProductPreview
              preview={product.preview}
              endpoints={page.endpoints}
              onEndpoint={(e) => void actions.loadPreview(e)}
              onRetry={() => void actions.loadPreview(product.preview.endpoint)}
            />
          </section>
        </>
      )}
    </div>
  );
}

function Owner({ owner }: { owner: { name?: string; email?: string } | undefined }) {
  if (!owner) return <>Not stated</>;
  const href = mailtoHref(owner.email);
  if (href) {
    return (
      <>
        {owner.name ? `${owner.name} — ` : ''}
        <a href={href}>{owner.email}</a>
      </>
    );
  }
  return <>{owner.name ?? owner.email}</>;
}
