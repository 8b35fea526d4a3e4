// Node only.
// The API half of the loopback host, as described in shared/core/api/http-protocol.ts:
// calls, the event stream and uploads. Every answer is a JSON Result (also for 4xx), so the
// browser always has a message in words to show.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers, CallContext } from '../../core/api/contract';
import { CALL_PATH, DOWNLOAD_PATH, EVENTS_PATH, MAX_CALL_BODY_BYTES, UPLOAD_PATH } from '../../core/api/http-protocol';
import { fail, ok, toAppError, type Result } from '../../core/result';
import { dispatchCall } from '../api/dispatch';
import type { SourceRegistry } from '../sources/source-registry';
import { uploadTooLargeError } from '../sources/source-registry';
import type { EventHub } from './event-hub';
import type { ExportRegistry } from '../exports/export-registry';
import { handleDownload } from './download-route';
import { bearerMatches } from './security';

export interface ApiRouteDeps {
  handlers: ApiHandlers;
  sources: SourceRegistry;
  exports: ExportRegistry;
  hub: EventHub;
  token: string;
  maxUploadBytes: number;
}

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** Answers early without reading the body: close the connection so it cannot stall. */
function sendJsonAndClose(req: IncomingMessage, res: ServerResponse, status: number, body: Result<unknown>, extra: Record<string, string> = {}): void {
  const unread = !req.complete;
  sendJson(res, status, body, unread ? { Connection: 'close', ...extra } : extra);
  if (unread) res.on('finish', () => req.destroy());
}

const wrongMethod = (allow: string) =>
  fail('bad-request', `This address of Mesh Desk only answers ${allow} requests, so nothing was done.`);

export async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams, deps: ApiRouteDeps): Promise<void> {
  if (!bearerMatches(req.headers.authorization, deps.token)) {
    sendJsonAndClose(req, res, 401, fail('unauthorized', 'This page is not connected to the running Mesh Desk: its access key is missing or wrong. Open Mesh Desk again with the link it printed when it started.'), {
      'WWW-Authenticate': 'Bearer',
    });
    return;
  }
  if (pathname.startsWith(CALL_PATH)) return handleCall(req, res, pathname.slice(CALL_PATH.length), deps);
  if (pathname === EVENTS_PATH) {
    if (req.method !== 'GET') return sendJsonAndClose(req, res, 405, wrongMethod('GET'), { Allow: 'GET' });
    deps.hub.attach(req, res);
    return;
  }
  if (pathname === UPLOAD_PATH) return handleUpload(req, res, search, deps);
  if (pathname.startsWith(DOWNLOAD_PATH)) return handleDownload(req, res, pathname.slice(DOWNLOAD_PATH.length), deps.exports);
  sendJsonAndClose(req, res, 404, fail('not-found', 'Mesh Desk has no such request, so nothing was done.'));
}

async function handleCall(req: IncomingMessage, res: ServerResponse, rawName: string, deps: ApiRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendJsonAndClose(req, res, 405, wrongMethod('POST'), { Allow: 'POST' });
  // Requiring JSON also rules out HTML forms, which can only send "simple" content types.
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return sendJsonAndClose(req, res, 415, fail('bad-request', 'Mesh Desk expects requests written as JSON, so nothing was done.'));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_CALL_BODY_BYTES) return sendJsonAndClose(req, res, 413, tooBigCall());
  const body = await readBody(req, MAX_CALL_BODY_BYTES);
  if (body === 'too-large') return sendJsonAndClose(req, res, 413, tooBigCall());
  if (body === 'aborted') return; // the tab went away; nobody to answer
  let input: unknown;
  try {
    input = JSON.parse(body.length === 0 ? 'null' : body.toString('utf8'));
  } catch {
    return sendJson(res, 400, fail('bad-request', 'Mesh Desk received a request it could not read (broken JSON), so nothing was done.'));
  }
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = rawName;
  }
  const ctx: CallContext = { emit: (event, payload) => deps.hub.broadcast(event, payload) };
  sendJson(res, 200, await dispatchCall(deps.handlers, name, input, ctx));
}

const tooBigCall = () =>
  fail('bad-request', `Mesh Desk refused a request larger than ${MAX_CALL_BODY_BYTES / 1024 / 1024} MB. Files must be added with the "Add file" button instead.`);

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req.iterator({ destroyOnReturn: false })) {
      size += (chunk as Buffer).length;
      if (size > limit) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks);
}

async function handleUpload(req: IncomingMessage, res: ServerResponse, search: URLSearchParams, deps: ApiRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendJsonAndClose(req, res, 405, wrongMethod('POST'), { Allow: 'POST' });
  const name = search.get('name') ?? '';
  if (name.trim() === '' || name.length > 1024) {
    return sendJsonAndClose(req, res, 400, fail('bad-request', 'The file was sent without a usable name, so it was not added. Choose the file again.'));
  }
  const rawDate = search.get('lastModified');
  const lastModified = rawDate !== null && /^-?\d{1,16}$/.test(rawDate) ? Number(rawDate) : undefined;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > deps.maxUploadBytes) {
    return sendJsonAndClose(req, res, 413, { ok: false, error: uploadTooLargeError(name, deps.maxUploadBytes).toAppError() });
  }
  // Stop writing as soon as the tab goes away, so a half file never lingers.
  const aborted = new AbortController();
  const onClose = () => {
    if (!req.complete) aborted.abort();
  };
  req.on('close', onClose);
  try {
    const ref = await deps.sources.addUpload(name, lastModified, req, deps.maxUploadBytes, aborted.signal);
    sendJson(res, 200, ok(ref));
  } catch (e) {
    const error = toAppError(e);
    sendJsonAndClose(req, res, error.code === 'upload.too-large' ? 413 : 200, { ok: false, error });
  } finally {
    req.off('close', onClose);
  }
}
