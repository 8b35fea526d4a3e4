// The Publish step and Settings through the real store against a scripted host: prepare sends
// what the Check step used, late answers of older jobs are dropped, the chosen version goes to
// publish.run, a lost race keeps the draft, and settings answers never go back in time.
import { describe, expect, it } from 'vitest';
import type { CallInput, MeshSettings, PublishProposal, PublishResult, SourceOverview } from '../../../shared/core/api/contract';
import type { ColumnProfile, InspectReport } from '../../../shared/core/inspect/report';
import { scriptedHost } from './scripted-host';
import { createImportStore } from '../../../renderer/src/state/import-store';
import * as D from '../../../renderer/src/state/describe-state';
import { PREPARE_STOPPED } from '../../../renderer/src/state/publish-state';

const scripted = () => scriptedHost(() => Promise.resolve({ ok: true, value: overview.source }));

const column = (index: number, letter: string, name: string, type: ColumnProfile['type']): ColumnProfile => ({
  index, letter, name, header: name, type, inferredType: type, filled: 3, empty: 0, distinct: 3, distinctExact: true,
  min: null, max: null, top: [], nonConforming: 0, examples: [],
});
const overview: SourceOverview = { source: { id: 'src1', name: 'Price list.csv', size: 100 }, format: 'csv', sheets: [{ name: 'Price list', index: 0 }], problems: [] };
const sheet = {
  name: 'Price list', headerRow: 1, headerDetected: true, rows: 3,
  columns: [column(0, 'A', 'Code', 'text'), column(1, 'B', 'Price', 'number')],
  preview: { rowNumbers: [2, 3, 4], cells: [], truncated: false },
};
const report: InspectReport = { file: 'Price list.csv', format: 'csv', sheetList: overview.sheets, sheets: [sheet], problems: [], elapsedMs: 1 };
const outcome = { findings: [], blocking: 0, warnings: 0, canPublish: true, suggestions: [], partRows: 1000 };
const checked: InspectReport = { ...report, check: outcome };

const proposal = (planId: string, patch: Partial<PublishProposal> = {}): PublishProposal => ({
  planId, meshName: 'Local mesh', mesh: 'file:///home/me/Mesh', product: 'price-list', address: 'file:///home/me/Mesh/price-list/product.yaml',
  current: { version: '1.1.0' }, version: '2.0.0', required: 'major', changes: [{ level: 'major', text: 'column "region" removed', endpoint: 'default', column: 'region' }],
  reason: 'column "region" removed → major', choices: [{ bump: 'major', version: '2.0.0' }],
  endpoints: [{ name: 'default', sheet: 'Price list', rows: 3, columns: 2, parts: 1 }], partRows: 1000, check: outcome, policySource: 'mesh',
  ...patch,
});
const published: PublishResult = {
  product: 'price-list', version: '2.0.0', address: 'file:///home/me/Mesh/price-list/product.yaml', mesh: 'file:///home/me/Mesh',
  publishedAt: '2026-01-02T03:04:05Z', rows: 3, parts: 1, bytes: 120, catalogUpdated: true, cleanedUp: 0,
};

async function atCheck() {
  const h = scripted();
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
  (await h.next('inspect.run')).answer({ ok: true, value: checked });
  await new Promise((r) => setTimeout(r, 0));
  return { ...h, store, s: () => store.getState(), a };
}

describe('publish step', () => {
  it('is not reachable before Publish… and prepares with the inputs the check used', async () => {
    const h = await atCheck();
    h.a.goTo('publish');
    expect(h.s().screen).toBe('check');
    h.a.updateDraft((d) => D.addWaiver(d, { code: 'check.spaces', sheet: 'Price list', column: 'A' }, 'Spaces are harmless here', '2026-01-01T00:00:00Z'));
    void h.a.startPublish();
    expect(h.s().screen).toBe('publish');
    const prep = await h.next('publish.prepare');
    const input = prep.input as CallInput<'publish.prepare'>;
    const checkInput = h.calls.filter((c) => c.name === 'inspect.run').at(-1)!.input as CallInput<'inspect.run'>;
    expect(input).toMatchObject({ jobId: expect.any(String), sourceId: 'src1', sheet: 'Price list', meta: checkInput.meta });
    expect(input.waivers).toEqual([expect.objectContaining({ code: 'check.spaces', reason: 'Spaces are harmless here' })]);
    expect(h.s().publish.stage).toBe('preparing');
    prep.answer({ ok: true, value: proposal('plan1') });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish).toMatchObject({ stage: 'ready', bump: 'major', proposal: { planId: 'plan1' } });
  });

  it('drops the answer and progress of an older prepare once a newer one runs', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    const first = await h.next('publish.prepare');
    void h.a.preparePublish();
    const second = await h.next('publish.prepare');
    const firstId = (first.input as { jobId: string }).jobId;
    expect(h.calls).toContainEqual({ name: 'job.cancel', input: { jobId: firstId } });
    h.emit({ jobId: firstId, phase: 'reading', bytesDone: 5, bytesTotal: 10, rows: 1 });
    expect(h.s().publish.job?.progress).toBeNull();
    second.answer({ ok: true, value: proposal('plan2') });
    await new Promise((r) => setTimeout(r, 0));
    first.answer({ ok: true, value: proposal('plan1') });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish.proposal?.planId).toBe('plan2');
  });

  it('publishes the chosen higher version, shows progress, and ends on the success page', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: true, value: proposal('plan1', { required: 'minor', version: '1.2.0', choices: [{ bump: 'minor', version: '1.2.0' }, { bump: 'major', version: '2.0.0' }] }) });
    await new Promise((r) => setTimeout(r, 0));
    h.a.chooseBump('patch'); // not offered: ignored
    expect(h.s().publish.bump).toBe('minor');
    h.a.chooseBump('major');
    void h.a.runPublish();
    const run = await h.next('publish.run');
    const jobId = (run.input as { jobId: string }).jobId;
    expect(run.input).toEqual({ jobId, planId: 'plan1', bump: 'major' });
    h.emit({ jobId, phase: 'uploading', bytesDone: 50, bytesTotal: 100, rows: 2, partsDone: 1, bytesSent: 60 });
    expect(h.s().publish.job?.progress?.partsDone).toBe(1);
    void h.a.runPublish(); // a second press while running sends nothing
    run.answer({ ok: true, value: published });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.calls.filter((c) => c.name === 'publish.run')).toHaveLength(1);
    expect(h.s().publish).toMatchObject({ stage: 'done', result: { version: '2.0.0' } });
    h.a.publishAgain();
    expect(h.s().screen).toBe('check');
    expect(h.s().publish.stage).toBe('idle');
    expect(h.s().draft.meta.name).toBe('price-list');
  });

  it('sends no bump when the owner keeps the required one', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: true, value: proposal('plan1') });
    await new Promise((r) => setTimeout(r, 0));
    void h.a.runPublish();
    const run = await h.next('publish.run');
    expect(run.input).toEqual({ jobId: expect.any(String), planId: 'plan1' });
  });

  it('keeps the draft when someone else published first, and checks again on request', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: true, value: proposal('plan1') });
    await new Promise((r) => setTimeout(r, 0));
    void h.a.runPublish();
    (await h.next('publish.run')).answer({ ok: false, error: { code: 'publish.lost-race', message: 'Ana published 2.0.0 a moment ago.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish).toMatchObject({ stage: 'ready', conflict: { message: 'Ana published 2.0.0 a moment ago.' }, error: null });
    expect(h.s().draft.meta.name).toBe('price-list');
    void h.a.runPublish(); // no Publish while the conflict is shown
    void h.a.preparePublish();
    const again = await h.next('publish.prepare');
    expect(h.calls.filter((c) => c.name === 'publish.run')).toHaveLength(1);
    again.answer({ ok: true, value: proposal('plan2', { current: { version: '2.0.0' }, version: '3.0.0' }) });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish).toMatchObject({ stage: 'ready', conflict: null, proposal: { planId: 'plan2' } });
  });

  it('cancels a prepare through job.cancel and says nothing was published', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    const prep = await h.next('publish.prepare');
    const jobId = (prep.input as { jobId: string }).jobId;
    await h.a.cancelPublish();
    expect(h.calls).toContainEqual({ name: 'job.cancel', input: { jobId } });
    expect(h.s().publish.job?.cancelling).toBe(true);
    prep.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish).toMatchObject({ stage: 'idle', notice: PREPARE_STOPPED, job: null });
  });

  it('refuses a new file while publishing, and prepares again when the mesh changed in Settings', async () => {
    const h = await atCheck();
    void h.a.startPublish();
    (await h.next('publish.prepare')).answer({ ok: true, value: proposal('plan1') });
    await new Promise((r) => setTimeout(r, 0));
    // Settings: switching mesh bumps the revision; closing on the Publish step prepares again.
    void h.a.openSettings();
    (await h.next('settings.get')).answer({ ok: true, value: settings('local') });
    void h.a.useMesh('cloud');
    (await h.next('mesh.use')).answer({ ok: true, value: settings('cloud') });
    await new Promise((r) => setTimeout(r, 0));
    h.a.closeSettings();
    const again = await h.next('publish.prepare');
    again.answer({ ok: true, value: proposal('plan2', { meshName: 'Cloud' }) });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.s().publish.proposal?.meshName).toBe('Cloud');
    void h.a.runPublish();
    await h.next('publish.run');
    await h.a.addFile({ name: 'other.csv', size: 1, lastModified: 0 });
    expect(h.s().notice).toMatch(/still publishing/);
    expect(h.s().overview?.source.id).toBe('src1');
  });
});

const settings = (active: string): MeshSettings => ({
  meshes: [
    { id: 'local', name: 'Local mesh', url: 'file:///home/me/Mesh', kind: 'file', hasSavedKeys: false, builtIn: true },
    { id: 'cloud', name: 'Cloud', url: 's3://acme-mesh', kind: 's3', hasSavedKeys: true, builtIn: false },
  ],
  activeMeshId: active,
  keysPersist: false,
});

describe('settings', () => {
  it('never lets an older settings answer overwrite a newer one', async () => {
    const h = scripted();
    const store = createImportStore(h.api);
    const a = store.getState().actions;
    void a.openSettings();
    const get = await h.next('settings.get');
    void a.useMesh('cloud');
    (await h.next('mesh.use')).answer({ ok: true, value: settings('cloud') });
    await new Promise((r) => setTimeout(r, 0));
    get.answer({ ok: true, value: settings('local') });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().settings.settings?.activeMeshId).toBe('cloud');
    expect(store.getState().settings.notice).toBe('Products will now be published to “Cloud”.');
  });

  it('tests and saves the form; a stale test answer is dropped and the secret is not kept', async () => {
    const h = scripted();
    const store = createImportStore(h.api);
    const a = store.getState().actions;
    const st = () => store.getState().settings;
    void a.openSettings();
    (await h.next('settings.get')).answer({ ok: true, value: settings('local') });
    await new Promise((r) => setTimeout(r, 0));
    expect(st().form).not.toBeNull();
    await a.saveMesh(); // empty form: nothing sent, errors shown
    expect(st().tried).toBe(true);
    expect(h.calls.some((c) => c.name === 'mesh.save')).toBe(false);

    a.editMeshForm((f) => ({ ...f, name: 'Minio', kind: 's3', bucket: 'mesh', endpoint: 'http://127.0.0.1:9000', pathStyle: true, credentials: 'keys', accessKeyId: 'AK', secretAccessKey: 'SK' }));
    void a.testMesh();
    const test = await h.next('mesh.test');
    expect(test.input).toEqual({ draft: { name: 'Minio', url: 's3://mesh?endpoint=http://127.0.0.1:9000&pathStyle=true', accessKeyId: 'AK', secretAccessKey: 'SK' } });
    a.editMeshForm((f) => ({ ...f, name: 'MinIO' }));
    test.answer({ ok: true, value: { message: 'Connected.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(st().test).toBeNull();

    void a.testMesh();
    (await h.next('mesh.test')).answer({ ok: false, error: { code: 'mesh.denied', message: 'The store refused the keys.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(st().test).toMatchObject({ running: false, ok: false, message: 'The store refused the keys.' });

    void a.saveMesh();
    const save = await h.next('mesh.save');
    expect(save.input).toMatchObject({ name: 'MinIO', accessKeyId: 'AK', secretAccessKey: 'SK' });
    save.answer({ ok: true, value: settings('local') });
    await new Promise((r) => setTimeout(r, 0));
    expect(st()).toMatchObject({ notice: 'Saved “MinIO”.', busy: null, form: { name: '', secretAccessKey: '' } });

    a.startMeshForm('cloud');
    expect(st().form).toMatchObject({ id: 'cloud', hasSavedKeys: true, accessKeyId: '', secretAccessKey: '' });
    a.editMeshForm((f) => ({ ...f, secretAccessKey: 'typed' }));
    a.closeSettings();
    expect(st()).toMatchObject({ open: false, form: { id: 'cloud', secretAccessKey: '' } });
  });

  it('shows a failed change as an error and keeps the settings on screen', async () => {
    const h = scripted();
    const store = createImportStore(h.api);
    const a = store.getState().actions;
    void a.openSettings();
    (await h.next('settings.get')).answer({ ok: true, value: settings('local') });
    void a.removeMesh('cloud');
    expect(store.getState().settings.busy).toMatchObject({ call: 'remove', meshId: 'cloud' });
    (await h.next('mesh.remove')).answer({ ok: false, error: { code: 'mesh.in-use', message: 'Choose another mesh first.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().settings).toMatchObject({ busy: null, error: { message: 'Choose another mesh first.' }, settings: { activeMeshId: 'local' } });
  });
});
