// Node only.
// The file store against real other processes: two writers racing for product.yaml, and a
// writer SIGKILLed in the middle of a big write (FIELD-NOTES kill test, repeated here).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanStaleTemps, createFileStore } from '../../../shared/node/mesh/file-store';

const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Every file under a folder, relative, including the store's own temp and lock files. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mesh-file-procs-'));
  root = join(dir, 'mesh');
  await mkdir(root);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file mesh store: other processes', () => {
  const child = join(__dirname, 'file-store-child.ts');
  const repo = join(__dirname, '../../..');

  /** A long-lived child writer that answers one line per command. */
  function startRacer(): { send: (line: string) => void; next: () => Promise<string>; stop: () => void } {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'race', root], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    return {
      send: (line) => proc.stdin.write(line + '\n'),
      next: async () => { const r = await lines.next(); if (r.done) throw new Error('child writer exited'); return r.value; },
      stop: () => { proc.stdin.end(); proc.kill(); },
    };
  }

  it('of two processes writing product.yaml at the same moment, exactly one wins each round', async () => {
    const a = startRacer();
    const b = startRacer();
    try {
      expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);
      const store = createFileStore(root);
      for (let round = 0; round < 40; round++) {
        a.send(`create ${round}`); b.send(`create ${round}`);
        const created = [await a.next(), await b.next()];
        expect(created.filter((l) => l.startsWith(`${round} won`))).toHaveLength(1);
        expect(created.filter((l) => l.startsWith(`${round} lost`))).toHaveLength(1);
        const winner = created.find((l) => l.includes(' won '))!.split(' ')[2];
        const first = (await store.get(`r${round}/product.yaml`))!;
        expect(dec(first.body)).toBe(`name: r${round}\nwriter: ${winner}\nstep: create\n`);
        // Both read the same version, both try to replace it: again exactly one succeeds.
        a.send(`update ${round} ${first.etag}`); b.send(`update ${round} ${first.etag}`);
        const updated = [await a.next(), await b.next()];
        expect(updated.filter((l) => l.startsWith(`${round} won`))).toHaveLength(1);
        expect(updated.filter((l) => l.startsWith(`${round} lost`))).toHaveLength(1);
      }
      expect((await allFiles(root)).filter((f) => f.includes('.mesh-desk-'))).toEqual([]);
    } finally {
      a.stop(); b.stop();
    }
  }, 120_000);

  it('a writer killed mid-write never leaves a partial file under the real key', async () => {
    const store = createFileStore(root);
    const size = 32 * 1024 * 1024;
    await store.put('data/part.bin', new Uint8Array(size).fill(1));
    let leftovers = 0;
    for (let round = 2; round < 22; round++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, 'big', root, String(round)], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<void>((res) => proc.on('exit', () => res()));
      const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('writing');
      await new Promise((res) => setTimeout(res, Math.random() * 120));
      proc.kill('SIGKILL');
      await exited;
      const body = (await store.get('data/part.bin'))!.body;
      expect(body.length).toBe(size);
      const value = body[0]!;
      expect(value === round || value < round).toBe(true);
      expect(body.every((x) => x === value)).toBe(true); // never torn or mixed
      leftovers += (await allFiles(root)).filter((f) => f.includes('.mesh-desk-tmp-')).length > 0 ? 1 : 0;
    }
    expect(leftovers).toBeGreaterThan(0); // the kill test really interrupted writers
    const removed = await cleanStaleTemps(root, { olderThanMs: 0 });
    expect(removed.length).toBeGreaterThan(0);
    expect(await allFiles(root)).toEqual(['data/part.bin']);
  }, 180_000);
});
