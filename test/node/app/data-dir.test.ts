// Node only (tests). Where Mesh Desk keeps its data, per platform and with $MESH_DESK_HOME.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultDataDir, resolveDataDir } from '../../../shared/node/app/data-dir';
import { UserFacingError } from '../../../shared/core/result';

const base = mkdtempSync(join(tmpdir(), 'mesh-desk-datadir-'));

describe('defaultDataDir', () => {
  it('follows XDG on Linux, ignoring a relative XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/mesh-desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/mesh-desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative/cfg' }, 'linux', '/home/ana')).toBe('/home/ana/.config/mesh-desk');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Mesh Desk');
  });

  it('uses %APPDATA% on Windows, or its usual place', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Mesh Desk',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Mesh Desk');
  });
});

describe('resolveDataDir', () => {
  it('prefers $MESH_DESK_HOME and creates it', () => {
    const dir = join(base, 'custom', 'home');
    expect(resolveDataDir({ MESH_DESK_HOME: dir })).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('makes a relative $MESH_DESK_HOME absolute', () => {
    const dir = resolveDataDir({ MESH_DESK_HOME: join('test-output', 'data-dir-relative') });
    expect(dir).toBe(resolve('test-output', 'data-dir-relative'));
    expect(existsSync(dir)).toBe(true);
  });

  it('creates the platform default when no override is set', () => {
    const dir = resolveDataDir({ XDG_CONFIG_HOME: join(base, 'xdg') }, 'linux');
    expect(dir).toBe(join(base, 'xdg', 'mesh-desk'));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('says what to do when the folder cannot be created', () => {
    const blocker = join(base, 'a-file');
    writeFileSync(blocker, 'not a folder');
    let error: unknown;
    try {
      resolveDataDir({ MESH_DESK_HOME: join(blocker, 'inside') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/could not create its data folder.*MESH_DESK_HOME/);
  });
});
