// Tests of what the main process does with IPC messages, wired to the real shared dispatcher,
// handlers and source registry (only the Electron event is replaced by SenderInfo).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvents, EventName } from '../../shared/core/api/contract';
import { dispatchCall } from '../../shared/node/api/dispatch';
import { createHandlers } from '../../shared/node/api/handlers';
import { JobRunner } from '../../shared/node/jobs/job-runner';
import { SourceRegistry } from '../../shared/node/sources/source-registry';
import { MeshSettingsStore } from '../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../shared/node/settings/secret-store';
import { createIpcRoutes, isTrustedIpcSender, type SenderInfo } from '../../electron/ipc-routes';
import { createUploadSessions } from '../../electron/upload-sessions';

const trusted: SenderInfo = { fromMainWindow: true, isTopFrame: true, frameUrl: 'app://mesh-desk/index.html' };
const untrustedSenders: [string, SenderInfo][] = [
  ['another window', { ...trusted, fromMainWindow: false }],
  ['an iframe', { ...trusted, isTopFrame: false }],
  ['a destroyed frame', { ...trusted, frameUrl: null }],
  ['a page that navigated away', { ...trusted, frameUrl: 'https://evil.example/' }],
  ['a look-alike origin', { ...trusted, frameUrl: 'app://mesh-desk.evil/index.html' }],
];

let dir: string;
let jobs: JobRunner;
let sources: SourceRegistry;
let routes: ReturnType<typeof createIpcRoutes>;
const logged: string[] = [];
const emitted: [EventName, ApiEvents[EventName]][] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-ipc-'));
  writeFileSync(join(dir, 'prices.csv'), 'sku,price\nA1,9.99\n');
  sources = new SourceRegistry({ dataDir: dir });
  jobs = new JobRunner();
  const handlers = createHandlers({ mode: 'electron', version: '9.9.9', dataDir: dir, sources, jobs, settings: new MeshSettingsStore(dir, memorySecretStore(), dir + '/mesh'), pickFile: async () => null, saveTarget: async () => null });
  routes = createIpcRoutes({
    dispatch: (name, input, ctx) => dispatchCall(handlers, name, input, ctx),
    addPath: (p) => sources.addPath(p),
    uploads: createUploadSessions({ addUpload: (n, m, body, signal) => sources.addUpload(n, m, body, undefined, signal) }),
    emit: (name, payload) => emitted.push([name, payload]),
    log: (m) => logged.push(m),
  });
});
afterAll(async () => {
  await jobs.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('isTrustedIpcSender', () => {
  it('trusts only the main window top frame on the app origin', () => {
    expect(isTrustedIpcSender(trusted)).toBe(true);
    for (const [, s] of untrustedSenders) expect(isTrustedIpcSender(s)).toBe(false);
  });
});

describe('createIpcRoutes().call', () => {
  it('dispatches a trusted call to the real handlers', async () => {
    const r = await routes.call(trusted, 'app.info', {});
    expect(r).toEqual({
      ok: true,
      value: { name: 'Mesh Desk', version: '9.9.9', mode: 'electron', dataDir: dir, nativeDialogs: true },
    });
  });

  it('passes the native dialog through: cancelling answers null', async () => {
    expect(await routes.call(trusted, 'source.pick', {})).toEqual({ ok: true, value: null });
  });

  it.each(untrustedSenders)('refuses %s and logs it', async (_label, sender) => {
    const before = logged.length;
    const r = await routes.call(sender, 'app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(logged.length).toBe(before + 1);
  });

  it('lets the dispatcher refuse unknown names and bad inputs', async () => {
    expect(await routes.call(trusted, 'process.exit', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await routes.call(trusted, 'source.open', { sourceId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('turns a throwing dispatcher into a Result', async () => {
    const broken = createIpcRoutes({
      dispatch: async () => {
        throw new Error('kaput');
      },
      addPath: async () => {
        throw new Error('unused');
      },
      uploads: createUploadSessions({ addUpload: async () => Promise.reject(new Error('unused')) }),
      emit: () => {},
      log: () => {},
    });
    const r = await broken.call(trusted, 'app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('createIpcRoutes().addPath', () => {
  it('registers a real file and returns its SourceRef without the path', async () => {
    const r = await routes.addPath(trusted, join(dir, 'prices.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ name: 'prices.csv', size: 18 });
    expect(JSON.stringify(r.value)).not.toContain(dir);
    expect(sources.get(r.value.id)?.path).toBe(join(dir, 'prices.csv'));
  });

  it('checks the path before the registry sees it', async () => {
    expect(await routes.addPath(trusted, 'prices.csv')).toMatchObject({ ok: false, error: { code: 'source.bad-path' } });
    expect(await routes.addPath(trusted, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'source.bad-path' } });
    expect(await routes.addPath(trusted, dir)).toMatchObject({ ok: false, error: { code: 'source.not-a-file' } });
    expect(await routes.addPath(trusted, join(dir, 'gone.csv'))).toMatchObject({ ok: false, error: { code: 'source.not-found' } });
  });

  it('refuses paths from untrusted senders without touching the disk', async () => {
    for (const [, s] of untrustedSenders) {
      expect(await routes.addPath(s, join(dir, 'prices.csv'))).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    }
  });
});

describe('createIpcRoutes() uploads', () => {
  it('takes a file without a path in chunks and registers it', async () => {
    const begun = routes.uploadBegin(trusted, 'attachment.csv', Date.UTC(2026, 0, 2));
    expect(begun.ok).toBe(true);
    if (!begun.ok) return;
    const id = begun.value.uploadId;
    expect(await routes.uploadChunk(trusted, id, new TextEncoder().encode('a,b\n'))).toEqual({ ok: true, value: null });
    expect(await routes.uploadChunk(trusted, id, new TextEncoder().encode('1,2\n'))).toEqual({ ok: true, value: null });
    const done = await routes.uploadEnd(trusted, id);
    expect(done).toMatchObject({ ok: true, value: { name: 'attachment.csv', size: 8, modifiedAt: '2026-01-02T00:00:00.000Z' } });
    if (done.ok) expect(readFileSync(sources.get(done.value.id)!.path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('refuses every upload step from untrusted senders', async () => {
    const [, sender] = untrustedSenders[0]!;
    expect(routes.uploadBegin(sender, 'x.csv', 0)).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    const begun = routes.uploadBegin(trusted, 'x.csv', 0);
    if (!begun.ok) throw new Error('begin failed');
    const id = begun.value.uploadId;
    expect(await routes.uploadChunk(sender, id, new Uint8Array(1))).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(await routes.uploadEnd(sender, id)).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(routes.uploadAbort(sender, id)).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(routes.uploadAbort(trusted, id)).toEqual({ ok: true, value: null });
  });
});
