// Runs anywhere (pure core).
// Reads numbers written as text without ever changing what they mean. Scans char codes (no
// regex, no allocation on the common path) and reports which of the six column-wide styles
// (decimal point/comma × thousands separator) the value fits, because "1,234" alone could be
// 1234 or 1.234 — the column decides. Values that would be rewritten by a naive parse stay
// text: leading zeros (00123), a leading "+" (phone numbers), whole numbers beyond 2^53,
// badly grouped digits (+49 30 1234567, 555 123 4567).

import * as classes from './value-classes';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { NUMBER_STYLES, NUM_PLAIN, NUM_PLAIN_01, SEP_APOS, SEP_COMMA, SEP_DOT, SEP_SPACE, STYLE_COUNT, numberKey, readings } = classes;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_GROUPS = 64;
/** Digit groups of the value being read and the separator kind in front of each (index ≥ 1). */
const groupLen = new Int32Array(MAX_GROUPS);
const groupSep = new Int32Array(MAX_GROUPS);
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export function separatorKind(c: number): number {
  switch (c) {
    case 44: return SEP_COMMA;
    case 46: return SEP_DOT;
    case 32: case 0xa0: case 0x202f: return SEP_SPACE;
    case 39: case 0x2019: return SEP_APOS;
    default: return 0;
  }
}

/**
 * Classifies text as a number. Returns a number key (see value-classes) or 0 when it is not a
 * number under any style; sets `readings.a` / `readings.b` to the decimal-point and
 * decimal-comma readings (NaN where that side does not fit).
 */
export function classifyNumber(s: string): number {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  const start = i;
  let m = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    m = m * 10 + (c - 48);
    i++;
  }
  const g0 = i - start;
  if (g0 === 0) return 0;
  if (i === n) {
    // Digits only — the common case.
    if (g0 > 1 && s.charCodeAt(start) === 48) return 0; // leading zero: an identifier, keep as text
    if (g0 > 16 || m > MAX_SAFE) return 0; // 16+ digit ids would lose digits as numbers
    const v = neg ? 0 - m : m; // "-0" reads as 0, not -0
    readings.a = v;
    readings.b = v;
    return g0 === 1 && !neg && m <= 1 ? NUM_PLAIN_01 : NUM_PLAIN;
  }
  const c = s.charCodeAt(i);
  if (c === 46 || c === 44) {
    // Fast path for "1234.56" / "1234,56": one separator followed by digits to the end.
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d < 48 || d > 57) break;
      m = m * 10 + (d - 48);
      j++;
    }
    const f = j - i - 1;
    if (j === n && f > 0 && g0 + f <= 15) return simpleDecimal(s.charCodeAt(start) === 48, neg, g0, f, m, c === 46);
  }
  return classifyGrouped(s, start, neg, g0, i);
}

/**
 * "1234.56" is a decimal with a point; it is a whole number with "." for thousands only when it
 * looks like one ("1.234": three digits after, at most three before). Mirror image for ",".
 */
function simpleDecimal(firstZero: boolean, neg: boolean, g0: number, f: number, m: number, dot: boolean): number {
  const leadingZero = g0 > 1 && firstZero;
  if (leadingZero) return 0;
  const asThousands = f === 3 && g0 <= 3 && !firstZero;
  const v = m / POW10[f]!;
  const decimal = neg ? 0 - v : v;
  const whole = neg ? 0 - m : m;
  if (dot) {
    readings.a = decimal;
    readings.b = asThousands ? whole : NaN;
    return asThousands ? DOT_OR_THOUSANDS : DOT_DECIMAL;
  }
  readings.a = asThousands ? whole : NaN;
  readings.b = decimal;
  return asThousands ? COMMA_OR_THOUSANDS : COMMA_DECIMAL;
}

// Keys of the fast path, identical to what classifyGrouped gives for the same text.
const DOT_DECIMAL = numberKey(0x1c0, SEP_DOT);
const DOT_OR_THOUSANDS = numberKey(0x1c0 | 0x208, SEP_DOT);
const COMMA_DECIMAL = numberKey(0xe00, SEP_COMMA);
const COMMA_OR_THOUSANDS = numberKey(0xe00 | 0x41, SEP_COMMA);

function classifyGrouped(s: string, start: number, neg: boolean, g0: number, at: number): number {
  const n = s.length;
  let i = at;
  let g = 0;
  let sepKinds = 0;
  let digits = g0;
  groupLen[0] = g0;
  while (i < n) {
    const k = separatorKind(s.charCodeAt(i));
    if (k === 0) break;
    const gs = ++i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d < 48 || d > 57) break;
      i++;
    }
    if (i === gs || ++g >= MAX_GROUPS) return 0; // a separator must sit between digits
    groupLen[g] = i - gs;
    groupSep[g] = k;
    sepKinds |= k;
    digits += i - gs;
  }
  let expAt = -1;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return 0; // anything but an exponent: not a number
    expAt = i++;
    const sc = s.charCodeAt(i);
    if (sc === 43 || sc === 45) i++;
    const es = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d < 48 || d > 57) break;
      i++;
    }
    if (i === es || i !== n) return 0;
  }

  const firstZero = s.charCodeAt(start) === 48;
  let mask = 0;
  for (let st = 0; st < STYLE_COUNT; st++) {
    const style = NUMBER_STYLES[st]!;
    const hasFraction = g >= 1 && groupSep[g] === style.decimalKind;
    const intGroups = hasFraction ? g : g + 1;
    let ok = true;
    for (let j = 1; j < intGroups; j++) {
      if (groupSep[j] !== style.thousandsKind || groupLen[j] !== 3) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (intGroups > 1) {
      if (g0 > 3 || firstZero) continue; // "1234,567" or "0,123" are not thousands groupings
    } else if (g0 > 1 && firstZero) continue; // leading zero
    if (expAt >= 0 && (style.decimal !== '.' || intGroups > 1)) continue;
    mask |= 1 << (6 + st);
    if (!hasFraction && expAt < 0) mask |= 1 << st;
  }
  if (mask === 0) return 0;

  // Read the value on each side; a side whose whole part exceeds 2^53 does not fit.
  const lastSep = g >= 1 ? groupSep[g]! : 0;
  if (mask & 0x1c0) {
    const v = readValue(s, start, neg, g, lastSep === SEP_DOT, digits, expAt);
    if (Number.isNaN(v)) mask &= ~0x1c7;
    readings.a = v;
  } else readings.a = NaN;
  if (mask & 0xe00) {
    const v = readValue(s, start, neg, g, lastSep === SEP_COMMA, digits, expAt);
    if (Number.isNaN(v)) mask &= ~0xe38;
    readings.b = v;
  } else readings.b = NaN;
  if (mask === 0) return 0;
  return numberKey(mask, sepKinds);
}

/** The value with the last separator as decimal mark (when `fraction`), others dropped. */
function readValue(s: string, start: number, neg: boolean, g: number, fraction: boolean, digits: number, expAt: number): number {
  const fracDigits = fraction ? groupLen[g]! : 0;
  if (expAt < 0 && digits <= 15) {
    let m = 0;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    }
    // Both operands are exact, so the division is the correctly rounded value of the text.
    const v = m / POW10[fracDigits]!;
    return neg ? 0 - v : v;
  }
  if (digits - fracDigits > 16) return NaN;
  let text = neg ? '-' : '';
  const end = expAt >= 0 ? expAt : s.length;
  const fracStart = end - fracDigits;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) text += s[i];
    else if (fraction && i === fracStart - 1) text += '.';
  }
  if (expAt >= 0) text += s.slice(expAt);
  const v = Number(text);
  if (!Number.isFinite(v)) return NaN;
  if (expAt < 0 && Math.abs(Math.trunc(v)) > MAX_SAFE) return NaN;
  return v + 0;
}
