// Browser (renderer). "Up to date" / "Overdue by 3 days" / "Freshness not known": a word and a
// colour, with the full sentence as a tooltip and for screen readers (colour is never the only cue).

import { freshnessLabel } from '../lib/catalog-view';

interface Props {
  freshness: { status: 'fresh' | 'overdue' | 'unknown'; daysLate?: number; text: string };
  testId?: string;
}

export function FreshnessBadge({ freshness, testId }: Props) {
  return (
    <span className={`fresh-badge is-${freshness.status}`} title={freshness.text} data-testid={testId} data-status={freshness.status}>
      {freshnessLabel(freshness)}
      <span className="sr-only">. {freshness.text}</span>
    </span>
  );
}
