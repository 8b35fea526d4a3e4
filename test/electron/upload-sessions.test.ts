// Tests of chunked uploads for files without a path, against the real SourceRegistry on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceRegistry } from '../../shared/node/sources/source-registry';
import { createUploadSessions, MAX_UPLOAD_CHUNK_BYTES } from '../../electron/upload-sessions';

let dir: string;
let sources: SourceRegistry;
const bytes = (text: string) => new TextEncoder().encode(text);
const uploadFolders = () => (existsSync(sources.uploadsRoot) ? readdirSync(sources.uploadsRoot) : []);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-uploads-'));
  sources = new SourceRegistry({ dataDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sessions(opts: { maxBytes?: number; idleMs?: number; maxOpen?: number } = {}) {
  return createUploadSessions({
    addUpload: (name, lastModified, body, signal) => sources.addUpload(name, lastModified, body, opts.maxBytes, signal),
    ...(opts.idleMs !== undefined ? { idleMs: opts.idleMs } : {}),
    ...(opts.maxOpen !== undefined ? { maxOpen: opts.maxOpen } : {}),
  });
}

function begin(s: ReturnType<typeof sessions>, name = 'mail attachment.csv'): string {
  const r = s.begin(name, 0);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.uploadId;
}

describe('createUploadSessions', () => {
  it('writes the chunks in order and registers the file', async () => {
    const s = sessions();
    const id = begin(s);
    for (const part of ['sku;price\n', 'A1;9,99\n', 'B2;1,50\n']) expect(await s.chunk(id, bytes(part))).toEqual({ ok: true, value: null });
    const r = await s.end(id);
    expect(r).toMatchObject({ ok: true, value: { name: 'mail attachment.csv', size: 26 } });
    if (r.ok) expect(readFileSync(sources.get(r.value.id)!.path, 'utf8')).toBe('sku;price\nA1;9,99\nB2;1,50\n');
    expect(s.open).toBe(0);
  });

  it('registers an empty file', async () => {
    const s = sessions();
    const r = await s.end(begin(s, 'empty.csv'));
    expect(r).toMatchObject({ ok: true, value: { name: 'empty.csv', size: 0 } });
  });

  it('answers a chunk only once the writer has taken it (memory stays at one chunk)', async () => {
    let release: () => void = () => {};
    const taken: string[] = [];
    const s = createUploadSessions({
      addUpload: async (name, _m, body) => {
        for await (const chunk of body) {
          taken.push(new TextDecoder().decode(chunk));
          await new Promise<void>((r) => (release = r));
        }
        return { id: 'x', name, size: 0 };
      },
    });
    const id = begin(s);
    let answered = false;
    const first = s.chunk(id, bytes('one')).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(taken).toEqual(['one']);
    expect(answered).toBe(false);
    release();
    await first;
    expect(answered).toBe(true);
    const end = s.end(id);
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect(await end).toMatchObject({ ok: true });
  });

  it('stops a file over the size limit, says so, and leaves nothing behind', async () => {
    const before = uploadFolders().length;
    const s = sessions({ maxBytes: 10 });
    const id = begin(s, 'huge.csv');
    expect(await s.chunk(id, bytes('12345678'))).toEqual({ ok: true, value: null });
    const over = await s.chunk(id, bytes('12345678'));
    const next = over.ok ? await s.chunk(id, bytes('x')) : over;
    expect(next).toMatchObject({ ok: false, error: { code: 'upload.too-large' } });
    expect(await s.end(id)).toMatchObject({ ok: false, error: { code: 'upload.too-large' } });
    expect(uploadFolders().length).toBe(before);
  });

  it('abort cancels and removes the partial file', async () => {
    const before = uploadFolders().length;
    const s = sessions();
    const id = begin(s, 'partial.csv');
    await s.chunk(id, bytes('a,b\n'));
    expect(s.abort(id)).toEqual({ ok: true, value: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(uploadFolders().length).toBe(before);
    expect(await s.chunk(id, bytes('x'))).toMatchObject({ ok: false, error: { code: 'upload.unknown' } });
    expect(await s.end(id)).toMatchObject({ ok: false, error: { code: 'upload.unknown' } });
  });

  it('abandons an upload the page stopped sending', async () => {
    const before = uploadFolders().length;
    const s = sessions({ idleMs: 30 });
    const id = begin(s, 'stalled.csv');
    await s.chunk(id, bytes('a,b\n'));
    await new Promise((r) => setTimeout(r, 120));
    expect(s.open).toBe(0);
    expect(uploadFolders().length).toBe(before);
    expect(await s.end(id)).toMatchObject({ ok: false, error: { code: 'upload.unknown' } });
  });

  it('refuses bad names, bad chunks, unknown ids and too many uploads at once', async () => {
    const s = sessions({ maxOpen: 1 });
    expect(s.begin('', 0)).toMatchObject({ ok: false, error: { code: 'upload.bad-name' } });
    expect(s.begin(42, 0)).toMatchObject({ ok: false, error: { code: 'upload.bad-name' } });
    const id = begin(s);
    expect(s.begin('second.csv', 0)).toMatchObject({ ok: false, error: { code: 'upload.busy' } });
    expect(await s.chunk('nope', bytes('x'))).toMatchObject({ ok: false, error: { code: 'upload.unknown' } });
    expect(await s.chunk(id, 'not bytes')).toMatchObject({ ok: false, error: { code: 'upload.bad-chunk' } });
    // A bad chunk ends the upload.
    expect(s.open).toBe(0);
    const again = begin(s);
    expect(await s.chunk(again, new Uint8Array(MAX_UPLOAD_CHUNK_BYTES + 1))).toMatchObject({ ok: false, error: { code: 'upload.bad-chunk' } });
  });
});
