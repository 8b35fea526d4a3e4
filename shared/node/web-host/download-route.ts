// Node only.
// GET /api/download/<id>: hands a file Mesh Desk made (a quality report) to the browser, once
// the page asks with its token. Only ids the ExportRegistry issued are served; the name in the
// Content-Disposition header is the owner's file name, encoded per RFC 6266 / 5987.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../core/result';
import type { ExportRegistry } from '../exports/export-registry';
import { sendJson } from './api-routes';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function handleDownload(req: IncomingMessage, res: ServerResponse, id: string, exports: ExportRegistry): Promise<void> {
  if (req.method !== 'GET') {
    sendJson(res, 405, fail('bad-request', 'This address of Mesh Desk only answers GET requests, so nothing was done.'), { Allow: 'GET' });
    return;
  }
  const entry = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? exports.get(id) : undefined;
  const info = entry && (await stat(entry.path).catch(() => undefined));
  if (!entry || !info?.isFile()) {
    sendJson(res, 404, fail('not-found', 'That file is no longer available. Save it again.'));
    return;
  }
  const ext = entry.name.split('.').pop()?.toLowerCase() ?? '';
  const ascii = entry.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
    'Cache-Control': 'no-store',
  });
  createReadStream(entry.path).on('error', () => res.destroy()).pipe(res);
}
