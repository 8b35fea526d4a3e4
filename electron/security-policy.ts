// Runs anywhere (pure; no Electron import, so it is unit-tested without the binary).
// The security decisions of the desktop shell in one place: where the window may navigate,
// which links may leave the app, which frames may talk to the main process, and the
// Content-Security-Policy every app response carries.

/**
 * The renderer is served from a custom privileged scheme instead of file://. Reasons:
 * a file:// page may read any other file:// URL the user can, its origin is opaque so CSP
 * 'self' and sender checks have nothing precise to compare with, and response headers (CSP)
 * cannot be attached. app://mesh-desk is a real, single origin that only serves build/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mesh-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Same policy as the <meta> in renderer/index.html; sent as a header on every app response. */
export { CONTENT_SECURITY_POLICY } from '../shared/core/api/content-security-policy';

/** Longest URL we bother to parse; anything longer is refused outright. */
const MAX_URL_LENGTH = 4096;

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when the URL belongs to the app's own origin. Compared field by field because Node's
 * URL gives custom schemes an opaque origin ("null"); Chromium lower-cases hosts of standard
 * schemes, so we do the same. Credentials or a port never appear in a URL we generate.
 */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname.toLowerCase() === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** The window may only ever show the app itself (will-navigate, will-redirect, frames). */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/**
 * Links the owner may open in their own browser or mail program: https with a host, or mailto.
 * Refused: http (no integrity), file:, javascript:, custom OS handlers (smb:, ms-officecmd: …,
 * a classic route to code execution through shell.openExternal), and https URLs carrying
 * credentials, which are a phishing trick ("https://bank.example@evil.example").
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  const u = parseUrl(url);
  if (u === null) return false;
  if (u.protocol === 'mailto:') return u.pathname.length > 0 && !/[\u0000-\u001f]/.test(u.href);
  return u.protocol === 'https:' && u.hostname.length > 0 && u.username === '' && u.password === '';
}

/**
 * Whether an IPC message comes from our own page. The main process also checks that the frame
 * is the main window's top frame; this checks the frame's URL is on the app's origin.
 */
export function isTrustedSender(frameUrl: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const expected = parseUrl(appOrigin.endsWith('/') ? appOrigin : `${appOrigin}/`);
  const actual = parseUrl(frameUrl);
  if (expected === null || actual === null) return false;
  return (
    actual.protocol === expected.protocol &&
    actual.hostname.toLowerCase() === expected.hostname.toLowerCase() &&
    actual.port === expected.port &&
    actual.username === '' &&
    actual.password === ''
  );
}
