import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../renderer/src/lib/virtual-window';

const base = { itemSize: 30, overscan: 0 };

describe('visibleRange', () => {
  it('renders only what is on screen at the top', () => {
    const r = visibleRange({ ...base, scrollOffset: 0, viewportSize: 300, itemCount: 10_000 });
    expect(r).toEqual({ start: 0, end: 10, offset: 0, totalSize: 300_000 });
  });

  it('includes a partly visible row at either edge', () => {
    const r = visibleRange({ ...base, scrollOffset: 45, viewportSize: 300, itemCount: 10_000 });
    expect(r.start).toBe(1); // row 1 spans 30..60, partly visible
    expect(r.end).toBe(12); // 45+300 = 345 → row 11 spans 330..360
    expect(r.offset).toBe(30);
  });

  it('adds overscan on both sides, clamped to the list', () => {
    const r = visibleRange({ ...base, overscan: 5, scrollOffset: 3000, viewportSize: 300, itemCount: 10_000 });
    expect(r).toMatchObject({ start: 95, end: 115, offset: 2850 });
    const top = visibleRange({ ...base, overscan: 5, scrollOffset: 0, viewportSize: 300, itemCount: 10_000 });
    expect(top.start).toBe(0);
    const bottom = visibleRange({ ...base, overscan: 5, scrollOffset: 10_000 * 30, viewportSize: 300, itemCount: 10_000 });
    expect(bottom.end).toBe(10_000);
    expect(bottom.start).toBe(10_000 - 10 - 5);
  });

  it('keeps the DOM small whatever the scroll position in a huge list', () => {
    for (const scroll of [0, 1234, 150_000, 299_700, 5e9, -100]) {
      const r = visibleRange({ itemSize: 30, overscan: 12, scrollOffset: scroll, viewportSize: 600, itemCount: 100_000 });
      expect(r.end - r.start).toBeLessThanOrEqual(20 + 1 + 24);
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeLessThanOrEqual(100_000);
      expect(r.end).toBeGreaterThan(r.start);
    }
  });

  it('handles empty lists, lists shorter than the viewport, and no measurement yet', () => {
    expect(visibleRange({ ...base, scrollOffset: 0, viewportSize: 300, itemCount: 0 })).toEqual({ start: 0, end: 0, offset: 0, totalSize: 0 });
    expect(visibleRange({ ...base, scrollOffset: 50, viewportSize: 900, itemCount: 3 })).toMatchObject({ start: 0, end: 3 });
    const unmeasured = visibleRange({ ...base, scrollOffset: 0, viewportSize: 0, itemCount: 500 });
    expect(unmeasured.end).toBeGreaterThan(0);
    expect(unmeasured.end).toBeLessThanOrEqual(30);
  });

  it('survives nonsense input without producing NaN', () => {
    const r = visibleRange({ itemSize: Number.NaN, overscan: -3, scrollOffset: Number.POSITIVE_INFINITY, viewportSize: Number.NaN, itemCount: 7.9 });
    for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
    expect(r.end).toBeLessThanOrEqual(7);
  });

  it('works for columns too (horizontal offset of the first rendered column)', () => {
    const r = visibleRange({ itemSize: 184, overscan: 2, scrollOffset: 184 * 40 + 10, viewportSize: 1000, itemCount: 16_384 });
    expect(r.start).toBe(38);
    expect(r.offset).toBe(38 * 184);
    expect(r.totalSize).toBe(16_384 * 184);
  });
});
