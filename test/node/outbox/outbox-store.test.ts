// Node only (tests). The outbox on disk: jobs round-trip, damaged and temporary files are left
// out (and stale temporaries removed), day-old delivered jobs are dropped at open, the send lock
// keeps a second sender out and a dead sender's lock is broken.

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { jobView, type StoredJob } from '../../../shared/node/outbox/outbox-job';
import { OutboxStore } from '../../../shared/node/outbox/outbox-store';
import { syncOutbox, withSendLock } from '../../../shared/node/outbox/outbox-sync';
import { inProcessRunner } from '../../../shared/node/outbox/local-runners';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-outbox-store-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function job(over: Partial<StoredJob> = {}): StoredJob {
  n++;
  return {
    format: 1, id: `job${n}`, product: 'sales', meshName: 'Mesh', mesh: 'file:///nowhere/mesh', queuedAt: `2026-11-21T10:00:0${n % 10}.000Z`, queuedBy: 'cli',
    state: 'waiting', attempts: 0, baseVersion: null, metadataOnly: false, sequence: n, publishId: `pid${n}`,
    file: { path: '/home/me/secret-folder/sales.csv', name: 'sales.csv', size: 10, fingerprint: 'v1:x' }, sheets: [{}], meta: { name: 'sales' }, waivers: [],
    ...over,
  };
}

describe('OutboxStore', () => {
  it('keeps jobs in queue order, skips damaged and temporary files, and shows the page no paths', async () => {
    const dataDir = join(root, 'a');
    const store = await OutboxStore.open(dataDir);
    const j2 = job({ sequence: 5 });
    const j1 = job({ sequence: 2 });
    await store.put(j2);
    await store.put(j1);
    writeFileSync(join(store.dir, 'broken.json'), '{"format": 1, "id": ');
    writeFileSync(join(store.dir, `x.json.${999_999}-abcdef12.tmp`), '{}');
    expect((await store.list()).map((j) => j.id)).toEqual([j1.id, j2.id]);
    expect(await store.nextSequence()).toBe(6);
    const view = jobView(j1);
    expect(view.source).toEqual({ name: 'sales.csv', size: 10 });
    expect(JSON.stringify(view)).not.toMatch(/secret-folder|publishId|pid\d/);
    // A second open (the CLI next to the app) removes the dead writer's temporary file, keeps the damaged job file.
    await OutboxStore.open(dataDir);
    expect(readdirSync(store.dir).sort()).toEqual(['broken.json', `${j1.id}.json`, `${j2.id}.json`].sort());
    expect(await store.update(j1.id, (j) => ({ ...j, state: 'failed', reason: 'why' }))).toMatchObject({ state: 'failed' });
    expect(await store.remove(j1.id)).toBe(true);
    expect(await store.get(j1.id)).toBeUndefined();
    expect(await store.get('../settings')).toBeUndefined();
  });

  it('removes delivered jobs older than a day at open, keeps recent ones', async () => {
    const dataDir = join(root, 'b');
    const store = await OutboxStore.open(dataDir);
    const now = Date.parse('2026-11-21T12:00:00Z');
    const old = job({ state: 'delivered', delivered: { version: '1.0.0', at: '2026-11-20T11:00:00Z', address: 'a' } });
    const fresh = job({ state: 'delivered', delivered: { version: '1.0.1', at: '2026-11-21T09:00:00Z', address: 'a' } });
    const failed = job({ state: 'failed', reason: 'old but failed' });
    for (const j of [old, fresh, failed]) await store.put(j);
    const reopened = await OutboxStore.open(dataDir, now);
    expect((await reopened.list()).map((j) => j.id)).toEqual([fresh.id, failed.id]);
  });
});

describe('the send lock', () => {
  it('a second sender finds the outbox busy and sends nothing', async () => {
    const store = await OutboxStore.open(join(root, 'c'));
    await store.put(job());
    let release!: () => void;
    const holding = withSendLock(store, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    const second = await syncOutbox({ store, runner: inProcessRunner(), connect: async (j) => ({ ok: true, value: { url: j.mesh } }) });
    expect(second).toEqual({ busy: true, outcomes: [] });
    expect((await store.list())[0]!.state).toBe('waiting');
    release();
    expect(await holding).toEqual({ busy: false, value: undefined });
    expect(existsSync(join(store.dir, '.send.lock'))).toBe(false);
  });

  it('the lock of a sender that died is broken, and a job it left "sending" is sent again', async () => {
    const store = await OutboxStore.open(join(root, 'd'));
    const stuck = job({ state: 'sending', mesh: `file://${join(root, 'd', 'no-drive', 'mesh')}`, baseVersion: '1.0.0' });
    await store.put(stuck);
    // A process that has exited: its pid is free.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(store.dir, '.send.lock'), `${dead.stdout} deadbeef ${hostname()}\n`);
    const report = await syncOutbox({ store, runner: inProcessRunner(), connect: async (j) => ({ ok: true, value: { url: j.mesh } }) });
    expect(report.busy).toBe(false);
    // Its mesh folder is on a drive that is not there: back to waiting, with the reason.
    expect(report.outcomes.map((o) => o.kind)).toEqual(['unreachable']);
    const after = (await store.get(stuck.id))!;
    expect(after).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(after.reason).toMatch(/cannot be reached .*Check that its disk or network drive is connected/);
  });
});

describe('what counts as unreachable', () => {
  it('network failures and S3 server errors do; refused keys, policy blocks and 4xx answers do not', async () => {
    const { classifyMeshError, isUnreachable } = await import('../../../shared/node/outbox/unreachable');
    const s3 = 's3://outbox-bucket/mesh?endpoint=http://127.0.0.1:9&pathStyle=true';
    const e = (code: string, message = 'words') => ({ code, message });
    expect(await isUnreachable(e('mesh.network'), s3)).toBe(true);
    expect(await isUnreachable(e('mesh.io', 'The storage at x failed to read y (InternalError, HTTP 503). Try again later'), s3)).toBe(true);
    expect(await isUnreachable(e('mesh.io', 'The storage at x failed to read y (SocketError). Try again later'), s3)).toBe(true);
    expect(await isUnreachable(e('mesh.io', 'The storage at x failed to read y (InvalidArgument, HTTP 400).'), s3)).toBe(false);
    expect(await isUnreachable(e('mesh.auth'), s3)).toBe(false);
    expect(await isUnreachable(e('publish.blocked'), s3)).toBe(false);
    expect(await isUnreachable(e('mesh.not-found'), s3)).toBe(false);
    // A folder mesh: "not found" is unreachable only when the mesh folder itself is gone.
    const there = `file://${root}`;
    const gone = `file://${join(root, 'no-such-drive', 'mesh')}`;
    expect(await isUnreachable(e('mesh.not-found'), there)).toBe(false);
    expect(await isUnreachable(e('mesh.io'), gone)).toBe(true);
    expect(await classifyMeshError(e('mesh.network', 'Mesh Desk could not reach the storage'), s3)).toEqual({ code: 'mesh.unreachable', message: 'Mesh Desk could not reach the storage' });
    expect(await classifyMeshError(e('mesh.auth', 'refused'), s3)).toEqual({ code: 'mesh.auth', message: 'refused' });
  });
});
