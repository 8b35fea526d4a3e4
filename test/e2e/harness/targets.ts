// Test helper (Node). The apps the end-to-end specs run against: the browser mode (loopback
// web host + Debian Chromium) always, and the Electron app wherever its binary exists.
import { chromium, type Browser, type Page } from 'playwright';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowserMode } from '../../../shared/node/web-host/launch';
import { electronBinaryPath, launchElectronApp } from './electron-app';
import { tempDir } from '../../fixtures/make-fixtures';

export interface RunningApp {
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export interface Target {
  name: 'browser' | 'electron';
  launch(): Promise<RunningApp>;
}

const repo = resolve(__dirname, '../../..');

export function chromiumPath(): string {
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  throw new Error('Chromium is not installed: apt-get install chromium (the end-to-end tests drive Debian Chromium).');
}

const browserTarget: Target = {
  name: 'browser',
  async launch() {
    const dataDir = tempDir('mesh-desk-e2e-');
    // Each run publishes into its own folder mesh, never into the real ~/Documents.
    const host = await launchBrowserMode({ dataDir, staticDir: resolve(repo, 'build/renderer'), meshFolder: resolve(dataDir, 'mesh') });
    const browser: Browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    const url = host.url.includes('#token=') ? host.url : `${host.url.replace(/\/?$/, '/')}#token=${host.token}`;
    await page.goto(url);
    return {
      page,
      dataDir,
      async close() {
        await browser.close();
        await host.close();
      },
    };
  },
};

const electronTarget: Target = {
  name: 'electron',
  async launch() {
    const dataDir = tempDir('mesh-desk-e2e-electron-');
    const app = await launchElectronApp({ dataDir });
    return { page: app.page, dataDir, close: () => app.close() };
  },
};

/** Browser always; Electron too when its runtime is installed (never downloadable here). */
export const targets: Target[] = electronBinaryPath() ? [browserTarget, electronTarget] : [browserTarget];
