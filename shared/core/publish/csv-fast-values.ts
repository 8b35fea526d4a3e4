// Runs anywhere (pure core).
// Which values of the CSV fast path are already in the published form, judged on their bytes
// exactly as the normalizer (normalize-cell.ts) would judge the text; anything not proven goes
// through the normalizer instead, so being strict here is always safe.

import { daysInMonth } from '../infer/classify-date';
import type { NormalizeColumn } from './normalize-cell';
import { isNonBlankStart } from './csv-fast-scan';

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const SPACE = 32;
export const T_UPPER = 84;

/** What each column's bytes may be copied as-is for (a plain object: enums do not cross files in every bundler). */
export const Kind = {
  Text: 0,
  Integer: 1,
  /** Decimal point columns only. */
  Number: 2,
  Boolean: 3,
  Date: 4,
  /** yyyy-mm-dd hh:mm:ss gets its "T" from the writer; other forms go through the normalizer. */
  DateTime: 5,
  /** Always through the normalizer. */
  Other: 6,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export function kindOf(col: NormalizeColumn): Kind {
  switch (col.type) {
    case 'text':
      return Kind.Text;
    case 'integer':
      return col.format?.decimal === ',' ? Kind.Other : Kind.Integer;
    case 'number':
      return col.format?.decimal === ',' ? Kind.Other : Kind.Number;
    case 'boolean':
      return Kind.Boolean;
    case 'date':
      return Kind.Date;
    case 'datetime':
      return Kind.DateTime;
    default:
      return Kind.Other;
  }
}

/** A plain decimal the normalizer leaves as it is: -?(0|[1-9]d*)(.d+)?, at most 15 digits, not "-0". */
function plainNumber(b: Uint8Array, s: number, e: number, allowFraction: boolean): boolean {
  let i = s;
  if (b[i] === MINUS) i++;
  const intStart = i;
  while (i < e && b[i]! >= ZERO && b[i]! <= NINE) i++;
  const intLen = i - intStart;
  if (intLen === 0 || (intLen > 1 && b[intStart] === ZERO)) return false;
  let digits = intLen;
  let nonZero = intLen > 1 || b[intStart] !== ZERO;
  if (i < e) {
    if (!allowFraction || b[i] !== DOT) return false;
    const f = ++i;
    while (i < e && b[i]! >= ZERO && b[i]! <= NINE) {
      if (b[i] !== ZERO) nonZero = true;
      i++;
    }
    if (i !== e || i === f) return false;
    digits += i - f;
  }
  if (digits > 15) return false;
  // "-0" (and "-0.0") is written "0" by the normalizer.
  return !(b[s] === MINUS && !nonZero);
}

/** yyyy-mm-dd: the normalizer writes exactly this back (a valid date) or leaves it (an invalid one). */
function isoDate(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 10 || b[s + 4] !== MINUS || b[s + 7] !== MINUS) return false;
  return digit(b[s]!) && digit(b[s + 1]!) && digit(b[s + 2]!) && digit(b[s + 3]!) && digit(b[s + 5]!) && digit(b[s + 6]!) && digit(b[s + 8]!) && digit(b[s + 9]!);
}

function digit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * "yyyy-mm-dd hh:mm:ss" or with "T", a real date and time (the reader's own rules: year from 1,
 * month 1–12, the month's days, 00:00:00–23:59:59): the normalizer writes it with "T", nothing else.
 */
export function isoDateTime(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 19 || b[s + 4] !== MINUS || b[s + 7] !== MINUS || b[s + 13] !== COLON || b[s + 16] !== COLON) return false;
  const sep = b[s + 10];
  if (sep !== SPACE && sep !== T_UPPER) return false;
  const y = num(b, s, 4);
  const m = num(b, s + 5, 2);
  const d = num(b, s + 8, 2);
  const h = num(b, s + 11, 2);
  const mi = num(b, s + 14, 2);
  const sec = num(b, s + 17, 2);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59;
}

/** The digits at s..s+len as a number, or -1 when one is not a digit. */
function num(b: Uint8Array, s: number, len: number): number {
  let v = 0;
  for (let i = s; i < s + len; i++) {
    const c = b[i]!;
    if (c < ZERO || c > NINE) return -1;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

function isWord(b: Uint8Array, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (b[s + i] !== w.charCodeAt(i)) return false;
  return true;
}

/** True when the value's bytes are exactly what the normalizer writes for it. */
export function copyable(b: Uint8Array, s: number, e: number, kind: Kind): boolean {
  if (s === e) return true; // empty stays empty in every column
  switch (kind) {
    case Kind.Text:
      // Copied unless it could be blank (then the normalizer writes "").
      return isNonBlankStart(b, s, e);
    case Kind.Integer:
      return plainNumber(b, s, e, false);
    case Kind.Number:
      return plainNumber(b, s, e, true);
    case Kind.Boolean:
      return isWord(b, s, e, 'true') || isWord(b, s, e, 'false');
    case Kind.Date:
      return isoDate(b, s, e);
    case Kind.DateTime:
      // Already with its "T": written back as it is.
      return b[s + 10] === T_UPPER && isoDateTime(b, s, e);
    default:
      return false;
  }
}
