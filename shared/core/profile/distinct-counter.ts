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
import { HyperLogLog } from './hyperloglog';
import * as hll from './hyperloglog';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { hashString, mix32 } = hll;

export const DISTINCT_EXACT_LIMIT = 10_000;
export const TOP_VALUES = 5;
export const EXAMPLE_VALUES = 5;
/** Largest table: keeps the load factor under ~0.31 at the bound. */
const MAX_SLOTS = 1 << 15;
const TEXT = 0;

/**
 * A copy of `s` that does not keep a larger string alive. Readers cut cells out of megabyte
 * chunks, and V8 may keep the whole chunk behind a long slice; values kept for the whole pass
 * (table keys, examples, preview cells) are copied so memory stays bounded.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** 32-bit hash of a number's bits (0 and -0 alike), mixed with its kind. */
export function hashNumber(v: number, kind: number): number {
  f64[0] = v + 0;
  return mix32((u32[0]! ^ Math.imul(u32[1]!, 0x9e3779b1)) + kind);
}

export class DistinctCounter {
  /** Slot → entry index + 1 (0 = free). Grows by doubling, up to MAX_SLOTS. */
  private slots = new Int32Array(16);
  private mask = 15;
  private size = 0;
  private hashes = new Int32Array(8);
  private counts = new Float64Array(8);
  private nums = new Float64Array(8);
  /** 0 for text entries, else the value kind (number or date). */
  private kinds = new Uint8Array(8);
  /** Text entries: the text. Number/date entries: the first spelling seen. */
  private texts: string[] = [];
  private hll: HyperLogLog | null = null;
  /** The first EXAMPLE_VALUES distinct values as written, in order of appearance. */
  readonly examples: string[] = [];

  addText(s: string): void {
    const h = hashString(s);
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const e = this.slots[i]!;
      if (e === 0) break;
      const k = e - 1;
      if (this.hashes[k] === h && this.kinds[k] === TEXT && this.texts[k] === s) {
        this.counts[k]!++;
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.hll !== null) this.hll.addHash(h);
    else this.insert(i, h, TEXT, 0, s);
  }

  /** A number or date (epoch ms) of `kind`, written as `text`. */
  addNumber(v: number, kind: number, text: string): void {
    const h = hashNumber(v, kind);
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const e = this.slots[i]!;
      if (e === 0) break;
      const k = e - 1;
      if (this.hashes[k] === h && this.nums[k] === v && this.kinds[k] === kind) {
        this.counts[k]!++;
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.hll !== null) this.hll.addHash(h);
    else this.insert(i, h, kind, v, text);
  }

  private insert(slot: number, h: number, kind: number, v: number, text: string): void {
    if (this.size === DISTINCT_EXACT_LIMIT) {
      // The bound: from now on the distinct count is an estimate.
      const hll = new HyperLogLog();
      for (let k = 0; k < this.size; k++) hll.addHash(this.hashes[k]! >>> 0);
      hll.addHash(h >>> 0);
      this.hll = hll;
      return;
    }
    const k = this.size++;
    if (k === this.hashes.length) this.growEntries();
    this.hashes[k] = h;
    this.counts[k] = 1;
    this.nums[k] = v;
    this.kinds[k] = kind;
    const own = ownString(text);
    this.texts.push(own);
    if (this.examples.length < EXAMPLE_VALUES) this.examples.push(own);
    if (this.size * 2 > this.slots.length && this.slots.length < MAX_SLOTS) this.rehash();
    else this.slots[slot] = k + 1;
  }

  private growEntries(): void {
    const n = Math.min(DISTINCT_EXACT_LIMIT, this.hashes.length * 2);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.hashes = grow(this.hashes, new Int32Array(n));
    this.counts = grow(this.counts, new Float64Array(n));
    this.nums = grow(this.nums, new Float64Array(n));
    this.kinds = grow(this.kinds, new Uint8Array(n));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.size; k++) {
      let i = this.hashes[k]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
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
      const count = this.counts[e]!;
      if (best.length === k && count <= best[k - 1]!.count) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.count < count) at--;
      best.splice(at, 0, { value: this.texts[e]!, count });
      if (best.length > k) best.pop();
    }
    return best;
  }
}
