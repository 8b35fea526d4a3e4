// Runs anywhere (pure core).
// Bounded-memory duplicate detection for a million rows: values are not kept, only a 53-bit
// hash of each and the first row it was seen in, in an open-addressing table of typed arrays
// (12 bytes a slot, about 25 MB for 1M values) instead of a Set of strings (~100 bytes a value).
//
// Why a collision is acceptable: with n distinct values and 2^53 possible hashes, the chance
// that any two of them share a hash is about n² / 2^54 (birthday bound). For n = 1,000,000 that
// is 10^12 / 1.8 × 10^16 ≈ 5.6 × 10^-5 — one file in about 18,000 with a million unique keys.
// The consequence is one false "repeats the value of row N" finding whose two values visibly
// differ; no data is changed or lost. Exact comparison would need every value in memory.

/** A 53-bit hash of a string: two independent 32-bit hashes (21 + 32 bits of them). */
export function hashText(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return finish(h1, h2, s.length);
}

function finish(a: number, b: number, len: number): number {
  let h1 = a ^ len;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  let h2 = b ^ Math.imul(len, 0x27d4eb2f);
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x2c1b3c6d);
  h2 ^= h2 >>> 12;
  h2 = Math.imul(h2, 0x297a2d39);
  h2 ^= h2 >>> 15;
  return (h2 >>> 11) * 4294967296 + (h1 >>> 0);
}

/**
 * The same hash over several texts in a row (a whole spreadsheet row): each text followed by a
 * separator code no cell text contains (U+001F), so "ab","c" and "a","bc" differ.
 */
export class TextSeqHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x2545f491;
  private len = 0;

  reset(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x2545f491;
    this.len = 0;
  }

  add(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    const n = s.length;
    let i = 0;
    // Two characters per step (one 32-bit word): half the iterations of a per-character loop,
    // on the hottest path of the checks (every character of every row). Both lanes fold their
    // high bits back down each step, so the second character of a pair reaches every bit.
    for (; i + 1 < n; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h1 ^= h1 >>> 13;
      h2 = Math.imul(h2 + w, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    if (i < n) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h1 ^= h1 >>> 13;
      h2 = Math.imul(h2 + c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 + 0x1f, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    this.h1 = h1;
    this.h2 = h2;
    this.len += s.length + 1;
  }

  result(): number {
    return finish(this.h1, this.h2, this.len);
  }
}

/** 53-bit hash → first row number (≥ 1). Linear probing; grows at 50% load. */
export class HashIndex {
  private keys: Float64Array;
  private rows: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.keys = new Float64Array(cap);
    this.rows = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /**
   * Records `row` for `hash` and returns 0 when the hash is new; otherwise returns the row the
   * hash was first seen in (the table keeps the first). Row numbers must be ≥ 1.
   */
  firstRow(hash: number, row: number): number {
    const key = hash === 0 ? 1 : hash; // 0 marks a free slot
    const keys = this.keys;
    const mask = this.mask;
    // Low 32 bits are well mixed; fold in the high ones too.
    let i = ((key >>> 0) ^ Math.floor(key / 4294967296)) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === 0) break;
      if (k === key) return this.rows[i]!;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    this.rows[i] = row;
    if (++this.size * 2 > keys.length) this.grow();
    return 0;
  }

  /** Bytes held by the table (for tests of the memory bound). */
  get bytes(): number {
    return this.keys.byteLength + this.rows.byteLength;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    const cap = oldKeys.length * 2;
    const keys = new Float64Array(cap);
    const rows = new Uint32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j]!;
      if (key === 0) continue;
      let i = ((key >>> 0) ^ Math.floor(key / 4294967296)) & mask;
      while (keys[i] !== 0) i = (i + 1) & mask;
      keys[i] = key;
      rows[i] = oldRows[j]!;
    }
    this.keys = keys;
    this.rows = rows;
    this.mask = mask;
  }
}
