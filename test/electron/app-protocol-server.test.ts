// Tests of the app:// protocol handler against a real renderer folder in a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppAssetServer } from '../../electron/app-protocol-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security-policy';

let dir: string;
let root: string;
let serve: ReturnType<typeof createAppAssetServer>;
const get = (url: string, method = 'GET') => serve({ url, method });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mesh Desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hi")');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  mkdirSync(join(root, 'folder.js'));
  // A link inside the renderer folder that points outside it.
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  serve = createAppAssetServer(root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createAppAssetServer', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    const res = await get('app://mesh-desk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Mesh Desk</title>');
  });

  it('serves scripts as JavaScript (module scripts need the right type)', async () => {
    const res = await get('app://mesh-desk/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-length')).toBe('17');
    expect(await res.text()).toBe('console.log("hi")');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://mesh-desk/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses other methods', async () => {
    expect((await get('app://mesh-desk/index.html', 'POST')).status).toBe(405);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const res = await get('app://mesh-desk/assets/leak.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('outside');
  });

  it('refuses traversal and answers 404 for missing files and folders, CSP included', async () => {
    for (const url of ['app://mesh-desk/..%2fsecret.txt', 'app://mesh-desk/assets/..%5c..%5csecret.txt']) {
      const res = await get(url);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    // "/%2e%2e/" is folded by the URL parser to the root: it names renderer/secret.txt, absent.
    expect((await get('app://mesh-desk/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://mesh-desk/missing.js')).status).toBe(404);
    expect((await get('app://mesh-desk/folder.js')).status).toBe(404);
  });

  it('answers 404 for everything when the renderer was not built', async () => {
    const missing = createAppAssetServer(join(dir, 'not-built'));
    expect((await missing({ url: 'app://mesh-desk/index.html', method: 'GET' })).status).toBe(404);
  });
});
