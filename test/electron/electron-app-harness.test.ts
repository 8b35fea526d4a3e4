// Tests of how the end-to-end harness finds the Electron binary without ever downloading it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryPath } from '../e2e/harness/electron-app';

const saved = { explicit: process.env.MESH_DESK_ELECTRON, override: process.env.ELECTRON_OVERRIDE_DIST_PATH };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-electron-bin-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
});
afterEach(() => {
  for (const [key, value] of [['MESH_DESK_ELECTRON', saved.explicit], ['ELECTRON_OVERRIDE_DIST_PATH', saved.override]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('electronBinaryPath', () => {
  it('matches what is installed in node_modules/electron (never downloads)', () => {
    delete process.env.MESH_DESK_ELECTRON;
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pkg = resolve(__dirname, '../../node_modules/electron');
    const installed = existsSync(join(pkg, 'path.txt')) && existsSync(join(pkg, 'dist'));
    const found = electronBinaryPath();
    if (installed) expect(found && existsSync(found)).toBe(true);
    else expect(found).toBeUndefined();
    // The package's own index.js would have started a download; the harness must not.
    expect(existsSync(join(pkg, 'dist'))).toBe(installed);
  });

  it('honours an explicit binary, and only if it exists', () => {
    process.env.MESH_DESK_ELECTRON = join(dir, 'dist', 'electron');
    expect(electronBinaryPath()).toBe(join(dir, 'dist', 'electron'));
    process.env.MESH_DESK_ELECTRON = join(dir, 'missing');
    expect(electronBinaryPath()).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    delete process.env.MESH_DESK_ELECTRON;
    process.env.ELECTRON_OVERRIDE_DIST_PATH = join(dir, 'dist');
    const found = electronBinaryPath();
    // With no path.txt the executable is called "electron".
    if (!existsSync(resolve(__dirname, '../../node_modules/electron/path.txt'))) expect(found).toBe(join(dir, 'dist', 'electron'));
    process.env.ELECTRON_OVERRIDE_DIST_PATH = join(dir, 'nowhere');
    expect(electronBinaryPath()).toBeUndefined();
  });
});
