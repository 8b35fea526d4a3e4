// "Edit description" through the real store against a scripted host: the product page's button
// makes and opens a metadata-only draft on Describe (no file step), Publish prepares with
// publish.prepareMeta (words only: no sheet, no header row) and runs with publish.run, further
// edits start from the new version, an unreachable mesh queues the draft, and a refusal of
// draft.fromProduct comes back to the page in words.
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, PublishProposal, PublishResult } from '../../../shared/core/api/contract';
import type { DraftContent, OpenedDraft } from '../../../shared/core/api/draft-types';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';
import { createImportStore } from '../../../renderer/src/state/import-store';
import * as D from '../../../renderer/src/state/describe-state';
import { metaEditColumns } from '../../../renderer/src/state/meta-edit-state';

const content: DraftContent = {
  meta: { name: 'weekly-sales', title: 'Weekly sales', owner: { name: 'Anna', email: 'anna@example.com' }, columns: { id: { type: 'integer', primaryKey: true, required: true, unique: true, description: 'Sale' }, region: { type: 'text', description: 'Region' } } },
  waivers: [],
  metadataOnly: true,
  base: { product: 'weekly-sales', version: '1.2.0', meshId: 'this-computer' },
  columns: [{ name: 'id', type: 'integer' }, { name: 'region', type: 'text' }],
  step: 'describe',
};

const proposal: PublishProposal = {
  planId: 'plan1', meshName: 'This computer', mesh: 'file:///m', product: 'weekly-sales', address: 'file:///m/weekly-sales/product.yaml',
  current: { version: '1.2.0' }, version: '1.2.1', required: 'patch', changes: [], reason: 'only the descriptions changed → patch. no data is sent',
  choices: [{ bump: 'major', version: '2.0.0' }, { bump: 'minor', version: '1.3.0' }, { bump: 'patch', version: '1.2.1' }],
  endpoints: [{ name: 'default', sheet: 'weekly-sales', rows: 120, columns: 2, parts: 0 }], partRows: 1000,
  check: { findings: [], blocking: 0, warnings: 0, canPublish: true, suggestions: [], partRows: 1000 }, policySource: 'built-in',
};
const result: PublishResult = { product: 'weekly-sales', version: '1.2.1', address: 'file:///m/weekly-sales/product.yaml', mesh: 'file:///m', publishedAt: '2026-11-21T10:00:00.000Z', rows: 120, parts: 0, bytes: 0, catalogUpdated: true, cleanedUp: 0 };

function host(o: { fromProduct?: Result<unknown>; prepare?: Result<unknown>; run?: Result<unknown> } = {}) {
  const calls: { name: CallName; input: any }[] = [];
  const answers: Partial<Record<CallName, Result<unknown>>> = {
    'draft.fromProduct': o.fromProduct ?? { ok: true, value: { id: 'd1', title: 'Weekly sales', createdAt: '', updatedAt: '', state: 'draft', metadataOnly: true } },
    'draft.open': { ok: true, value: { summary: { id: 'd1', title: 'Weekly sales', createdAt: '', updatedAt: '2026-11-21T10:00:00.000Z', state: 'draft', metadataOnly: true, base: { product: 'weekly-sales', version: '1.2.0' } }, content, source: null, sourceCheck: { status: 'none' } } satisfies OpenedDraft },
    'draft.save': { ok: true, value: { id: 'd1', title: 'Weekly sales', createdAt: '', updatedAt: '', state: 'draft', metadataOnly: true } },
    'publish.prepareMeta': o.prepare ?? { ok: true, value: proposal },
    'publish.run': o.run ?? { ok: true, value: result },
    'outbox.add': { ok: true, value: { id: 'job1', product: 'weekly-sales', meshName: 'This computer', mesh: 'file:///m', queuedAt: '', queuedBy: 'app', state: 'waiting', attempts: 0, baseVersion: '1.2.0', metadataOnly: true } },
  };
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input });
      const a = answers[name];
      return Promise.resolve((a ?? { ok: false, error: { code: 'test.unscripted', message: name } }) as Result<CallOutput<K>>);
    },
    on: () => () => {},
    addLocalFile: () => Promise.resolve({ ok: false, error: { code: 'x', message: 'x' } }),
  };
  return { api, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('"Edit description" in the store', () => {
  it('opens a metadata-only draft on Describe, prepares with the words only and publishes it', async () => {
    const { api, calls } = host();
    const store = createImportStore(api, { newJobId: (() => { let n = 0; return () => `job${++n}`; })() });
    const a = store.getState().actions;
    expect(await a.editDescription('weekly-sales')).toBeNull();
    let s = store.getState();
    expect(s.screen).toBe('describe');
    expect(s.catalog.open).toBe(false);
    expect(s.draftInfo).toMatchObject({ metadataOnly: true, base: { product: 'weekly-sales', version: '1.2.0' } });
    expect(metaEditColumns(s).map((c) => `${c.letter}:${c.name}:${c.type}`)).toEqual(['A:id:integer', 'B:region:text']);

    a.updateDraft((d) => D.setColumnMeta(D.setProductField(d, 'title', 'Weekly sales by region'), 'region', { description: 'Where it was sold' }));
    a.goToMetaStep('publish');
    await settle();
    s = store.getState();
    expect(s.screen).toBe('publish');
    expect(s.publish.stage).toBe('ready');
    const prep = calls.find((c) => c.name === 'publish.prepareMeta')!;
    expect(prep.input).toMatchObject({ product: 'weekly-sales', baseVersion: '1.2.0', meta: { title: 'Weekly sales by region', columns: { region: { description: 'Where it was sold', type: 'text' } } } });
    expect(prep.input.meta.sheet).toBeUndefined();
    expect(prep.input.meta.headerRow).toBeUndefined();

    await a.runMetaPublish();
    s = store.getState();
    expect(calls.find((c) => c.name === 'publish.run')!.input).toEqual({ jobId: 'job2', planId: 'plan1', draftId: 'd1' });
    expect(s.publish.stage).toBe('done');
    expect(s.publish.result?.version).toBe('1.2.1');
    // The next edit starts from the version just published.
    expect(s.draftInfo?.base?.version).toBe('1.2.1');
  });

  it('puts the draft in the outbox when the mesh cannot be reached', async () => {
    const { api, calls } = host({ prepare: { ok: false, error: { code: 'mesh.unreachable', message: 'The mesh folder cannot be reached.' } } });
    const store = createImportStore(api);
    const a = store.getState().actions;
    await a.editDescription('weekly-sales');
    await a.prepareMetaPublish();
    const s = store.getState();
    expect(calls.find((c) => c.name === 'outbox.add')!.input).toEqual({ draftId: 'd1' });
    expect(s.publish.stage).toBe('done');
    expect(s.publish.queued?.job.id).toBe('job1');
  });

  it('returns a refusal of draft.fromProduct to the page and stays where it was', async () => {
    const { api } = host({ fromProduct: { ok: false, error: { code: 'product.offline-unknown', message: 'Open this product once while connected.' } } });
    const store = createImportStore(api);
    const before = store.getState().screen;
    const err = await store.getState().actions.editDescription('weekly-sales');
    expect(err?.message).toMatch(/Open this product once/);
    expect(store.getState().screen).toBe(before);
    expect(store.getState().draftInfo).toBeNull();
  });

  it('ignores the metadata-only step moves outside such a draft', () => {
    const { api, calls } = host();
    const store = createImportStore(api);
    store.getState().actions.goToMetaStep('publish');
    expect(store.getState().screen).toBe('home');
    expect(calls.some((c) => c.name === 'publish.prepareMeta')).toBe(false);
  });
});
