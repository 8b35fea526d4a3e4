// Node only (test helper). Raw HTTP requests with node:http, so tests control the exact path
// and headers (fetch would normalise "/../" away and refuses to set Host).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

export function rawRequest(req: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: req.host ?? '127.0.0.1',
        port: req.port,
        path: req.path,
        method: req.method ?? 'GET',
        headers: { Host: `127.0.0.1:${req.port}`, ...req.headers },
        agent: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** POSTs a JSON call with the token, returns the parsed Result and the status. */
export async function callApi(port: number, token: string, name: string, input: unknown): Promise<{ status: number; result: any }> {
  const answer = await rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: answer.status, result: JSON.parse(answer.body) };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Connects to /api/events and collects events; waitFor() resolves on the first match. */
export function openEventStream(port: number, token: string): Promise<{
  events: SseEvent[];
  waitFor(test: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: { test: (e: SseEvent) => boolean; done: (e: SseEvent) => void }[] = [];
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
          reject(new Error(`event stream answered ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          buffer += text;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!name || data === undefined) continue; // comments (keep-alive)
            const event = { event: name, data: JSON.parse(data) as unknown };
            events.push(event);
            for (const w of [...waiters]) {
              if (w.test(event)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(event);
              }
            }
          }
        });
        resolve({
          events,
          waitFor(test, timeoutMs = 20_000) {
            const seen = events.find(test);
            if (seen) return Promise.resolve(seen);
            return new Promise((done, fail) => {
              const timer = setTimeout(() => fail(new Error('event did not arrive in time')), timeoutMs);
              waiters.push({ test, done: (e) => (clearTimeout(timer), done(e)) });
            });
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (e) => reject(e));
    req.end();
  });
}

/** Streams a file (or bytes) to /api/upload; chunked when `chunked` (no Content-Length). */
export function upload(port: number, token: string, name: string, body: Buffer | NodeJS.ReadableStream, opts: { lastModified?: number; chunked?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ name, ...(opts.lastModified !== undefined ? { lastModified: String(opts.lastModified) } : {}) });
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' };
    if (Buffer.isBuffer(body) && !opts.chunked) headers['Content-Length'] = String(body.length);
    const req = httpRequest({ host: '127.0.0.1', port, path: `/api/upload?${query}`, method: 'POST', headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    // The host may answer and close before the whole body is sent (too large): that is fine.
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)));
    if (Buffer.isBuffer(body)) {
      if (opts.chunked) {
        for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
        req.end();
      } else req.end(body);
    } else body.pipe(req);
  });
}
