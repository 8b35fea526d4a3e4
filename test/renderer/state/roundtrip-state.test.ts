// A re-imported pulled workbook, pure transitions: the "Data" sheet is picked only for recognized
// workbooks, the published description replaces the draft but keeps the owner's waivers, the
// comparison asks about the chosen sheet and header row, and late answers are dropped.
import { describe, expect, it } from 'vitest';
import type { SourceOverview } from '../../../shared/core/api/contract';
import type { SheetInfo } from '../../../shared/core/ingest/types';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import * as D from '../../../renderer/src/state/describe-state';
import * as T from '../../../renderer/src/state/import-state';
import type { ImportState } from '../../../renderer/src/state/import-state';
import * as R from '../../../renderer/src/state/roundtrip-state';

const sheets: SheetInfo[] = [
  { name: 'About', index: 0, rowCount: 8, columnCount: 2 },
  { name: 'Data', index: 1, rowCount: 40, columnCount: 3 },
  { name: 'Columns', index: 2, rowCount: 4, columnCount: 5 },
];
const recognized = { product: 'campaign-budgets', version: '1.2.0', endpoint: 'default', source: 'properties' as const };
const overview: SourceOverview = { source: { id: 'src1', name: 'campaign-budgets.xlsx', size: 1000 }, format: 'xlsx', sheets, problems: [], recognized };

function opened(o: SourceOverview = overview): ImportState {
  return T.overviewLoaded(T.sourceAdded(T.startFlow(T.initialImportState, null), o.source), o);
}

const diff: DataDiff = {
  columns: { added: [], removed: [], compared: ['id'] },
  rows: { added: 1, removed: 0, changed: 0, unchanged: 2, published: 2, edited: 3 },
  matchedBy: 'key',
  key: ['id'],
  examples: { added: [{ row: 4, key: { id: '3' } }], removed: [], changed: [] },
};

describe('choosing the sheet', () => {
  it('prefers the first visible "Data" sheet only for recognized workbooks', () => {
    expect(T.defaultSheet(sheets)).toBe('About');
    expect(T.defaultSheet(sheets, true)).toBe('Data');
    expect(T.defaultSheet([{ ...sheets[1]!, hidden: true }, sheets[0]!], true)).toBe('About');
    expect(T.defaultSheet([sheets[0]!, sheets[2]!], true)).toBe('About');
    expect(opened().choices.sheet).toBe('Data');
    const { recognized: _r, ...plain } = overview;
    expect(opened(plain).choices.sheet).toBe('About');
  });
});

describe('using the published description', () => {
  it('replaces the draft meta, keeps waivers and answers, and drops late answers', () => {
    let s = opened();
    let draft = D.setProductField(s.draft, 'title', 'typed by the owner');
    draft = D.addWaiver(draft, { code: 'check.spaces', sheet: 'Data', column: 'B' }, 'Spaces are part of the code', '2026-11-21T10:00:00Z');
    draft = D.decideSuggestion(draft, { column: 'mail', kind: 'email', suggested: 'personal' }, 'dismissed');
    s = { ...s, draft };
    s = R.metaStarted(s, 'm1');
    const published = JSON.parse('{"name":"campaign-budgets","title":"Campaign budgets","owner":{"name":"Ana","email":"ana@example.com"},"columns":{"__proto__":{"description":"odd"},"id":{"primaryKey":true}}}');
    const late = R.metaFinished(s, 'm0', { ok: true, value: { title: 'older call' } });
    expect(late).toBe(s);
    const next = R.metaFinished(s, 'm1', { ok: true, value: published });
    expect(next.draft.meta.title).toBe('Campaign budgets');
    expect(next.draft.meta.name).toBe('campaign-budgets');
    expect(Object.hasOwn(next.draft.meta.columns!, '__proto__')).toBe(true);
    expect(next.draft.waivers).toEqual(draft.waivers);
    expect(next.draft.decisions).toEqual(draft.decisions);
    expect(next.notice).toMatch(/“Campaign budgets” as published is now your draft/);
    expect(next.roundtrip.metaCall).toBeNull();
    // A second answer for the same call (or one after another file was chosen) changes nothing.
    expect(R.metaFinished(next, 'm1', { ok: true, value: { title: 'again' } })).toBe(next);
    const another = T.startFlow(s, null);
    expect(R.metaFinished(another, 'm1', { ok: true, value: published })).toBe(another);
  });

  it('keeps the draft and says why when the description cannot be fetched', () => {
    const s = R.metaStarted({ ...opened(), draft: D.setProductField(T.initialImportState.draft, 'title', 'mine') }, 'm1');
    const next = R.metaFinished(s, 'm1', { ok: false, error: { code: 'mesh.unreachable', message: 'The mesh cannot be reached. Check your connection.' } });
    expect(next.draft.meta.title).toBe('mine');
    expect(next.roundtrip.metaError?.message).toMatch(/cannot be reached/);
  });
});

describe('comparing with the pulled version', () => {
  it('asks about the chosen sheet, the header row in effect and the pulled table', () => {
    let s = opened();
    expect(R.diffRequestFor(s)).toEqual({ sourceId: 'src1', sheet: 'Data', product: 'campaign-budgets', version: '1.2.0', endpoint: 'default' });
    s = { ...s, report: { file: 'x', format: 'xlsx', sheetList: sheets, sheets: [{ name: 'Data', headerRow: 2, headerDetected: true, rows: 3, columns: [], preview: { rowNumbers: [], cells: [], truncated: false } }], problems: [], elapsedMs: 1 } };
    expect(R.diffRequestFor(s)?.headerRow).toBe(2);
    expect(R.diffRequestFor(T.setHeaderRow(s, 5))?.headerRow).toBe(5);
    const { recognized: _r, ...plain } = overview;
    expect(R.diffRequestFor(opened(plain))).toBeNull();
  });

  it('auto-runs once per sheet, follows progress of its own job only, and drops late answers', () => {
    let s = opened();
    expect(R.diffShouldAutoRun(s)).toBe(true);
    const req = R.diffRequestFor(s)!;
    s = R.diffStarted(s, 'd1', req);
    expect(R.diffShouldAutoRun(s)).toBe(false);
    expect(R.diffProgress(s.roundtrip, { jobId: 'other', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 1 })).toBe(s.roundtrip);
    const rt = R.diffProgress(s.roundtrip, { jobId: 'd1', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 5 });
    expect(rt.diffJob?.progress?.rows).toBe(5);
    // A newer comparison replaces this one; the old answer is dropped.
    const s2 = R.diffStarted(s, 'd2', req);
    expect(R.diffFinished(s2, 'd1', { ok: true, value: diff })).toBe(s2);
    const done = R.diffFinished(s2, 'd2', { ok: true, value: diff });
    expect(done.roundtrip).toMatchObject({ diffJob: null, diff, diffRequest: req, diffError: null });
    expect(R.diffShouldAutoRun(done)).toBe(false);
    expect(R.diffIsOutdated(done)).toBe(false);
    // Another sheet: the comparison on screen is outdated and a new one would run by itself.
    const other = T.chooseSheet(done, 'Columns');
    expect(R.diffIsOutdated(other)).toBe(true);
    expect(R.diffShouldAutoRun(other)).toBe(true);
  });

  it('cancelled says so without an error and does not re-run by itself; failures keep the words', () => {
    let s = R.diffStarted(opened(), 'd1', R.diffRequestFor(opened())!);
    s = R.diffCancelling(s);
    expect(s.roundtrip.diffJob?.cancelling).toBe(true);
    const stopped = R.diffFinished(s, 'd1', { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    expect(stopped.roundtrip).toMatchObject({ diffJob: null, diffError: null, diffNotice: R.DIFF_CANCELLED_NOTICE });
    expect(R.diffShouldAutoRun(stopped)).toBe(false);
    const failed = R.diffFinished(R.diffStarted(stopped, 'd2', R.diffRequestFor(stopped)!), 'd2', {
      ok: false,
      error: { code: 'pull.version-missing', message: 'Version 1.2.0 of campaign-budgets is no longer in the mesh.' },
    });
    expect(failed.roundtrip.diffError?.message).toMatch(/no longer in the mesh/);
    expect(failed.roundtrip.diffNotice).toBeNull();
    expect(R.dismissRoundTripMessages(failed).roundtrip.diffError).toBeNull();
  });

  it('an abandoned comparison is forgotten: its answer is dropped and it may run again', () => {
    const s = R.diffStarted(opened(), 'd1', R.diffRequestFor(opened())!);
    const gone = R.diffAbandoned(s, 'd1');
    expect(gone.roundtrip.diffJob).toBeNull();
    expect(R.diffFinished(gone, 'd1', { ok: false, error: { code: 'cancelled', message: 'x' } })).toBe(gone);
    expect(R.diffShouldAutoRun(gone)).toBe(true);
    expect(R.diffAbandoned(gone, 'd1')).toBe(gone);
  });

  it('a new file forgets everything about the previous one', () => {
    const s = R.diffFinished(R.diffStarted(opened(), 'd1', R.diffRequestFor(opened())!), 'd1', { ok: true, value: diff });
    expect(T.startFlow(s, null).roundtrip).toEqual(R.initialRoundTripState);
    expect(T.backHome(s).roundtrip).toEqual(R.initialRoundTripState);
  });
});
