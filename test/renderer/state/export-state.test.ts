// Pure transitions of "Open in Excel" / "Save as CSV".
import { describe, expect, it } from 'vitest';
import * as E from '../../../renderer/src/state/export-state';

describe('export transitions', () => {
  it('one export at a time; progress and answers of another job are dropped', () => {
    const s = E.exportStarted(E.initialExportState, 'j1', 'xlsx', 'weekly-sales');
    expect(E.exportStarted(s, 'j2', 'csv', 'weekly-sales')).toBe(s);
    expect(E.exportProgress(s, { jobId: 'j9', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 1 })).toBe(s);
    expect(E.exportFinished(s, 'j9', { ok: true, value: null })).toBe(s);
    const p = E.exportProgress(s, { jobId: 'j1', phase: 'reading', bytesDone: 500, bytesTotal: 1000, rows: 500 });
    expect(E.exportProgressText(p.job!)).toBe('Writing row 500 of 1,000…');
  });

  it('says where the file went, that nothing was saved when stopped, and keeps quiet when the dialog was closed', () => {
    const s = E.exportStarted(E.initialExportState, 'j1', 'csv', 'p');
    expect(E.exportFinished(s, 'j1', { ok: true, value: { name: 'p.csv', savedTo: '/home/a/p.csv' } }).notice).toBe('Saved “p.csv” in /home/a/p.csv.');
    expect(E.exportFinished(s, 'j1', { ok: true, value: { name: 'p.csv', downloadUrl: '/x' } }, 'download').notice).toMatch(/Downloads folder/);
    expect(E.exportFinished(s, 'j1', { ok: false, error: { code: 'cancelled', message: 'x' } }).notice).toMatch(/No file was saved/);
    expect(E.exportFinished(s, 'j1', { ok: true, value: null })).toEqual(E.initialExportState);
    expect(E.exportFinished(s, 'j1', { ok: false, error: { code: 'pull.part-missing', message: 'Part 3 is missing.' } }).error?.message).toBe('Part 3 is missing.');
  });
});
