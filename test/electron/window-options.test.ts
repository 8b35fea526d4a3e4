// Tests pinning the main window's security-relevant options.
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences, WINDOW_TITLE } from '../../electron/window-options';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/app/build/electron/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/build/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('enables devtools only when asked (development)', () => {
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('titles the window, sets a minimum size, waits for ready-to-show', () => {
    const o = mainWindowOptions({ preloadPath: '/p.cjs', devTools: false });
    expect(o.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('Mesh Desk');
    expect(o.minWidth).toBeGreaterThanOrEqual(640);
    expect(o.minHeight).toBeGreaterThanOrEqual(480);
    expect(o.width!).toBeGreaterThanOrEqual(o.minWidth!);
    expect(o.show).toBe(false);
    expect(o).not.toHaveProperty('icon');
    expect(o.webPreferences?.sandbox).toBe(true);
  });

  it('uses the icon when one exists', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs', devTools: false, iconPath: '/a/icon.png' }).icon).toBe('/a/icon.png');
  });
});
