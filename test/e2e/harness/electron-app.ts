// Test helper (Node). Launches the built Electron app under Playwright for the end-to-end specs.
// The Electron binary cannot be downloaded on every machine, so electronBinaryPath() finds it
// without ever triggering a download, and the specs skip the Electron target when it is absent.
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../..');
const electronPackage = join(repo, 'node_modules', 'electron');
const mainBundle = join(repo, 'build', 'electron', 'main.cjs');

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The Electron executable, or undefined when it is not installed. Deliberately does NOT
 * require('electron'): that package's index.js starts a download when its binary is missing.
 * It reads the same path.txt instead, and honours MESH_DESK_ELECTRON (an explicit binary) and
 * ELECTRON_OVERRIDE_DIST_PATH (the package's own override).
 */
export function electronBinaryPath(): string | undefined {
  const explicit = process.env.MESH_DESK_ELECTRON?.trim();
  if (explicit) return isFile(explicit) ? explicit : undefined;
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const candidate = join(override, relative || 'electron');
    return isFile(candidate) ? candidate : undefined;
  }
  if (!relative) return undefined;
  const candidate = join(electronPackage, 'dist', relative);
  return isFile(candidate) ? candidate : undefined;
}

export interface LaunchedElectronApp {
  page: Page;
  app: ElectronApplication;
  close(): Promise<void>;
}

/** Starts build/electron/main.cjs with its own data folder and returns its first window. */
export async function launchElectronApp(opts: { dataDir: string; timeoutMs?: number }): Promise<LaunchedElectronApp> {
  const executablePath = electronBinaryPath();
  if (!executablePath) throw new Error('The Electron binary is not installed (node_modules/electron/dist is missing).');
  for (const file of [mainBundle, join(repo, 'build', 'electron', 'preload.cjs'), join(repo, 'build', 'renderer', 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" before the Electron end-to-end tests.`);
  }

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // Would turn Electron into plain Node and the app would never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  env.MESH_DESK_HOME = opts.dataDir;

  // Chromium refuses to start its sandbox as root (containers, CI); the renderer is still
  // Electron-sandboxed (no Node in the page or preload) without the OS layer.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const switches = process.platform === 'linux' && isRoot ? ['--no-sandbox'] : [];

  const app = await _electron.launch({
    executablePath,
    // The repo folder, not main.cjs itself: Electron then reads package.json ("main" points at
    // build/electron/main.cjs), so app.getVersion() and the app name are Mesh Desk's own.
    args: [...switches, repo],
    cwd: repo,
    env,
    timeout: opts.timeoutMs ?? 60_000,
  });
  try {
    const page = await app.firstWindow({ timeout: opts.timeoutMs ?? 60_000 });
    await page.waitForLoadState('domcontentloaded');
    return {
      page,
      app,
      async close() {
        await app.close();
      },
    };
  } catch (e) {
    await app.close().catch(() => {});
    throw e;
  }
}
