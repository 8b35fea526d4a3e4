// Node only (Electron main process). Bundled by electron/build.mjs to build/electron/main.cjs.
// Lifecycle and wiring: one instance, one window, the app:// protocol, the API over IPC. The
// heavy work (reading and profiling files) runs in the JobRunner's worker threads, never here,
// so the window never freezes.

import { app, dialog, Menu, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { EventName, SavedFile } from '../shared/core/api/contract';
import { toAppError } from '../shared/core/result';
import { dispatchCall } from '../shared/node/api/dispatch';
import { createHandlers } from '../shared/node/api/handlers';
import { resolveDataDir } from '../shared/node/app/data-dir';
import { JobRunner } from '../shared/node/jobs/job-runner';
import { openSourceRegistry } from '../shared/node/sources/source-registry';
import { MeshSettingsStore } from '../shared/node/settings/mesh-settings';
import { createAppAssetServer } from './app-protocol-server';
import { bundlePaths } from './bundle-paths';
import { hardenSession, hardenWebContents } from './guards';
import { EVENT_CHANNEL } from './ipc-channels';
import { registerIpcHandlers } from './ipc-main';
import { createIpcRoutes } from './ipc-routes';
import { createMainWindow } from './main-window';
import { aboutDetail, buildMenuTemplate } from './menu-template';
import { chosenPath, openFileDialogOptions, saveFileDialogOptions } from './open-dialog';
import { canRequestOpenFile, OPEN_FILE_EVENT, OPEN_FILE_PAYLOAD } from './open-file-request';
import { APP_SCHEME } from './security-policy';
import { createKeyVault } from './key-vault';
import { createUploadSessions } from './upload-sessions';

const APP_NAME = 'Mesh Desk';
/** Longest wait for background jobs to stop when quitting. */
const QUIT_DEADLINE_MS = 8000;

// Must happen before 'ready'. standard: real origin and relative URLs; secure: a secure context
// like https; supportFetchAPI + corsEnabled: Vite's <script type="module" crossorigin> loads.
// bypassCSP stays off: our own CSP header applies.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);
// Every renderer is sandboxed, even one created by mistake without the flag.
app.enableSandbox();
app.setName(APP_NAME);

/**
 * The data folder: $MESH_DESK_HOME wins (end-to-end tests rely on it), else the platform's
 * app-data folder. Chromium's own profile (cache, storage) goes into a sub-folder of it, set
 * before 'ready': tests with different homes then share nothing and may run side by side, and
 * the single-instance lock (kept in the profile) is per data folder.
 */
function prepareDataDir(): string | null {
  try {
    const dir = resolveDataDir();
    app.setPath('userData', path.join(dir, 'browser-profile'));
    return dir;
  } catch (e) {
    startupFailed(e);
    return null;
  }
}

let mainWindow: BrowserWindow | null = null;
let jobs: JobRunner | null = null;
let shuttingDown = false;

function log(message: string): void {
  console.warn(`[mesh-desk] ${message}`);
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Host → page events go to the main window only, on one channel. */
function sendEvent(name: EventName, payload: unknown): void {
  const win = mainWindow;
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(EVENT_CHANNEL, name, payload);
}

async function pickFile(): Promise<string | null> {
  const options = openFileDialogOptions(app.getPath('documents'));
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return chosenPath(result);
}

/** Where a report goes: the owner picks the place; null when they cancel. */
async function saveTarget(suggestedName: string): Promise<{ path: string; saved: SavedFile } | null> {
  const options = saveFileDialogOptions(path.join(app.getPath('documents'), suggestedName));
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return { path: result.filePath, saved: { name: path.basename(result.filePath), savedTo: result.filePath } };
}

function showAbout(dataDir: string): void {
  const options = {
    type: 'info' as const,
    title: `About ${APP_NAME}`,
    message: APP_NAME,
    detail: aboutDetail(app.getVersion(), dataDir),
    buttons: ['OK'],
  };
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

async function start(dataDir: string): Promise<void> {
  const devTools = !app.isPackaged;
  const paths = bundlePaths(__dirname);

  hardenSession(session.defaultSession);
  const serveAsset = createAppAssetServer(paths.rendererRoot);
  protocol.handle(APP_SCHEME, (request) => serveAsset({ url: request.url, method: request.method }));

  const sources = await openSourceRegistry({ dataDir });
  jobs = new JobRunner({ workerUrl: paths.worker });
  const settings = new MeshSettingsStore(dataDir, createKeyVault(dataDir, safeStorage));
  // broadcast: the outbox sends queued publishes by itself and tells the window (outbox.changed, progress).
  const handlers = createHandlers({ mode: 'electron', version: app.getVersion(), dataDir, sources, jobs, settings, pickFile, saveTarget, broadcast: (name, payload) => sendEvent(name, payload) });

  const routes = createIpcRoutes({
    dispatch: (name, input, ctx) => dispatchCall(handlers, name, input, ctx),
    addPath: (p) => sources.addPath(p),
    uploads: createUploadSessions({
      addUpload: (name, lastModified, body, signal) => sources.addUpload(name, lastModified, body, undefined, signal),
    }),
    emit: (name, payload) => sendEvent(name, payload),
    log,
  });
  registerIpcHandlers(routes, () => mainWindow);

  const openFileAvailable = canRequestOpenFile();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: APP_NAME,
        devTools,
        canOpenFile: openFileAvailable,
        actions: {
          openFile: () => {
            if (!openFileAvailable) return;
            focusMainWindow();
            sendEvent(OPEN_FILE_EVENT, OPEN_FILE_PAYLOAD);
          },
          showAbout: () => showAbout(dataDir),
        },
      }),
    ),
  );

  const openWindow = () => {
    const win = createMainWindow(paths, devTools);
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
  };
  openWindow();
  // macOS: clicking the dock icon with no window open brings one back.
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
}

function startupFailed(e: unknown): void {
  const message = toAppError(e).message;
  console.error(`[mesh-desk] Could not start: ${message}`);
  dialog.showErrorBox('Mesh Desk could not start', message);
  app.exit(1);
}

const dataDir = prepareDataDir();
if (dataDir === null) {
  // startupFailed() has told the owner and is exiting.
} else if (!app.requestSingleInstanceLock()) {
  // Another Mesh Desk is running; it is brought to the front by its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Stop the worker threads before exiting, so no job is left writing half a file.
  app.on('will-quit', (event) => {
    if (shuttingDown || jobs === null) return;
    shuttingDown = true;
    event.preventDefault();
    const runner = jobs;
    // A thread stuck in native code must not keep Mesh Desk open forever.
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, QUIT_DEADLINE_MS));
    void Promise.race([runner.close(), deadline])
      .catch((e: unknown) => log(`Stopping background jobs failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(() => start(dataDir))
    .catch(startupFailed);
}
