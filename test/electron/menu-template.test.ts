// Tests of the application menu's structure and actions.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutDetail, buildMenuTemplate, type MenuOptions } from '../../electron/menu-template';

function options(over: Partial<MenuOptions> = {}): MenuOptions {
  return {
    platform: 'linux',
    appName: 'Mesh Desk',
    devTools: false,
    canOpenFile: true,
    actions: { openFile: vi.fn(), showAbout: vi.fn() },
    ...over,
  };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const byLabel = (menu: MenuItemConstructorOptions[], label: string) => menu.find((m) => m.label?.replace('&', '') === label);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const menu = buildMenuTemplate(options());
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File has Open… (Ctrl+O) that runs the action, and Quit', () => {
    const opts = options();
    const file = submenu(byLabel(buildMenuTemplate(opts), 'File'));
    const open = file.find((i) => i.id === 'file.open');
    expect(open).toMatchObject({ label: 'Open…', accelerator: 'CmdOrCtrl+O', enabled: true });
    (open!.click as () => void)();
    expect(opts.actions.openFile).toHaveBeenCalledTimes(1);
    expect(roles(file)).toContain('quit');
  });

  it('greys Open… out when the page cannot receive the request', () => {
    const file = submenu(byLabel(buildMenuTemplate(options({ canOpenFile: false })), 'File'));
    expect(file.find((i) => i.id === 'file.open')?.enabled).toBe(false);
  });

  it('Edit uses the standard roles', () => {
    const edit = submenu(byLabel(buildMenuTemplate(options()), 'Edit'));
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('View zooms (also with Ctrl+=) and toggles full screen; developer items only in development', () => {
    const view = submenu(byLabel(buildMenuTemplate(options()), 'View'));
    expect(roles(view)).toEqual(['zoomIn', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    expect(view.find((i) => i.accelerator === 'CmdOrCtrl+=')).toMatchObject({ role: 'zoomIn', visible: false });
    const dev = submenu(byLabel(buildMenuTemplate(options({ devTools: true })), 'View'));
    expect(roles(dev)).toContain('toggleDevTools');
    expect(roles(dev)).toContain('reload');
  });

  it('Help › About runs the action', () => {
    const opts = options();
    const help = submenu(byLabel(buildMenuTemplate(opts), 'Help'));
    expect(help[0]?.label).toBe('About Mesh Desk');
    (help[0]!.click as () => void)();
    expect(opts.actions.showAbout).toHaveBeenCalledTimes(1);
  });

  it('on macOS starts with the app menu and closes the window from File', () => {
    const menu = buildMenuTemplate(options({ platform: 'darwin' }));
    expect(menu[0]?.label).toBe('Mesh Desk');
    expect(roles(submenu(menu[0]))).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const file = submenu(byLabel(menu, 'File'));
    expect(roles(file)).toEqual(['close']);
  });
});

describe('aboutDetail', () => {
  it('names the version, the purpose and the data folder', () => {
    const text = aboutDetail('1.2.3', '/home/o/.config/mesh-desk');
    expect(text).toContain('Version 1.2.3');
    expect(text).toContain('/home/o/.config/mesh-desk');
    expect(text).toMatch(/data products/);
  });
});
