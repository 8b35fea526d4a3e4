// Node only (Electron main process).
// Hardening applied to the session and to every webContents the app ever creates (so a window
// opened by mistake in the future is covered too): no navigation away from the app, no new
// windows, no <webview>, no permissions, no requests to the network from the page.

import { shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAllowedNavigation } from './security-policy';

function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn(`[mesh-desk] Refused to open a link with an unsupported address: ${url.slice(0, 200)}`);
    return;
  }
  shell.openExternal(url).catch((e: unknown) => {
    console.warn(`[mesh-desk] Could not open ${url.slice(0, 200)}: ${e instanceof Error ? e.message : String(e)}`);
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A plain <a href="https://…"> in the page: the owner meant to open it in their browser.
    if (event.isMainFrame) openExternally(event.url);
  });
  // Also catches iframes and navigations that will-navigate does not report.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Schemes the page itself may request; everything else (http, https, ws, file …) is cancelled. */
const PAGE_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function hardenSession(ses: Session): void {
  // Camera, microphone, notifications, clipboard reads, geolocation …: Mesh Desk needs none.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: the page never talks to the network or reads file:// URLs.
  // Node code in the main process (file and S3 access) does not go through this session.
  ses.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      // unparsable: cancelled below
    }
    const allowed = PAGE_SCHEMES.has(scheme);
    if (!allowed) console.warn(`[mesh-desk] Blocked a request from the page to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
