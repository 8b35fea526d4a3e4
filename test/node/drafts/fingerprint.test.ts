// Node only (tests). The file fingerprint (size, mtime, first and last 64 KB) and the source
// check that turns it into words, on real files in a temp folder.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, appendFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, fingerprintFile } from '../../../shared/node/drafts/fingerprint';
import type { StoredSource } from '../../../shared/node/drafts/draft-store';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-fingerprint-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FIXED = new Date('2026-03-01T10:00:00.000Z');
function bigFile(name: string, size = 400_000): string {
  const path = join(root, name);
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 31) % 251;
  writeFileSync(path, buf);
  utimesSync(path, FIXED, FIXED);
  return path;
}
function patch(path: string, at: number, byte: number) {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([byte]), 0, 1, at);
  closeSync(fd);
  utimesSync(path, FIXED, FIXED); // same date: only the bytes tell
}
async function recorded(path: string, name = 'sales.csv'): Promise<StoredSource> {
  const fp = await fingerprintFile(path);
  return { path, name, size: fp.size, fingerprint: fp.fingerprint, modifiedAt: fp.modifiedAt, checkedAt: '2026-03-04T10:05:00.000Z' };
}

describe('fingerprintFile', () => {
  it('is stable for the same file and carries size and date', async () => {
    const path = bigFile('stable.bin');
    const a = await fingerprintFile(path);
    expect(a).toEqual(await fingerprintFile(path));
    expect(a.size).toBe(400_000);
    expect(a.modifiedAt).toBe(FIXED.toISOString());
    expect(a.fingerprint).toMatch(/^v1:400000:\d+:[0-9a-f]{64}$/);
  });

  it('changes with a byte in the first or last 64 KB even when size and date are kept', async () => {
    const path = bigFile('edges.bin');
    const before = (await fingerprintFile(path)).fingerprint;
    patch(path, 10, 7);
    const headChanged = (await fingerprintFile(path)).fingerprint;
    expect(headChanged).not.toBe(before);
    patch(path, 400_000 - 5, 7);
    expect((await fingerprintFile(path)).fingerprint).not.toBe(headChanged);
  });

  it('changes with an append (size) or a new date; a middle byte with size and date kept is the known blind spot', async () => {
    const path = bigFile('middle.bin');
    const before = (await fingerprintFile(path)).fingerprint;
    patch(path, 200_000, 9);
    expect((await fingerprintFile(path)).fingerprint).toBe(before);
    appendFileSync(path, 'x');
    expect((await fingerprintFile(path)).fingerprint).not.toBe(before);
    const again = bigFile('dated.bin');
    const dated = (await fingerprintFile(again)).fingerprint;
    utimesSync(again, new Date('2026-03-02T10:00:00Z'), new Date('2026-03-02T10:00:00Z'));
    expect((await fingerprintFile(again)).fingerprint).not.toBe(dated);
  });

  it('hashes small and empty files whole', async () => {
    const path = join(root, 'small.csv');
    writeFileSync(path, '');
    expect((await fingerprintFile(path)).size).toBe(0);
    writeFileSync(path, 'a,b\n1,2\n');
    utimesSync(path, FIXED, FIXED);
    const a = await fingerprintFile(path);
    writeFileSync(path, 'a,b\n1,3\n');
    utimesSync(path, FIXED, FIXED);
    expect((await fingerprintFile(path)).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('checkSource', () => {
  it('ok for the same file', async () => {
    const path = bigFile('ok.bin');
    expect(await checkSource(await recorded(path))).toEqual({ status: 'ok' });
  });

  it('changed, in words, when the bytes differ', async () => {
    const path = bigFile('changed.bin');
    const source = await recorded(path);
    writeFileSync(path, 'something else');
    const c = await checkSource(source);
    expect(c.status).toBe('changed');
    expect(c.message).toBe('“sales.csv” has changed since this draft was saved (4 March 2026, 10:05 UTC). Mesh Desk will read it again and check it; your description is kept.');
  });

  it('missing, naming only the folder, when the file is gone or replaced by a folder', async () => {
    const folder = join(root, 'Quarterly Reports');
    mkdirSync(folder);
    const path = join(folder, 'sales.xlsx');
    writeFileSync(path, 'x');
    const source = await recorded(path, 'sales.xlsx');
    unlinkSync(path);
    const c = await checkSource(source);
    expect(c.status).toBe('missing');
    expect(c.message).toContain('“sales.xlsx” is no longer in the folder “Quarterly Reports”');
    expect(c.message).toContain('Locate it (the same file');
    expect(c.message).not.toContain(root);
    mkdirSync(path);
    expect((await checkSource(source)).status).toBe('missing');
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it('an upload copy that is gone says Mesh Desk lost its copy', async () => {
    const c = await checkSource({ path: join(root, 'uploads', 'abc', 'a.csv'), name: 'a.csv', size: 1, fingerprint: 'v1:x', uploadId: 'abc' });
    expect(c.status).toBe('missing');
    expect(c.message).toContain('no longer has its copy of “a.csv”');
  });
});
