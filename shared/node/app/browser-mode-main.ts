// Node only.
// `npm start` without an Electron runtime: build the screens if they are out of date, start the
// loopback web host, open it in a Chromium app window when a display exists, and stay up until
// Ctrl+C / SIGTERM (or until the window we opened is closed), then shut down cleanly.

import { join } from 'node:path';
import { UserFacingError } from '../../core/result';
import { launchBrowserMode, type BrowserModeHost } from '../web-host/launch';
import { resolveDataDir } from './data-dir';
import { findChromium, hasDisplay, openAppWindow, openDefaultBrowser, type AppWindow } from './open-browser';
import { buildRenderer, RENDERER_OUTPUT, rendererIsStale } from './renderer-build';

export interface MainOptions {
  /** Repository root (where package.json is). */
  repo: string;
  env?: NodeJS.ProcessEnv;
  /** Why Electron is not used, printed once. */
  electronNote?: string;
  log?: (line: string) => void;
}

/** Reads MESH_DESK_PORT: absent → a random free port. */
export function portFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.MESH_DESK_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError('start.bad-port', `MESH_DESK_PORT must be a port number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

/** Starts browser mode; resolves once it is shut down again. */
export async function main(opts: MainOptions): Promise<void> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(line));
  const port = portFromEnv(env);
  const dataDir = resolveDataDir(env);
  // MESH_DESK_STATIC_DIR serves an already built folder as is (tests, packaged copies).
  const staticDir = env.MESH_DESK_STATIC_DIR || join(opts.repo, RENDERER_OUTPUT);
  if (!env.MESH_DESK_STATIC_DIR && rendererIsStale(opts.repo)) {
    log('Building the Mesh Desk screens (first start, or the sources changed)…');
    await buildRenderer(opts.repo);
  }

  const host: BrowserModeHost = await launchBrowserMode({ dataDir, staticDir, ...(port ? { port } : {}) });
  log('');
  log(`Mesh Desk is running at ${host.url}`);
  if (opts.electronNote) log(opts.electronNote);
  log(`Your data folder: ${dataDir}`);

  let window: AppWindow | null = null;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));

  if (env.MESH_DESK_NO_OPEN === '1') {
    log('Open the address above in Chrome, Chromium or Edge. Press Ctrl+C to stop Mesh Desk.');
  } else if (!hasDisplay(env)) {
    log('No screen was found (no DISPLAY), so no window was opened: open the address above in a browser. Press Ctrl+C to stop.');
  } else {
    const browser = findChromium(env);
    if (browser) {
      const openedAt = Date.now();
      window = openAppWindow(browser, host.url);
      window.child.on('error', (e) => log(`Could not open ${browser} (${e.message}). Open the address above in a browser instead.`));
      window.child.on('exit', (code) => {
        // A browser that fails at once (missing libraries, sandbox) leaves the host running.
        if (code !== 0 && Date.now() - openedAt < 5000) {
          log('The browser window could not be opened. Open the address above in a browser instead.');
          window = null;
          return;
        }
        log('The Mesh Desk window was closed.');
        stop();
      });
      log('A Mesh Desk window is opening. Close it, or press Ctrl+C here, to stop Mesh Desk.');
    } else {
      openDefaultBrowser(host.url);
      log('Opening Mesh Desk in your default browser (Chrome, Chromium or Edge works best). Press Ctrl+C to stop.');
    }
  }

  const onSignal = () => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  log('Stopping Mesh Desk…');
  // A second Ctrl+C while closing ends at once rather than leaving the owner stuck.
  const force = () => process.exit(130);
  process.once('SIGINT', force);
  await Promise.all([(window as AppWindow | null)?.close(), host.close()]);
  process.off('SIGINT', force);
  log('Mesh Desk has stopped.');
}
