// Browser (renderer). One queued publish in the outbox: product, mesh, when it was queued, its
// state in words, and what the owner can do about it (Retry, Resolve…, Remove with a confirmation).

import { useState } from 'react';
import type { JobProgress, OutboxJob } from '../../../shared/core/api/contract';
import { percent } from '../lib/format';
import { ProgressBar } from './progress-bar';
import { jobName, queuedText, stateDetail, stateLabel } from '../state/outbox-text';

export interface JobRowProps {
  job: OutboxJob;
  /** Another call runs for this job (remove, resolve) or a send is going on. */
  busy: boolean;
  sending: boolean;
  /** While the job is being sent. */
  progress: JobProgress | null;
  onRetry(): void;
  onResolve(): void;
  onRemove(): void;
}

export function OutboxJobRow({ job, busy, sending, progress, onRetry, onResolve, onRemove }: JobRowProps) {
  const [confirming, setConfirming] = useState(false);
  const name = jobName(job);
  return (
    <li className={`outbox-job is-${job.state}`} data-testid={`outbox-job-${job.id}`} data-state={job.state}>
      <div className="outbox-job-main">
        <p className="outbox-job-title">
          <span className="outbox-job-name">{name}</span>
          {name !== job.product && <span className="muted small"> · {job.product}</span>}
        </p>
        <p className="muted small">
          To “{job.meshName}” · {queuedText(job)}
          {job.metadataOnly ? ' · description only' : job.source ? ` · from “${job.source.name}”` : ''}
        </p>
        <p className="outbox-job-state">
          <span className={`state-pill state-${job.state}`} data-testid="outbox-job-state">
            {stateLabel(job)}
          </span>{' '}
          <span className="outbox-job-detail">{stateDetail(job)}</span>
        </p>
        {job.state === 'sending' && (
          <ProgressBar
            value={progress ? (progress.phase === 'done' ? 100 : percent(progress.bytesDone, progress.bytesTotal)) : 0}
            indeterminate={!progress || !(progress.bytesTotal > 0)}
            label={`Sending “${name}”`}
          />
        )}
      </div>
      <div className="outbox-job-actions">
        {job.state === 'failed' && (
          <button type="button" className="button button-small button-primary" data-testid="outbox-retry" disabled={busy || sending} onClick={onRetry}>
            Retry<span className="sr-only"> sending “{name}”</span>
          </button>
        )}
        {job.state === 'conflict' && (
          <button type="button" className="button button-small button-primary" data-testid="outbox-resolve" disabled={busy} onClick={onResolve}>
            Resolve…<span className="sr-only"> the conflict of “{name}”</span>
          </button>
        )}
        {job.state !== 'sending' && !confirming && (
          <button type="button" className="button button-small button-quiet" data-testid="outbox-remove" disabled={busy} onClick={() => setConfirming(true)}>
            {job.state === 'delivered' ? 'Clear' : 'Remove'}
            <span className="sr-only"> “{name}” from the outbox</span>
          </button>
        )}
      </div>
      {confirming && (
        <div className="outbox-confirm" role="group" aria-label={`Remove “${name}” from the outbox?`}>
          <p>
            {job.state === 'delivered'
              ? 'Clear this line from the outbox? The product stays published.'
              : `Remove “${name}” from the outbox? It will not be published. Your draft is kept, so you can publish it later.`}
          </p>
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="outbox-remove-confirm"
            onClick={() => {
              setConfirming(false);
              onRemove();
            }}
          >
            {job.state === 'delivered' ? 'Clear' : 'Remove'}
          </button>
          <button type="button" className="button button-small" autoFocus onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}
