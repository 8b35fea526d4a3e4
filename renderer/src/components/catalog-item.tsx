// Browser (renderer). One product in the Catalog list. The title is the button (keyboard and
// screen readers reach it by Tab); a click anywhere on the card does the same for the mouse.

import type { CatalogEntry } from '../../../shared/core/catalog/catalog-index';
import { displayTitle, entryFreshness, ownerLabel } from '../lib/catalog-view';
import { formatDateTime } from '../lib/format';
import { FreshnessBadge } from './freshness-badge';

interface Props {
  entry: CatalogEntry;
  now: number;
  onOpen(name: string): void;
}

export function CatalogItem({ entry, now, onOpen }: Props) {
  const owner = ownerLabel(entry);
  return (
    // The card's click is a convenience for the mouse; the title button is the accessible control.
    <li className="card catalog-item" data-testid={`catalog-item-${entry.name}`} onClick={() => onOpen(entry.name)}>
      <div className="catalog-item-head">
        <h2 className="catalog-item-title">
          <button
            type="button"
            className="button-link"
            onClick={(e) => {
              e.stopPropagation();
              onOpen(entry.name);
            }}
          >
            {displayTitle(entry)}
          </button>
        </h2>
        <FreshnessBadge freshness={entryFreshness(entry, now)} />
      </div>
      <p className="catalog-item-name">
        <span className="sr-only">Name: </span>
        <code>{entry.name}</code>
      </p>
      {entry.summary && <p className="catalog-item-summary">{entry.summary}</p>}
      <dl className="catalog-item-facts">
        <div>
          <dt>Domain</dt>
          <dd>{entry.domain ?? 'Not stated'}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{owner ?? 'Not stated'}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{entry.version || 'Not known'}</dd>
        </div>
        <div>
          <dt>Last update</dt>
          <dd>{entry.publishedAt ? formatDateTime(entry.publishedAt) : 'Not known'}</dd>
        </div>
      </dl>
      {entry.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {entry.tags.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
