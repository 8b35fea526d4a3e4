// Browser (renderer). Geometry and wording of the per-column pictures: the fill bar (filled vs
// empty) and the distribution sparkline (histogram for numbers and dates, top values for text).

import type { ColumnProfile, ColumnType } from '../../../shared/core/inspect/report';
import { formatCount } from './format';

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

/**
 * Bars of equal width filling a width×height box, tallest = full height. A non-zero count
 * always gets at least a hairline so rare values stay visible next to a huge bin.
 */
export function histogramBars(counts: readonly number[], width: number, height: number, gap = 1): Bar[] {
  const n = counts.length;
  if (n === 0) return [];
  const max = Math.max(0, ...counts.map((c) => (Number.isFinite(c) ? c : 0)));
  const slot = width / n;
  const barWidth = Math.max(0.5, slot - (n > 1 ? gap : 0));
  return counts.map((raw, i) => {
    const count = Number.isFinite(raw) && raw > 0 ? raw : 0;
    const h = max === 0 || count === 0 ? 0 : Math.max(1, (count / max) * height);
    return { x: i * slot, y: height - h, width: barWidth, height: h, count };
  });
}

export interface TopBar {
  value: string;
  count: number;
  /** Share of the column's filled cells, 0..1. */
  share: number;
}

/** The few most common values as shares of the filled cells (for text and Yes/No columns). */
export function topValueBars(col: Pick<ColumnProfile, 'top' | 'filled'>, limit = 5): TopBar[] {
  const filled = Math.max(0, col.filled);
  return col.top.slice(0, limit).map((t) => ({
    value: t.value,
    count: t.count,
    share: filled > 0 ? Math.min(1, t.count / filled) : 0,
  }));
}

function boundText(type: ColumnType, v: number): string {
  if (type === 'date' || type === 'datetime') {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) return String(v);
    const iso = d.toISOString();
    return type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return Number.isInteger(v) ? formatCount(v) : String(Math.round(v * 1000) / 1000);
}

/**
 * True when no value repeats among the filled cells (an id or a name column): bars of the
 * "most common" values would all be equal and say nothing.
 */
export function allDifferent(col: Pick<ColumnProfile, 'histogram' | 'top' | 'filled' | 'distinct'>): boolean {
  if (col.histogram && col.histogram.counts.length > 0) return false;
  return col.filled > 1 && col.distinct >= col.filled && col.top.every((t) => t.count <= 1);
}

/** Words for the sparkline's hint: "Values from 3 to 1,200" or the most common values. */
export function distributionText(col: Pick<ColumnProfile, 'type' | 'histogram' | 'top' | 'filled'> & { distinct?: number }): string {
  if (col.filled === 0) return 'No values: every cell in this column is empty.';
  if (col.distinct !== undefined && allDifferent({ ...col, distinct: col.distinct })) {
    return `All ${formatCount(col.filled)} values are different, like an ID or a name.`;
  }
  if (col.histogram && col.histogram.counts.length > 0) {
    return `Spread of values from ${boundText(col.type, col.histogram.min)} to ${boundText(col.type, col.histogram.max)}.`;
  }
  const top = topValueBars(col, 3);
  if (top.length === 0) return 'No distribution available for this column.';
  const listed = top.map((t) => `"${t.value}" (${formatCount(t.count)})`).join(', ');
  return `Most common: ${listed}.`;
}

export interface FillShare {
  filled: number;
  empty: number;
  /** Filled share 0..100, rounded down except that any filled cell shows at least 1 %. */
  percentFilled: number;
  text: string;
}

export function fillShare(col: Pick<ColumnProfile, 'filled' | 'empty'>): FillShare {
  const filled = Math.max(0, col.filled);
  const empty = Math.max(0, col.empty);
  const total = filled + empty;
  let pct = total === 0 ? 0 : Math.floor((filled / total) * 100);
  if (filled > 0 && pct === 0) pct = 1;
  if (empty > 0 && pct === 100) pct = 99;
  const text =
    total === 0
      ? 'No rows'
      : empty === 0
        ? `All ${formatCount(filled)} filled`
        : `${formatCount(filled)} filled, ${formatCount(empty)} empty`;
  return { filled, empty, percentFilled: pct, text };
}
