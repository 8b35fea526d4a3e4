// Node only (Electron main process).
// Creates the one Mesh Desk window and loads the renderer from the app:// origin.

import { BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import type { BundlePaths } from './bundle-paths';
import { APP_ENTRY_URL } from './security-policy';
import { mainWindowOptions } from './window-options';

export function createMainWindow(paths: BundlePaths, devTools: boolean): BrowserWindow {
  const iconPath = paths.iconCandidates.find((p) => existsSync(p));
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: paths.preload, devTools, ...(iconPath ? { iconPath } : {}) }));

  win.once('ready-to-show', () => win.show());

  // The page's own <title> may change; the window keeps the product name the owner knows.
  win.on('page-title-updated', (event) => event.preventDefault());

  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    console.error(`[mesh-desk] The window's page stopped (${details.reason}, exit code ${details.exitCode}).`);
    if (win.isDestroyed()) return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'Mesh Desk',
        message: 'The Mesh Desk window stopped unexpectedly.',
        detail: 'Your files were not changed. Choose Reload to open the window again.',
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (win.isDestroyed()) return;
        if (response === 0) void win.loadURL(APP_ENTRY_URL);
        else win.close();
      });
  });

  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    console.error(`[mesh-desk] Could not load ${url} (${code} ${description}). Was the renderer built (npm run build:renderer)?`);
  });

  void win.loadURL(APP_ENTRY_URL).catch((e: unknown) => {
    console.error(`[mesh-desk] Loading the window failed: ${e instanceof Error ? e.message : String(e)}`);
  });
  return win;
}
