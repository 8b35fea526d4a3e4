// Runs anywhere (pure core).
// Deciding a column's type after the single pass, from the counts per value class: the
// narrowest type that fits at least 95% of the filled values (errors left aside: they fit no
// type and are reported by themselves), read under the style (decimal comma or point) or date
// order that fits the most values. The few misfits are then the classes that do not fit.

import type { ColumnType } from '../inspect/report';
import {
  FIRST_COMMA_STYLE,
  K_BOOL,
  K_DATE,
  K_ERROR,
  K_NUM,
  NUM_FLAG_01,
  STYLE_COUNT,
  dateMaskOf,
  intBit,
  kindOf,
  numBit,
} from './value-classes';

/** Share of the filled values that must fit a type for the column to get it. */
export const FIT_SHARE = 0.95;

export const ORDER_DMY = 0;
export const ORDER_MDY = 1;

export interface Fits {
  /** Filled values that are not spreadsheet errors. */
  total: number;
  /** Per number style: values that are whole numbers / numbers under it. */
  int: number[];
  num: number[];
  /** Yes/no words; plain 0 and 1. */
  bool: number;
  bool01: number;
  /** Per date order (day-first, month-first): values that are dates / dates or date-times. */
  date: number[];
  datetime: number[];
}

export interface TypeChoice {
  type: ColumnType;
  /** Number style index (see NUMBER_STYLES); meaningful for integer and number. */
  style: number;
  /** ORDER_DMY or ORDER_MDY; meaningful for date and datetime. */
  order: number;
}

export function tallyFits(classes: Iterable<{ key: number; count: number }>): Fits {
  const f: Fits = { total: 0, int: [0, 0, 0, 0, 0, 0], num: [0, 0, 0, 0, 0, 0], bool: 0, bool01: 0, date: [0, 0], datetime: [0, 0] };
  for (const { key, count } of classes) {
    const kind = kindOf(key);
    if (kind === K_ERROR) continue;
    f.total += count;
    if (kind === K_NUM) {
      for (let s = 0; s < STYLE_COUNT; s++) {
        if (key & intBit(s)) f.int[s]! += count;
        if (key & numBit(s)) f.num[s]! += count;
      }
      if (key & NUM_FLAG_01) f.bool01 += count;
    } else if (kind === K_DATE) {
      const m = dateMaskOf(key);
      if (m & 1) f.date[0]! += count;
      if (m & 2) f.date[1]! += count;
      if (m & 4) f.datetime[0]! += count;
      if (m & 8) f.datetime[1]! += count;
    } else if (kind === K_BOOL) f.bool += count;
  }
  return f;
}

/** Index of the largest value; ties go to the lowest index (decimal point, day-first). */
function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}

const enough = (fit: number, total: number): boolean => fit > 0 && fit >= total * FIT_SHARE;

/** The narrowest type fitting ≥ 95% of the values; "text" when nothing fits that well. */
export function inferType(f: Fits): TypeChoice {
  const style = argmax(f.num);
  const num = f.num[style]!;
  if (enough(num, f.total)) {
    // A whole-number column only when no value under this style has a fraction: 9.99 among
    // whole prices makes a number column, not a misfit.
    return { type: f.int[style] === num ? 'integer' : 'number', style, order: ORDER_DMY };
  }
  // 0/1 mixed with yes/no words read as yes/no; a pure 0/1 column stayed integer above.
  if (f.bool > 0 && enough(f.bool + f.bool01, f.total)) return { type: 'boolean', style: 0, order: ORDER_DMY };
  const order = argmax(f.datetime);
  const dt = f.datetime[order]!;
  if (enough(dt, f.total)) return { type: f.date[order] === dt ? 'date' : 'datetime', style: 0, order };
  return { type: 'text', style: 0, order: ORDER_DMY };
}

/** The reading under which the most values fit a given type (for an owner's type choice). */
export function choiceFor(type: ColumnType, f: Fits): TypeChoice {
  switch (type) {
    case 'integer':
      return { type, style: argmax(f.int), order: ORDER_DMY };
    case 'number':
      return { type, style: argmax(f.num), order: ORDER_DMY };
    case 'date':
      return { type, style: 0, order: argmax(f.date) };
    case 'datetime':
      return { type, style: 0, order: argmax(f.datetime) };
    default:
      return { type, style: 0, order: ORDER_DMY };
  }
}

/** Values of this class can be read as the chosen type (errors never can). */
export function fitsChoice(key: number, c: TypeChoice): boolean {
  const kind = kindOf(key);
  switch (c.type) {
    case 'integer':
      return kind === K_NUM && (key & intBit(c.style)) !== 0;
    case 'number':
      return kind === K_NUM && (key & numBit(c.style)) !== 0;
    case 'boolean':
      return kind === K_BOOL || (kind === K_NUM && (key & NUM_FLAG_01) !== 0);
    case 'date':
      return kind === K_DATE && (dateMaskOf(key) & (c.order === ORDER_DMY ? 1 : 2)) !== 0;
    case 'datetime':
      return kind === K_DATE && (dateMaskOf(key) & (c.order === ORDER_DMY ? 4 : 8)) !== 0;
    default:
      return kind !== K_ERROR;
  }
}

/** Which reading of a class applies under the choice: side A (decimal point, day-first) or B. */
export function sideOf(c: TypeChoice): 'a' | 'b' {
  if (c.type === 'integer' || c.type === 'number') return c.style >= FIRST_COMMA_STYLE ? 'b' : 'a';
  return c.order === ORDER_MDY ? 'b' : 'a';
}
