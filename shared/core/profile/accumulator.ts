// Runs anywhere (pure core).
// Min, max and a bounded uniform sample of a stream of numbers (numbers or epoch ms of dates),
// for the histogram. The sample is a reservoir kept with Li's "Algorithm L": after the
// reservoir fills, it computes how many values to skip before the next replacement, so the
// per-value cost is a counter compare — no random number per value. A seeded PRNG keeps the
// sample, and so the histogram, identical from run to run.

/** Values kept per sample. Memory per column stays bounded whatever the row count. */
export const SAMPLE_SIZE = 2048;
/** Sample size for the rare extra value classes of a column beyond the first few dozen. */
export const SMALL_SAMPLE_SIZE = 64;

/** Mulberry32: a small, fast, seeded 32-bit PRNG. Returns a float in (0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

export class Accumulator {
  count = 0;
  min = Infinity;
  max = -Infinity;
  readonly sample: number[] = [];
  private readonly random: () => number;
  /** Algorithm L state: the count at which the next value enters the sample, and W. */
  private next = 0;
  private w = 1;

  constructor(seed: number, private readonly size = SAMPLE_SIZE) {
    this.random = mulberry32(seed);
  }

  add(v: number): void {
    const n = ++this.count;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    const size = this.size;
    if (n <= size) {
      this.sample.push(v);
      if (n === size) {
        this.w = Math.exp(Math.log(this.random()) / size);
        this.skip();
      }
    } else if (n === this.next) {
      this.sample[Math.floor(this.random() * size)] = v;
      this.w *= Math.exp(Math.log(this.random()) / size);
      this.skip();
    }
  }

  private skip(): void {
    // When W underflows to 0 the gap is +Infinity: after ~10^300 values nothing is picked.
    this.next = this.count + Math.floor(Math.log(this.random()) / Math.log(1 - this.w)) + 1;
  }
}
