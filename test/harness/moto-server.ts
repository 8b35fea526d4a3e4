// Node only (test harness).
// A real S3 API for tests: moto's standalone server. Chosen over s3rver because moto answers 412
// to failed If-Match / If-None-Match PutObjects like AWS does (FIELD-NOTES.md), so the publish
// commit protocol can be tested for real.
// Install where missing: pip install "moto[server]"   (provides the `moto_server` command)

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Why the moto tests cannot run here, or null when `moto_server` is on PATH. */
export function motoSkipReason(): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const d of dirs) {
    try {
      accessSync(join(d, 'moto_server'), constants.X_OK);
      return null;
    } catch {
      /* keep looking */
    }
  }
  return 'moto_server is not on PATH; install it with: pip install "moto[server]"';
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * `env` goes to the server: INITIAL_NO_AUTH_ACTION_COUNT=0 makes moto check every request's
 * access key (unknown keys get 403 InvalidAccessKeyId, as on AWS).
 */
export async function startMotoServer(timeoutMs = 30_000, env: NodeJS.ProcessEnv = {}): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    // Keep only the tail: moto logs every request here.
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => (exited = true));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`moto_server exited before answering:\n${stderr}`);
    try {
      const res = await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { endpoint, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL if it has not gone after 3 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
