// Tests of where main finds the preload, worker, renderer and icon, in a checkout and in app.asar.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { bundlePaths, unpackedPath } from '../../electron/bundle-paths';

describe('bundlePaths', () => {
  it('places everything relative to build/electron', () => {
    const root = path.join(path.sep, 'repo');
    const p = bundlePaths(path.join(root, 'build', 'electron'));
    expect(p.preload).toBe(path.join(root, 'build', 'electron', 'preload.cjs'));
    expect(p.worker).toBe(path.join(root, 'build', 'electron', 'inspect-worker.cjs'));
    expect(p.rendererRoot).toBe(path.join(root, 'build', 'renderer'));
    expect(p.iconCandidates[0]).toBe(path.join(root, 'assets', 'icon.png'));
  });

  it('loads the worker from app.asar.unpacked in a packaged app', () => {
    const res = path.join(path.sep, 'opt', 'Mesh Desk', 'resources');
    const p = bundlePaths(path.join(res, 'app.asar', 'build', 'electron'));
    expect(p.worker).toBe(path.join(res, 'app.asar.unpacked', 'build', 'electron', 'inspect-worker.cjs'));
    expect(p.preload).toBe(path.join(res, 'app.asar', 'build', 'electron', 'preload.cjs'));
  });
});

describe('unpackedPath', () => {
  it('changes only a real app.asar folder segment', () => {
    const p = path.join(path.sep, 'x', 'my-app.asar.d', 'w.cjs');
    expect(unpackedPath(p)).toBe(p);
  });
});
