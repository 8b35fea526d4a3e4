import { describe, expect, it } from 'vitest';
import { DISTINCT_EXACT_LIMIT, DistinctCounter } from '../../../shared/core/profile/distinct-counter';
import { detachString as ownString } from '../../../shared/core/ingest/csv/detach-string';

describe('DistinctCounter', () => {
  it('counts exactly below the bound, across the small-table and hashed lookups', () => {
    const d = new DistinctCounter();
    const truth = new Map<string, number>();
    let seed = 3;
    for (let i = 0; i < 50_000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const n = seed % 3000;
      const text = n % 2 ? `t${n}` : String(n);
      if (n % 2) d.addText(text);
      else d.addNumber(n, 1, text);
      truth.set(text, (truth.get(text) ?? 0) + 1);
    }
    expect(d.exact).toBe(true);
    expect(d.distinct).toBe(truth.size);
    const best = [...truth].sort((a, b) => b[1] - a[1]).slice(0, 5);
    expect(d.top().map((t) => t.count)).toEqual(best.map(([, c]) => c));
    for (const t of d.top()) expect(truth.get(t.value)).toBe(t.count);
  });

  it('keeps numbers and texts apart, and numbers by value (first spelling shown)', () => {
    const d = new DistinctCounter();
    d.addNumber(1.5, 1, '1.5');
    d.addNumber(1.5, 1, '1.50');
    d.addNumber(1.5, 2, 'a date with the same number'); // a different kind
    d.addText('1.5x');
    d.addNumber(0, 1, '0');
    d.addNumber(-0, 1, '-0');
    expect(d.distinct).toBe(4);
    expect(d.top()).toEqual([
      { value: '1.5', count: 2 },
      { value: '0', count: 2 },
      { value: 'a date with the same number', count: 1 },
      { value: '1.5x', count: 1 },
    ]);
    expect(d.examples).toEqual(['1.5', 'a date with the same number', '1.5x', '0']);
  });

  it('lists top values by count, ties in order of first appearance', () => {
    const d = new DistinctCounter();
    for (const t of ['b', 'a', 'c', 'a', 'd', 'e', 'f', 'c', 'g']) d.addText(t);
    expect(d.top()).toEqual([{ value: 'a', count: 2 }, { value: 'c', count: 2 }, { value: 'b', count: 1 }, { value: 'd', count: 1 }, { value: 'e', count: 1 }]);
    expect(d.top(2)).toHaveLength(2);
    expect(new DistinctCounter().top()).toEqual([]);
  });

  it('switches to an estimate past the bound and keeps counting known values', () => {
    const d = new DistinctCounter();
    for (let i = 0; i < DISTINCT_EXACT_LIMIT; i++) d.addText(`k${i}`);
    expect([d.exact, d.distinct]).toEqual([true, DISTINCT_EXACT_LIMIT]);
    for (let i = 0; i < 100_000; i++) {
      d.addText(`new${i}`);
      d.addText('k7');
    }
    expect(d.exact).toBe(false);
    expect(Math.abs(d.distinct - 110_000) / 110_000).toBeLessThan(0.03);
    expect(d.top()[0]).toEqual({ value: 'k7', count: 100_001 });
  });

  it('copies kept strings so they do not pin a large parent string', () => {
    const big = 'x'.repeat(1_000_000);
    const slice = big.slice(10, 40);
    const own = ownString(slice);
    expect(own).toBe(slice);
    expect(ownString('short')).toBe('short');
  });
});
