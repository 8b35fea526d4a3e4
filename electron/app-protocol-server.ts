// Node only (no Electron import, so it is tested under plain Node with its fetch Response).
// Answers app://mesh-desk/… requests from the built renderer folder. After the URL check in
// app-assets.ts, the real path is resolved once more so a symlink inside build/renderer cannot
// point the window at some other file on the disk.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveAppAsset } from './app-assets';
import { CONTENT_SECURITY_POLICY } from './security-policy';

/** Headers on every response, including errors: the CSP must hold even on a 404 page. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Local files are cheap to read, and a stale cached bundle after an update is worse.
    'Cache-Control': 'no-store',
  };
}

function refuse(status: number): Response {
  const text = status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Refused';
  return new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Returns the protocol handler for one renderer folder (e.g. build/renderer). */
export function createAppAssetServer(rendererRoot: string): (request: AppRequest) => Promise<Response> {
  const rootPromise = fs.realpath(rendererRoot).catch(() => null);

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppAsset(request.url);
    if (!resolved.ok) return refuse(resolved.status);
    const root = await rootPromise;
    if (root === null) return refuse(404);
    try {
      const real = await fs.realpath(path.join(root, ...resolved.segments));
      if (!isInside(root, real)) return refuse(403);
      const stat = await fs.stat(real);
      if (!stat.isFile()) return refuse(404);
      const headers = { ...baseHeaders(), 'Content-Type': resolved.mimeType };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'Content-Length': String(stat.size) } });
      const body = new Uint8Array(await fs.readFile(real));
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(body.byteLength) } });
    } catch {
      // Missing files and unreadable ones look the same to the page: not found.
      return refuse(404);
    }
  };
}
