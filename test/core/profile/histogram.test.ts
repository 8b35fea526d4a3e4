import { describe, expect, it } from 'vitest';
import { Accumulator, SAMPLE_SIZE } from '../../../shared/core/profile/accumulator';
import { buildHistogram, HISTOGRAM_BINS } from '../../../shared/core/profile/histogram';

function acc(values: number[], seed = 1): Accumulator {
  const a = new Accumulator(seed);
  for (const v of values) a.add(v);
  return a;
}

describe('Accumulator', () => {
  it('keeps min, max and every value while under the sample size', () => {
    const a = acc([5, -2, 9, 0]);
    expect([a.count, a.min, a.max, a.sample]).toEqual([4, -2, 9, [5, -2, 9, 0]]);
  });

  it('keeps a bounded, deterministic, roughly uniform sample of a long stream', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => i);
    const a = acc(values, 42);
    const b = acc(values, 42);
    expect(a.sample).toHaveLength(SAMPLE_SIZE);
    expect(a.sample).toEqual(b.sample);
    expect(acc(values, 43).sample).not.toEqual(a.sample);
    // Uniform over the stream: each tenth of the stream holds about a tenth of the sample.
    const tenths = new Array<number>(10).fill(0);
    for (const v of a.sample) tenths[Math.floor(v / 20_000)]!++;
    for (const t of tenths) expect(Math.abs(t - SAMPLE_SIZE / 10)).toBeLessThan(SAMPLE_SIZE / 10 * 0.3);
  });
});

describe('buildHistogram', () => {
  it('gives exact counts over 20 equal bins for continuous values', () => {
    const h = buildHistogram([acc([0, 1, 2.5, 9.99, 10, 10])], 0)!;
    expect(h.min).toBe(0);
    expect(h.max).toBe(10);
    expect(h.counts).toHaveLength(HISTOGRAM_BINS);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[2]).toBe(1);
    expect(h.counts[5]).toBe(1);
    expect(h.counts[19]).toBe(3);
    expect(h.counts.reduce((a, b) => a + b)).toBe(6);
  });

  it('uses one bin per whole number (or day) when the range is small', () => {
    const h = buildHistogram([acc([3, 5, 5, 7])], 1)!;
    expect(h).toEqual({ min: 3, max: 8, counts: [1, 0, 2, 0, 1] });
    const day = 86_400_000;
    const d = buildHistogram([acc([0, day, day * 2, day * 2])], day)!;
    expect(d).toEqual({ min: 0, max: 3 * day, counts: [1, 1, 2] });
  });

  it('puts a single repeated value in one bin', () => {
    expect(buildHistogram([acc([2.5, 2.5])], 0)).toEqual({ min: 2.5, max: 2.5, counts: [2] });
    expect(buildHistogram([], 0)).toBeUndefined();
  });

  it('merges several samples, scaling each to the values it stands for', () => {
    const low = acc(Array.from({ length: 100_000 }, (_, i) => i % 50), 1); // 0..49, many values
    const high = acc([950, 999], 2); // two values
    const h = buildHistogram([low, high], 0)!;
    expect(h.counts.reduce((a, b) => a + b)).toBe(100_002);
    expect(h.counts[19]).toBe(2);
    expect(h.counts[0]).toBe(100_000);
  });
});
