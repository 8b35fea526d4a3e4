// Tests of the Electron shell's security decisions (pure; no Electron binary needed).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSender,
} from '../../electron/security-policy';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the renderer policy, plus frame-ancestors which only works as a header', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromHtml = directives(meta!);
    const ours = directives(CONTENT_SECURITY_POLICY);
    for (const [name, value] of fromHtml) expect(ours.get(name), name).toBe(value);
    expect(ours.get('frame-ancestors')).toBe("'none'");
    expect([...ours.keys()].sort()).toEqual([...new Set([...fromHtml.keys(), 'frame-ancestors'])].sort());
  });

  it('allows no inline or remote script', () => {
    const ours = directives(CONTENT_SECURITY_POLICY);
    expect(ours.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('isAppUrl / isAllowedNavigation', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/publish`, 'app://MESH-DESK/index.html', `${APP_ORIGIN}/assets/a.js?x=1`])(
    'allows %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'https://example.com/',
    'http://mesh-desk/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://mesh-desk.evil.example/index.html',
    'app://evil@mesh-desk/index.html',
    'app://user:pw@mesh-desk/',
    'app://mesh-desk:8080/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
    `${APP_ORIGIN}/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const x of [undefined, null, 42, {}, ['app://mesh-desk/']]) expect(isAllowedNavigation(x)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/docs?a=1#b', 'https://sub.example.org', 'mailto:data-team@example.com', 'mailto:a@example.com?subject=Hi'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share/evil.exe',
    'ms-officecmd:{"id":3}',
    'search-ms:query=x',
    'javascript:alert(1)',
    'app://mesh-desk/index.html',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'https://',
    'mailto:',
    'ftp://example.com/',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('isTrustedSender', () => {
  it('accepts frames on the app origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/x`)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/`, `${APP_ORIGIN}/`)).toBe(true);
  });

  it.each([
    'https://mesh-desk/index.html',
    'app://mesh-desk.evil/index.html',
    'app://x@mesh-desk/index.html',
    'app://mesh-desk:1/index.html',
    'file:///index.html',
    'about:blank',
    'null',
    '',
  ])('refuses %s', (url) => expect(isTrustedSender(url, APP_ORIGIN)).toBe(false));

  it('refuses missing URLs', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
