// Node only (test helpers). An app's worth of outbox over its own data folder, drafts made the
// way the app makes them, a moto_server started on a chosen port (so a mesh address can point at
// a server that is down now and up later), and a look through every file the app wrote.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { ApiEvents, CallContext, EventName, OutboxView } from '../../../shared/core/api/contract';
import type { DraftContent } from '../../../shared/core/api/draft-types';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { readCurrentProduct } from '../../../shared/core/publish/mesh-state';
import type { Result } from '../../../shared/core/result';
import { openDraftStore } from '../../../shared/node/drafts/draft-store';
import { fingerprintFile } from '../../../shared/node/drafts/fingerprint';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import type { S3StoreOptions } from '../../../shared/node/mesh/s3-store';

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function errorOf<T>(r: Result<T>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

/** Collects every event a call or the outbox itself sends. */
export function eventLog() {
  const events: { name: EventName; payload: unknown }[] = [];
  const emit = <E extends EventName>(name: E, payload: ApiEvents[E]) => void events.push({ name, payload });
  const ctx: CallContext = { emit };
  const views = () => events.filter((e) => e.name === 'outbox.changed').map((e) => e.payload as OutboxView);
  return { events, emit, ctx, views };
}

/** A draft as the Describe form saves it, with its file recorded host-side. */
export async function makeDraft(dataDir: string, path: string, meta: ProductMeta, extra: Partial<Omit<DraftContent, 'sourceId' | 'meta'>> = {}): Promise<string> {
  const store = await openDraftStore(dataDir);
  const print = await fingerprintFile(path);
  const name = path.split(/[\\/]/).pop()!;
  const summary = await store.create({ meta, waivers: [], ...extra }, { path, name, size: print.size, modifiedAt: print.modifiedAt, fingerprint: print.fingerprint });
  return summary.id;
}

/** The product as readers see it: its versions (newest first) with their publish ids. */
export async function versionsOf(url: string, product: string, options?: S3StoreOptions) {
  const opened = value(openMesh(url, options));
  const current = value(await readCurrentProduct(opened.store, product));
  return current?.history ?? [];
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== undefined && got !== false) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every file under a folder whose bytes contain one of the strings (secrets must be in none). */
export function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (s.isFile()) {
        const text = readFileSync(p).toString('latin1');
        if (needles.some((n) => text.includes(n))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

export interface MotoOnPort {
  endpoint: string;
  stop(): Promise<void>;
}

/** moto_server on a given port (the harness picks its own; the outbox tests need the port first). */
export async function startMotoOn(port: number, timeoutMs = 30_000): Promise<MotoOnPort> {
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error('moto_server exited before answering');
    try {
      const res = await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > end) {
        child.kill('SIGKILL');
        throw new Error(`moto_server did not answer on ${endpoint}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function createBucket(endpoint: string, bucket: string, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<void> {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}
