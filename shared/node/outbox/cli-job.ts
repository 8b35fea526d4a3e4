// Node only.
// `mesh-desk publish … --queue`: a publish the mesh could not take now becomes an outbox job in
// the data folder the app shares, to be sent by `mesh-desk sync` or by the app. A CLI job has no
// draft and keeps the mesh address only (keys come from the environment or profile when sent).

import { join, resolve } from 'node:path';
import type { ProductMeta } from '../../core/metadata/types';
import type { SheetChoice } from '../../core/publish/prepare';
import type { Bump } from '../../core/publish/version-history';
import { fingerprintFile } from '../drafts/fingerprint';
import { readJsonFile } from '../store/atomic-json';
import { lastSeenVersion, newJobId } from './job-from-draft';
import { OutboxStore } from './outbox-store';
import type { StoredJob } from './outbox-job';

/** The id of a mesh saved in the app's settings with this address (for its last catalog copy). */
async function savedMeshId(dataDir: string, url: string): Promise<string | undefined> {
  const read = await readJsonFile(join(dataDir, 'settings.json'));
  if (read.kind !== 'ok') return undefined;
  const meshes = (read.value as { meshes?: unknown }).meshes;
  if (!Array.isArray(meshes)) return undefined;
  const found = meshes.find((m) => (m as { url?: unknown })?.url === url) as { id?: unknown } | undefined;
  return typeof found?.id === 'string' ? found.id : undefined;
}

export interface CliQueueInput {
  dataDir: string;
  meshUrl: string;
  path: string;
  fileName: string;
  sheets: SheetChoice[];
  meta: ProductMeta;
  bump?: Bump;
  publisher?: string;
  /** The version the owner builds on: --base, the plan's current version, or (unknown) the app's last catalog copy. */
  baseVersion?: string | null;
  /** The id the first attempt already used (its commit may have landed while the reply was lost). */
  publishId?: string;
}

export async function queueCliPublish(input: CliQueueInput): Promise<StoredJob> {
  const store = await OutboxStore.open(input.dataDir);
  const path = resolve(input.path);
  const print = await fingerprintFile(path);
  const product = input.meta.name ?? '';
  const baseVersion = input.baseVersion !== undefined ? input.baseVersion : await lastSeenVersion(input.dataDir, await savedMeshId(input.dataDir, input.meshUrl), product);
  const job: StoredJob = {
    format: 1,
    id: newJobId(),
    product,
    ...(input.meta.title ? { title: input.meta.title } : {}),
    meshName: input.meshUrl,
    mesh: input.meshUrl,
    queuedAt: new Date().toISOString(),
    queuedBy: 'cli',
    state: 'waiting',
    attempts: 0,
    baseVersion,
    ...(input.bump ? { bump: input.bump } : {}),
    metadataOnly: false,
    sequence: await store.nextSequence(),
    publishId: input.publishId ?? newJobId(),
    file: { path, name: input.fileName, size: print.size, modifiedAt: print.modifiedAt, fingerprint: print.fingerprint },
    sheets: input.sheets,
    meta: input.meta,
    waivers: [],
    ...(input.publisher ? { publisher: input.publisher } : {}),
  };
  await store.put(job);
  return job;
}
