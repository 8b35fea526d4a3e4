// Node only.
// Keeps build/renderer/ in step with the sources when Mesh Desk starts in browser mode: the
// screens are rebuilt with vite only when index.html is missing or older than any source file,
// so a normal start costs a few file stats and an edited source is never served stale.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserFacingError } from '../../core/result';

/** What the built renderer depends on, relative to the repository. */
export const RENDERER_INPUTS = ['renderer', 'shared/core', 'vite.config.ts'];
export const RENDERER_OUTPUT = join('build', 'renderer');

/** Newest modification time (ms) under the given files/folders; 0 when none exist. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    let info;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) {
        // Tool caches (node_modules/.vite) and hidden folders are not sources.
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
    } else if (info.mtimeMs > newest) {
      newest = info.mtimeMs;
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** True when build/renderer/index.html is missing or older than any renderer input. */
export function rendererIsStale(repo: string): boolean {
  const index = join(repo, RENDERER_OUTPUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newestMtime(RENDERER_INPUTS.map((p) => join(repo, p))) > built;
}

/** Runs `vite build` for the repository (in a child process, output shown to the user). */
export function buildRenderer(repo: string): Promise<void> {
  let viteBin: string;
  try {
    viteBin = join(createRequire(join(repo, 'package.json')).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  } catch {
    return Promise.reject(
      new UserFacingError('start.no-vite', 'The screens of Mesh Desk need to be built, but the build tool (vite) is not installed. Run "npm install" and start again.'),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build'], { cwd: repo, stdio: 'inherit' });
    child.on('error', (e) => reject(new UserFacingError('start.build-failed', `Building the screens of Mesh Desk failed to start (${e.message}).`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new UserFacingError(
            'start.build-failed',
            `Building the screens of Mesh Desk failed (${signal ?? `exit code ${code}`}). The messages above say why; fix them and start again.`,
          ),
        );
    });
  });
}
