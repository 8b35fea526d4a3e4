// The HTTP client against a real loopback server speaking the protocol of
// shared/core/api/http-protocol.ts (a small stand-in for the web host).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/core/api/contract';
import { createHttpApi } from '../../../renderer/src/api/http-client';
import { AUTH_ERROR, NETWORK_ERROR } from '../../../renderer/src/api/http-result';

const TOKEN = 'secret-token';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: Buffer;
}

let server: Server;
let base: string;
let seen: Seen[];
let eventClients: ServerResponse[];
let handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

beforeEach(async () => {
  seen = [];
  eventClients = [];
  handler = (_req, res) => res.writeHead(404).end();
  server = createServer(async (req, res) => {
    const b = req.url?.startsWith('/api/events') ? Buffer.alloc(0) : await body(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body: b });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('no');
    handler(req, res, b);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of eventClients) c.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (res: ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));

const until = async (test: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('HTTP client calls', () => {
  it('posts JSON with the token and returns the Result', async () => {
    handler = (req, res, b) => {
      expect(req.url).toBe('/api/call/source.open');
      expect(req.headers['content-type']).toBe('application/json');
      json(res, 200, { ok: true, value: { echoed: JSON.parse(b.toString()) } });
    };
    const api = createHttpApi({ baseUrl: base, token: () => TOKEN });
    const r = await api.call('source.open', { sourceId: 'abc' });
    expect(r).toEqual({ ok: true, value: { echoed: { sourceId: 'abc' } } });
    expect(seen[0]!.auth).toBe(`Bearer ${TOKEN}`);
  });

  it('passes the host error Result through as given, whatever the status', async () => {
    const error = { code: 'csv.unreadable', message: 'Row 5 of "a.csv" could not be read.', row: 5 };
    handler = (_q, res) => json(res, 422, { ok: false, error });
    const api = createHttpApi({ baseUrl: base, token: () => TOKEN });
    expect(await api.call('source.open', { sourceId: 'abc' })).toEqual({ ok: false, error });
  });

  it('turns a missing token, a server error page, garbage and a dead host into plain Result errors', async () => {
    const noToken = createHttpApi({ baseUrl: base, token: () => null });
    expect(await noToken.call('app.info', {})).toEqual({ ok: false, error: AUTH_ERROR });
    expect(seen[0]!.auth).toBeUndefined();

    const api = createHttpApi({ baseUrl: base, token: () => TOKEN });
    handler = (_q, res) => res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>oops</h1>');
    const r500 = await api.call('app.info', {});
    expect(r500.ok).toBe(false);
    if (!r500.ok) expect(r500.error.message).toContain('HTTP 500');

    handler = (_q, res) => res.writeHead(200).end('{"ok": tru');
    const garbled = await api.call('app.info', {});
    expect(garbled.ok === false && garbled.error.code).toBe('network.bad-answer');

    handler = (q) => q.socket.destroy();
    expect(await api.call('app.info', {})).toEqual({ ok: false, error: NETWORK_ERROR });

    const dead = createHttpApi({ baseUrl: 'http://127.0.0.1:9', token: () => TOKEN });
    expect(await dead.call('app.info', {})).toEqual({ ok: false, error: NETWORK_ERROR });
  });
});

describe('HTTP client uploads', () => {
  it('sends the raw bytes with name and lastModified, and reports progress', async () => {
    handler = (req, res, b) => {
      const u = new URL(req.url ?? '', base);
      json(res, 200, { ok: true, value: { id: 'src1', name: u.searchParams.get('name'), size: b.length, lm: u.searchParams.get('lastModified') } });
    };
    const api = createHttpApi({ baseUrl: base, token: () => TOKEN });
    const progress: number[] = [];
    api.onUploadProgress?.((p) => progress.push(p.loaded));
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const file = new File([bytes], 'Q1 sales & costs.csv', { lastModified: 1_700_000_000_000 });
    const r = await api.addLocalFile(file);
    expect(r).toEqual({ ok: true, value: { id: 'src1', name: 'Q1 sales & costs.csv', size: 300_000, lm: '1700000000000' } });
    expect(seen[0]!.url.startsWith('/api/upload?')).toBe(true);
    expect(seen[0]!.auth).toBe(`Bearer ${TOKEN}`);
    expect(Buffer.compare(seen[0]!.body, Buffer.from(bytes))).toBe(0);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(300_000);
  });

  it('refuses something that is not a file without throwing', async () => {
    const api = createHttpApi({ baseUrl: base, token: () => TOKEN });
    const r = await api.addLocalFile({ name: 'x.csv', size: 1, lastModified: 0 });
    expect(r.ok === false && r.error.code).toBe('upload.not-a-file');
    expect(seen).toHaveLength(0);
  });
});

describe('HTTP client events', () => {
  it('delivers events split across chunks, reconnects after a drop, and closes when nobody listens', async () => {
    handler = (req, res) => {
      if (req.url !== '/api/events') return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
      eventClients.push(res);
    };
    const api = createHttpApi({ baseUrl: base, token: () => TOKEN, sleep: async () => {} });
    const got: JobProgress[] = [];
    const stop = api.on('job.progress', (p) => got.push(p));
    await until(() => eventClients.length === 1);
    expect(seen[0]!.auth).toBe(`Bearer ${TOKEN}`);

    const p1: JobProgress = { jobId: 'j1', phase: 'reading', bytesDone: 10, bytesTotal: 100, rows: 3 };
    const text = `event: job.progress\ndata: ${JSON.stringify(p1)}\n\n`;
    eventClients[0]!.write(text.slice(0, 17));
    eventClients[0]!.write(`${text.slice(17)}event: other.thing\ndata: {}\n\nevent: job.progress\ndata: {broken\n\n`);
    await until(() => got.length === 1);
    expect(got[0]).toEqual(p1);

    // The host restarts the stream: the client comes back by itself.
    eventClients[0]!.destroy();
    await until(() => eventClients.length === 2);
    const p2 = { ...p1, rows: 99 };
    eventClients[1]!.write(`event: job.progress\ndata: ${JSON.stringify(p2)}\n\n`);
    await until(() => got.length === 2);
    expect(got[1]!.rows).toBe(99);
    expect(api.events.connections).toBe(2);

    const closed = new Promise<void>((r) => eventClients[1]!.on('close', () => r()));
    stop();
    await closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(eventClients).toHaveLength(2);
  });

  it('keeps retrying while the host refuses the stream', async () => {
    let refusals = 0;
    handler = (_q, res) => {
      refusals++;
      res.writeHead(503).end();
    };
    const waits: number[] = [];
    const api = createHttpApi({
      baseUrl: base,
      token: () => TOKEN,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const stop = api.on('job.progress', () => {});
    // The 4th wait is recorded once the client has read the 4th refusal, just after the server sent it.
    await until(() => refusals >= 4 && waits.length >= 4);
    stop();
    expect(waits.slice(0, 4)).toEqual([500, 1000, 2000, 4000]);
  });
});
