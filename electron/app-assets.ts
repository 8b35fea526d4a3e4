// Runs anywhere (pure; no Electron, no Node built-ins).
// Maps an app://mesh-desk/… request URL onto a file below build/renderer, refusing anything
// that could reach outside it. Chromium already folds "/../" out of standard-scheme URLs, but
// encoded forms (%2e%2e, %2f, %5c), NUL bytes, drive letters and dotfiles arrive intact, so
// every path segment is decoded and checked against a narrow allow-list.

import { APP_HOST, APP_SCHEME } from './security-policy';

export type AssetResolution =
  | { ok: true; segments: string[]; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 };

/** Only file types a built Vite renderer contains; anything else is not served. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
};

/** A segment starts with a letter or digit (so never "." "..", or a dotfile) and stays plain. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@+~-]{0,127}$/;
const MAX_DEPTH = 8;

export function mimeTypeFor(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return MIME_TYPES[fileName.slice(dot + 1).toLowerCase()];
}

export function resolveAppAsset(requestUrl: string): AssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return { ok: false, status: 403 };
  if (url.port !== '' || url.username !== '' || url.password !== '') return { ok: false, status: 403 };

  const rawPath = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  // Backslashes are separators on Windows: refuse them raw or encoded, never translate them.
  if (rawPath.includes('\\')) return { ok: false, status: 403 };
  const rawSegments = rawPath.split('/').slice(1);
  if (rawSegments.length > MAX_DEPTH) return { ok: false, status: 404 };

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (!SAFE_SEGMENT.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  const last = segments[segments.length - 1];
  const mimeType = last === undefined ? undefined : mimeTypeFor(last);
  if (mimeType === undefined) return { ok: false, status: 404 };
  return { ok: true, segments, mimeType };
}
