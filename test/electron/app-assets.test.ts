// Tests of the app:// URL → renderer file mapping (pure).
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAsset } from '../../electron/app-assets';

describe('resolveAppAsset', () => {
  it('maps the root and plain paths to files below the renderer folder', () => {
    expect(resolveAppAsset('app://mesh-desk/')).toEqual({ ok: true, segments: ['index.html'], mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset('app://mesh-desk')).toMatchObject({ ok: true, segments: ['index.html'] });
    expect(resolveAppAsset('app://mesh-desk/assets/index-CWmH0dNQ.js')).toEqual({
      ok: true,
      segments: ['assets', 'index-CWmH0dNQ.js'],
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset('app://mesh-desk/logo.svg?v=2#x')).toMatchObject({ ok: true, segments: ['logo.svg'], mimeType: 'image/svg+xml' });
    expect(resolveAppAsset('app://MESH-DESK/index.html')).toMatchObject({ ok: true });
  });

  it('keeps URL-normalised dot segments inside the renderer folder', () => {
    // The URL parser folds "/%2e%2e/" like "/../", and never above the root.
    expect(resolveAppAsset('app://mesh-desk/%2e%2e/%2e%2e/etc/passwd.txt')).toMatchObject({ ok: true, segments: ['etc', 'passwd.txt'] });
    expect(resolveAppAsset('app://mesh-desk/assets/../../x.js')).toMatchObject({ ok: true, segments: ['x.js'] });
  });

  it.each([
    'app://mesh-desk/assets/%2E%2E%2Fsecret.js',
    'app://mesh-desk/..%2f..%2fsecret.js',
    'app://mesh-desk/assets/..%5c..%5csecret.js',
    'app://mesh-desk/assets\\..\\secret.js',
    'app://mesh-desk/.env.json',
    'app://mesh-desk/assets/.hidden.js',
    'app://mesh-desk/C:%5cWindows%5cwin.ini.txt',
    'app://mesh-desk/c:/Windows/win.ini.txt',
    'app://mesh-desk/index.html%00.js',
    'app://mesh-desk/a%20b.js',
    'app://mesh-desk//etc/passwd.txt',
  ])('refuses the traversal or odd name %s', (url) => {
    const r = resolveAppAsset(url);
    expect(r.ok).toBe(false);
  });

  it('refuses other hosts, schemes, credentials and ports', () => {
    for (const url of [
      'app://other/index.html',
      'https://mesh-desk/index.html',
      'file:///index.html',
      'app://x@mesh-desk/index.html',
      'app://mesh-desk:99/index.html',
    ]) {
      expect(resolveAppAsset(url)).toEqual({ ok: false, status: 403 });
    }
    expect(resolveAppAsset('::::')).toEqual({ ok: false, status: 400 });
    expect(resolveAppAsset('app://mesh-desk/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
  });

  it('serves only known file types, and not too deep', () => {
    expect(resolveAppAsset('app://mesh-desk/assets/')).toEqual({ ok: false, status: 403 });
    expect(resolveAppAsset('app://mesh-desk/package')).toEqual({ ok: false, status: 404 });
    expect(resolveAppAsset('app://mesh-desk/run.exe')).toEqual({ ok: false, status: 404 });
    expect(resolveAppAsset('app://mesh-desk/a/b/c/d/e/f/g/h/i.js')).toEqual({ ok: false, status: 404 });
    expect(resolveAppAsset('app://mesh-desk/a/b/c/d/e/f/g/h.js')).toMatchObject({ ok: true });
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build produces, case-insensitively', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('noext')).toBeUndefined();
    expect(mimeTypeFor('.js')).toBeUndefined();
  });
});
