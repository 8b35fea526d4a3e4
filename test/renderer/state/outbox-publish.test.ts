// Auto-queue on the Publish step, through the real import store against a scripted host: when
// publish.prepare or publish.run answers "mesh.unreachable", the draft goes to outbox.add (with
// the chosen higher version) and the step says it is queued instead of showing the error; without
// a saved draft the error stays with a word on why it could not be queued. Nothing queues twice.
import { describe, expect, it } from 'vitest';
import type { CallInput, PublishProposal, SourceOverview } from '../../../shared/core/api/contract';
import type { InspectReport } from '../../../shared/core/inspect/report';
import { createImportStore } from '../../../renderer/src/state/import-store';
import * as D from '../../../renderer/src/state/describe-state';
import { NO_DRAFT_TO_QUEUE } from '../../../renderer/src/state/outbox-publish';
import { queuedMessage } from '../../../renderer/src/state/outbox-text';
import { job, scriptedApi, tick } from './outbox-fixtures';

const overview: SourceOverview = { source: { id: 'src1', name: 'Price list.csv', size: 100 }, format: 'csv', sheets: [{ name: 'Price list', index: 0 }], problems: [] };
const sheet = {
  name: 'Price list', headerRow: 1, headerDetected: true, rows: 3,
  columns: [{ index: 0, letter: 'A', name: 'Code', header: 'Code', type: 'text' as const, inferredType: 'text' as const, filled: 3, empty: 0, distinct: 3, distinctExact: true, min: null, max: null, top: [], nonConforming: 0, examples: [] }],
  preview: { rowNumbers: [2, 3, 4], cells: [], truncated: false },
};
const outcome = { findings: [], blocking: 0, warnings: 0, canPublish: true, suggestions: [], partRows: 1000 };
const report: InspectReport = { file: 'Price list.csv', format: 'csv', sheetList: overview.sheets, sheets: [sheet], problems: [], elapsedMs: 1 };
const proposal: PublishProposal = {
  planId: 'plan1', meshName: 'Team S3', mesh: 's3://acme/finance', product: 'price-list', address: 's3://acme/finance/price-list/product.yaml',
  current: { version: '1.1.0' }, version: '1.1.1', required: 'patch', changes: [], reason: 'only data changed → patch',
  choices: [{ bump: 'patch', version: '1.1.1' }, { bump: 'minor', version: '1.2.0' }], endpoints: [{ name: 'default', sheet: 'Price list', rows: 3, columns: 1, parts: 1 }],
  partRows: 1000, check: outcome, policySource: 'mesh',
};
const unreachable = { code: 'mesh.unreachable', message: 'The S3 server at localhost:9000 did not answer.' };

async function atCheck(draftId: string | null) {
  const h = scriptedApi();
  let n = 0;
  const store = createImportStore(h.api, { newJobId: () => `job${++n}` });
  const a = store.getState().actions;
  const done = a.addFile({ name: 'Price list.csv', size: 100, lastModified: 0 });
  (await h.next('source.open')).answer({ ok: true, value: overview });
  (await h.next('inspect.run')).answer({ ok: true, value: report });
  await done;
  a.goTo('describe');
  a.updateDraft((d) => D.setProductField(d, 'name', 'price-list'));
  a.goTo('check');
  (await h.next('inspect.run')).answer({ ok: true, value: { ...report, check: outcome } });
  await tick();
  // The drafts feature keeps the id of the draft being edited in the import state.
  if (draftId) store.setState({ draftId } as never);
  return { ...h, store, s: () => store.getState(), a };
}

describe('auto-queue on the Publish step', () => {
  it('queues when prepare cannot reach the mesh, and shows the queued message instead of the error', async () => {
    const h = await atCheck('d1');
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: false, error: unreachable });
    const add = await h.next('outbox.add');
    expect(add.input).toEqual({ draftId: 'd1' });
    // While outbox.add runs the step still shows the prepare as going on, not an error.
    expect(h.s().publish).toMatchObject({ stage: 'preparing', error: null });
    add.answer({ ok: true, value: job('q1', { draftId: 'd1' }) });
    await tick();
    expect(h.s().publish).toMatchObject({ stage: 'done', error: null, notice: null, result: null, queued: { job: { id: 'q1' }, reason: unreachable.message } });
    expect(queuedMessage('Team S3', unreachable.message)).toBe(
      '“Team S3” cannot be reached right now: the S3 server at localhost:9000 did not answer. Your product is queued and will be published as soon as it can be reached — you can close Mesh Desk meanwhile.',
    );
    // Opening the Publish step again neither prepares nor queues a second time.
    h.a.goTo('check');
    h.a.openPublishStep();
    await tick();
    expect(h.calls.filter((c) => c.name === 'publish.prepare')).toHaveLength(1);
    expect(h.calls.filter((c) => c.name === 'outbox.add')).toHaveLength(1);
  });

  it('queues with the chosen higher version when the run cannot reach the mesh', async () => {
    const h = await atCheck('d1');
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: true, value: proposal });
    await tick();
    h.a.chooseBump('minor');
    void h.a.runPublish();
    (await h.next('publish.run')).answer({ ok: false, error: unreachable });
    const add = await h.next('outbox.add');
    expect(add.input).toEqual({ draftId: 'd1', bump: 'minor' } satisfies CallInput<'outbox.add'>);
    add.answer({ ok: true, value: job('q1') });
    await tick();
    expect(h.s().publish).toMatchObject({ stage: 'done', queued: { job: { id: 'q1' } }, error: null });
    void h.a.runPublish();
    expect(h.calls.filter((c) => c.name === 'publish.run')).toHaveLength(1);
  });

  it('keeps the error, with the reason, when the draft cannot be queued', async () => {
    const h = await atCheck('d1');
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: false, error: unreachable });
    (await h.next('outbox.add')).answer({ ok: false, error: { code: 'outbox.no-draft', message: 'The draft was not found.' } });
    await tick();
    expect(h.s().publish).toMatchObject({ stage: 'idle', queued: null, error: unreachable, notice: 'It could not be put in the outbox either: The draft was not found.' });
  });

  it('without a draft id, says why nothing was queued', async () => {
    const h = await atCheck(null);
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: false, error: unreachable });
    await tick();
    expect(h.calls.some((c) => c.name === 'outbox.add')).toBe(false);
    expect(h.s().publish).toMatchObject({ stage: 'idle', error: unreachable, notice: NO_DRAFT_TO_QUEUE });
  });

  it('other errors are shown as before and never queued', async () => {
    const h = await atCheck('d1');
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: false, error: { code: 'mesh.denied', message: 'The key was refused.' } });
    await tick();
    expect(h.calls.some((c) => c.name === 'outbox.add')).toBe(false);
    expect(h.s().publish).toMatchObject({ stage: 'idle', error: { code: 'mesh.denied' }, queued: null });
  });
});
