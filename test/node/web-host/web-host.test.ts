// Node only (tests). The loopback host over real HTTP: where it listens, the token, Host and
// Origin checks, security headers, static files without traversal, and call dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CALL_BODY_BYTES } from '../../../shared/core/api/http-protocol';
import { launchBrowserMode, type BrowserModeHost } from '../../../shared/node/web-host/launch';
import { CONTENT_SECURITY_POLICY } from '../../../shared/node/web-host/security';
import { callApi, rawRequest } from './http-helpers';

const root = mkdtempSync(join(tmpdir(), 'mesh-desk-host-'));
const staticDir = join(root, 'renderer');
const SECRET = 'TOP-SECRET-OUTSIDE-STATIC';
let host: BrowserModeHost;

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mesh Desk</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), `{"secret":"${SECRET}"}`);
  host = await launchBrowserMode({ dataDir: join(root, 'data'), staticDir });
});
afterAll(() => host?.close());

const get = (path: string, headers: Record<string, string> = {}) => rawRequest({ port: host.port, path, headers });
const auth = () => ({ Authorization: `Bearer ${host.token}` });

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('web host: where it listens', () => {
  it('gives a 127.0.0.1 URL with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('accepts connections on 127.0.0.1 only, not on other addresses of this machine', async () => {
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      expect(await canConnect(address, host.port), address).toBe(false);
    }
  });

  it('makes a new token for every launch', async () => {
    const other = await launchBrowserMode({ dataDir: join(root, 'data2'), staticDir });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });
});

describe('web host: guards', () => {
  it('answers 401 without the token or with a wrong one, with a Result in words', async () => {
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${host.token}x` }, { Authorization: host.token }, { Authorization: `Basic ${host.token}` }]) {
      const answer = await rawRequest({ port: host.port, path: '/api/call/app.info', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const events = await get('/api/events');
    expect(events.status).toBe(401);
    const upload = await rawRequest({ port: host.port, path: '/api/upload?name=a.csv', method: 'POST', body: 'a,b' });
    expect(upload.status).toBe(401);
  });

  it('accepts the right token', async () => {
    const { status, result } = await callApi(host.port, host.token, 'app.info', {});
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, value: { name: 'Mesh Desk', mode: 'browser', nativeDialogs: false } });
  });

  it('rejects a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `0.0.0.0:${host.port}`, `[::1]:${host.port}`]) {
      const answer = await rawRequest({ port: host.port, path: '/api/call/app.info', method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json', Host: hostHeader }, body: '{}' });
      expect(answer.status, hostHeader).toBe(421);
      const page = await rawRequest({ port: host.port, path: '/', headers: { Host: hostHeader } });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('<title>');
    }
    const viaLocalhost = await rawRequest({ port: host.port, path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('rejects a foreign Origin, accepts our own', async () => {
    const call = (origin: string) =>
      rawRequest({ port: host.port, path: '/api/call/app.info', method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json', Origin: origin }, body: '{}' });
    expect((await call('http://evil.example')).status).toBe(403);
    expect((await call(`http://127.0.0.1:${host.port + 1}`)).status).toBe(403);
    expect((await call('null')).status).toBe(403);
    expect((await call(`http://127.0.0.1:${host.port}`)).status).toBe(200);
    expect((await call(`http://localhost:${host.port}`)).status).toBe(200);
  });

  it('sends the security headers on every kind of answer', async () => {
    const answers = [
      await get('/'),
      await get('/assets/app.js'),
      await get('/missing.js'),
      await get('/api/events'),
      (await rawRequest({ port: host.port, path: '/api/call/app.info', method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{}' })),
      await rawRequest({ port: host.port, path: '/', headers: { Host: 'evil.example' } }),
    ];
    for (const a of answers) {
      expect(a.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(answers[4]!.headers['cache-control']).toBe('no-store');
  });
});

describe('web host: static files', () => {
  it('serves index.html for / and files with their content types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Mesh Desk</title>');
    expect((await get('/index.html')).body).toBe(index.body);
    const js = await get('/assets/app.js?v=1');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app")');
    expect((await get('/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
  });

  it('never serves anything outside the folder, whatever the spelling', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/package.json',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fpackage.json',
      '/assets/../../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets/app.js%00.html',
      '/%00',
      '//' + join(root, 'secret.txt'),
      '/' + encodeURIComponent(join(root, 'secret.txt')),
      '/%252e%252e/secret.txt',
      '/.%2e/secret.txt',
    ];
    for (const path of attempts) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    }
  });

  it('refuses methods other than GET and HEAD for files', async () => {
    const answer = await rawRequest({ port: host.port, path: '/', method: 'DELETE' });
    expect(answer.status).toBe(405);
    const head = await rawRequest({ port: host.port, path: '/assets/app.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('web host: calls over HTTP', () => {
  it('validates call names and inputs (ok:false "bad-request")', async () => {
    const unknown = await callApi(host.port, host.token, 'files.delete', {});
    expect(unknown).toMatchObject({ status: 200, result: { ok: false, error: { code: 'bad-request' } } });
    const badInput = await callApi(host.port, host.token, 'source.open', { sourceId: '../x' });
    expect(badInput).toMatchObject({ status: 200, result: { ok: false, error: { code: 'bad-request' } } });
    const encoded = await callApi(host.port, host.token, encodeURIComponent('app.info'), {});
    expect(encoded.result.ok).toBe(true);
  });

  it('refuses non-JSON bodies, broken JSON, wrong methods and oversized bodies with a Result', async () => {
    const send = (method: string, type: string, body: string) =>
      rawRequest({ port: host.port, path: '/api/call/app.info', method, headers: { ...auth(), 'Content-Type': type }, body });
    const form = await send('POST', 'application/x-www-form-urlencoded', 'a=1');
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const plain = await send('POST', 'text/plain', '{}');
    expect(plain.status).toBe(415);
    const broken = await send('POST', 'application/json', '{"a":');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/could not read/);
    expect((await send('GET', 'application/json', '')).status).toBe(405);
    const big = await send('POST', 'application/json', JSON.stringify({ x: 'y'.repeat(MAX_CALL_BODY_BYTES) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false });
    const withCharset = await send('POST', 'application/json; charset=utf-8', '{}');
    expect(JSON.parse(withCharset.body).ok).toBe(true);
  });

  it('answers unknown API paths with a 404 Result', async () => {
    const answer = await get('/api/nothing', auth());
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('validates upload requests', async () => {
    const noName = await rawRequest({ port: host.port, path: '/api/upload', method: 'POST', headers: auth(), body: 'a,b' });
    expect(noName.status).toBe(400);
    const getUpload = await get('/api/upload?name=a.csv', auth());
    expect(getUpload.status).toBe(405);
  });
});
