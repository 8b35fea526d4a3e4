import { describe, expect, it } from 'vitest';
import { hashString, HyperLogLog } from '../../../shared/core/profile/hyperloglog';

describe('HyperLogLog', () => {
  it.each([100_000, 300_000, 1_000_000])('estimates %i distinct values within 3%', (n) => {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) {
      hll.add(`customer-${i}@example.com`);
      if (i % 3 === 0) hll.add(`customer-${i}@example.com`); // repeats do not count
    }
    expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(0.03);
  });

  it('is exact-ish for small counts and zero when empty', () => {
    const hll = new HyperLogLog();
    expect(hll.estimate()).toBe(0);
    for (let i = 0; i < 1000; i++) hll.add(String(i));
    expect(Math.abs(hll.estimate() - 1000)).toBeLessThan(20);
  });

  it('hashes strings stably and spreads near-identical keys', () => {
    expect(hashString('abc')).toBe(hashString('ab' + 'c'));
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(hashString(`id${i}`));
    expect(seen.size).toBeGreaterThan(99_990);
    // Top bits (which pick the register) are used evenly.
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 160_000; i++) buckets[hashString(String(i)) >>> 28]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});
