// Node only.
// Browser mode in one call: source registry + job runner + the shared handlers + the loopback
// web host. Used by `npm start` where no Electron runtime exists, and by the tests, which start
// the whole host in-process.

import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHandlers } from '../api/handlers';
import { disposeOutboxServices } from '../api/outbox-handlers';
import type { EventHub } from './event-hub';
import { memorySecretStore } from '../settings/secret-store';
import { defaultMeshFolder, MeshSettingsStore } from '../settings/mesh-settings';
import { JobRunner } from '../jobs/job-runner';
import { openSourceRegistry } from '../sources/source-registry';
import { startWebHost } from './web-host';
import { ExportRegistry } from '../exports/export-registry';
import { DOWNLOAD_PATH } from '../../core/api/http-protocol';

export interface BrowserModeOptions {
  /** Mesh Desk's data folder (uploads go under it). */
  dataDir: string;
  /** The built renderer (build/renderer/). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Shown in app.info; default: the version in package.json. */
  version?: string;
  /** Worker start file for jobs (default: worker-entry.mjs, which runs the TypeScript via tsx). */
  workerUrl?: URL | string;
  maxUploadBytes?: number;
  maxConcurrentJobs?: number;
  /** The built-in folder mesh (default: defaultMeshFolder — the owner's documents). */
  meshFolder?: string;
}

export interface BrowserModeHost {
  /** Open this: http://127.0.0.1:<port>/#token=<token>. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** Exposed so tests can see that cancelled jobs leave no thread behind. */
  jobs: JobRunner;
  close(): Promise<void>;
}

async function packageVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function launchBrowserMode(opts: BrowserModeOptions): Promise<BrowserModeHost> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const sources = await openSourceRegistry({ dataDir, ...(opts.maxUploadBytes ? { maxUploadBytes: opts.maxUploadBytes } : {}) });
  const jobs = new JobRunner({
    ...(opts.workerUrl ? { workerUrl: opts.workerUrl } : {}),
    ...(opts.maxConcurrentJobs ? { maxConcurrent: opts.maxConcurrentJobs } : {}),
  });
  // Boot one worker now so the owner's first "open" does not wait for it.
  jobs.warmUp();
  const exports = new ExportRegistry(dataDir);
  await exports.cleanOld();
  // The outbox sends by itself and tells every tab; the hub exists once the host has started.
  let events: EventHub | undefined;
  const handlers = createHandlers({
    mode: 'browser',
    broadcast: (name, payload) => events?.broadcast(name, payload),
    version: opts.version ?? (await packageVersion()),
    dataDir,
    sources,
    jobs,
    // No OS keychain in browser mode: keys entered in Settings last until Mesh Desk closes.
    settings: new MeshSettingsStore(dataDir, memorySecretStore(), opts.meshFolder ?? defaultMeshFolder(dataDir)),
    // Browser mode: the report is written to the export folder and the page downloads it.
    saveTarget: async (name) => {
      const entry = await exports.reserve(name);
      return { path: entry.path, saved: { name, downloadUrl: `${DOWNLOAD_PATH}${entry.id}` } };
    },
  });
  let host;
  try {
    host = await startWebHost({
      staticDir: resolve(opts.staticDir),
      handlers,
      sources,
      exports,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.token !== undefined ? { token: opts.token } : {}),
    });
  } catch (e) {
    await disposeOutboxServices(dataDir);
    await jobs.close();
    throw e;
  }
  const web = host;
  events = web.events;
  return {
    url: web.url,
    origin: web.origin,
    port: web.port,
    token: web.token,
    dataDir,
    jobs,
    async close() {
      await disposeOutboxServices(dataDir);
      await jobs.close();
      await web.close();
    },
  };
}
