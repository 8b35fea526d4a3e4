// Browser (renderer). The Check step's "What changed since v…" card for a re-imported pulled
// workbook: counts of rows added, removed, changed and unchanged, columns added and removed, how
// rows were matched, and a few examples with the row numbers Excel shows. Progress and Cancel
// while the comparison runs; a failure in the host's words with a way to try again.

import { useMemo } from 'react';
import {
  columnChanges,
  DIFF_EXAMPLES_SHOWN,
  diffCounts,
  diffExamples,
  diffHeadline,
  diffProgressText,
  matchedByText,
  moreText,
  whatChangedTitle,
} from '../lib/diff-view';
import { formatCount, percent } from '../lib/format';
import { diffIsOutdated } from '../state/roundtrip-state';
import { useActions, useImport } from '../state/store-context';
import { ProgressBar } from './progress-bar';

function Examples({ title, lines, total, testId }: { title: string; lines: string[]; total: number; testId: string }) {
  if (lines.length === 0) return null;
  const more = moreText(total, lines.length);
  return (
    <div className="diff-examples" data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {more && <p className="muted small">{more}</p>}
    </div>
  );
}

export function WhatChanged() {
  const actions = useActions();
  const recognized = useImport((s) => s.overview?.recognized);
  const rt = useImport((s) => s.roundtrip);
  const outdated = useImport(diffIsOutdated);
  const diff = rt.diff;
  const examples = useMemo(() => (diff ? diffExamples(diff, DIFF_EXAMPLES_SHOWN) : null), [diff]);
  if (!recognized) return null;
  const job = rt.diffJob;
  const p = job?.progress ?? null;
  const known = !!p && p.bytesTotal > 0;

  return (
    <section className="card what-changed" data-testid="what-changed" aria-labelledby="what-changed-title" aria-busy={!!job}>
      <div className="what-changed-head">
        <h2 id="what-changed-title">{whatChangedTitle(recognized.version)}</h2>
        {!job && (
          <button type="button" className="button" data-testid="run-diff" onClick={() => void actions.runDiff()}>
            {diff ? 'Compare again' : 'Compare'}
          </button>
        )}
      </div>
      <p className="muted small">
        Your sheet compared with {recognized.product} v{recognized.version} as published
        {recognized.endpoint !== 'default' ? ` (table “${recognized.endpoint}”)` : ''}.
      </p>

      {job && (
        <div className="diff-progress" data-testid="diff-progress">
          <p className="job-status">{diffProgressText(p, job.cancelling)}</p>
          <ProgressBar value={known ? percent(p.bytesDone, p.bytesTotal) : 0} indeterminate={!known} label="Comparing with the published version" />
          <button type="button" className="button" data-testid="cancel-diff" disabled={job.cancelling} onClick={() => void actions.cancelDiff()}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}

      {rt.diffError && (
        <div className="banner banner-error" role="alert" data-testid="diff-error">
          <div className="banner-body">
            <p className="banner-title">Could not compare with v{recognized.version}</p>
            <p className="banner-message">{rt.diffError.message}</p>
          </div>
          <button type="button" className="button button-quiet" onClick={() => actions.dismissRoundTripMessages()}>
            Dismiss<span className="sr-only"> this message</span>
          </button>
        </div>
      )}
      {rt.diffNotice && !job && (
        <p className="muted" role="status" data-testid="diff-notice">
          {rt.diffNotice}
        </p>
      )}
      {!diff && !job && !rt.diffError && !rt.diffNotice && <p className="muted">Press “Compare” to see which rows you added, removed or changed.</p>}

      {diff && examples && (
        <div className={job ? 'is-stale' : undefined} data-testid="diff-result">
          {outdated && !job && (
            <p className="muted small" role="note">
              This comparison is of another sheet or header row than the one chosen now. Press “Compare again”.
            </p>
          )}
          <p data-testid="diff-headline">{diffHeadline(diff, recognized.version)}</p>
          <ul className="diff-counts" aria-label="Rows compared">
            {diffCounts(diff).map((c) => (
              <li key={c.key} className={`diff-count diff-${c.key}`} data-testid={`diff-${c.key}`}>
                <strong>{formatCount(c.count)}</strong> {c.label}
              </li>
            ))}
          </ul>
          {columnChanges(diff).map((line) => (
            <p key={line} data-testid="diff-columns">
              {line}
            </p>
          ))}
          <p className="muted small" data-testid="diff-matched-by">
            {matchedByText(diff)}
          </p>
          <div className="diff-example-lists">
            <Examples title="Changed" lines={examples.changed} total={diff.rows.changed} testId="diff-examples-changed" />
            <Examples title="Added" lines={examples.added} total={diff.rows.added} testId="diff-examples-added" />
            <Examples title="Removed" lines={examples.removed} total={diff.rows.removed} testId="diff-examples-removed" />
          </div>
        </div>
      )}
    </section>
  );
}
