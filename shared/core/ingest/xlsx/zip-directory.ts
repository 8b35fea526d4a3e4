// Runs anywhere (pure core).
// Reads the zip's central directory (the table of contents at the end of the file) without
// touching any compressed data. Everything we later trust — part names, sizes, offsets — comes
// from here, so it is validated strictly: a garbled directory, encrypted entries, unknown
// compression methods and duplicate names (exact or differing only in case: zip tools disagree
// on which copy wins, a classic way to smuggle content) all refuse the file.

import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { xlsxErrors } from './xlsx-errors';

export interface ZipEntry {
  /** Name as stored, with "\" turned into "/" and no leading "/". */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Looks a part up by name, ignoring case (OPC part names are case-insensitive). */
  get(name: string): ZipEntry | undefined;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATE = 8;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
/** 64-bit little-endian as a JS number; undefined beyond 2^53 (no real file is that big). */
function u64(b: Uint8Array, at: number): number | undefined {
  const lo = u32(b, at);
  const hi = u32(b, at + 4);
  if (hi >= 0x200000) return undefined;
  return hi * 0x100000000 + lo;
}

interface EndRecord {
  entryCount: number;
  cdSize: number;
  cdOffset: number;
  /** Where the directory really ends (the end record, or the ZIP64 record). */
  cdEnd: number;
}

async function findEndRecord(src: ByteSource): Promise<EndRecord> {
  const tailLen = Math.min(src.size, EOCD_MIN + MAX_COMMENT);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  // Scan backwards: the record is last unless a comment follows it. A comment could contain
  // the signature, so a candidate must also describe a directory that fits before it.
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (u32(tail, i) !== SIG_EOCD) continue;
    const commentLen = u16(tail, i + 20);
    if (i + EOCD_MIN + commentLen > tail.length) continue;
    const eocdPos = tailStart + i;
    let entryCount = u16(tail, i + 10);
    let cdSize = u32(tail, i + 12);
    let cdOffset = u32(tail, i + 16);
    const needs64 = entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
    const locatorAt = eocdPos - 20;
    if (locatorAt >= 0) {
      const loc = await src.read(locatorAt, 20);
      if (loc.length === 20 && u32(loc, 0) === SIG_ZIP64_LOCATOR) {
        const recAt = u64(loc, 8);
        if (recAt === undefined || recAt + 56 > locatorAt) throw xlsxErrors.damagedZip('its ZIP64 table of contents points outside the file');
        const rec = await src.read(recAt, 56);
        if (rec.length < 56 || u32(rec, 0) !== SIG_ZIP64_EOCD) throw xlsxErrors.damagedZip('its ZIP64 table of contents is missing');
        const n = u64(rec, 32);
        const size = u64(rec, 40);
        const off = u64(rec, 48);
        if (n === undefined || size === undefined || off === undefined) throw xlsxErrors.damagedZip('its ZIP64 table of contents is garbled');
        entryCount = n;
        cdSize = size;
        cdOffset = off;
        if (cdOffset + cdSize > recAt) throw xlsxErrors.damagedZip('its table of contents points outside the file');
        return { entryCount, cdSize, cdOffset, cdEnd: recAt };
      }
    }
    if (needs64) throw xlsxErrors.damagedZip('its ZIP64 table of contents is missing');
    if (cdOffset + cdSize > eocdPos) continue;
    return { entryCount, cdSize, cdOffset, cdEnd: eocdPos };
  }
  throw xlsxErrors.missingDirectory();
}

/** Reads the ZIP64 "extra field" values that replace 0xFFFFFFFF placeholders, in spec order. */
function applyZip64Extra(
  extra: Uint8Array,
  vals: { usize: number; csize: number; offset: number },
): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = u16(extra, at);
    const len = u16(extra, at + 2);
    const body = at + 4;
    if (body + len > extra.length) break;
    if (id === 0x0001) {
      let p = body;
      const take = (): number => {
        if (p + 8 > body + len) throw xlsxErrors.damagedZip('a ZIP64 size field is cut short');
        const v = u64(extra, p);
        p += 8;
        if (v === undefined) throw xlsxErrors.damagedZip('a ZIP64 size is impossibly large');
        return v;
      };
      if (vals.usize === 0xffffffff) vals.usize = take();
      if (vals.csize === 0xffffffff) vals.csize = take();
      if (vals.offset === 0xffffffff) vals.offset = take();
      return;
    }
    at = body + len;
  }
}

const utf8 = new TextDecoder('utf-8');

export async function readZipDirectory(src: ByteSource, limits: XlsxLimits): Promise<ZipDirectory> {
  if (src.size < EOCD_MIN) throw xlsxErrors.missingDirectory();
  const end = await findEndRecord(src);
  if (end.entryCount > limits.maxEntries) throw xlsxErrors.tooManyEntries(end.entryCount, limits.maxEntries);
  // A central header is at least 46 bytes; anything else means a garbled table of contents.
  if (end.cdSize < end.entryCount * 46 || end.cdSize > limits.maxEntries * (46 + 3 * 0xffff)) {
    throw xlsxErrors.damagedZip('its table of contents has an impossible size');
  }
  let cd = await src.read(end.cdOffset, end.cdSize);
  if (cd.length !== end.cdSize) throw xlsxErrors.missingDirectory();
  // Some tools put bytes in front of the zip (self-extractors, mail gateways), shifting every
  // offset by the same amount. The directory sits right before its end record, so the shift
  // shows there; apply it to every part, as unzip does.
  let shift = 0;
  const delta = end.cdEnd - end.cdSize - end.cdOffset;
  if (end.entryCount > 0 && u32(cd, 0) !== SIG_CENTRAL && delta > 0) {
    const moved = await src.read(end.cdOffset + delta, end.cdSize);
    if (moved.length === end.cdSize && u32(moved, 0) === SIG_CENTRAL) {
      cd = moved;
      shift = delta;
    }
  }

  const entries: ZipEntry[] = [];
  const byLower = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < end.entryCount; n++) {
    if (at + 46 > cd.length || u32(cd, at) !== SIG_CENTRAL) throw xlsxErrors.damagedZip('its table of contents is garbled');
    const flags = u16(cd, at + 8);
    const method = u16(cd, at + 10);
    const crc32 = u32(cd, at + 16);
    const vals = { csize: u32(cd, at + 20), usize: u32(cd, at + 24), offset: u32(cd, at + 42) };
    const nameLen = u16(cd, at + 28);
    const extraLen = u16(cd, at + 30);
    const commentLen = u16(cd, at + 32);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > cd.length) throw xlsxErrors.damagedZip('its table of contents is garbled');
    applyZip64Extra(cd.subarray(extraStart, extraStart + extraLen), vals);
    vals.offset += shift;
    at = next;

    const name = utf8.decode(cd.subarray(nameStart, extraStart)).replace(/\\/g, '/').replace(/^\/+/, '');
    if (name === '' || name.endsWith('/')) continue; // folders carry no data
    // Bit 0: traditional encryption; bit 6: strong encryption; method 99: AES.
    if (flags & 0x41 || method === 99) throw xlsxErrors.encryptedEntry();
    if (method !== STORED && method !== DEFLATE) throw xlsxErrors.unknownCompression(name);
    if (vals.offset + 30 > end.cdOffset + shift || vals.offset + 30 + vals.csize > src.size) {
      throw xlsxErrors.damagedZip(`the part "${name}" lies outside the file`);
    }
    const entry: ZipEntry = {
      name,
      method,
      flags,
      crc32,
      compressedSize: vals.csize,
      uncompressedSize: vals.usize,
      localHeaderOffset: vals.offset,
    };
    const key = name.toLowerCase();
    const dup = byLower.get(key);
    if (dup) throw xlsxErrors.duplicateEntry(dup.name, name);
    byLower.set(key, entry);
    entries.push(entry);
  }
  return {
    entries,
    get: (name) => byLower.get(name.replace(/^\/+/, '').toLowerCase()),
  };
}
