// Browser (renderer). Progress of a running publish, in words (reading, "Sent 120 of ~1,000
// files, 16 MB", making the version visible), with Cancel. Screen readers hear the phase, not
// every file.

import type { PublishJob } from '../state/publish-state';
import { publishProgressView } from '../lib/publish-view';
import { ProgressBar } from './progress-bar';

export function PublishProgress({ job, totalParts, version, onCancel }: { job: PublishJob; totalParts: number; version: string; onCancel(): void }) {
  const view = publishProgressView(job.progress, totalParts, job.cancelling);
  const phase = job.cancelling ? 'Stopping' : (job.progress?.phase ?? 'opening');
  const announced = phase === 'uploading' ? 'Sending the data' : phase === 'committing' ? 'Making the new version visible' : phase === 'reading' ? 'Reading your file' : phase;
  return (
    <div className="card job" data-testid="publish-progress" aria-busy="true">
      <div className="job-line">
        <p className="job-status">Publishing version {version}</p>
        <p className="job-rows" data-testid="publish-progress-text">
          {view.text}
        </p>
      </div>
      <ProgressBar value={view.pct} indeterminate={view.indeterminate} label={`Publishing version ${version}`} />
      <div className="job-actions">
        <button type="button" className="button" data-testid="publish-cancel" onClick={onCancel} disabled={job.cancelling}>
          {job.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}
