// Node only (bench tooling).
// The generated bench files, cached in `.bench/` at the repo root (gitignored). A file is
// reused only when its sidecar says it came from this GENERATOR_VERSION with the same row
// count and the size still matches; anything else (first run, a changed generator, a run cut
// short) regenerates it. Files are written under a temporary name and renamed when complete,
// so an interrupted generation is never mistaken for a finished one.

import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchCsv } from './csv-generator';
import { writeBenchXlsx } from './xlsx-generator';

/** Bump whenever sample-data.ts or a generator changes what it writes. */
export const GENERATOR_VERSION = 1;

export const DEFAULT_BENCH_DIR = fileURLToPath(new URL('../../../.bench/', import.meta.url));

interface Sidecar {
  version: number;
  rows: number;
  bytes: number;
}

export interface BenchFile {
  path: string;
  rows: number;
  bytes: number;
}

export type BenchFormat = 'csv' | 'xlsx';

export async function ensureBenchFile(format: BenchFormat, rows: number, dir = DEFAULT_BENCH_DIR): Promise<BenchFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `orders-${rows}.${format}`);
  const metaPath = `${path}.meta.json`;
  const cached = await readSidecar(metaPath);
  if (cached && cached.version === GENERATOR_VERSION && cached.rows === rows) {
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size === cached.bytes) return { path, rows, bytes: size };
  }
  const temp = `${path}.partial`;
  await rm(metaPath, { force: true });
  try {
    if (format === 'csv') await writeBenchCsv(temp, rows, `generating ${rows.toLocaleString('en-US')}-row CSV`);
    else await writeBenchXlsx(temp, rows, `generating ${rows.toLocaleString('en-US')}-row XLSX`);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await rename(temp, path);
  const bytes = (await stat(path)).size;
  const sidecar: Sidecar = { version: GENERATOR_VERSION, rows, bytes };
  await writeFile(metaPath, `${JSON.stringify(sidecar)}\n`);
  return { path, rows, bytes };
}

async function readSidecar(path: string): Promise<Sidecar | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<Sidecar>;
    if (typeof parsed.version === 'number' && typeof parsed.rows === 'number' && typeof parsed.bytes === 'number') {
      return { version: parsed.version, rows: parsed.rows, bytes: parsed.bytes };
    }
  } catch {
    // Missing or unreadable sidecar: treat as not cached.
  }
  return undefined;
}
