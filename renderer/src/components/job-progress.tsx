// Browser (renderer). Progress of a running inspection: a bar with the percentage, rows read,
// and Cancel. Screen readers hear it in 10 % steps rather than on every update.

import type { JobState } from '../state/import-state';
import { formatBytes, percent, plural } from '../lib/format';
import { ProgressBar } from './progress-bar';

export function JobProgressPanel({ job, sheet, onCancel }: { job: JobState; sheet: string | null; onCancel(): void }) {
  const p = job.progress;
  const known = !!p && p.bytesTotal > 0;
  const pct = p ? (p.phase === 'done' ? 100 : percent(p.bytesDone, p.bytesTotal)) : 0;
  const what = sheet ? `“${sheet}”` : 'the file';
  const status = job.cancelling
    ? 'Stopping…'
    : !p || p.phase === 'opening'
      ? `Opening ${what}…`
      : p.phase === 'done'
        ? 'Finishing the report…'
        : `Reading ${what}… ${pct}%`;
  const announced = job.cancelling ? 'Stopping' : known ? `Reading, ${Math.floor(pct / 10) * 10} percent` : 'Reading';
  return (
    <div className="card job" data-testid="progress" aria-busy="true">
      <div className="job-line">
        <p className="job-status">{status}</p>
        <p className="job-rows">{p ? `${plural(p.rows, 'row')} read` : ''}</p>
      </div>
      <ProgressBar value={pct} indeterminate={!known} label={`Reading ${sheet ?? 'the file'}`} />
      <div className="job-actions">
        <button type="button" className="button" data-testid="cancel-job" onClick={onCancel} disabled={job.cancelling}>
          {job.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
        {p && p.bytesTotal > 0 && (
          <span className="muted small">
            {formatBytes(p.bytesDone)} of {formatBytes(p.bytesTotal)}
          </span>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}
