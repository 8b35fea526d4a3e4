// Node only.
// put/get/head/list/delete, conditional writes, key checks, streams, check() and clean-up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanStaleTemps, createFileStore } from '../../../shared/node/mesh/file-store';
import { MeshError } from '../../../shared/core/mesh/mesh-store';
import { CancelledError } from '../../../shared/core/result';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const sha = (s: string) => `"${createHash('sha256').update(s).digest('hex')}"`;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Every file under a folder, relative, including the store's own temp and lock files. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<MeshError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(MeshError);
  expect((e as MeshError).code).toBe(code);
  return e as MeshError;
}

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mesh-file-store-'));
  root = join(dir, 'mesh');
  await mkdir(root);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file mesh store: basics', () => {
  it('round-trips put/get/head/list/delete and removes emptied folders', async () => {
    const store = createFileStore(root);
    expect(store.url).toBe(`file://${root}`);
    const { etag } = await store.put('price-list/product.yaml', enc('name: price-list\n'));
    expect(etag).toBe(sha('name: price-list\n'));
    await store.put('price-list/default/v1.0.0.datapart0001.csv', enc('a,b\n1,2\n'));
    await store.put('other/product.yaml', enc('name: other\n'));

    const got = await store.get('price-list/product.yaml');
    expect(got && dec(got.body)).toBe('name: price-list\n');
    expect(got?.etag).toBe(etag);
    const head = await store.head('price-list/product.yaml');
    expect(head).toMatchObject({ key: 'price-list/product.yaml', size: 17, etag });
    expect(Date.parse(head!.lastModified!)).toBeGreaterThan(Date.now() - 60_000);
    expect(await store.head('missing/product.yaml')).toBeNull();
    expect(await store.get('missing/product.yaml')).toBeNull();
    expect(await store.head('price-list')).toBeNull(); // a folder is no object

    expect((await collect(store.list(''))).map((o) => o.key).sort()).toEqual([
      'other/product.yaml', 'price-list/default/v1.0.0.datapart0001.csv', 'price-list/product.yaml',
    ]);
    expect((await collect(store.list('price-list/'))).map((o) => o.key).sort()).toEqual([
      'price-list/default/v1.0.0.datapart0001.csv', 'price-list/product.yaml',
    ]);
    expect((await collect(store.list('price-list/def'))).map((o) => o.key)).toEqual(['price-list/default/v1.0.0.datapart0001.csv']);
    expect(await collect(store.list('nothing-here/'))).toEqual([]);

    const stream = await store.getStream('price-list/default/v1.0.0.datapart0001.csv');
    const parts = await collect(stream!);
    expect(dec(Buffer.concat(parts))).toBe('a,b\n1,2\n');
    expect(await store.getStream('nope.csv')).toBeNull();

    await store.delete('price-list/default/v1.0.0.datapart0001.csv');
    expect(existsSync(join(root, 'price-list/default'))).toBe(false);
    expect(existsSync(join(root, 'price-list'))).toBe(true);
    await store.delete('price-list/product.yaml');
    await store.delete('price-list/product.yaml'); // missing: no error
    expect(existsSync(join(root, 'price-list'))).toBe(false);
    expect(existsSync(root)).toBe(true);
    expect(await allFiles(root)).toEqual(['other/product.yaml']); // no temp or lock files left
  });

  it('gives a new etag for new content and notices edits made by other tools', async () => {
    const store = createFileStore(root);
    const a = await store.put('p/product.yaml', enc('version: 1.0.0\n'));
    const b = await store.put('p/product.yaml', enc('version: 1.0.1\n'));
    expect(a.etag).not.toBe(b.etag);
    expect((await store.head('p/product.yaml'))?.etag).toBe(b.etag);
    expect((await collect(store.list('p/')))[0]?.etag).toBe(b.etag);
    // Same size, written behind the store's back, with the old modification time restored.
    const path = join(root, 'p/product.yaml');
    await writeFile(path, 'version: 9.9.9\n');
    await utimes(path, new Date(2020, 1, 1), new Date(2020, 1, 1));
    expect((await store.head('p/product.yaml'))?.etag).toBe(sha('version: 9.9.9\n'));
    expect((await collect(store.list('')))[0]?.etag).toBe(sha('version: 9.9.9\n'));
    await rejectsWith(store.put('p/product.yaml', enc('x'), { condition: { ifMatch: b.etag } }), 'mesh.precondition-failed');
  });

  it('lists nothing of its own temp or lock files, nor names it cannot use', async () => {
    const store = createFileStore(root);
    await store.put('p/product.yaml', enc('x'));
    await writeFile(join(root, 'p/.mesh-desk-tmp-123-abc'), 'partial');
    await writeFile(join(root, 'p/.mesh-desk-lock-product.yaml'), '1 tok');
    await writeFile(join(root, 'p/bad:name.csv'), 'x');
    expect((await collect(store.list(''))).map((o) => o.key)).toEqual(['p/product.yaml']);
  });
});

describe('file mesh store: locks of killed writers', () => {
  it('breaks at once a fresh lock whose writer on this computer has died (a publish killed mid-write)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { hostname } = await import('node:os');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await mkdir(join(root, 'p/default'), { recursive: true });
    await writeFile(join(root, 'p/default/.mesh-desk-lock-v1.0.0.datapart0001.csv'), `${dead} tok ${hostname()}\n`);
    const store = createFileStore(root, { lockWaitMs: 500 });
    await store.put('p/default/v1.0.0.datapart0001.csv', enc('a\r\n'));
    expect(dec((await store.get('p/default/v1.0.0.datapart0001.csv'))!.body)).toBe('a\r\n');
  });

  it('waits for a fresh lock of a live writer, or of another computer', async () => {
    await mkdir(join(root, 'p'), { recursive: true });
    const store = createFileStore(root, { lockWaitMs: 200 });
    await writeFile(join(root, 'p/.mesh-desk-lock-product.yaml'), `${process.ppid} tok ${(await import('node:os')).hostname()}\n`);
    await rejectsWith(store.put('p/product.yaml', enc('x')), 'mesh.io');
    await writeFile(join(root, 'p/.mesh-desk-lock-product.yaml'), '1 tok another-computer\n');
    await rejectsWith(store.put('p/product.yaml', enc('x')), 'mesh.io');
  });
});

describe('file mesh store: conditional writes', () => {
  it('ifNoneMatch "*" creates once, then refuses in plain words', async () => {
    const store = createFileStore(root);
    await store.put('p/product.yaml', enc('first'), { condition: { ifNoneMatch: '*' } });
    const e = await rejectsWith(store.put('p/product.yaml', enc('second'), { condition: { ifNoneMatch: '*' } }), 'mesh.precondition-failed');
    expect(e.message).toMatch(/already exists.*Nothing was changed/);
    expect(dec((await store.get('p/product.yaml'))!.body)).toBe('first');
    expect(await allFiles(root)).toEqual(['p/product.yaml']);
  });

  it('ifMatch accepts the current etag and refuses a stale or missing one', async () => {
    const store = createFileStore(root);
    const v1 = await store.put('p/product.yaml', enc('v1'));
    const v2 = await store.put('p/product.yaml', enc('v2'), { condition: { ifMatch: v1.etag } });
    const e = await rejectsWith(store.put('p/product.yaml', enc('v3'), { condition: { ifMatch: v1.etag } }), 'mesh.precondition-failed');
    expect(e.message).toMatch(/someone else changed it/);
    expect(dec((await store.get('p/product.yaml'))!.body)).toBe('v2');
    // Unquoted etags (as some tools show them) are the same version.
    await store.put('p/product.yaml', enc('v3'), { condition: { ifMatch: v2.etag.replace(/"/g, '') } });
    await rejectsWith(store.put('q/product.yaml', enc('x'), { condition: { ifMatch: v1.etag } }), 'mesh.precondition-failed');
    expect(existsSync(join(root, 'q/product.yaml'))).toBe(false);
  });

  it('breaks a lock left by a crashed writer, but waits for (and then reports) a live one', async () => {
    const store = createFileStore(root, { lockStaleMs: 5_000, lockWaitMs: 300 });
    await mkdir(join(root, 'p'));
    const lock = join(root, 'p/.mesh-desk-lock-product.yaml');
    await writeFile(lock, '999 live');
    const e = await rejectsWith(store.put('p/product.yaml', enc('x')), 'mesh.io');
    expect(e.message).toMatch(/another program/);
    expect(existsSync(join(root, 'p/product.yaml'))).toBe(false);
    expect(await allFiles(root)).toEqual(['p/.mesh-desk-lock-product.yaml']); // temp removed
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await store.put('p/product.yaml', enc('x'), { condition: { ifNoneMatch: '*' } });
    expect(await allFiles(root)).toEqual(['p/product.yaml']);
  });
});

describe('file mesh store: keys stay inside the folder', () => {
  it.each([
    '', '/etc/passwd', '../outside.txt', 'a/../../outside.txt', 'a/./b', 'a//b', 'a/', 'a\\..\\b', 'a\u0000b',
    'C:/Windows/x', 'a/.mesh-desk-tmp-1', 'a/b:stream', 'a/trailing.',
  ])('refuses %j', async (key) => {
    const store = createFileStore(root);
    await rejectsWith(store.put(key, enc('x')), 'mesh.bad-url');
    await rejectsWith(store.get(key), 'mesh.bad-url');
    await rejectsWith(store.head(key), 'mesh.bad-url');
    await rejectsWith(store.delete(key), 'mesh.bad-url');
    expect(await allFiles(dir)).toEqual([]);
  });

  it('refuses a list prefix that leaves the folder, and links that lead outside', async () => {
    const store = createFileStore(root);
    await expect(collect(store.list('../'))).rejects.toMatchObject({ code: 'mesh.bad-url' });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere/secret.txt'), 'secret');
    await symlink(join(dir, 'elsewhere'), join(root, 'linked'));
    await rejectsWith(store.get('linked/secret.txt'), 'mesh.bad-url');
    await rejectsWith(store.put('linked/new.txt', enc('x')), 'mesh.bad-url');
    expect(existsSync(join(dir, 'elsewhere/new.txt'))).toBe(false);
    expect(await collect(store.list(''))).toEqual([]); // links are not followed
  });
});

describe('file mesh store: streams, progress and cancellation', () => {
  it('writes a stream chunk by chunk, reporting progress', async () => {
    const store = createFileStore(root);
    const chunk = new Uint8Array(256 * 1024).fill(7);
    async function* body() { for (let i = 0; i < 8; i++) yield chunk; }
    const progress: number[] = [];
    const { etag } = await store.put('p/big.bin', body(), { size: 8 * chunk.length, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => i * chunk.length));
    expect((await store.head('p/big.bin'))).toMatchObject({ size: 8 * chunk.length, etag });
    await rejectsWith(store.put('p/short.bin', body(), { size: 1 }), 'mesh.io');
    expect(await allFiles(root)).toEqual(['p/big.bin']);
  });

  it('cancels mid-stream (also while the source stalls) and leaves nothing behind', async () => {
    const store = createFileStore(root);
    await store.put('p/data.bin', enc('old'));
    const ac = new AbortController();
    let finished = false;
    async function* body() {
      try {
        yield new Uint8Array(1000);
        ac.abort();
        yield new Uint8Array(1000);
      } finally { finished = true; }
    }
    await expect(store.put('p/data.bin', body(), { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(finished).toBe(true);
    const stalled = new AbortController();
    async function* stalls() { yield new Uint8Array(10); await new Promise(() => undefined); }
    setTimeout(() => stalled.abort(), 50);
    await expect(store.put('p/data.bin', stalls(), { signal: stalled.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(dec((await store.get('p/data.bin'))!.body)).toBe('old');
    expect(await allFiles(root)).toEqual(['p/data.bin']);
  });
});

describe('file mesh store: check and clean-up', () => {
  it('creates a missing folder, and explains a file or a forbidden folder', async () => {
    await createFileStore(join(dir, 'new/mesh')).check();
    expect(existsSync(join(dir, 'new/mesh'))).toBe(true);
    expect(await allFiles(join(dir, 'new/mesh'))).toEqual([]);
    await writeFile(join(dir, 'a-file'), 'x');
    const e = await rejectsWith(createFileStore(join(dir, 'a-file')).check(), 'mesh.bad-url');
    expect(e.message).toMatch(/is a file, not a folder/);
    await rejectsWith(createFileStore(join(dir, 'a-file/below')).check(), 'mesh.bad-url');
    if (process.getuid?.() !== 0) {
      const { chmod } = await import('node:fs/promises');
      await mkdir(join(dir, 'locked'));
      await chmod(join(dir, 'locked'), 0o500);
      const f = await rejectsWith(createFileStore(join(dir, 'locked')).check(), 'mesh.forbidden');
      expect(f.message).toMatch(/not allowed/);
      await rejectsWith(createFileStore(join(dir, 'locked/sub')).check(), 'mesh.forbidden');
      await chmod(join(dir, 'locked'), 0o700);
    }
  });

  it('cleanStaleTemps removes only old temp and lock files', async () => {
    await mkdir(join(root, 'p/default'), { recursive: true });
    const old = new Date(Date.now() - 3_600_000);
    for (const f of ['p/.mesh-desk-tmp-1-aa', 'p/default/.mesh-desk-tmp-2-bb', 'p/.mesh-desk-lock-product.yaml']) {
      await writeFile(join(root, f), 'x');
      await utimes(join(root, f), old, old);
    }
    await writeFile(join(root, 'p/.mesh-desk-tmp-3-fresh'), 'x');
    await writeFile(join(root, 'p/product.yaml'), 'x');
    await utimes(join(root, 'p/product.yaml'), old, old);
    const removed = await cleanStaleTemps(root);
    expect(removed).toHaveLength(3);
    expect(await allFiles(root)).toEqual(['p/.mesh-desk-tmp-3-fresh', 'p/product.yaml']);
    expect(await cleanStaleTemps(join(dir, 'missing'))).toEqual([]);
  });
});

