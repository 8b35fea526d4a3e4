// Node only (bench tooling; pure code, but it lives with the benchmark that uses it).
// A small seeded PRNG so the generated bench files are byte-identical on every machine and
// every run: figures stay comparable across commits only if the input never changes.

/** Returns a function giving uniformly distributed floats in [0, 1), fixed by `seed`. */
export function seededRandom(seed: number): () => number {
  // Mulberry32: one 32-bit word of state, good enough statistics for test data, and fast
  // (generating 12 million fields must take seconds, not minutes).
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] inclusive. */
export function randomInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}
