// Node only.
// Small JSON documents kept in the data folder (drafts, outbox jobs) that must survive the app
// being killed at any instant: each write goes to a temporary file next to the target, is
// flushed to the disk, then renamed over it (a rename within a folder is atomic), and the folder
// itself is flushed so the rename survives a power cut. A reader therefore sees the old document
// or the new one, never half of one. Temporary files left by a killed writer are removed at start.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KeyedQueue } from './keyed-queue';

const TEMP_SUFFIX = '.tmp';
/** "<name>.<pid>-<random>.tmp": the pid tells a live writer's temporary file from a dead one's. */
const TEMP_PATTERN = /\.(\d+)-[0-9a-f]{8}\.tmp$/;

/** Writes per target path are queued in this process, so an older save never lands after a newer one. */
const writes = new KeyedQueue();

export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  await writes.run(path, () => writeTextAtomically(path, text));
}

async function writeTextAtomically(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
}

/** Flushes a folder's entries (the rename) to the disk; not possible on every platform, so best effort. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for syncing; its rename is already durable enough.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export type JsonRead = { kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'damaged'; reason: string };

/** Reads a document written by writeJsonAtomically. A damaged one is reported, never thrown. */
export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged', reason: e instanceof Error ? e.message : String(e) };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (e) {
    return { kind: 'damaged', reason: e instanceof Error ? e.message : String(e) };
  }
}

/** True when a file name is one of our temporary files (never list it as a document). */
export const isTempFile = (name: string): boolean => name.endsWith(TEMP_SUFFIX);

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed writer left in `dir`: those whose writer process is gone, and
 * any older than `maxAgeMs` (a pid may have been reused). A live writer's file is left alone, as
 * the CLI and the app may share the data folder. Returns how many were removed.
 */
export async function cleanStaleTemps(dir: string, maxAgeMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const info = await stat(path);
      if (processAlive(Number(m[1])) && now - info.mtimeMs < maxAgeMs) continue;
      await unlink(path);
      removed++;
    } catch {
      // Already gone (its writer finished or another cleaner was first).
    }
  }
  return removed;
}
