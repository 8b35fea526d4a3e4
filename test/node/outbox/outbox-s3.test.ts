// Node only (tests). The outbox against a real S3 API (moto_server): a publish while the server
// is down comes back as 'mesh.unreachable' and is queued; when the server is up the outbox sends
// it by itself, exactly once; and no file in the data folder holds the mesh's keys.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxView } from '../../../shared/core/api/contract';
import { createOutboxHandlers, createOutboxService, disposeOutboxServices } from '../../../shared/node/api/outbox-handlers';
import { openDraftStore } from '../../../shared/node/drafts/draft-store';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { prepareFilePublish } from '../../../shared/node/publish/publish-file';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { freePort, motoSkipReason } from '../../harness/moto-server';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv, salesMeta } from '../publish/publish-fixtures';
import { createBucket, errorOf, eventLog, filesContaining, makeDraft, startMotoOn, value, versionsOf, waitFor, type MotoOnPort } from './outbox-fixtures';

const skip = motoSkipReason();
const KEY_ID = 'AKIAOUTBOXTESTKEY01';
const SECRET = 'outbox-secret-Zq8v0Xw3Tn5Lm2Kp7Hr9';
const creds = { accessKeyId: KEY_ID, secretAccessKey: SECRET };

const root = tempDir('mesh-desk-outbox-s3-');
const jobs = new JobRunner();
let moto: MotoOnPort | undefined;

beforeAll(() => undefined);
afterAll(async () => {
  await disposeOutboxServices();
  await jobs.close();
  await moto?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(skip !== null)('outbox over S3 (moto_server)', () => {
  it('a publish while S3 is down is queued; when it is up the outbox sends it by itself, exactly once; no key is written anywhere', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const url = `s3://outbox-bucket/mesh?endpoint=${endpoint}&region=us-east-1&pathStyle=true`;
    const dataDir = join(root, 'data');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), join(root, 'folder-mesh'));
    const saved = value(await settings.save({ name: 'Team S3', url, accessKeyId: KEY_ID, secretAccessKey: SECRET }));
    const meshId = saved.activeMeshId;
    const file = salesCsv(root, 1200, { name: 'sales.csv' });

    // Nothing listens on the port: the page's publish.prepare gets exactly 'mesh.unreachable'.
    const started = Date.now();
    const conn = value(await settings.connection());
    const prepared = await prepareFilePublish({ mesh: { url: conn.url, options: conn.options }, path: file, fileName: 'sales.csv', sheets: [{}], meta: salesMeta('sales-s3') });
    const e = errorOf(prepared);
    expect(e.code).toBe('mesh.unreachable');
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(e.message).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(20_000);

    // The page then queues the draft.
    const log = eventLog();
    const draftId = await makeDraft(dataDir, file, salesMeta('sales-s3'));
    const service = createOutboxService({ dataDir, settings, jobs, broadcast: log.emit }, { probeEveryMs: 300 });
    const handlers = createOutboxHandlers({ dataDir, settings, jobs, broadcast: log.emit, mode: 'browser', version: 't', sources: new SourceRegistry({ dataDir }), saveTarget: async () => null }, service);
    const job = value(await handlers['outbox.add']({ draftId }, log.ctx));
    expect(job).toMatchObject({ product: 'sales-s3', state: 'waiting', queuedBy: 'app', meshId, mesh: url, meshName: 'Team S3', baseVersion: null, metadataOnly: false, source: { name: 'sales.csv' }, attempts: 0 });
    expect(JSON.stringify(job)).not.toContain(root); // no paths go to the page
    expect((await (await openDraftStore(dataDir)).get(draftId))?.state).toBe('queued');

    // The probe notices the mesh is unreachable and says so.
    await waitFor('an unreachable probe', () => log.views().find((v) => v.reachable === false));
    const unreachable = value(await handlers['outbox.list']({}, log.ctx));
    expect(unreachable.jobs[0]!.state).toBe('waiting');
    expect(unreachable.reason).toMatch(/could not reach|cannot be reached|nothing is listening/);

    // Back online: the outbox sends it without anyone pressing a button.
    moto = await startMotoOn(port);
    await createBucket(endpoint, 'outbox-bucket', creds);
    const delivered = await waitFor('delivery', () => log.views().find((v) => v.jobs.some((j) => j.id === job.id && j.state === 'delivered')), 90_000);
    const sent = delivered.jobs.find((j) => j.id === job.id)!;
    expect(sent.delivered).toMatchObject({ version: '1.0.0' });
    expect(log.events.some((ev) => ev.name === 'job.progress' && (ev.payload as { jobId: string }).jobId === `outbox-${job.id}`)).toBe(true);

    const history = await versionsOf(url, 'sales-s3', { credentials: creds });
    expect(history.map((h) => h.version)).toEqual(['1.0.0']);
    const draft = await (await openDraftStore(dataDir)).get(draftId);
    expect(draft).toMatchObject({ state: 'published', published: { version: '1.0.0', meshName: 'Team S3' } });

    // A second send finds nothing to send; the mesh still has one version.
    const again: OutboxView = value(await handlers['outbox.send']({ jobId: 'again' }, log.ctx));
    expect(again.jobs.find((j) => j.id === job.id)!.state).toBe('delivered');
    expect((await versionsOf(url, 'sales-s3', { credentials: creds })).length).toBe(1);

    // The keys were used, but are in no file the app wrote.
    await service.dispose();
    expect(filesContaining(dataDir, [SECRET, KEY_ID])).toEqual([]);
  }, 180_000);
});
