// Runs anywhere (pure core).
// A ~20-bin equal-width histogram from one or more accumulators (a column's values may come
// from several value classes, each with its own sample). Exact while every sample holds all of
// its values; beyond that each sample's bin counts are scaled to the number of values it stands
// for and rounded so the bars add up to the real count.

import type { Histogram } from '../inspect/report';
import type { Accumulator } from './accumulator';

export const HISTOGRAM_BINS = 20;

/**
 * `unit` is the step of discrete values (1 for whole numbers, one day in ms for dates): when the
 * range holds no more than 20 steps, each bin is exactly one step wide ([v, v + unit)).
 * 0 means continuous values: 20 bins over [min, max], the maximum counted in the last bin.
 */
export function buildHistogram(parts: readonly Accumulator[], unit: number): Histogram | undefined {
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    if (p.count === 0) continue;
    total += p.count;
    if (p.min < min) min = p.min;
    if (p.max > max) max = p.max;
  }
  if (total === 0) return undefined;

  let bins: number;
  let width: number;
  let upper: number;
  if (unit > 0 && (max - min) / unit + 1 <= HISTOGRAM_BINS) {
    bins = Math.round((max - min) / unit) + 1;
    width = unit;
    upper = min + bins * unit;
  } else if (max === min) {
    bins = 1;
    width = 0;
    upper = max;
  } else {
    bins = HISTOGRAM_BINS;
    width = (max - min) / bins;
    upper = max;
  }

  const exact = new Float64Array(bins);
  for (const p of parts) {
    if (p.count === 0) continue;
    const scale = p.count / p.sample.length;
    for (const v of p.sample) {
      const b = width === 0 ? 0 : Math.min(bins - 1, Math.floor((v - min) / width));
      exact[b] = exact[b]! + scale;
    }
  }
  return { min, max: upper, counts: roundToTotal(exact, total) };
}

/** Largest-remainder rounding: integer counts that keep the shape and add up to `total`. */
function roundToTotal(exact: Float64Array, total: number): number[] {
  const counts = Array.from(exact, (x) => Math.floor(x + 1e-9));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = Array.from(exact.keys()).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) counts[order[k]!]!++;
  // Floating-point sums can overshoot by one: take it back from the fullest bin.
  for (; missing < 0; missing++) counts[counts.indexOf(Math.max(...counts))]!--;
  return counts;
}
