import { describe, expect, it } from 'vitest';
import { allDifferent, distributionText, fillShare, histogramBars, topValueBars } from '../../../renderer/src/lib/sparkline';

describe('sparkline geometry', () => {
  it('scales bars to the tallest and keeps rare values visible', () => {
    const bars = histogramBars([10, 0, 5, 10_000], 120, 26);
    expect(bars).toHaveLength(4);
    expect(bars[3]!.height).toBe(26);
    expect(bars[3]!.y).toBe(0);
    expect(bars[1]!.height).toBe(0);
    expect(bars[0]!.height).toBeGreaterThanOrEqual(1); // 10 of 10,000 is still drawn
    expect(bars[2]!.x).toBe(60);
    for (const b of bars) expect(b.x + b.width).toBeLessThanOrEqual(120);
  });

  it('draws nothing for no counts, and nothing tall for all-zero or junk counts', () => {
    expect(histogramBars([], 100, 20)).toEqual([]);
    expect(histogramBars([0, 0], 100, 20).every((b) => b.height === 0)).toBe(true);
    expect(histogramBars([Number.NaN, -4, 2], 100, 20).map((b) => b.height)).toEqual([0, 0, 20]);
  });

  it('turns top values into shares of the filled cells', () => {
    const bars = topValueBars({ filled: 200, top: [{ value: 'North', count: 150 }, { value: 'South', count: 50 }] });
    expect(bars.map((b) => b.share)).toEqual([0.75, 0.25]);
    expect(topValueBars({ filled: 0, top: [{ value: 'x', count: 3 }] })[0]!.share).toBe(0);
  });

  it('describes the spread in words for the hint', () => {
    expect(distributionText({ type: 'integer', filled: 10, top: [], histogram: { min: 3, max: 1200, counts: [1, 2] } })).toBe(
      'Spread of values from 3 to 1,200.',
    );
    const d = Date.UTC(2025, 0, 31);
    expect(distributionText({ type: 'date', filled: 1, top: [], histogram: { min: d, max: d, counts: [1] } })).toContain('2025-01-31');
    expect(distributionText({ type: 'text', filled: 3, top: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }] })).toBe(
      'Most common: "a" (2), "b" (1).',
    );
    expect(distributionText({ type: 'text', filled: 0, top: [] })).toContain('empty');
    const ids = { type: 'text' as const, filled: 240, distinct: 240, top: [{ value: '00001', count: 1 }, { value: '00002', count: 1 }] };
    expect(allDifferent(ids)).toBe(true);
    expect(distributionText(ids)).toBe('All 240 values are different, like an ID or a name.');
    expect(allDifferent({ ...ids, distinct: 200 })).toBe(false);
    expect(allDifferent({ ...ids, histogram: { min: 1, max: 2, counts: [1] } })).toBe(false);
  });

  it('reports fill shares that never round a partial column to 0 % or 100 %', () => {
    expect(fillShare({ filled: 1, empty: 999 }).percentFilled).toBe(1);
    expect(fillShare({ filled: 999, empty: 1 }).percentFilled).toBe(99);
    expect(fillShare({ filled: 5, empty: 0 })).toMatchObject({ percentFilled: 100, text: 'All 5 filled' });
    expect(fillShare({ filled: 0, empty: 0 })).toMatchObject({ percentFilled: 0, text: 'No rows' });
    expect(fillShare({ filled: 1200, empty: 34 }).text).toBe('1,200 filled, 34 empty');
  });
});
