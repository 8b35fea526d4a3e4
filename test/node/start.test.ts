// Node only (tests). `npm start` in browser mode, as a real child process: it prints the
// address, serves the API with the token, and stops cleanly on SIGTERM.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portFromEnv } from '../../shared/node/app/browser-mode-main';
import { callApi } from './web-host/http-helpers';

const startScript = fileURLToPath(new URL('../../shared/node/start.mjs', import.meta.url));

describe('start.mjs (browser mode)', () => {
  it('starts the host, prints the URL, and stops cleanly on SIGTERM', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mesh-desk-start-'));
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mesh Desk</title>');
    const child = spawn(process.execPath, [startScript], {
      env: { ...process.env, MESH_DESK_HOME: join(root, 'home'), MESH_DESK_STATIC_DIR: staticDir, MESH_DESK_NO_OPEN: '1', DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /Mesh Desk is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
          if (m && output.includes('Ctrl+C')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(output).toContain("Electron is not installed");
      const port = Number(/:(\d+)\//.exec(url)![1]);
      const token = url.split('#token=')[1]!;
      const info = await callApi(port, token, 'app.info', {});
      expect(info.result).toMatchObject({ ok: true, value: { mode: 'browser', dataDir: join(root, 'home') } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Mesh Desk has stopped.');
  });

  it.skipIf(process.platform === 'win32')('opens an app window with a fresh profile, and stops when the window closes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mesh-desk-start-window-'));
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mesh Desk</title>');
    // A stand-in browser: records its arguments, stays open for a moment, then "closes".
    const fakeBrowser = join(root, 'fake-chromium');
    const argsFile = join(root, 'args.txt');
    writeFileSync(fakeBrowser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nsleep 2\nexit 0\n`);
    chmodSync(fakeBrowser, 0o755);
    const child = spawn(process.execPath, [startScript], {
      env: { ...process.env, MESH_DESK_HOME: join(root, 'home'), MESH_DESK_STATIC_DIR: staticDir, MESH_DESK_BROWSER: fakeBrowser, DISPLAY: ':99', MESH_DESK_NO_OPEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, output).toBe(0);
    expect(output).toContain('The Mesh Desk window was closed.');
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    const url = /Mesh Desk is running at (\S+)/.exec(output)![1]!;
    expect(args).toContain(`--app=${url}`);
    const profile = args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(profile.startsWith(tmpdir())).toBe(true);
    // The throw-away profile is removed once the window has closed.
    expect(existsSync(profile)).toBe(false);
  });

  it('reads MESH_DESK_PORT, refusing nonsense in words', () => {
    expect(portFromEnv({})).toBeUndefined();
    expect(portFromEnv({ MESH_DESK_PORT: '8123' })).toBe(8123);
    expect(() => portFromEnv({ MESH_DESK_PORT: 'eighty' })).toThrow(/MESH_DESK_PORT must be a port number/);
    expect(() => portFromEnv({ MESH_DESK_PORT: '70000' })).toThrow(/1 to 65535/);
  });
});
