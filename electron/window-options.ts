// Runs anywhere (pure; imports Electron's types only, which vanish at build time).
// The main window's options. The webPreferences are the core of the Electron security model,
// so they live here, where a unit test and a check of the built bundle can pin them down.

import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'Mesh Desk';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload live in separate JavaScript worlds; only contextBridge crosses.
    contextIsolation: true,
    // The renderer is an OS-sandboxed Chromium process; the preload gets no Node built-ins.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must reach the page's drop zone, never navigate to it.
    navigateOnDragDrop: false,
    // A page that loops on alert() must not be able to lock the owner out of the window.
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    // Narrow enough for a laptop split screen, wide enough for the preview grid and a form.
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show' so the owner never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath !== undefined ? { icon: input.iconPath } : {}),
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools),
  };
}
