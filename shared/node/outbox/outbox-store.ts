// Node only.
// The outbox on disk: one JSON document per job in <dataDir>/outbox, written atomically, so the
// app and the CLI (same data folder) see the same queue and a kill never loses a job. Delivered
// jobs stay listed for a day, so the owner sees that their publish went out.

import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { byQueueOrder, nextSequence } from '../../core/outbox/send-order';
import { cleanStaleTemps, isTempFile, readJsonFile, writeJsonAtomically } from '../store/atomic-json';
import { isStoredJob, type StoredJob } from './outbox-job';

/** Delivered jobs are removed from the list after this long. */
export const KEEP_DELIVERED_MS = 24 * 60 * 60 * 1000;

export class OutboxStore {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Opens the outbox: leftovers of a killed write are removed, and day-old delivered jobs. */
  static async open(dataDir: string, now = Date.now()): Promise<OutboxStore> {
    const store = new OutboxStore(join(dataDir, 'outbox'));
    await cleanStaleTemps(store.dir);
    for (const job of await store.list()) {
      const at = job.delivered ? Date.parse(job.delivered.at) : NaN;
      if (job.state === 'delivered' && Number.isFinite(at) && now - at > KEEP_DELIVERED_MS) await store.remove(job.id);
    }
    return store;
  }

  private path(id: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`not an outbox job id: ${id}`);
    return join(this.dir, `${id}.json`);
  }

  /** Every readable job, oldest queued first. A damaged file is left alone (never deleted). */
  async list(): Promise<StoredJob[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const jobs: StoredJob[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || isTempFile(name)) continue;
      const read = await readJsonFile(join(this.dir, name));
      if (read.kind === 'ok' && isStoredJob(read.value)) jobs.push(read.value);
    }
    return jobs.sort(byQueueOrder);
  }

  async get(id: string): Promise<StoredJob | undefined> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
    const read = await readJsonFile(this.path(id));
    return read.kind === 'ok' && isStoredJob(read.value) ? read.value : undefined;
  }

  async put(job: StoredJob): Promise<void> {
    await writeJsonAtomically(this.path(job.id), job);
  }

  /** Changes a job on disk (read, patch, write); undefined when it is gone. */
  async update(id: string, patch: (job: StoredJob) => StoredJob): Promise<StoredJob | undefined> {
    const job = await this.get(id);
    if (!job) return undefined;
    const next = patch(job);
    await this.put(next);
    return next;
  }

  async remove(id: string): Promise<boolean> {
    try {
      await unlink(this.path(id));
      return true;
    } catch {
      return false;
    }
  }

  /** The sequence number a new job gets (after every job there). */
  async nextSequence(): Promise<number> {
    return nextSequence(await this.list());
  }
}
