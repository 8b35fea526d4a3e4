import { describe, expect, it } from 'vitest';
import type { InspectRequest, SourceOverview } from '../../../shared/core/api/contract';
import type { InspectReport } from '../../../shared/core/inspect/report';
import * as T from '../../../renderer/src/state/import-state';

const overview: SourceOverview = {
  source: { id: 'src1', name: 'book.xlsx', size: 1000 },
  format: 'xlsx',
  sheets: [
    { name: 'Cover', index: 0, hidden: true },
    { name: 'Sales', index: 1, rowCount: 10, columnCount: 3 },
    { name: 'Costs', index: 2 },
  ],
  problems: [],
};

const report = (sheet: string): InspectReport => ({
  file: 'book.xlsx',
  format: 'xlsx',
  sheetList: overview.sheets,
  sheets: [{ name: sheet, headerRow: 1, headerDetected: true, rows: 9, columns: [], preview: { rowNumbers: [], cells: [], truncated: false } }],
  problems: [],
  elapsedMs: 5,
});

function opened(): T.ImportState {
  let s = T.startFlow(T.initialImportState, { fileName: 'book.xlsx', loaded: 0, total: 1000 });
  s = T.sourceAdded(s, overview.source);
  return T.overviewLoaded(s, overview);
}

describe('import state transitions', () => {
  it('picks the first visible sheet by default', () => {
    expect(T.defaultSheet(overview.sheets)).toBe('Sales');
    expect(T.defaultSheet([{ name: 'Only', index: 0, hidden: true }])).toBe('Only');
    expect(T.defaultSheet([])).toBeNull();
    const s = opened();
    expect(s).toMatchObject({ screen: 'import', busy: 'idle', choices: { sheet: 'Sales' } });
  });

  it('ignores an overview for another file than the current one', () => {
    let s = T.startFlow(T.initialImportState, null);
    s = T.sourceAdded(s, { id: 'other', name: 'x.csv', size: 1 });
    expect(T.overviewLoaded(s, overview)).toBe(s);
  });

  it('tracks upload progress only for the file being added', () => {
    const s = T.startFlow(T.initialImportState, { fileName: 'a.csv', loaded: 0, total: 10 });
    expect(T.uploadProgress(s, { fileName: 'a.csv', loaded: 5, total: 10 }).upload?.loaded).toBe(5);
    expect(T.uploadProgress(s, { fileName: 'b.csv', loaded: 5, total: 10 })).toBe(s);
  });

  it('keeps header and type choices per sheet and builds the inspect request from them', () => {
    let s = opened();
    s = T.setHeaderRow(s, 3);
    s = T.setTypeOverride(s, 2, 'text', 'integer');
    expect(T.inspectRequestFor(s)).toEqual({ sourceId: 'src1', sheet: 'Sales', headerRow: 3, typeOverrides: { 2: 'text' } });
    s = T.chooseSheet(s, 'Costs');
    expect(T.inspectRequestFor(s)).toEqual({ sourceId: 'src1', sheet: 'Costs' });
    s = T.chooseSheet(s, 'Sales');
    expect(T.inspectRequestFor(s)).toMatchObject({ headerRow: 3, typeOverrides: { 2: 'text' } });
    // Back to the inferred type removes the override; back to detection removes the header.
    s = T.setTypeOverride(s, 2, 'integer', 'integer');
    s = T.setHeaderRow(s, null);
    expect(T.inspectRequestFor(s)).toEqual({ sourceId: 'src1', sheet: 'Sales' });
  });

  it('rejects impossible choices', () => {
    const s = opened();
    expect(T.chooseSheet(s, 'Nope')).toBe(s);
    expect(T.setHeaderRow(s, 0)).toBe(s);
    expect(T.setHeaderRow(s, 2.5)).toBe(s);
    expect(T.setHeaderRow(s, 1_048_577)).toBe(s);
    expect(T.setTypeOverride(s, -1, 'text', 'integer')).toBe(s);
  });

  it('drops answers and progress of jobs that are no longer current', () => {
    let s = opened();
    const req1: InspectRequest = { jobId: 'j1', sourceId: 'src1', sheet: 'Sales' };
    const req2: InspectRequest = { ...req1, jobId: 'j2' };
    s = T.jobStarted(s, req1);
    s = T.jobStarted(s, req2);
    expect(T.jobProgress(s, { jobId: 'j1', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 1 })).toBe(s);
    s = T.jobProgress(s, { jobId: 'j2', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 7 });
    expect(s.job?.progress?.rows).toBe(7);
    expect(T.jobFinished(s, 'j1', { ok: true, value: report('Sales') })).toBe(s);
    s = T.jobFinished(s, 'j2', { ok: true, value: report('Sales') });
    expect(s.job).toBeNull();
    expect(s.report?.sheets[0]?.name).toBe('Sales');
    expect(T.reportMatchesChoices(s)).toBe(true);
    expect(T.reportMatchesChoices(T.setTypeOverride(s, 0, 'text', 'date'))).toBe(false);
    expect(T.reportMatchesChoices(T.chooseSheet(s, 'Costs'))).toBe(false);
  });

  it('shows a cancel as a notice, and a failure as an error', () => {
    let s = T.jobStarted(opened(), { jobId: 'j1', sourceId: 'src1', sheet: 'Sales' });
    s = T.jobCancelling(s);
    expect(s.job?.cancelling).toBe(true);
    const cancelled = T.jobFinished(s, 'j1', { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    expect(cancelled).toMatchObject({ job: null, notice: T.CANCELLED_NOTICE, error: null });
    const failedState = T.jobFinished(s, 'j1', { ok: false, error: { code: 'xlsx.zip-bomb', message: 'Too big.' } });
    expect(failedState).toMatchObject({ job: null, error: { code: 'xlsx.zip-bomb' } });
  });

  it('returns home on a failure before any file was open, but stays on the import screen after', () => {
    const early = T.failed(T.startFlow(T.initialImportState, null), { code: 'x', message: 'm' });
    expect(early.screen).toBe('home');
    expect(T.failed(opened(), { code: 'x', message: 'm' }).screen).toBe('import');
  });

  it('starts a new file afresh but keeps the app info', () => {
    const info = { name: 'Mesh Desk', version: '0.1.0', mode: 'browser' as const, dataDir: '/d', nativeDialogs: false };
    const s = { ...opened(), appInfo: info, error: { code: 'x', message: 'm' } };
    const next = T.startFlow(s, null);
    expect(next).toMatchObject({ appInfo: info, overview: null, error: null, flow: s.flow + 1, busy: 'opening' });
    expect(T.backHome(s)).toMatchObject({ appInfo: info, screen: 'home', source: null });
  });
});
