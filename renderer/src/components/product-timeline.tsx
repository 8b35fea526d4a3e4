// Browser (renderer). The versions of a product, newest first: when, by whom, what kind of change
// and why (the reasons the version number was chosen), and how many rows.

import type { TimelineEntry } from '../../../shared/core/pull/product-page';
import { formatDateTime, plural } from '../lib/format';
import { bumpLabel } from '../lib/product-view';

export function ProductTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  if (timeline.length === 0) return <p className="muted">No version history is recorded for this product.</p>;
  return (
    <ol className="timeline" data-testid="product-timeline" aria-label="Versions, newest first">
      {timeline.map((v) => (
        <li key={v.version} className="timeline-item">
          <div className="timeline-head">
            <span className="fact-strong">Version {v.version}</span>
            {v.metadataOnly ? (
              <span className={`level-tag level-${v.bump}`} data-testid={`timeline-description-only-${v.version}`} title={v.dataVersion ? `The rows are those of version ${v.dataVersion}.` : undefined}>
                Description only
              </span>
            ) : (
              <span className={`level-tag level-${v.bump}`}>{bumpLabel(v.bump)}</span>
            )}
            <span className="muted">
              {formatDateTime(v.publishedAt)}
              {v.publishedBy ? ` by ${v.publishedBy}` : ''} · {plural(v.rows, 'row')}
            </span>
          </div>
          {v.changes.length > 0 && (
            <ul className="timeline-changes">
              {v.changes.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
