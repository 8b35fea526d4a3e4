// Node only (tests). Finding a Chromium-family browser and knowing whether a window can be shown.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findChromium, hasDisplay, onPath } from '../../../shared/node/app/open-browser';

const existing = (paths: string[]) => (p: string) => paths.includes(p);

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, and nothing elsewhere', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});

describe('findChromium', () => {
  it('prefers /usr/bin/chromium on Linux, then the usual names on PATH', () => {
    expect(findChromium({ PATH: '/opt/bin' }, 'linux', existing(['/usr/bin/chromium', '/opt/bin/google-chrome']))).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '/a:/opt/bin' }, 'linux', existing(['/opt/bin/google-chrome']))).toBe('/opt/bin/google-chrome');
    expect(findChromium({ PATH: '/a' }, 'linux', existing(['/a/chromium-browser']))).toBe('/a/chromium-browser');
    expect(findChromium({ PATH: '/a' }, 'linux', existing([]))).toBeNull();
  });

  it('knows the application folders on macOS and Windows', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({}, 'darwin', existing([mac]))).toBe(mac);
    const edge = join('C:\\PF86', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    expect(findChromium({ 'ProgramFiles(x86)': 'C:\\PF86' }, 'win32', existing([edge]))).toBe(edge);
  });

  it('takes $MESH_DESK_BROWSER first, as a path or a name on PATH', () => {
    expect(findChromium({ MESH_DESK_BROWSER: '/my/brave' }, 'linux', existing(['/my/brave', '/usr/bin/chromium']))).toBe('/my/brave');
    expect(findChromium({ MESH_DESK_BROWSER: 'vivaldi', PATH: '/b' }, 'linux', existing(['/b/vivaldi']))).toBe('/b/vivaldi');
    expect(findChromium({ MESH_DESK_BROWSER: 'nothing' }, 'linux', existing(['/usr/bin/chromium']))).toBeNull();
  });

  it('onPath skips empty PATH entries', () => {
    expect(onPath('x', { PATH: ':' }, () => true)).toBeNull();
  });
});
