// Browser (renderer). The outbox: publishes that wait for their mesh, with "Send now" (progress
// and Cancel), and each job's state. Shown on Home and on the Outbox screen; empty on Home means
// nothing is shown at all, so a first-time owner is not puzzled by a word they have no use for.

import { ErrorBanner, NoticeBanner } from './error-banner';
import { ProgressBar } from './progress-bar';
import { OutboxJobRow } from './outbox-job-row';
import { formatBytes, percent, plural } from '../lib/format';
import type { OutboxSending } from '../state/outbox-state';
import { anySending, progressOf, sendableCount } from '../state/outbox-state';
import { useHasOutbox, useOutbox, useOutboxActions } from '../state/outbox-context';
import { reachabilityText } from '../state/outbox-text';

function SendProgress({ sending, onCancel }: { sending: OutboxSending; onCancel(): void }) {
  const p = sending.progress;
  const known = !!p && p.bytesTotal > 0;
  const pct = p ? (p.phase === 'done' ? 100 : percent(p.bytesDone, p.bytesTotal)) : 0;
  const status = sending.cancelling ? 'Stopping…' : !p ? 'Checking the mesh…' : p.phase === 'committing' ? 'Finishing the new version…' : `Sending… ${known ? `${pct}%` : ''}`;
  return (
    <div className="card job outbox-sending" data-testid="outbox-progress" aria-busy="true">
      <div className="job-line">
        <p className="job-status">{status}</p>
        <p className="job-rows">{p && p.rows > 0 ? `${plural(p.rows, 'row')} sent` : ''}</p>
      </div>
      <ProgressBar value={pct} indeterminate={!known} label="Sending the outbox" />
      <div className="job-actions">
        <button type="button" className="button" data-testid="outbox-cancel" onClick={onCancel} disabled={sending.cancelling}>
          {sending.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
        {p && known && (
          <span className="muted small">
            {formatBytes(p.bytesDone)} of {formatBytes(p.bytesTotal)}
          </span>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {sending.cancelling ? 'Stopping' : known ? `Sending, ${Math.floor(pct / 10) * 10} percent` : 'Sending'}
      </p>
    </div>
  );
}

export function OutboxPanel({ hideWhenEmpty = true }: { hideWhenEmpty?: boolean }) {
  const has = useHasOutbox();
  const view = useOutbox((s) => s.view);
  const sending = useOutbox((s) => s.sending);
  const busyId = useOutbox((s) => s.busyId);
  const error = useOutbox((s) => s.error);
  const notice = useOutbox((s) => s.notice);
  const autoProgress = useOutbox((s) => s.autoProgress);
  const actions = useOutboxActions();
  if (!has) return null;
  const jobs = view?.jobs ?? [];
  if (hideWhenEmpty && jobs.length === 0 && !error && !notice) return null;
  const sendable = sendableCount(view);

  return (
    <section className="card outbox" aria-labelledby="outbox-title" data-testid="outbox-panel">
      <div className="outbox-head">
        <div>
          <h2 id="outbox-title">Outbox</h2>
          <p className="muted small" data-testid="outbox-reachable">
            {reachabilityText(view)}
          </p>
        </div>
        <button type="button" className="button button-primary" data-testid="outbox-send" disabled={sending !== null || sendable === 0 || anySending(view)} onClick={() => void actions.send()}>
          Send now
        </button>
      </div>
      {error && <ErrorBanner error={error} fileName={null} onDismiss={actions.dismissMessage} />}
      {notice && <NoticeBanner text={notice} onDismiss={actions.dismissMessage} />}
      {sending && <SendProgress sending={sending} onCancel={() => void actions.cancelSend()} />}
      {jobs.length === 0 ? (
        <p className="muted">Nothing is waiting to be published.</p>
      ) : (
        <ul className="outbox-jobs">
          {jobs.map((job) => (
            <OutboxJobRow
              key={job.id}
              job={job}
              busy={busyId === job.id}
              sending={sending !== null}
              progress={progressOf({ autoProgress, sending }, job)}
              onRetry={() => void actions.send(job.id)}
              onResolve={() => actions.open(job.id)}
              onRemove={() => void actions.remove(job.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
