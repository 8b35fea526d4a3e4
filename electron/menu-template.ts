// Runs anywhere (pure; imports Electron's types only).
// The application menu. Standard roles do the work wherever Electron has one, so cut/copy/paste,
// zoom and full screen behave as every other app on the owner's system, with native shortcuts.

import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** File › Open… : asks the page to start its "open a file" flow. */
  openFile(): void;
  /** Help › About Mesh Desk */
  showAbout(): void;
}

export interface MenuOptions {
  platform: string;
  appName: string;
  /** Development build: adds Reload and Developer Tools to View. */
  devTools: boolean;
  /** False while the page has no way to receive the request (the item is then greyed out). */
  canOpenFile: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = opts.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: opts.appName,
          submenu: [
            { label: `About ${opts.appName}`, click: () => opts.actions.showAbout() },
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        id: 'file.open',
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        enabled: opts.canOpenFile,
        click: () => opts.actions.openFile(),
      },
      sep,
      // On macOS Quit lives in the app menu; closing the window is the File menu's job there.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn' },
      // Many keyboards need Shift for "+": accept Ctrl+= as well, without showing it twice.
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      sep,
      { role: 'togglefullscreen' },
      ...(opts.devTools ? [sep, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: `About ${opts.appName}`, click: () => opts.actions.showAbout() }],
  };

  return [...appMenu, file, edit, view, help];
}

/** The About box text: name, version, and what the app is for, in the owner's words. */
export function aboutDetail(version: string, dataDir: string): string {
  return [
    `Version ${version}`,
    '',
    'Publish spreadsheets as data products in your data mesh, and pull them back into Excel.',
    '',
    `Your Mesh Desk data is kept in: ${dataDir}`,
  ].join('\n');
}
