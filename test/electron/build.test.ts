// Tests of the BUILT Electron bundles (electron/build.mjs), without the Electron binary: the
// bundles are built into a temp dir and loaded against a recording stand-in for 'electron'.
// This checks what unit tests of the separate modules cannot: that main.cjs really wires them
// together, that the preload is one self-contained file, and that the security flags survive
// bundling.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { CONTENT_SECURITY_POLICY } from '../../electron/security-policy';
import { europeanCsv, multiSheetWorkbook } from '../fixtures/make-fixtures';
import { createFakeMainElectron, createFakePreloadElectron, fakeEvent, type FakeFrame } from './fake-electron';

const repo = resolve(__dirname, '../..');
let dir: string;
let outDir: string;
let home: string;
let mainCode: string;
let preloadCode: string;

function build(only: string): void {
  execFileSync(process.execPath, [join(repo, 'electron', 'build.mjs'), '--outdir', outDir, '--only', only], {
    cwd: repo,
    stdio: 'pipe',
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-electron-build-'));
  outDir = join(dir, 'app', 'build', 'electron');
  home = join(dir, 'home');
  build('main,preload,worker');
  mainCode = readFileSync(join(outDir, 'main.cjs'), 'utf8');
  preloadCode = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built bundles (static checks)', () => {
  it('main keeps the window security flags', () => {
    expect(mainCode).toMatch(/contextIsolation:\s*true/);
    expect(mainCode).toMatch(/sandbox:\s*true/);
    expect(mainCode).toMatch(/nodeIntegration:\s*false/);
    expect(mainCode).toMatch(/webSecurity:\s*true/);
    for (const bad of [
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /nodeIntegration:\s*true/,
      /nodeIntegrationInSubFrames:\s*true/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /webviewTag:\s*true/,
      /bypassCSP:\s*true/,
    ]) {
      expect(mainCode).not.toMatch(bad);
    }
  });

  it('the preload requires nothing but electron', () => {
    const requires = [...preloadCode.matchAll(/\brequire\(\s*(["'`][^"'`]*["'`])\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['"electron"']);
  });

  it('main requires nothing outside Node and electron (the package ships no node_modules)', () => {
    // "[require(...)]" appears in the AWS SDK's error messages as text, not as a call.
    const requires = new Set([...mainCode.matchAll(/(?<!\[)\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
    expect(requires.has('electron')).toBe(true);
    for (const r of requires) expect(r === 'electron' || isBuiltin(r), r).toBe(true);
  });
});

describe('the built preload', () => {
  function loadPreload() {
    const fake = createFakePreloadElectron();
    const requested: string[] = [];
    const sandbox = {
      require: (id: string) => {
        requested.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return fake.electron;
      },
      module: { exports: {} },
      exports: {},
      console,
    };
    vm.runInNewContext(preloadCode, sandbox, { filename: 'preload.cjs' });
    return { ...fake, requested };
  }

  it('exposes exactly window.meshDesk with call, on and addLocalFile', () => {
    const { rec, requested } = loadPreload();
    expect(requested).toEqual(['electron']);
    expect(rec.exposed.map(([k]) => k)).toEqual(['meshDesk']);
    const api = rec.exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['addLocalFile', 'call', 'on']);
    expect(rec.listeners.size).toBe(1);
    expect([...rec.listeners.keys()]).toEqual(['mesh:event']);
  });

  it('calls go through mesh:call, files on the disk through mesh:add-path, others as bytes', async () => {
    const { rec } = loadPreload();
    const api = rec.exposed[0]![1] as {
      call(n: string, i: unknown): Promise<unknown>;
      addLocalFile(f: unknown): Promise<unknown>;
    };
    await api.call('app.info', {});
    await api.addLocalFile({ name: 'budget.csv', size: 1, lastModified: 0 });
    // A File built in memory has no path: its bytes go through the upload channels.
    const inMemory = await api.addLocalFile(new File(['a,b\n1,2\n'], 'in-memory.csv', { lastModified: 5 }));
    expect(rec.invoked.slice(0, 3)).toEqual([
      ['mesh:call', 'app.info', {}],
      ['mesh:add-path', '/home/owner/budget.csv'],
      ['mesh:upload-begin', 'in-memory.csv', 5],
    ]);
    expect(rec.invoked[3]![0]).toBe('mesh:upload-chunk');
    expect(rec.invoked[3]![1]).toBe('upload-1');
    expect(Buffer.from(rec.invoked[3]![2] as Uint8Array).toString()).toBe('a,b\n1,2\n');
    expect(rec.invoked[4]).toEqual(['mesh:upload-end', 'upload-1']);
    expect(inMemory).toMatchObject({ ok: true });
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const { rec } = loadPreload();
    const api = rec.exposed[0]![1] as { on(n: string, l: (...a: unknown[]) => void): () => void };
    const seen: unknown[][] = [];
    const off = api.on('job.progress', (...args) => seen.push(args));
    const ipcEvent = { sender: { send: () => {} }, senderId: 0 };
    const deliver = rec.listeners.get('mesh:event')![0]!;
    deliver(ipcEvent, 'job.progress', { jobId: 'j', rows: 1 });
    deliver(ipcEvent, 'not.an.event', { x: 1 });
    off();
    deliver(ipcEvent, 'job.progress', { jobId: 'j', rows: 2 });
    expect(seen).toEqual([[{ jobId: 'j', rows: 1 }]]);
  });
});

describe('the built main process', () => {
  const fake = createFakeMainElectron();
  const { rec } = fake;
  const previousHome = process.env.MESH_DESK_HOME;
  const trustedFrame = (): FakeFrame => ({ ...rec.windows[0]!.webContents.mainFrame });

  beforeAll(async () => {
    // The renderer the protocol serves, and the stand-in 'electron' package main.cjs requires.
    const renderer = join(dir, 'app', 'build', 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Mesh Desk</title>');
    writeFileSync(join(dir, 'outside.txt'), 'secret');
    const fakePackage = join(dir, 'app', 'node_modules', 'electron');
    mkdirSync(fakePackage, { recursive: true });
    writeFileSync(join(fakePackage, 'index.js'), 'module.exports = globalThis.__meshDeskFakeElectron;');
    writeFileSync(join(dir, 'prices.csv'), 'sku,price\nA1,9.99\n');
    (globalThis as Record<string, unknown>).__meshDeskFakeElectron = fake.electron;
    process.env.MESH_DESK_HOME = home;

    createRequire(__filename)(join(outDir, 'main.cjs'));
  });
  afterAll(() => {
    if (previousHome === undefined) delete process.env.MESH_DESK_HOME;
    else process.env.MESH_DESK_HOME = previousHome;
  });

  it('before ready: registers app:// as a standard secure scheme, sandboxes, and keeps its profile in the data folder', () => {
    expect(rec.windows).toHaveLength(0);
    expect(rec.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.paths.userData).toBe(join(home, 'browser-profile'));
  });

  it('when ready: opens one window on app://mesh-desk with the secure preferences and the built preload', async () => {
    fake.markReady();
    await vi.waitFor(() => expect(rec.windows).toHaveLength(1), { timeout: 5000 });
    const win = rec.windows[0]!;
    expect(win.loadedUrl).toBe('app://mesh-desk/index.html');
    expect(win.options.title).toBe('Mesh Desk');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: join(outDir, 'preload.cjs'),
      devTools: true,
    });
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('serves the renderer through app:// with the CSP, and nothing outside it', async () => {
    const handle = rec.protocolHandlers.get('app')!;
    const ok = await handle({ url: 'app://mesh-desk/index.html', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await handle({ url: 'app://mesh-desk/..%2f..%2foutside.txt', method: 'GET' });
    expect(escape.status).toBe(403);
  });

  it('answers API calls from the window, with the real handlers', async () => {
    const call = rec.ipcHandlers.get('mesh:call')!;
    const event = { sender: rec.windows[0]!.webContents, senderFrame: trustedFrame() };
    expect(await call(event, 'app.info', {})).toEqual({
      ok: true,
      value: { name: 'Mesh Desk', version: '0.1.0-test', mode: 'electron', dataDir: home, nativeDialogs: true },
    });
    // source.pick opens the native dialog; the fake dialog is cancelled.
    expect(await call(event, 'source.pick', {})).toEqual({ ok: true, value: null });
    expect(rec.dialogsOpened).toBe(1);
  });

  it('refuses calls and paths from anything but the window top frame on app://', async () => {
    const call = rec.ipcHandlers.get('mesh:call')!;
    const addPath = rec.ipcHandlers.get('mesh:add-path')!;
    const wc = rec.windows[0]!.webContents;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = [
      { sender: wc, senderFrame: { ...trustedFrame(), url: 'https://evil.example/' } },
      { sender: wc, senderFrame: { ...trustedFrame(), parent: trustedFrame(), routingId: 9 } },
      { sender: wc, senderFrame: null },
      { sender: {}, senderFrame: trustedFrame() },
    ];
    for (const event of bad) {
      expect(await call(event, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
      expect(await addPath(event, join(dir, 'prices.csv'))).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    }
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('registers a dropped file by path and then knows it by id only', async () => {
    const addPath = rec.ipcHandlers.get('mesh:add-path')!;
    const event = { sender: rec.windows[0]!.webContents, senderFrame: trustedFrame() };
    const r = (await addPath(event, join(dir, 'prices.csv'))) as { ok: boolean; value: { id: string; name: string } };
    expect(r).toMatchObject({ ok: true, value: { name: 'prices.csv', size: 18 } });
    expect(await addPath(event, 'prices.csv')).toMatchObject({ ok: false, error: { code: 'source.bad-path' } });
  });

  it('runs overview and inspect in the bundled worker, with progress events sent to the window only', async () => {
    const call = rec.ipcHandlers.get('mesh:call')!;
    const addPath = rec.ipcHandlers.get('mesh:add-path')!;
    const wc = rec.windows[0]!.webContents;
    const event = { sender: wc, senderFrame: trustedFrame() };
    const csv = (await addPath(event, europeanCsv(dir))) as { ok: true; value: { id: string } };
    expect(csv.ok).toBe(true);

    const overview = (await call(event, 'source.open', { sourceId: csv.value.id })) as { ok: boolean; value?: { format: string } };
    expect(overview).toMatchObject({ ok: true, value: { format: 'csv' } });

    wc.sent.length = 0;
    const report = (await call(event, 'inspect.run', { jobId: 'job-1', sourceId: csv.value.id })) as { ok: boolean };
    expect(report.ok).toBe(true);
    const progress = wc.sent.filter(([channel]) => channel === 'mesh:event');
    expect(progress.length).toBe(wc.sent.length);
    expect(progress[0]).toEqual(['mesh:event', 'job.progress', expect.objectContaining({ jobId: 'job-1', phase: 'opening' })]);
    expect(progress.at(-1)).toEqual(['mesh:event', 'job.progress', expect.objectContaining({ jobId: 'job-1', phase: 'done' })]);

    const xlsx = (await addPath(event, await multiSheetWorkbook(dir))) as { ok: true; value: { id: string } };
    const sheets = (await call(event, 'source.open', { sourceId: xlsx.value.id })) as { ok: boolean; value?: { sheets: { name: string }[] } };
    expect(sheets.ok).toBe(true);
    expect(sheets.value?.sheets.map((s) => s.name)).toEqual(['Budget', 'Contacts']);
  }, 60_000);

  it('takes a file without a path as chunks over IPC and can then open it', async () => {
    const h = (c: string) => rec.ipcHandlers.get(c)!;
    const event = { sender: rec.windows[0]!.webContents, senderFrame: trustedFrame() };
    const begun = (await h('mesh:upload-begin')(event, 'from-mail.csv', 0)) as { ok: true; value: { uploadId: string } };
    expect(begun.ok).toBe(true);
    const id = begun.value.uploadId;
    for (const part of ['region,amount\n', 'North,10\n', 'South,20\n']) {
      expect(await h('mesh:upload-chunk')(event, id, new TextEncoder().encode(part))).toEqual({ ok: true, value: null });
    }
    const ref = (await h('mesh:upload-end')(event, id)) as { ok: true; value: { id: string } };
    expect(ref).toMatchObject({ ok: true, value: { name: 'from-mail.csv', size: 32 } });
    const overview = await rec.ipcHandlers.get('mesh:call')!(event, 'source.open', { sourceId: ref.value.id });
    expect(overview).toMatchObject({ ok: true, value: { format: 'csv' } });
    const stranger = { sender: {}, senderFrame: trustedFrame() };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await h('mesh:upload-begin')(stranger, 'x.csv', 0)).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    warn.mockRestore();
  }, 30_000);

  it('hardens the window: navigation, new windows, webviews', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const wc = rec.windows[0]!.webContents;
    const nav = (name: string, url: string) => {
      const e = fakeEvent({ url, isMainFrame: true });
      wc.emit(name, e);
      return e.defaultPrevented;
    };
    expect(nav('will-navigate', 'app://mesh-desk/index.html#/x')).toBe(false);
    expect(nav('will-navigate', 'https://docs.example.com/help')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-redirect', 'https://evil.example/')).toBe(true);
    expect(nav('will-frame-navigate', 'https://evil.example/')).toBe(true);
    // The refused https link is handed to the owner's browser; file: never is.
    expect(rec.opened).toEqual(['https://docs.example.com/help']);

    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'smb://server/x.exe' })).toEqual({ action: 'deny' });
    expect(rec.opened).toEqual(['https://docs.example.com/help', 'https://example.com/']);

    const webview = fakeEvent({});
    wc.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    warn.mockRestore();
  });

  it('denies every permission and every request the page makes outside app:', () => {
    let granted: boolean | undefined;
    rec.permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(rec.permissionCheck!({}, 'clipboard-read', 'app://mesh-desk', {})).toBe(false);
    expect(rec.deviceCheck!({})).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      rec.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://mesh-desk/assets/a.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('https://tracker.example/pixel')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('ws://127.0.0.1:9229/')).toBe(true);
    warn.mockRestore();
  });

  it('installs File, Edit, View, Help menus', () => {
    const menu = rec.menu as { label?: string; submenu?: { id?: string; enabled?: boolean }[] }[];
    const labels = menu.map((m) => m.label?.replace('&', ''));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  });

  it('stops background jobs before quitting', async () => {
    const quitting = fakeEvent({});
    fake.appEvents.emit('will-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(rec.quitCalls).toBe(1), { timeout: 5000 });
    // The second will-quit (from app.quit()) is let through.
    const second = fakeEvent({});
    fake.appEvents.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});
