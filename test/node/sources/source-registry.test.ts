// Node only (tests). Registering files and streaming uploads into the data folder.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { openSourceRegistry, SourceRegistry } from '../../../shared/node/sources/source-registry';
import { UserFacingError } from '../../../shared/core/result';

const fresh = () => mkdtempSync(join(tmpdir(), 'mesh-desk-registry-'));

async function* chunks(parts: (string | Error)[], delayMs = 0): AsyncIterable<Uint8Array> {
  for (const p of parts) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (p instanceof Error) throw p;
    yield Buffer.from(p);
  }
}

async function errorOf(p: Promise<unknown>): Promise<UserFacingError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserFacingError);
    return e as UserFacingError;
  }
  throw new Error('expected an error');
}

const uploadDirs = (dataDir: string) => (existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')) : []);

describe('SourceRegistry', () => {
  it('registers a path with a random id, its name, size and date; the path stays inside', async () => {
    const dataDir = fresh();
    const file = join(dataDir, 'prices.csv');
    writeFileSync(file, 'sku,price\nA,1\n');
    const registry = await openSourceRegistry({ dataDir });
    const ref = await registry.addPath(file);
    expect(ref.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(ref).toMatchObject({ name: 'prices.csv', size: 14 });
    expect(Date.parse(ref.modifiedAt!)).toBeGreaterThan(0);
    expect(JSON.stringify(ref)).not.toContain(dataDir);
    expect(registry.get(ref.id)).toEqual({ ref, path: file });
    const again = await registry.addPath(file);
    expect(again.id).not.toBe(ref.id);
    expect(registry.get('nope')).toBeUndefined();
  });

  it('refuses a missing file or a folder in words', async () => {
    const dataDir = fresh();
    const registry = new SourceRegistry({ dataDir });
    expect((await errorOf(registry.addPath(join(dataDir, 'gone.xlsx')))).code).toBe('file.not-found');
    expect((await errorOf(registry.addPath(dataDir))).code).toBe('file.is-folder');
  });

  it('streams an upload under uploads/<id>/<safe name> and keeps the owner\'s name for display', async () => {
    const dataDir = fresh();
    const registry = new SourceRegistry({ dataDir });
    const modified = Date.UTC(2026, 2, 4, 10, 0, 0);
    const ref = await registry.addUpload('../../Budget: Q3.csv', modified, chunks(['a;b\n', '1;2\n', '3;4\n']), 1000);
    expect(ref).toMatchObject({ name: 'Budget: Q3.csv', size: 12, modifiedAt: '2026-03-04T10:00:00.000Z' });
    const { path } = registry.get(ref.id)!;
    expect(path).toBe(join(dataDir, 'uploads', ref.id, 'Budget_ Q3.csv'));
    expect(readFileSync(path, 'utf8')).toBe('a;b\n1;2\n3;4\n');
  });

  it('takes a Node Readable too, and ignores a nonsense date', async () => {
    const registry = new SourceRegistry({ dataDir: fresh() });
    const ref = await registry.addUpload('x.csv', Number.NaN, Readable.from([Buffer.from('hello')]), 100);
    expect(ref.size).toBe(5);
    expect(ref.modifiedAt).toBeUndefined();
  });

  it('refuses an upload over the limit with a clear message and leaves nothing behind', async () => {
    const dataDir = fresh();
    const registry = new SourceRegistry({ dataDir, maxUploadBytes: 10 });
    const error = await errorOf(registry.addUpload('big.csv', 0, chunks(['12345', '67890', 'x'])));
    expect(error.code).toBe('upload.too-large');
    expect(error.message).toContain('"big.csv" is larger than 10 bytes');
    expect(uploadDirs(dataDir)).toEqual([]);
  });

  it('removes a partial upload when the stream fails or is aborted', async () => {
    const dataDir = fresh();
    const registry = new SourceRegistry({ dataDir });
    const broken = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = await errorOf(registry.addUpload('a.csv', 0, chunks(['abc', broken]), 100));
    expect(error.code).toBe('upload.interrupted');
    expect(uploadDirs(dataDir)).toEqual([]);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await errorOf(registry.addUpload('b.csv', 0, chunks(['a', 'b', 'c', 'd', 'e'], 30), 100, controller.signal));
    expect(cancelled.code).toBe('cancelled');
    expect(uploadDirs(dataDir)).toEqual([]);
  });

  it('cleans uploads older than a week at start, and only folders it made', async () => {
    const dataDir = fresh();
    const uploads = join(dataDir, 'uploads');
    const old = join(uploads, 'oldUploadId_1', 'a.csv');
    const recent = join(uploads, 'recentUploadId', 'b.csv');
    const foreign = join(uploads, 'not an id!', 'c.csv');
    for (const f of [old, recent, foreign]) {
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, 'x');
    }
    const eightDaysAgo = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
    utimesSync(dirname(old), eightDaysAgo, eightDaysAgo);
    utimesSync(dirname(foreign), eightDaysAgo, eightDaysAgo);
    await openSourceRegistry({ dataDir });
    expect(uploadDirs(dataDir).sort()).toEqual(['not an id!', 'recentUploadId']);
  });
});
