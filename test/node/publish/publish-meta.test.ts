// Node only (test). The metadata-only publish as the app and the outbox use it: prepareMetaPublish
// / runMetaPublish against a folder mesh and a real S3 API (moto_server: If-Match honoured), the
// publish.prepareMeta → publish.run handlers (one Publish button for both kinds of plan), the
// offline copy of the description they keep, and an export after the publish giving the same rows.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { ApiEvents, CallContext, EventName, JobProgress } from '../../../shared/core/api/contract';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { createMetaPublishHandlers } from '../../../shared/node/api/meta-publish-handlers';
import { createPublishHandlers } from '../../../shared/node/api/publish-handlers';
import type { HandlerDeps } from '../../../shared/node/api/handlers';
import { exportProduct } from '../../../shared/node/export/export-product';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import { recallProduct } from '../../../shared/node/products/product-cache';
import { prepareMetaPublish, runMetaPublish } from '../../../shared/node/publish/publish-meta';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import type { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { motoSkipReason, startMotoServer, type MotoServer } from '../../harness/moto-server';
import { tempDir } from '../../fixtures/make-fixtures';
import { publishSales } from './publish-sales';
import { salesCsv, salesMeta } from './publish-fixtures';
import { preparePublish } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { standardValidators } from '../../../shared/node/publish/publish-file';

const creds = { accessKeyId: 'test', secretAccessKey: 'test' };
const skipS3 = motoSkipReason();
const dir = tempDir('mesh-desk-publish-meta-');
let moto: MotoServer | undefined;
let plain: S3Client | undefined;

beforeAll(async () => {
  if (skipS3 !== null) return;
  moto = await startMotoServer();
  plain = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: creds, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
}, 60_000);

const jobs = new JobRunner();

afterAll(async () => {
  await jobs.close();
  plain?.destroy();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const events: JobProgress[] = [];
const ctx: CallContext = {
  emit<E extends EventName>(name: E, payload: ApiEvents[E]) {
    if (name === 'job.progress') events.push(payload as JobProgress);
  },
};

function edited(name: string): ProductMeta {
  const m = salesMeta(name);
  m.title = 'Weekly sales, edited on the train';
  m.columns!.amount = { description: 'Amount in EUR, VAT included' };
  return m;
}

async function exported(url: string, options: { credentials?: typeof creds }, product: string, version: string): Promise<string> {
  const mesh = openMesh(url, options);
  if (!mesh.ok) throw new Error(mesh.error.message);
  const path = join(tempDir(), `${product}-${version}.csv`);
  await exportProduct({ store: mesh.value.store, location: mesh.value.location, product, version, path, csv: { delimiter: ',', bom: false } });
  return readFileSync(path, 'utf8');
}

describe('prepareMetaPublish / runMetaPublish', () => {
  it.skipIf(skipS3 !== null)('publishes a description-only version on S3, writing no data part; the export gives the same rows', async () => {
    const bucket = `meta-${process.pid}`;
    await plain!.send(new CreateBucketCommand({ Bucket: bucket }));
    const url = `s3://${bucket}/mesh?endpoint=${moto!.endpoint}&region=us-east-1&pathStyle=true`;
    const opened = openMesh(url, { credentials: creds });
    if (!opened.ok) throw new Error(opened.error.message);
    // Publish v1.0.0 from a file through the real pipeline.
    const file = salesCsv(tempDir(), 75, { name: 'weekly.csv' });
    const bytes = await openFileByteSource(file, 'weekly.csv');
    try {
      const plan = await preparePublish({ store: opened.value.store, bytes, fileName: 'weekly.csv', sheets: [{}], meta: salesMeta('weekly'), now: Date.now });
      if (!plan.ok) throw new Error(plan.error.message);
      const out = await runPublish({ store: opened.value.store, location: opened.value.location, plan: plan.value, bytes, publishId: 'first', validators: await standardValidators(), now: Date.now });
      if (!out.ok) throw new Error(out.error.message);
    } finally {
      await bytes.close();
    }
    const listKeys = async () => ((await plain!.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'mesh/' }))).Contents ?? []).map((o) => o.Key!).sort();
    const before = await listKeys();

    const mesh = { url, options: { credentials: creds } };
    const plan = await prepareMetaPublish({ mesh, product: 'weekly', baseVersion: '1.0.0', meta: edited('weekly') });
    if (!plan.ok) throw new Error(plan.error.message);
    const progress: string[] = [];
    const out = await runMetaPublish({ mesh, plan: plan.value, publishId: 'queued-job-1', publisher: 'Anna Berg', onProgress: (p) => progress.push(p.phase) });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ product: 'weekly', version: '1.0.1', rows: 75, parts: 0, bytes: 0, mesh: url });
    expect(progress).toContain('committing');
    const added = (await listKeys()).filter((k) => !before.includes(k));
    expect(added.some((k) => k.includes('datapart'))).toBe(false);
    expect(added.filter((k) => !k.startsWith('mesh/_publishing')).length).toBe(2);

    expect(await exported(url, { credentials: creds }, 'weekly', '1.0.1')).toBe(await exported(url, { credentials: creds }, 'weekly', '1.0.0'));

    // A second sender with the same plan (a retry whose answer was lost) is refused: the base moved.
    const again = await runMetaPublish({ mesh, plan: plan.value, publishId: 'someone-else' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('publish.lost-race');
  }, 120_000);
});

describe('an unreachable mesh', () => {
  it('answers mesh.unreachable when the folder mesh is gone, so the page can queue the edit', async () => {
    const meshDir = join(dir, 'gone-mesh');
    await publishSales(meshDir, 'weekly-sales', 5);
    const mesh = { url: `file://${meshDir}` };
    const plan = await prepareMetaPublish({ mesh, product: 'weekly-sales', baseVersion: '1.0.0', meta: edited('weekly-sales') });
    if (!plan.ok) throw new Error(plan.error.message);
    rmSync(meshDir, { recursive: true, force: true });
    const again = await prepareMetaPublish({ mesh, product: 'weekly-sales', baseVersion: '1.0.0', meta: edited('weekly-sales') });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'mesh.unreachable' });
    const run = await runMetaPublish({ mesh, plan: plan.value, publishId: 'x' });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error.code).toBe('mesh.unreachable');
  }, 60_000);
});

describe('publish.prepareMeta → publish.run', () => {
  it('proposes a patch that sends no data, publishes it with the one Publish button, and keeps the description for offline use', async () => {
    const dataDir = join(dir, 'data');
    const meshDir = join(dir, 'mesh');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), meshDir);
    await settings.view();
    await publishSales(meshDir, 'weekly-sales', 60);
    // A metadata-only plan never touches the file registry; it runs in a worker like a file publish.
    const unused = new Proxy({}, { get: () => { throw new Error('not used by a metadata-only publish'); } });
    const deps = { dataDir, settings, jobs } as unknown as HandlerDeps;
    const publish = createPublishHandlers({ sources: unused as SourceRegistry, jobs, settings });
    const meta = createMetaPublishHandlers(deps);

    const proposal = await meta['publish.prepareMeta']({ jobId: 'p1', product: 'weekly-sales', baseVersion: '1.0.0', meta: edited('weekly-sales') }, ctx);
    if (!proposal.ok) throw new Error(proposal.error.message);
    expect(proposal.value).toMatchObject({ product: 'weekly-sales', version: '1.0.1', required: 'patch', current: { version: '1.0.0' }, policySource: 'built-in' });
    expect(proposal.value.reason).toMatch(/no data is sent/);
    expect(proposal.value.endpoints).toEqual([{ name: 'default', sheet: 'weekly-sales', rows: 60, columns: 5, parts: 0 }]);
    expect(proposal.value.choices.map((c) => c.version)).toEqual(['2.0.0', '1.1.0', '1.0.1']);
    expect(events.filter((e) => e.jobId === 'p1').at(-1)?.phase).toBe('done');

    const sent = await publish['publish.run']({ jobId: 'r0', planId: proposal.value.planId, bump: 'patch' }, ctx);
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.value).toMatchObject({ version: '1.0.1', parts: 0, bytes: 0, rows: 60 });
    // Used plans are gone.
    const twice = await publish['publish.run']({ jobId: 'r1', planId: proposal.value.planId }, ctx);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.code).toBe('publish.plan-expired');

    const conn = await settings.connection();
    if (!conn.ok) throw new Error(conn.error.message);
    const cached = await recallProduct(dataDir, conn.value.url, 'weekly-sales');
    expect(cached).toMatchObject({ product: 'weekly-sales', version: '1.0.1', meta: { title: 'Weekly sales, edited on the train' } });
    expect(cached!.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['id:integer', 'region:text', 'amount:number', 'day:date', 'code:text']);
    // No secret or path of the owner's files in the copy.
    const text = JSON.stringify(cached);
    expect(text).not.toContain('secretAccessKey');
  }, 60_000);

  it('says what blocks a description-only publish (the governance rules about words) in the proposal', async () => {
    const dataDir = join(dir, 'data-2');
    const meshDir = join(dir, 'mesh-2');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), meshDir);
    await settings.view();
    await publishSales(meshDir, 'price-list', 10);
    const meta = createMetaPublishHandlers({ dataDir, settings, jobs } as unknown as HandlerDeps);
    const m = edited('price-list');
    delete m.owner;
    const proposal = await meta['publish.prepareMeta']({ jobId: 'p2', product: 'price-list', baseVersion: '1.0.0', meta: m }, ctx);
    if (!proposal.ok) throw new Error(proposal.error.message);
    expect(proposal.value.check.canPublish).toBe(false);
    expect(proposal.value.check.findings.find((f) => f.blocking)?.message).toMatch(/an owner \(name and e-mail\)/);
  }, 60_000);
});
