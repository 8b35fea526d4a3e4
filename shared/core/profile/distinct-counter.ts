// Runs anywhere (pure core).
// Distinct values, top values and examples of one column in bounded memory and without a
// string-keyed Map on the hot path (a Map lookup per cell would cost more than the rest of the
// profile). An open-addressing table keyed by our own 32-bit hash holds up to
// DISTINCT_EXACT_LIMIT distinct values with their counts; numbers and dates are keyed by their
// value (no string hashing: "1.5" and "1.50" are one value), other text by its characters.
// Past the bound the table stops growing and a HyperLogLog — fed the hashes already in the
// table, then every new value's hash — estimates the distinct count.
//
// Top values past the bound: values already in the table keep being counted exactly over the
// whole column; a value first seen after the bound is not counted for "top". Top counts stay
// exact, but a value that only starts appearing late in a column with more than 10,000
// distinct values can be missing from the top list.

import type { TopValue } from '../inspect/report';
import * as hyperloglog from './hyperloglog';
import { detachString } from '../ingest/csv/detach-string';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { hashString, mix32, HyperLogLog } = hyperloglog;

export const DISTINCT_EXACT_LIMIT = 10_000;
export const TOP_VALUES = 5;
export const EXAMPLE_VALUES = 5;
/** Up to this many distinct values, text is looked up by comparing rather than hashing. */
const SMALL = 4;
/** Largest table (pairs): load factor ~0.61 at the bound; 128 KB. */
const MAX_SLOTS = 1 << 14;


const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** 32-bit hash of a number's bits (0 and -0 alike), mixed with its kind. */
export function hashNumber(v: number, kind: number): number {
  f64[0] = v + 0;
  return mix32((u32[0]! ^ Math.imul(u32[1]!, 0x9e3779b1)) + kind);
}

/**
 * Layout, chosen for the processor cache (12 columns × 10,000 values do not fit in it): a probe
 * reads the slot table, which holds each entry's hash next to its index, so a miss touches one
 * cache line; a hit then reads the entry's value and count, which sit side by side.
 */
export class DistinctCounter {
  /** Pairs [hash, entry index + 1] (0 = free). Grows by doubling, up to MAX_SLOTS pairs. */
  private slots = new Int32Array(32);
  private mask = 15;
  private size = 0;
  /** Pairs [value, count] per entry; the value is NaN for text entries. */
  private entries = new Float64Array(16);
  /** Text entries: the text. Number/date entries: the first spelling seen. */
  private texts: string[] = [];
  private hll: hyperloglog.HyperLogLog | null = null;
  /**
   * Made when the table is full: one bit per value of hash bits 15–31 for every value in the
   * table. From then on most values are new, and a clear bit proves it without reading the
   * table (128 KB, bigger than the processor's nearest caches); ~7% of new values still look.
   */
  private filter: Int32Array | null = null;
  /** The first EXAMPLE_VALUES distinct values as written, in order of appearance. */
  readonly examples: string[] = [];

  addText(s: string): void {
    // Few distinct texts so far (yes/no, regions, categories): compare with each, no hashing.
    const size = this.size;
    if (size <= SMALL) {
      const texts = this.texts;
      for (let k = 0; k < size; k++) {
        if (texts[k] === s) {
          const v = this.entries[2 * k]!;
          if (v !== v) {
            this.entries[2 * k + 1]!++;
            return;
          }
        }
      }
    }
    const h = hashString(s);
    const filter = this.filter;
    if (filter !== null && (filter[h >>> 20]! & (1 << ((h >>> 15) & 31))) === 0) {
      this.hll!.addHash(h); // surely not one of the values counted exactly
      return;
    }
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const e = slots[2 * i + 1]!;
      if (e === 0) break;
      if (slots[2 * i] === h) {
        const k = e - 1;
        const v = this.entries[2 * k]!;
        if (v !== v && this.texts[k] === s) {
          this.entries[2 * k + 1]!++;
          return;
        }
      }
      i = (i + 1) & mask;
    }
    if (this.hll !== null) this.hll.addHash(h);
    else this.insert(i, h, NaN, s);
  }

  /** A number or date (epoch ms) of `kind`, written as `text`. */
  addNumber(v: number, kind: number, text: string): void {
    const h = hashNumber(v, kind);
    const filter = this.filter;
    if (filter !== null && (filter[h >>> 20]! & (1 << ((h >>> 15) & 31))) === 0) {
      this.hll!.addHash(h);
      return;
    }
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const e = slots[2 * i + 1]!;
      if (e === 0) break;
      // Same hash (which mixes in the kind) and same value: a number and a date cannot meet here
      // but by a 32-bit hash collision on equal values, which is ignored.
      if (slots[2 * i] === h && this.entries[2 * (e - 1)] === v) {
        this.entries[2 * (e - 1) + 1]!++;
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.hll !== null) this.hll.addHash(h);
    else this.insert(i, h, v, text);
  }

  private insert(slot: number, h: number, v: number, text: string): void {
    if (this.size === DISTINCT_EXACT_LIMIT) {
      // The bound: from now on the distinct count is an estimate.
      const hll = new HyperLogLog();
      const filter = new Int32Array(1 << 12);
      for (let i = 0; i <= this.mask; i++) {
        if (this.slots[2 * i + 1] === 0) continue;
        const held = this.slots[2 * i]!;
        hll.addHash(held);
        filter[held >>> 20]! |= 1 << ((held >>> 15) & 31);
      }
      hll.addHash(h);
      this.hll = hll;
      this.filter = filter;
      return;
    }
    const k = this.size++;
    if (2 * k === this.entries.length) {
      const grown = new Float64Array(Math.min(2 * DISTINCT_EXACT_LIMIT, this.entries.length * 2));
      grown.set(this.entries);
      this.entries = grown;
    }
    this.entries[2 * k] = v;
    this.entries[2 * k + 1] = 1;
    const own = detachString(text); // kept for the whole pass: must not pin its source chunk
    this.texts.push(own);
    if (this.examples.length < EXAMPLE_VALUES) this.examples.push(own);
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = k + 1;
    if (this.size * 2 > this.mask + 1 && this.mask + 1 < MAX_SLOTS) this.rehash();
  }

  private rehash(): void {
    const n = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * n);
    const mask = n - 1;
    for (let j = 0; j <= this.mask; j++) {
      const e = this.slots[2 * j + 1]!;
      if (e === 0) continue;
      const h = this.slots[2 * j]!;
      let i = h & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** False once the count is an estimate. */
  get exact(): boolean {
    return this.hll === null;
  }

  get distinct(): number {
    if (this.hll === null) return this.size;
    return Math.max(this.size + 1, this.hll.estimate());
  }

  /** Most frequent values (as first written), most frequent first; ties in order of first appearance. */
  top(k = TOP_VALUES): TopValue[] {
    const best: TopValue[] = [];
    for (let e = 0; e < this.size; e++) {
      const count = this.entries[2 * e + 1]!;
      if (best.length === k && count <= best[k - 1]!.count) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.count < count) at--;
      best.splice(at, 0, { value: this.texts[e]!, count });
      if (best.length > k) best.pop();
    }
    return best;
  }
}
