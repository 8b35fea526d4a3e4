// Node only (no Electron import).
// Where the built pieces live relative to the bundled main (build/electron/main.cjs), both in a
// checkout and inside the packaged app.asar.

import path from 'node:path';

export interface BundlePaths {
  preload: string;
  worker: string;
  rendererRoot: string;
  /** Window icon candidates, best first (PNG works on every platform for BrowserWindow). */
  iconCandidates: string[];
}

export function bundlePaths(mainDir: string): BundlePaths {
  const buildDir = path.dirname(mainDir);
  const appRoot = path.dirname(buildDir);
  return {
    preload: path.join(mainDir, 'preload.cjs'),
    worker: unpackedPath(path.join(mainDir, 'inspect-worker.cjs')),
    rendererRoot: path.join(buildDir, 'renderer'),
    iconCandidates: [path.join(appRoot, 'assets', 'icon.png'), path.join(appRoot, 'assets', 'icon.ico')],
  };
}

/**
 * electron-builder unpacks the worker bundle (asarUnpack) so worker_threads loads it from the
 * real disk: worker support for files inside app.asar came late to Electron and has been
 * fragile. In a checkout there is no app.asar in the path and nothing changes.
 */
export function unpackedPath(p: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  const at = p.lastIndexOf(marker);
  if (at < 0) return p;
  return `${p.slice(0, at)}${path.sep}app.asar.unpacked${path.sep}${p.slice(at + marker.length)}`;
}
