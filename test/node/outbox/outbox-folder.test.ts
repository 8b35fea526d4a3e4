// Node only (tests). The outbox with a folder mesh and the app's real pieces (worker threads,
// the draft store, mesh settings): exactly once when the reply of a commit was lost, conflicts
// shown with both sides and nothing overwritten, the three answers to a conflict, a file changed
// after queuing, and a folder mesh whose drive is gone.

import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { metaFromContract } from '../../../shared/core/contract/meta-from-contract';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { readCurrentProduct } from '../../../shared/core/publish/mesh-state';
import { createOutboxHandlers, createOutboxService, disposeOutboxServices } from '../../../shared/node/api/outbox-handlers';
import { openDraftStore } from '../../../shared/node/drafts/draft-store';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import { OutboxStore } from '../../../shared/node/outbox/outbox-store';
import { prepareFilePublish, runFilePublish } from '../../../shared/node/publish/publish-file';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv, salesMeta } from '../publish/publish-fixtures';
import { errorOf, eventLog, makeDraft, value, versionsOf } from './outbox-fixtures';

const root = tempDir('mesh-desk-outbox-folder-');
const jobs = new JobRunner();
afterAll(async () => {
  await disposeOutboxServices();
  await jobs.close();
  rmSync(root, { recursive: true, force: true });
});

let appNo = 0;
function app() {
  const dir = join(root, `app-${++appNo}`);
  const dataDir = join(dir, 'data');
  const meshDir = join(dir, 'mesh');
  mkdirSync(meshDir, { recursive: true });
  const settings = new MeshSettingsStore(dataDir, memorySecretStore(), meshDir);
  const log = eventLog();
  const deps = { dataDir, settings, jobs, broadcast: log.emit, mode: 'browser' as const, version: 't', sources: new SourceRegistry({ dataDir }), saveTarget: async () => null };
  const service = createOutboxService(deps, { autoSend: false });
  const handlers = createOutboxHandlers(deps, service);
  return { dir, dataDir, meshDir, url: pathToFileURL(meshDir).href, settings, log, handlers };
}

/** Someone publishing directly (another owner, another computer). */
async function publishDirect(url: string, path: string, meta: ProductMeta, opts: { publisher?: string; publishId?: string } = {}) {
  const plan = value(await prepareFilePublish({ mesh: { url }, path, fileName: 'sales.csv', sheets: [{}], meta }));
  return value(await runFilePublish({ mesh: { url }, path, plan, ...(opts.publisher ? { publisher: opts.publisher } : {}), ...(opts.publishId ? { publishId: opts.publishId } : {}) }));
}

async function draftState(dataDir: string, id: string) {
  return (await openDraftStore(dataDir)).get(id);
}

describe('outbox with a folder mesh', () => {
  it('refuses to queue a draft without a file, in words', async () => {
    const a = app();
    const drafts = await openDraftStore(a.dataDir);
    const d = await drafts.create({ meta: salesMeta('no-file'), waivers: [] });
    const e = errorOf(await a.handlers['outbox.add']({ draftId: d.id }, a.log.ctx));
    expect(e.code).toBe('outbox.no-file');
    expect(e.message).toMatch(/no file yet/);
    expect(value(await a.handlers['outbox.list']({}, a.log.ctx)).jobs).toEqual([]);
  });

  it('the lost reply: a commit that landed with the job\'s publish id is recognized as delivered, never sent twice', async () => {
    const a = app();
    const file = salesCsv(a.dir, 300);
    const draftId = await makeDraft(a.dataDir, file, salesMeta('lost-reply'));
    const job = value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    expect(a.log.views().at(-1)?.jobs.map((j) => j.id)).toEqual([job.id]);
    // The send committed, then the app died before it could mark the job.
    const stored = (await (await OutboxStore.open(a.dataDir)).get(job.id))!;
    await publishDirect(a.url, file, salesMeta('lost-reply'), { publishId: stored.publishId });
    expect((await versionsOf(a.url, 'lost-reply')).length).toBe(1);

    const view = value(await a.handlers['outbox.send']({ jobId: 'send-1' }, a.log.ctx));
    expect(view.jobs[0]).toMatchObject({ id: job.id, state: 'delivered', delivered: { version: '1.0.0' } });
    const history = await versionsOf(a.url, 'lost-reply');
    expect(history.map((h) => h.version)).toEqual(['1.0.0']);
    expect(history[0]!.publishId).toBe(stored.publishId);
    expect(await draftState(a.dataDir, draftId)).toMatchObject({ state: 'published', published: { version: '1.0.0' } });
    // Publishing the same draft again builds on its own first version: no conflict with itself.
    const next = value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    expect(next.baseVersion).toBe('1.0.0');
    const after = value(await a.handlers['outbox.send']({ jobId: 'send-2' }, a.log.ctx));
    expect(after.jobs.find((j) => j.id === next.id)).toMatchObject({ state: 'delivered', delivered: { version: '1.0.1' } });
  }, 120_000);

  it('sends in order, each once; progress carries the send\'s job id', async () => {
    const a = app();
    const f1 = salesCsv(a.dir, 200, { name: 'one.csv' });
    const f2 = salesCsv(a.dir, 250, { name: 'two.csv' });
    const d1 = await makeDraft(a.dataDir, f1, salesMeta('first-product'));
    const d2 = await makeDraft(a.dataDir, f2, salesMeta('second-product'));
    const j1 = value(await a.handlers['outbox.add']({ draftId: d1 }, a.log.ctx));
    const j2 = value(await a.handlers['outbox.add']({ draftId: d2, bump: 'minor' }, a.log.ctx));
    expect(errorOf(await a.handlers['outbox.add']({ draftId: d1 }, a.log.ctx)).code).toBe('outbox.already-queued');
    const view = value(await a.handlers['outbox.send']({ jobId: 'send-all' }, a.log.ctx));
    expect(view.jobs.map((j) => [j.id, j.state])).toEqual([[j1.id, 'delivered'], [j2.id, 'delivered']]);
    const t1 = (await versionsOf(a.url, 'first-product'))[0]!.publishedAt;
    const t2 = (await versionsOf(a.url, 'second-product'))[0]!.publishedAt;
    expect(t1 <= t2).toBe(true);
    const progress = a.log.events.filter((e) => e.name === 'job.progress').map((e) => e.payload as { jobId: string; phase: string });
    expect(progress.every((p) => p.jobId === 'send-all')).toBe(true);
    expect(progress.filter((p) => p.phase === 'done').length).toBe(2);
    // Nothing left to send.
    value(await a.handlers['outbox.send']({ jobId: 'again' }, a.log.ctx));
    expect((await versionsOf(a.url, 'first-product')).length).toBe(1);
    expect((await versionsOf(a.url, 'second-product')).length).toBe(1);
  }, 120_000);

  it('a file changed after queuing is not sent; the job fails with the reason and can be removed', async () => {
    const a = app();
    const file = salesCsv(a.dir, 100);
    const draftId = await makeDraft(a.dataDir, file, salesMeta('changed-file'));
    const job = value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    appendFileSync(file, '101;North;1,00;01.01.2024;00101\r\n');
    const view = value(await a.handlers['outbox.send']({ jobId: 's' }, a.log.ctx));
    expect(view.jobs[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(view.jobs[0]!.reason).toMatch(/"sales\.csv" has changed since this publish was queued/);
    expect(await versionsOf(a.url, 'changed-file')).toEqual([]);
    expect(await draftState(a.dataDir, draftId)).toMatchObject({ state: 'failed', stateReason: view.jobs[0]!.reason });
    const removed = value(await a.handlers['outbox.remove']({ id: job.id }, a.log.ctx));
    expect(removed.jobs).toEqual([]);
    const draft = await draftState(a.dataDir, draftId);
    expect(draft?.state).toBe('draft');
    expect(draft?.outboxId).toBeUndefined();
  }, 120_000);

  it('a folder mesh on a drive that is gone: the job waits (unreachable), and goes out when the drive is back', async () => {
    const a = app();
    const drive = join(a.dir, 'network-drive');
    const meshUrl = pathToFileURL(join(drive, 'mesh')).href;
    const settings = value(await a.settings.save({ name: 'Shared drive', url: meshUrl }));
    expect(settings.activeMeshId).not.toBe('this-computer');
    const file = salesCsv(a.dir, 100);
    // publish.prepare's answer while the drive is gone.
    const prepared = await prepareFilePublish({ mesh: { url: meshUrl }, path: file, fileName: 'sales.csv', sheets: [{}], meta: salesMeta('drive-product') });
    expect(errorOf(prepared).code).toBe('mesh.unreachable');
    const draftId = await makeDraft(a.dataDir, file, salesMeta('drive-product'));
    value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    const first = value(await a.handlers['outbox.send']({ jobId: 's1' }, a.log.ctx));
    expect(first.jobs[0]).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(first.jobs[0]!.reason).toMatch(/cannot be reached/);
    expect(existsSync(drive)).toBe(false);
    mkdirSync(drive);
    const second = value(await a.handlers['outbox.send']({ jobId: 's2' }, a.log.ctx));
    expect(second.jobs[0]).toMatchObject({ state: 'delivered', delivered: { version: '1.0.0' } });
  }, 120_000);
});

describe('what the outbox refuses to send', () => {
  it('a blocking finding of the mesh\'s rules fails the job with the finding in words', async () => {
    const a = app();
    mkdirSync(join(a.meshDir, '_governance'), { recursive: true });
    writeFileSync(join(a.meshDir, '_governance', 'policy.yaml'), 'policyVersion: 1\nrequiredProductFields: [name, title, license]\n');
    const file = salesCsv(a.dir, 50);
    const draftId = await makeDraft(a.dataDir, file, salesMeta('ruled-out'));
    value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    const view = value(await a.handlers['outbox.send']({ jobId: 's' }, a.log.ctx));
    expect(view.jobs[0]!.state).toBe('failed');
    expect(view.jobs[0]!.reason).toMatch(/^"sales\.csv" was not sent: the mesh's rules say .*licen[cs]e/i);
    expect(await versionsOf(a.url, 'ruled-out')).toEqual([]);
  }, 120_000);
});

describe('metadata-only jobs', () => {
  it('an edited description queued offline goes out as a new version that reuses the data', async () => {
    const a = app();
    const file = salesCsv(a.dir, 60);
    const meta = salesMeta('described');
    await publishDirect(a.url, file, meta);
    const drafts = await openDraftStore(a.dataDir);
    const edited: ProductMeta = { ...meta, description: 'Sales by day, now with better words' };
    const d = await drafts.create({ meta: edited, waivers: [], metadataOnly: true, base: { product: 'described', version: '1.0.0' }, columns: [{ name: 'id', type: 'integer' }] });
    const job = value(await a.handlers['outbox.add']({ draftId: d.id }, a.log.ctx));
    expect(job).toMatchObject({ metadataOnly: true, baseVersion: '1.0.0' });
    expect(job.source).toBeUndefined();
    const view = value(await a.handlers['outbox.send']({ jobId: 's' }, a.log.ctx));
    expect(view.jobs[0]).toMatchObject({ state: 'delivered', delivered: { version: '1.0.1' } });
    const history = await versionsOf(a.url, 'described');
    expect(history.map((h) => [h.version, h.metadataOnly === true])).toEqual([['1.0.1', true], ['1.0.0', false]]);
  }, 120_000);
});

describe('conflicts', () => {
  /** v1.0.0 by Anna; the owner's draft edits it and is queued; meanwhile Ben publishes v1.1.0. */
  async function conflicted() {
    const a = app();
    const file = salesCsv(a.dir, 150);
    const base = salesMeta('shared-sales');
    await publishDirect(a.url, file, base, { publisher: 'Anna Berg' });
    const mine: ProductMeta = { ...base, title: 'Sales (my words)', columns: { ...base.columns, region: { description: 'Region of the shop' } } };
    const draftId = await makeDraft(a.dataDir, file, mine, { base: { product: 'shared-sales', version: '1.0.0' } });
    const job = value(await a.handlers['outbox.add']({ draftId }, a.log.ctx));
    expect(job.baseVersion).toBe('1.0.0');
    const benFile = salesCsv(join(a.dir), 150, { name: 'ben.csv', extraColumn: true });
    const theirs: ProductMeta = { ...salesMeta('shared-sales', { extraColumn: true }), title: 'Sales by Ben', description: 'Sales by day, all shops' };
    await publishDirect(a.url, benFile, theirs, { publisher: 'Ben Other' });
    const view = value(await a.handlers['outbox.send']({ jobId: 's' }, a.log.ctx));
    return { a, draftId, job: view.jobs[0]!, mine, theirs };
  }

  it('shows both sides and overwrites nothing', async () => {
    const { a, draftId, job } = await conflicted();
    expect(job.state).toBe('conflict');
    expect(job.reason).toMatch(/^Ben Other published version 1\.1\.0 of "shared-sales" .* after the version 1\.0\.0 you started from\. Nothing was sent/);
    const c = job.conflict!;
    expect(c.baseVersion).toBe('1.0.0');
    expect(c.theirs).toMatchObject({ version: '1.1.0', publishedBy: 'Ben Other', meta: { title: 'Sales by Ben' } });
    expect(c.theirs.columns.map((x) => x.name)).toContain('note');
    expect(c.mine.meta.title).toBe('Sales (my words)');
    expect(c.mine.columns.map((x) => x.name)).toEqual(['id', 'region', 'amount', 'day', 'code']);
    expect(c.fields).toEqual(expect.arrayContaining([
      { path: 'title', label: 'Title', theirs: 'Sales by Ben', mine: 'Sales (my words)', base: 'Sales demo' },
      expect.objectContaining({ path: 'columns.region.description', theirs: 'Sales region', mine: 'Region of the shop', base: 'Sales region' }),
    ]));
    expect(c.schemaChanges).toContain('Column "note" is in their version but not in yours.');
    // Both versions intact, theirs on top.
    const history = await versionsOf(a.url, 'shared-sales');
    expect(history.map((h) => h.version)).toEqual(['1.1.0', '1.0.0']);
    const store = value(openMesh(a.url)).store;
    for (const h of history) expect(await store.head(`shared-sales/${h.contract}`)).not.toBeNull();
    expect(await draftState(a.dataDir, draftId)).toMatchObject({ state: 'conflict', stateReason: job.reason });
    // Sending again changes nothing: a conflict waits for the owner.
    value(await a.handlers['outbox.send']({ jobId: 's2' }, a.log.ctx));
    expect((await versionsOf(a.url, 'shared-sales')).length).toBe(2);
  }, 120_000);

  it('keep theirs: the job goes, the draft stays as a draft', async () => {
    const { a, draftId, job } = await conflicted();
    const view = value(await a.handlers['outbox.resolve']({ id: job.id, choice: 'theirs' }, a.log.ctx));
    expect(view.jobs).toEqual([]);
    const draft = await draftState(a.dataDir, draftId);
    expect(draft?.state).toBe('draft');
    expect(draft?.content.meta.title).toBe('Sales (my words)');
    expect((await versionsOf(a.url, 'shared-sales')).length).toBe(2);
  }, 120_000);

  it('keep mine, field by field: sent on top of their version', async () => {
    const { a, draftId, job } = await conflicted();
    const view = value(await a.handlers['outbox.resolve']({ id: job.id, choice: 'mine', fields: { title: 'theirs' } }, a.log.ctx));
    expect(view.jobs[0]).toMatchObject({ state: 'waiting', baseVersion: '1.1.0' });
    expect(view.jobs[0]!.conflict).toBeUndefined();
    const sent = value(await a.handlers['outbox.send']({ jobId: 's3' }, a.log.ctx));
    expect(sent.jobs[0]!.state).toBe('delivered');
    const opened = value(openMesh(a.url));
    const current = value(await readCurrentProduct(opened.store, 'shared-sales'))!;
    expect(current.history.map((h) => h.version)).toEqual([current.version, '1.1.0', '1.0.0']);
    // The owner's file has no "note" column: that is a major change against their version.
    expect(current.version).toBe('2.0.0');
    const meta = metaFromContract(current.contract!).meta;
    expect(meta.title).toBe('Sales by Ben');
    expect(meta.columns?.region?.description).toBe('Region of the shop');
    const draft = await draftState(a.dataDir, draftId);
    expect(draft).toMatchObject({ state: 'published', published: { version: '2.0.0' } });
    expect(draft?.content.meta.title).toBe('Sales by Ben');
    expect(draft?.content.base).toMatchObject({ version: '1.1.0' });
  }, 120_000);

  it('rebase: the draft takes their version as its base and keeps the owner\'s own changes', async () => {
    const { a, draftId, job } = await conflicted();
    const view = value(await a.handlers['outbox.resolve']({ id: job.id, choice: 'rebase' }, a.log.ctx));
    expect(view.jobs).toEqual([]);
    const draft = (await draftState(a.dataDir, draftId))!;
    expect(draft.state).toBe('draft');
    expect(draft.outboxId).toBeUndefined();
    expect(draft.content.base).toMatchObject({ product: 'shared-sales', version: '1.1.0' });
    expect(draft.content.meta.title).toBe('Sales (my words)');
    expect(draft.content.meta.description).toBe('Sales by day, all shops');
    expect(draft.content.meta.columns?.region?.description).toBe('Region of the shop');
    expect(draft.content.meta.columns?.note?.description).toBe('A note');
    expect((await versionsOf(a.url, 'shared-sales')).length).toBe(2);
  }, 120_000);
});
