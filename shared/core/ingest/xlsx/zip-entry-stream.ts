// Runs anywhere (pure core).
// Unpacks one zip part as a stream of byte chunks, with the zip-bomb guards applied twice:
// before inflating (declared size, declared ratio) and while inflating (actual output may not
// exceed what the directory declared, nor the limits). Compressed input is fed to fflate in
// small slices because one push inflates everything it is given at once: 32 KB of input can
// produce at most ~33 MB of output, which bounds memory even when a part lies about its size
// (smaller slices cost measurably more time on honest files).

import { Inflate } from 'fflate';
import { CancelledError } from '../../result';
import type { ByteSource } from '../types';
import { crc32Update } from './crc32';
import type { XlsxLimits } from './limits';
import { xlsxErrors } from './xlsx-errors';
import type { ZipEntry } from './zip-directory';

const SIG_LOCAL = 0x04034b50;
const SLICE = 32 * 1024;

export interface EntryStreamOptions {
  limits: XlsxLimits;
  /** Bound for this part (defaults to limits.maxPartBytes). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Sheet the part belongs to, for messages. */
  sheet?: string;
  /** Called after each slice with compressed bytes consumed so far (progress). */
  onConsumed?: (compressedBytesDone: number) => void;
  /** Stop after this many output bytes (peeking at the start of a part); skips the end checks. */
  stopAfter?: number;
}

/** Refuses a part on its declarations alone, before a single byte is inflated. */
export function checkDeclaredSize(entry: ZipEntry, limits: XlsxLimits, maxBytes: number, sheet?: string): void {
  if (entry.uncompressedSize > maxBytes) throw xlsxErrors.partTooLarge(entry.name, entry.uncompressedSize, maxBytes, sheet);
  if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    throw xlsxErrors.zipBomb(entry.name, `is packed ${ratio.toLocaleString('en-US')} times smaller than its real size, far beyond what real data allows`, sheet);
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
    throw xlsxErrors.damagedZip(`the sizes recorded for "${entry.name}" disagree`, sheet);
  }
}

async function dataStart(src: ByteSource, entry: ZipEntry, sheet?: string): Promise<number> {
  const head = await src.read(entry.localHeaderOffset, 30);
  if (head.length < 30) throw xlsxErrors.truncated(`the part "${entry.name}"`, sheet);
  const sig = (head[0]! | (head[1]! << 8) | (head[2]! << 16) | (head[3]! << 24)) >>> 0;
  if (sig !== SIG_LOCAL) throw xlsxErrors.damagedZip(`the part "${entry.name}" is not where the table of contents says`, sheet);
  const nameLen = head[26]! | (head[27]! << 8);
  const extraLen = head[28]! | (head[29]! << 8);
  const start = entry.localHeaderOffset + 30 + nameLen + extraLen;
  if (start + entry.compressedSize > src.size) throw xlsxErrors.truncated(`the part "${entry.name}"`, sheet);
  return start;
}

/**
 * Yields the part's bytes in order. Throws UserFacingError for truncation, damage, lies about
 * size and limit breaches, CancelledError when the signal fires.
 */
export async function* streamEntry(src: ByteSource, entry: ZipEntry, opts: EntryStreamOptions): AsyncGenerator<Uint8Array> {
  const { limits, signal, sheet } = opts;
  const maxBytes = Math.min(opts.maxBytes ?? limits.maxPartBytes, limits.maxPartBytes);
  checkDeclaredSize(entry, limits, maxBytes, sheet);
  if (signal?.aborted) throw new CancelledError();
  const start = await dataStart(src, entry, sheet);
  const stopAfter = opts.stopAfter ?? Infinity;

  let produced = 0;
  let consumed = 0;
  let crc = 0;
  let pending: Uint8Array[] = [];
  const inflater =
    entry.method === 8
      ? new Inflate((chunk) => {
          if (chunk.length) pending.push(chunk);
        })
      : undefined;

  const account = (out: Uint8Array[]): void => {
    for (const c of out) {
      produced += c.length;
      crc = crc32Update(crc, c);
    }
    if (produced > entry.uncompressedSize) {
      throw xlsxErrors.zipBomb(entry.name, `unpacks to more data than it declares (${entry.uncompressedSize.toLocaleString('en-US')} bytes)`, sheet);
    }
    if (produced > limits.ratioFloorBytes && produced > consumed * limits.maxRatio) {
      throw xlsxErrors.zipBomb(entry.name, 'unpacks to hundreds of times its packed size, far beyond what real data allows', sheet);
    }
  };

  const feed = (slice: Uint8Array, final: boolean): Uint8Array[] => {
    if (!inflater) return slice.length ? [slice] : [];
    try {
      inflater.push(slice, final);
    } catch (e) {
      pending = [];
      const msg = e instanceof Error ? e.message : String(e);
      if (/unexpected EOF/i.test(msg)) throw xlsxErrors.truncated(`the part "${entry.name}"`, sheet);
      throw xlsxErrors.damagedZip(`the packed data of "${entry.name}" is corrupt`, sheet);
    }
    const out = pending;
    pending = [];
    return out;
  };

  const end = start + entry.compressedSize;
  for await (const chunk of src.stream(start, end, signal)) {
    for (let at = 0; at < chunk.length; at += SLICE) {
      if (signal?.aborted) throw new CancelledError();
      const slice = chunk.subarray(at, Math.min(chunk.length, at + SLICE));
      consumed += slice.length;
      const out = feed(slice, consumed === entry.compressedSize);
      account(out);
      opts.onConsumed?.(consumed);
      for (const c of out) yield c;
      if (produced >= stopAfter) return;
    }
  }
  if (signal?.aborted) throw new CancelledError();
  if (consumed !== entry.compressedSize) throw xlsxErrors.truncated(`the part "${entry.name}"`, sheet);
  if (produced !== entry.uncompressedSize) {
    throw xlsxErrors.damagedZip(`"${entry.name}" holds ${produced.toLocaleString('en-US')} bytes instead of the ${entry.uncompressedSize.toLocaleString('en-US')} recorded`, sheet);
  }
  if (crc !== entry.crc32) throw xlsxErrors.damagedZip(`the checksum of "${entry.name}" does not match its contents`, sheet);
}

/** Reads a small part fully (workbook, relationships, styles, peeks). */
export async function readEntryBytes(src: ByteSource, entry: ZipEntry, opts: EntryStreamOptions): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of streamEntry(src, entry, opts)) {
    parts.push(c);
    total += c.length;
  }
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
