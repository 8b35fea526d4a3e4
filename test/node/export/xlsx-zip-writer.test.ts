// Node only (tests). The streamed zip behind the product workbook: what goes in comes out of a
// real unzip byte for byte, a slow disk makes the writer wait instead of piling bytes up, and
// cancelling or a broken file ends the write.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CancelledError } from '../../../shared/core/result';
import { XlsxZipWriter } from '../../../shared/node/export/xlsx-zip-writer';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-zip-writer-'));
const MTIME = new Date('2026-11-21T10:15:00Z');

function finished(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.writableFinished) resolve();
    out.once('finish', resolve);
    out.once('error', reject);
  });
}

describe('XlsxZipWriter', () => {
  it('writes small and streamed parts that unzip to exactly what was written', async () => {
    const path = join(dir, 'parts.zip');
    const out = createWriteStream(path);
    const zip = new XlsxZipWriter(out, { mtime: MTIME });
    const big: string[] = [];
    const part = zip.openPart('xl/worksheets/sheet1.xml');
    for (let i = 0; i < 60_000; i++) {
      const line = `<row r="${i}">Zürich – 東京 😀 ${i}</row>`;
      big.push(line);
      part.write(line);
      if (i % 256 === 0) await part.room();
    }
    await part.end();
    await zip.addPart('[Content_Types].xml', '<Types/>');
    await zip.addPart('xl/empty.xml', '');
    await zip.finish();
    await new Promise<void>((r) => out.once('close', () => r()));

    const files = unzipSync(readFileSync(path));
    expect(Object.keys(files)).toEqual(['xl/worksheets/sheet1.xml', '[Content_Types].xml', 'xl/empty.xml']);
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toBe(big.join(''));
    expect(strFromU8(files['[Content_Types].xml']!)).toBe('<Types/>');
    expect(files['xl/empty.xml']!.length).toBe(0);
    // A second, stricter reader: Info-ZIP checks every CRC and size.
    if (hasUnzip()) expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('waits for a slow disk instead of piling up what it cannot write yet', async () => {
    let maxQueued = 0;
    const chunks: Buffer[] = [];
    // A disk that takes 2 ms per write: far slower than the writer can produce.
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        setTimeout(done, 2);
      },
    });
    const limit = 256 * 1024;
    const zip = new XlsxZipWriter(slow, { mtime: MTIME, pendingLimit: limit });
    const part = zip.openPart('random.txt');
    // Random text barely compresses, so every byte in is about a byte out.
    const text = randomBytes(24 * 1024 * 1024).toString('base64');
    for (let at = 0; at < text.length; at += 64 * 1024) {
      part.write(text.slice(at, at + 64 * 1024));
      await part.room();
      maxQueued = Math.max(maxQueued, slow.writableLength);
    }
    await part.end();
    await zip.finish();
    await finished(slow);
    // Bounded by the limit plus one flushed chunk, not by the 32 MB written.
    expect(maxQueued).toBeLessThan(limit + 2 * 1024 * 1024);
    expect(strFromU8(unzipSync(Buffer.concat(chunks))['random.txt']!)).toBe(text);
  }, 60_000);

  it('stops with CancelledError when cancelled', async () => {
    const controller = new AbortController();
    const out = createWriteStream(join(dir, 'cancel.zip'));
    const zip = new XlsxZipWriter(out, { mtime: MTIME, signal: controller.signal });
    const part = zip.openPart('a.xml');
    part.write('<a/>');
    controller.abort();
    await expect(part.room()).rejects.toBeInstanceOf(CancelledError);
    out.destroy();
  });

  it('reports a broken file instead of waiting for it forever', async () => {
    const broken = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    broken.on('error', () => undefined);
    const zip = new XlsxZipWriter(broken, { mtime: MTIME, pendingLimit: 1024 });
    const part = zip.openPart('a.xml');
    const write = async (): Promise<void> => {
      for (let i = 0; i < 10_000; i++) {
        part.write(randomBytes(512).toString('hex'));
        await part.room();
      }
      await part.end();
    };
    await expect(write()).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});

function hasUnzip(): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, 'unzip')));
}
