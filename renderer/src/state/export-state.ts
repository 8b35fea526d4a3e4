// Browser (renderer). "Open in Excel" / "Save as CSV" on a product page: the export job, its
// progress, and the outcome in words. Pure transitions; answers of an older job are dropped.

import type { JobProgress, SavedFile } from '../../../shared/core/api/contract';
import type { AppError, Result } from '../../../shared/core/result';

export interface ExportState {
  job: { id: string; format: 'xlsx' | 'csv'; product: string; progress: JobProgress | null; cancelling: boolean } | null;
  notice: string | null;
  error: AppError | null;
}

export const initialExportState: ExportState = { job: null, notice: null, error: null };

export function exportStarted(s: ExportState, id: string, format: 'xlsx' | 'csv', product: string): ExportState {
  if (s.job) return s;
  return { job: { id, format, product, progress: null, cancelling: false }, notice: null, error: null };
}

export function exportProgress(s: ExportState, p: JobProgress): ExportState {
  if (s.job?.id !== p.jobId) return s;
  return { ...s, job: { ...s.job, progress: p } };
}

export function exportCancelling(s: ExportState): ExportState {
  return s.job ? { ...s, job: { ...s.job, cancelling: true } } : s;
}

/** The answer of export job `id`; `delivered` says where the file went (browser download or a folder). */
export function exportFinished(s: ExportState, id: string, res: Result<SavedFile | null>, delivered?: 'download'): ExportState {
  if (s.job?.id !== id) return s;
  if (!res.ok) return res.error.code === 'cancelled' ? { job: null, notice: 'Stopped. No file was saved.', error: null } : { job: null, notice: null, error: res.error };
  const saved = res.value;
  if (saved === null) return { job: null, notice: null, error: null };
  const where = delivered === 'download' ? ' and handed to your browser: look for it in your Downloads folder' : saved.savedTo ? ` in ${saved.savedTo}` : '';
  return { job: null, notice: `Saved “${saved.name}”${where}.`, error: null };
}

export function exportDismiss(s: ExportState): ExportState {
  return { ...s, notice: null, error: null };
}

/** "Writing row 120,000 of 1,000,000" while the job runs. */
export function exportProgressText(job: NonNullable<ExportState['job']>): string {
  if (job.cancelling) return 'Stopping…';
  const p = job.progress;
  if (!p || p.rows === 0) return job.format === 'xlsx' ? 'Preparing the workbook…' : 'Preparing the file…';
  const total = p.bytesTotal > 0 ? ` of ${p.bytesTotal.toLocaleString('en-US')}` : '';
  return `Writing row ${p.rows.toLocaleString('en-US')}${total}…`;
}
