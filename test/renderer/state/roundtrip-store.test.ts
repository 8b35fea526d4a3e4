// A re-imported pulled workbook through the real store against a scripted host: the "Data" sheet
// is read first, "Use its description" fills the draft, the Check step compares beside the check
// (once), progress and cancel reach the right job, and a new file stops a comparison in flight.
import { describe, expect, it } from 'vitest';
import type { SourceOverview } from '../../../shared/core/api/contract';
import type { ColumnProfile, InspectReport } from '../../../shared/core/inspect/report';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import { scriptedHost } from './scripted-host';
import { createImportStore } from '../../../renderer/src/state/import-store';
import * as D from '../../../renderer/src/state/describe-state';
import { DIFF_CANCELLED_NOTICE } from '../../../renderer/src/state/roundtrip-state';

function scripted() {
  const host = scriptedHost((f) => Promise.resolve({ ok: true, value: { id: f.name === 'other.csv' ? 'src2' : 'src1', name: f.name, size: f.size } }));
  let n = 0;
  const store = createImportStore(host.api, { newJobId: () => `id${++n}` });
  return { ...host, store, s: () => store.getState(), actions: store.getState().actions };
}

const column = (index: number, letter: string, name: string): ColumnProfile => ({
  index, letter, name, header: name, type: 'text', inferredType: 'text', filled: 3, empty: 0, distinct: 3, distinctExact: true,
  min: null, max: null, top: [], nonConforming: 0, examples: [],
});
const recognized = { product: 'campaign-budgets', version: '1.2.0', endpoint: 'default', address: 'file:///mesh/campaign-budgets', source: 'properties' as const };
const overview: SourceOverview = {
  source: { id: 'src1', name: 'campaign-budgets.xlsx', size: 5000 },
  format: 'xlsx',
  sheets: [{ name: 'About', index: 0 }, { name: 'Data', index: 1 }, { name: 'Columns', index: 2 }],
  problems: [],
  recognized,
};
const sheet = { name: 'Data', headerRow: 1, headerDetected: true, rows: 3, columns: [column(0, 'A', 'id'), column(1, 'B', 'amount')], preview: { rowNumbers: [2, 3, 4], cells: [], truncated: false } };
const report: InspectReport = { file: 'campaign-budgets.xlsx', format: 'xlsx', sheetList: overview.sheets, sheets: [sheet], problems: [], elapsedMs: 1 };
const diff: DataDiff = {
  columns: { added: [], removed: [], compared: ['id', 'amount'] },
  rows: { added: 0, removed: 0, changed: 1, unchanged: 2, published: 3, edited: 3 },
  matchedBy: 'key',
  key: ['id'],
  examples: { added: [], removed: [], changed: [{ row: 3, pulledRow: 3, key: { id: '2' }, columns: ['amount'] }] },
};

async function openRecognized(t: ReturnType<typeof scripted>) {
  const done = t.actions.addFile({ name: 'campaign-budgets.xlsx', size: 5000, lastModified: 0 });
  (await t.next('source.open')).answer({ ok: true, value: overview });
  const read = await t.next('inspect.run');
  expect(read.input).toMatchObject({ sheet: 'Data' });
  read.answer({ ok: true, value: report });
  await done;
}

describe('a pulled workbook brought back', () => {
  it('fills the draft with the published description, keeping waivers', async () => {
    const t = scripted();
    await openRecognized(t);
    t.actions.updateDraft((d) => D.addWaiver(d, { code: 'check.spaces', sheet: 'Data', column: 'B' }, 'Spaces belong to the codes', '2026-11-21T10:00:00Z'));
    const using = t.actions.useProductMeta();
    const call = await t.next('product.meta');
    expect(call.input).toEqual({ product: 'campaign-budgets' });
    expect(t.s().roundtrip.metaCall).not.toBeNull();
    // A second press while the first is out asks nothing more.
    await t.actions.useProductMeta();
    expect(t.pending.filter((p) => p.name === 'product.meta')).toHaveLength(0);
    call.answer({ ok: true, value: { name: 'campaign-budgets', title: 'Campaign budgets', domain: 'marketing', columns: { id: { primaryKey: true } } } });
    await using;
    expect(t.s().draft.meta).toMatchObject({ name: 'campaign-budgets', title: 'Campaign budgets', domain: 'marketing' });
    expect(t.s().draft.waivers).toHaveLength(1);
    expect(t.s().notice).toMatch(/Campaign budgets/);
  });

  it('compares beside the check, once, following its own progress; cancel says so', async () => {
    const t = scripted();
    await openRecognized(t);
    t.actions.goTo('check');
    const check = await t.next('inspect.run');
    const cmp = await t.next('product.diff');
    expect(cmp.input).toEqual({ jobId: 'id3', sourceId: 'src1', sheet: 'Data', headerRow: 1, product: 'campaign-budgets', version: '1.2.0', endpoint: 'default' });
    expect(check.input).toMatchObject({ jobId: 'id2' });
    t.emit({ jobId: 'id3', phase: 'reading', bytesDone: 10, bytesTotal: 100, rows: 7 });
    expect(t.s().roundtrip.diffJob?.progress?.rows).toBe(7);
    expect(t.s().job?.progress).toBeNull();
    cmp.answer({ ok: true, value: diff });
    await new Promise((r) => setTimeout(r, 0));
    expect(t.s().roundtrip.diff).toEqual(diff);
    // Back and forth: the comparison of this sheet is not asked again.
    t.actions.goTo('describe');
    t.actions.goTo('check');
    await new Promise((r) => setTimeout(r, 0));
    expect(t.pending.filter((p) => p.name === 'product.diff')).toHaveLength(0);
    // "Compare again" runs it; Cancel stops it with a word, not an error.
    const again = t.actions.runDiff();
    const cmp2 = await t.next('product.diff');
    await t.actions.cancelDiff();
    expect(t.calls.at(-1)).toEqual({ name: 'job.cancel', input: { jobId: (cmp2.input as { jobId: string }).jobId } });
    cmp2.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    await again;
    expect(t.s().roundtrip).toMatchObject({ diffJob: null, diffNotice: DIFF_CANCELLED_NOTICE, diffError: null, diff });
    check.answer({ ok: true, value: report });
  });

  it('a new file stops the comparison in flight and its late answer is dropped', async () => {
    const t = scripted();
    await openRecognized(t);
    t.actions.goTo('check');
    await t.next('inspect.run');
    const cmp = await t.next('product.diff');
    const jobId = (cmp.input as { jobId: string }).jobId;
    const other = t.actions.addFile({ name: 'other.csv', size: 10, lastModified: 0 });
    expect(t.calls.some((c) => c.name === 'job.cancel' && (c.input as { jobId: string }).jobId === jobId)).toBe(true);
    cmp.answer({ ok: true, value: diff });
    await new Promise((r) => setTimeout(r, 0));
    expect(t.s().roundtrip.diff).toBeNull();
    (await t.next('source.open')).answer({ ok: true, value: { source: { id: 'src2', name: 'other.csv', size: 10 }, format: 'csv', sheets: [{ name: 'other', index: 0 }], problems: [] } });
    (await t.next('inspect.run')).answer({ ok: true, value: { ...report, sheets: [{ ...sheet, name: 'other' }] } });
    await other;
    // Not a pulled workbook: the Check step asks for no comparison.
    t.actions.goTo('check');
    await t.next('inspect.run');
    expect(t.pending.some((p) => p.name === 'product.diff')).toBe(false);
  });
});
