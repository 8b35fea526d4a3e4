// Node only.
// Serves the built renderer (build/renderer/) to the browser. Only files inside the folder are
// ever read: a request path is decoded once, refused if it holds "..", a backslash or NUL in
// any spelling, then resolved and checked (also after following symlinks) to stay inside.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a raw request path ("/assets/x.js?v=1") to a file inside `root`, or null when it is not
 * a safe, plain path. Pure, so every traversal spelling can be tested directly.
 */
export function safeStaticPath(root: string, rawUrl: string): string | null {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  // Refuse encoded separators, dots and NUL outright: a plain renderer never needs them.
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : null;
}

export type StaticAnswer = { status: 200; path: string; size: number } | { status: 404 };

/** Finds the file for a request, following symlinks only when they stay inside the folder. */
export async function findStaticFile(root: string, rawUrl: string): Promise<StaticAnswer> {
  const candidate = safeStaticPath(root, rawUrl);
  if (!candidate) return { status: 404 };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return { status: 404 };
    const info = await stat(realFile);
    if (!info.isFile()) return { status: 404 };
    return { status: 200, path: realFile, size: info.size };
  } catch {
    return { status: 404 };
  }
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return;
  }
  const found = await findStaticFile(root, req.url ?? '/');
  if (found.status === 404) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(found.path),
    'Content-Length': String(found.size),
    // The host lives for one launch and serves a few small files: always revalidate.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
