// Node only. What `npm start` runs.
// With an Electron runtime on disk: build everything and start the desktop app. Without one
// (the usual case on machines where the binary cannot be downloaded): serve the same screens and
// API from the loopback web host and open them in a Chromium app window (browser mode).
// Plain JavaScript so Node runs it directly; the TypeScript modules are loaded through tsx.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The Electron binary's path when it is really installed, else null. Requiring 'electron'
 * when its binary is missing starts a download, so only ask once its files are on disk.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    if (!existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()))) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a child process to completion, sharing this terminal; resolves with its exit code. */
function run(file, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: repo, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (e) => {
      console.error(`Could not start ${file}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** `npm run build`, through the npm that started us when there is one. */
function npmRunBuild() {
  const npmCli = process.env.npm_execpath;
  if (npmCli && existsSync(npmCli)) return run(process.execPath, [npmCli, 'run', 'build']);
  // npm.cmd on Windows can only be started through a shell.
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { shell: process.platform === 'win32' });
}

async function startElectron(binary) {
  console.log('Building Mesh Desk…');
  const built = await npmRunBuild();
  if (built !== 0) {
    console.error('The build failed (see the messages above), so Mesh Desk was not started.');
    return built;
  }
  return run(binary, ['.']);
}

async function startBrowserMode() {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./app/browser-mode-main.ts');
  await main({
    repo,
    electronNote: 'Electron is not installed on this computer, so Mesh Desk runs in your browser instead (same screens, same features).',
  });
  return 0;
}

const binary = electronBinary();
try {
  process.exitCode = binary ? await startElectron(binary) : await startBrowserMode();
} catch (e) {
  // Errors meant for the owner carry a plain message; anything else gets its detail.
  const message = e && typeof e === 'object' && e.name === 'UserFacingError' ? e.message : `Mesh Desk could not start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
  console.error(message);
  process.exitCode = 1;
}
