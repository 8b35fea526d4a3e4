// Browser (renderer). The first rows of a product as a plain table (at most 50, read by the host
// from the first data part only). Dates show as their ISO text, the same in every locale.

import type { PageEndpoint } from '../../../shared/core/pull/product-page';
import { formatCount } from '../lib/format';
import { cellText } from '../lib/product-view';
import type { PreviewState } from '../state/catalog-state';

interface Props {
  preview: PreviewState;
  endpoints: PageEndpoint[];
  onEndpoint(endpoint: string): void;
  onRetry(): void;
}

export function ProductPreview({ preview, endpoints, onEndpoint, onRetry }: Props) {
  const { data, loading, error } = preview;
  const chosen = preview.endpoint ?? data?.endpoint ?? endpoints[0]?.name ?? 'default';
  return (
    <div className="product-preview" data-testid="product-preview" aria-busy={loading}>
      {endpoints.length > 1 && (
        <div className="field field-inline">
          <label className="field-label" htmlFor="product-preview-endpoint">
            Part of the product
          </label>
          <select id="product-preview-endpoint" value={chosen} onChange={(e) => onEndpoint(e.target.value)}>
            {endpoints.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name === 'default' ? `default (sheet ${e.sheet})` : `${e.name} (sheet ${e.sheet})`}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && (
        <p className="muted" role="status">
          Reading the first rows…
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-message">{error.message}</p>
          <button type="button" className="button button-quiet" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {data && !loading && (
        <>
          <p className="muted">
            {data.rows.length === 0
              ? `Version ${data.version} has no rows.`
              : `The first ${formatCount(data.rows.length)} of ${formatCount(data.totalRows)} rows of version ${data.version}.`}
          </p>
          {data.rows.length > 0 && (
            <div className="preview-table-wrap" tabIndex={0} role="region" aria-label="Data preview">
              <table className="product-table preview-table">
                <thead>
                  <tr>
                    {data.columns.map((c, i) => (
                      <th key={i} scope="col" title={c.businessName}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, r) => (
                    <tr key={r}>
                      {data.columns.map((_c, i) => (
                        <td key={i} className={typeof row[i] === 'number' ? 'is-number' : undefined}>
                          {cellText(row[i] ?? null)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
