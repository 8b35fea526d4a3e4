// Node only (tests). openFileByteSource on real files in a temp folder.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileByteSource, STREAM_CHUNK_BYTES } from '../../../shared/node/files/file-byte-source';
import { UserFacingError } from '../../../shared/core/result';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-bytes-'));
// 2.5 MiB of a repeating pattern: three stream chunks, the last one partial.
const size = Math.floor(2.5 * STREAM_CHUNK_BYTES);
const content = Buffer.alloc(size);
for (let i = 0; i < size; i++) content[i] = (i * 31 + 7) & 0xff;
const file = join(dir, 'data.bin');
writeFileSync(file, content);

async function collect(iter: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; chunks: number[] }> {
  const parts: Uint8Array[] = [];
  for await (const c of iter) parts.push(c);
  return { bytes: Buffer.concat(parts), chunks: parts.map((p) => p.length) };
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

describe('openFileByteSource', () => {
  it('knows the size and the display name', async () => {
    const src = await openFileByteSource(file, 'Budget 2026.csv');
    expect(src.size).toBe(size);
    expect(src.name).toBe('Budget 2026.csv');
    await src.close();
    const plain = await openFileByteSource(file);
    expect(plain.name).toBe('data.bin');
    await plain.close();
  });

  it('reads exact ranges at any offset, fewer bytes only at the end', async () => {
    const src = await openFileByteSource(file);
    expect(Buffer.from(await src.read(0, 10))).toEqual(content.subarray(0, 10));
    expect(Buffer.from(await src.read(1_500_000, 70_000))).toEqual(content.subarray(1_500_000, 1_570_000));
    expect((await src.read(size - 5, 100)).length).toBe(5);
    expect((await src.read(size + 10, 100)).length).toBe(0);
    await src.close();
  });

  it('streams the whole file in 1 MiB chunks and any [start, end) range', async () => {
    const src = await openFileByteSource(file);
    const all = await collect(src.stream());
    expect(all.bytes.equals(content)).toBe(true);
    expect(all.chunks[0]).toBe(STREAM_CHUNK_BYTES);
    expect(all.chunks.length).toBe(3);
    const part = await collect(src.stream(100, 2_000_123));
    expect(part.bytes.equals(content.subarray(100, 2_000_123))).toBe(true);
    expect((await collect(src.stream(50, 50))).bytes.length).toBe(0);
    expect((await collect(src.stream(size - 3, size + 1000))).bytes.length).toBe(3);
    await src.close();
  });

  it('stops a stream with CancelledError when its signal aborts', async () => {
    const src = await openFileByteSource(file);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const c of src.stream(0, size, controller.signal)) {
        seen.push(c.length);
        controller.abort();
      }
    })();
    const error = await errorOf(run);
    expect(error.code).toBe('cancelled');
    expect(seen.length).toBe(1);
    const already = new AbortController();
    already.abort();
    expect((await errorOf(collect(src.stream(0, size, already.signal)))).code).toBe('cancelled');
    await src.close();
  });

  it('says in words when the file is missing or is a folder', async () => {
    const missing = await errorOf(openFileByteSource(join(dir, 'gone.csv')));
    expect(missing.code).toBe('file.not-found');
    expect(missing.message).toContain('"gone.csv"');
    expect(missing.message).toMatch(/moved, renamed or deleted/);

    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const isFolder = await errorOf(openFileByteSource(folder));
    expect(isFolder.code).toBe('file.is-folder');
    expect(isFolder.message).toContain('is a folder');
  });

  // root reads any file whatever its mode, so this can only be checked as a normal user.
  it.skipIf(process.getuid?.() === 0)('says in words when reading is not allowed', async () => {
    const locked = join(dir, 'locked.csv');
    writeFileSync(locked, 'a,b\n');
    chmodSync(locked, 0o000);
    try {
      const denied = await errorOf(openFileByteSource(locked));
      expect(denied.code).toBe('file.no-permission');
      expect(denied.message).toContain('not allowed to read "locked.csv"');
    } finally {
      chmodSync(locked, 0o644);
    }
  });

  it('refuses to read after close', async () => {
    const src = await openFileByteSource(file);
    await src.close();
    await src.close();
    expect((await errorOf(src.read(0, 1))).code).toBe('file.closed');
  });
});
