// Node only.
// In browser mode Mesh Desk opens its page in a Chromium-family browser as an app window
// (--app: no tabs or address bar, so it feels like the desktop app) with a fresh, throw-away
// profile, so no extension or stored site data of the owner's browser can see the page.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Whether a window can be shown: Linux needs an X11 or Wayland display; macOS and Windows always can. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Looks for a program on PATH. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && exists(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The browser named by $MESH_DESK_BROWSER, else the first Chromium-family browser found, or null. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (p: string) => boolean = existsSync,
): string | null {
  const chosen = env.MESH_DESK_BROWSER?.trim();
  if (chosen) return exists(chosen) ? chosen : onPath(chosen, env, exists);
  const fixed: string[] = [];
  // Debian's wrapper first, then its real binary (present even where the wrapper is not).
  if (platform === 'linux') fixed.push('/usr/bin/chromium', '/usr/lib/chromium/chromium');
  if (platform === 'darwin') {
    fixed.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium');
  }
  if (platform === 'win32') {
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA]) {
      if (base) fixed.push(join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
    // Edge is Chromium-based, understands --app, and ships with Windows.
    for (const base of [env['ProgramFiles(x86)'], env.ProgramFiles]) {
      if (base) fixed.push(join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  }
  for (const p of fixed) if (exists(p)) return p;
  if (platform === 'win32') return null;
  for (const name of PATH_NAMES) {
    const found = onPath(name, env, exists);
    if (found) return found;
  }
  return null;
}

export interface AppWindow {
  child: ChildProcess;
  /** Closes the window (if still open) and removes its temporary profile. */
  close(): Promise<void>;
}

/** Opens `url` as an app window in a fresh temporary profile. */
export function openAppWindow(browser: string, url: string): AppWindow {
  const profile = mkdtempSync(join(tmpdir(), 'mesh-desk-browser-'));
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'];
  // Chromium refuses to start as root unless its sandbox is switched off.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(browser, args, { stdio: 'ignore' });
  const cleanUp = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  child.on('exit', cleanUp);
  child.on('error', cleanUp);
  return {
    child,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
      // Wait (briefly) for the browser to go, so its profile can be removed after it.
      const gone = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 3000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
      child.kill();
      await gone;
    },
  };
}

/** Opens `url` in the system's default browser (fallback when no Chromium is found). */
export function openDefaultBrowser(url: string, platform: NodeJS.Platform = process.platform): ChildProcess | null {
  const command =
    platform === 'darwin'
      ? { file: 'open', args: [url] }
      : platform === 'win32'
        ? // "start" is a shell built-in; the empty title argument keeps the URL from being taken as one.
          { file: 'cmd.exe', args: ['/d', '/c', 'start', '""', url] }
        : { file: 'xdg-open', args: [url] };
  if (platform !== 'darwin' && platform !== 'win32' && !onPath('xdg-open')) return null;
  const child = spawn(command.file, command.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform === 'win32' });
  child.on('error', () => {});
  child.unref();
  return child;
}
