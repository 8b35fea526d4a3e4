// Runs anywhere (pure core).
// What the checker is asked to check, and that request turned into per-column rules once,
// before the first row: regexes compiled and vetted, min/max read as numbers or dates, allowed
// values in a Set. Rules that cannot be used are reported (check.bad-rule) and left out, so a
// typo in one rule never stops the other checks.

import type { ColumnType, ValueFormat } from '../inspect/report';
import type { ColumnMeta } from '../metadata/types';
import * as cellsModule from '../infer/classify-cell';
import * as classes from '../infer/value-classes';
import type { CheckCode, CheckLevel } from './check-defaults';
import { compilePattern } from './pattern-rule';

const { classifyText } = cellsModule;
const { K_DATE, K_NUM, kindOf, readings } = classes;

export interface CheckColumn {
  /** 0-based position in the sheet. */
  index: number;
  /** Excel letter, e.g. "C". */
  letter: string;
  /** The column's name as Mesh Desk shows it (ColumnProfile.name). */
  name: string;
  /** Type in use (the owner's, else the inferred one). */
  type: ColumnType;
  meta: ColumnMeta;
  /** How values are written (ColumnProfile.format): decimal mark, date order. */
  format?: ValueFormat;
  /** Text length bounds, when the owner gave them. */
  minLength?: number;
  maxLength?: number;
}

export interface CheckPlanInput {
  sheet: string;
  format: 'csv' | 'xlsx';
  /** From the header + owner metadata (+ inferred types). */
  columns: CheckColumn[];
  /** The column whose newest date tells freshness, and the age allowed (see FRESHNESS_MAX_AGE_DAYS). */
  freshness?: { columnIndex: number; maxAgeDays: number };
  /** Default false: dates after today in date columns are reported. */
  futureDatesAllowed?: boolean;
  /** Stats of the published version, empty counts by column name: for drift. */
  previous?: { rows: number; emptyByColumn: Record<string, number> };
  /** Row count change reported beyond this share (default 0.2 = ±20%). */
  driftThreshold?: number;
  /** Now, epoch ms (UTC). */
  now: number;
  /** The policy's level per code; "off" skips the check. Default: CHECK_DEFAULTS. */
  levels?: Partial<Record<CheckCode, CheckLevel>>;
}

/** A rule the checker refused, with the reason in the owner's words. */
export interface BadRule {
  column: CheckColumn;
  rule: 'pattern' | 'min' | 'max';
  reason: string;
}

/** Bounds as numbers (dates as epoch ms, wall clock as UTC); NaN = none. */
export interface Bounds {
  min: number;
  max: number;
}

export const isNumberType = (t: ColumnType): boolean => t === 'integer' || t === 'number';
export const isDateType = (t: ColumnType): boolean => t === 'date' || t === 'datetime';

/**
 * Reads min/max for a number or date column: numbers as written (either decimal mark), dates
 * as text in any form Mesh Desk reads (yyyy-mm-dd is the safe one). Text columns have none.
 */
export function readBounds(col: CheckColumn, bad: BadRule[]): Bounds {
  const out: Bounds = { min: NaN, max: NaN };
  if (!isNumberType(col.type) && !isDateType(col.type)) return out;
  for (const which of ['min', 'max'] as const) {
    const v = col.meta[which];
    if (v === undefined || v === '') continue;
    const read = readBound(v, col);
    if (Number.isNaN(read)) {
      const expected = isDateType(col.type) ? 'a date written as year-month-day, e.g. 2025-01-31' : 'a number, e.g. 0 or 99.5';
      bad.push({ column: col, rule: which, reason: `the ${which === 'min' ? 'lowest' : 'highest'} allowed value '${String(v)}' is not ${expected}` });
    } else out[which] = read;
  }
  return out;
}

function readBound(v: number | string, col: CheckColumn): number {
  if (typeof v === 'number') return isNumberType(col.type) && Number.isFinite(v) ? v : NaN;
  const s = v.trim();
  if (s === '') return NaN;
  const key = classifyText(s);
  const kind = kindOf(key);
  if (isNumberType(col.type)) {
    if (kind !== K_NUM) return NaN;
    const side = col.format?.decimal === ',' ? readings.b : readings.a;
    return Number.isNaN(side) ? (Number.isNaN(readings.a) ? readings.b : readings.a) : side;
  }
  if (kind !== K_DATE) return NaN;
  return col.format?.dateOrder === 'MDY' && !Number.isNaN(readings.b) ? readings.b : Number.isNaN(readings.a) ? readings.b : readings.a;
}

/** The owner's pattern compiled, or undefined (none, or refused — then `bad` says why). */
export function readPattern(col: CheckColumn, bad: BadRule[]): RegExp | undefined {
  const p = col.meta.pattern;
  if (p === undefined || p === '') return undefined;
  const r = compilePattern(p);
  if (r.ok) return r.regex;
  bad.push({ column: col, rule: 'pattern', reason: r.reason });
  return undefined;
}
