// Runs anywhere (pure core).
// Reads dates and date-times written as text by scanning char codes: ISO (2025-03-04,
// 2025-03-04T10:15:30.5+02:00, 2025-03-04 10:15), day-first with dots (04.03.2025), and
// slash/dash dates whose order is decided by the whole column (03/04/2025 fits both day/month
// and month/day; 13/04/2025 proves day/month). Invalid calendar dates (31.02.2024) are not
// dates. Values become epoch milliseconds (wall clock as UTC; zoned values at their instant), so
// a column compares and bins dates as plain numbers.

import * as classes from './value-classes';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { D_DMY, D_MDY, P_AMPM, P_PADDED, P_SAME_DM, P_SEP_SHIFT, P_TIME_SHIFT, P_TIME_SPACE, P_YEAR_FIRST, P_ZONE_SHIFT, T_DMY, T_MDY, dateKey, readings } = classes;

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Scanner state: position after the last read and the value read (module-level: no allocation).
let pos = 0;
let val = 0;

/** Reads min..max digits at i (and no more digits after them). */
function digits(s: string, i: number, min: number, max: number): boolean {
  const n = s.length;
  let j = i;
  let v = 0;
  while (j < n && j - i < max) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    j++;
  }
  if (j - i < min) return false;
  if (j < n) {
    const c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) return false;
  }
  pos = j;
  val = v;
  return true;
}

/** Exactly two digits at i (whatever follows), or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function sepCode(c: number): number {
  return c === 45 ? 0 : c === 47 ? 1 : c === 46 ? 2 : -1; // "-" "/" "."
}

/**
 * Classifies text as a date or date-time. Returns a date key or 0; sets `readings.a` (day-first)
 * and `readings.b` (month-first) in epoch ms, NaN where that reading is not a valid date.
 */
export function classifyDate(s: string): number {
  const n = s.length;
  if (n < 8 || n > 40) return 0;
  if ((n === 10 || n === 19) && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const k = isoFast(s, n);
    if (k !== 0) return k;
  }
  let y: number, p: number, q: number; // year, then first and second of day/month as written
  let pattern = 0;
  let sep: number;
  if (digits(s, 0, 4, 4)) {
    y = val;
    sep = sepCode(s.charCodeAt(pos));
    if (sep < 0 || !digits(s, pos + 1, 1, 2)) return 0;
    p = val; // month
    const pLen = pos;
    if (sepCode(s.charCodeAt(pos)) !== sep) return 0;
    const qStart = pos + 1;
    if (!digits(s, qStart, 1, 2)) return 0;
    q = val; // day
    pattern |= P_YEAR_FIRST;
    if (pLen === 7 && pos === qStart + 2) pattern |= P_PADDED;
  } else if (digits(s, 0, 1, 2)) {
    const pLen = pos;
    p = val;
    sep = sepCode(s.charCodeAt(pos));
    if (sep < 0) return 0;
    const qStart = pos + 1;
    if (!digits(s, qStart, 1, 2)) return 0;
    q = val;
    const qLen = pos - qStart;
    if (sepCode(s.charCodeAt(pos)) !== sep || !digits(s, pos + 1, 4, 4)) return 0;
    y = val;
    if (pLen === 2 && qLen === 2) pattern |= P_PADDED;
  } else return 0;
  if (y < 1) return 0;
  pattern |= sep << P_SEP_SHIFT;

  // Optional time of day.
  let timeMs = 0;
  let zoneMs = 0;
  let hasTime = false;
  if (pos < n) {
    const c = s.charCodeAt(pos);
    if (c === 32) pattern |= P_TIME_SPACE;
    else if (c !== 84 || !(pattern & P_YEAR_FIRST)) return 0; // "T" only in ISO dates
    const t = readTime(s, pos + 1);
    if (t < 0) return 0;
    timeMs = t;
    zoneMs = timeZone;
    pattern |= timePattern;
    hasTime = true;
  }

  let mask = 0;
  if (pattern & P_YEAR_FIRST) {
    if (p < 1 || p > 12 || q < 1 || q > daysInMonth(y, p)) return 0;
    const ms = daysFromCivil(y, p, q) * DAY_MS + timeMs - zoneMs;
    readings.a = ms;
    readings.b = ms;
    mask = D_DMY | D_MDY | T_DMY | T_MDY;
  } else {
    const dayFirst = q >= 1 && q <= 12 && p >= 1 && p <= daysInMonth(y, q);
    const monthFirst = sep !== 2 && p >= 1 && p <= 12 && q >= 1 && q <= daysInMonth(y, p); // dots are day-first only
    if (!dayFirst && !monthFirst) return 0;
    readings.a = dayFirst ? daysFromCivil(y, q, p) * DAY_MS + timeMs - zoneMs : NaN;
    readings.b = monthFirst ? daysFromCivil(y, p, q) * DAY_MS + timeMs - zoneMs : NaN;
    if (dayFirst) mask |= D_DMY | T_DMY;
    if (monthFirst) mask |= D_MDY | T_MDY;
    if (p === q) pattern |= P_SAME_DM;
  }
  if (hasTime) mask &= T_DMY | T_MDY; // a date-time does not fit a date-only column
  return dateKey(mask, pattern);
}

/** Day number of the first of each month and its length, for the years 1900–2099. */
const TABLE_FIRST_YEAR = 1900;
const MONTH_START = new Int32Array(200 * 12);
const MONTH_LENGTH = new Uint8Array(200 * 12);
for (let i = 0; i < MONTH_START.length; i++) {
  const y = TABLE_FIRST_YEAR + Math.floor(i / 12);
  MONTH_START[i] = daysFromCivil(y, (i % 12) + 1, 1);
  MONTH_LENGTH[i] = daysInMonth(y, (i % 12) + 1);
}

const ISO_DATE = dateKey(D_DMY | D_MDY | T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED);
const ISO_DATETIME_T = dateKey(T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED | (2 << P_TIME_SHIFT));
const ISO_DATETIME_SPACE = dateKey(T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED | (2 << P_TIME_SHIFT) | P_TIME_SPACE);

/** The two commonest forms, "yyyy-mm-dd" and "yyyy-mm-dd hh:mm:ss", read at fixed places; 0 sends the value to the full reader. */
function isoFast(s: string, n: number): number {
  const y1 = twoDigits(s, 0);
  const y2 = twoDigits(s, 2);
  const m = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  if (y1 < 0 || y2 < 0 || m < 1 || m > 12 || d < 1) return 0;
  const y = y1 * 100 + y2;
  let day: number;
  const at = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
  if (at >= 0 && at < MONTH_START.length) {
    // Common years: month starts and lengths from a table (no calendar arithmetic per value).
    if (d > MONTH_LENGTH[at]!) return 0;
    day = (MONTH_START[at]! + d - 1) * DAY_MS;
  } else {
    if (y < 1 || d > daysInMonth(y, m)) return 0;
    day = daysFromCivil(y, m, d) * DAY_MS;
  }
  if (n === 10) {
    readings.a = day;
    readings.b = day;
    return ISO_DATE;
  }
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return 0;
  const h = twoDigits(s, 11);
  const mi = twoDigits(s, 14);
  const sec = twoDigits(s, 17);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return 0;
  const ms = day + ((h * 60 + mi) * 60 + sec) * 1000;
  readings.a = ms;
  readings.b = ms;
  return t === 32 ? ISO_DATETIME_SPACE : ISO_DATETIME_T;
}

// readTime leaves the zone offset and the pattern bits of the time here.
let timeZone = 0;
let timePattern = 0;

/** Reads "h:mm[:ss[.fff]][Z|±hh[:mm]| AM| PM]" from i to the end; ms since midnight or -1. */
function readTime(s: string, i: number): number {
  const n = s.length;
  timeZone = 0;
  if (!digits(s, i, 1, 2)) return -1;
  let h = val;
  if (s.charCodeAt(pos) !== 58 || !digits(s, pos + 1, 2, 2)) return -1;
  const mi = val;
  let sec = 0;
  let ms = 0;
  let tp = 1;
  if (s.charCodeAt(pos) === 58) {
    if (!digits(s, pos + 1, 2, 2)) return -1;
    sec = val;
    tp = 2;
    const c = s.charCodeAt(pos);
    if (c === 46 || c === 44) {
      const fs = pos + 1;
      if (!digits(s, fs, 1, 9)) return -1;
      const f = pos - fs;
      ms = f <= 3 ? val * 10 ** (3 - f) : Math.floor(val / 10 ** (f - 3));
      tp = 3;
    }
  }
  let pattern = tp << P_TIME_SHIFT;
  if (pos < n) {
    const c = s.charCodeAt(pos);
    if (c === 90 || c === 122) {
      // "Z"
      pos++;
      pattern |= 1 << P_ZONE_SHIFT;
    } else if (c === 43 || c === 45) {
      const sign = c === 45 ? -1 : 1;
      const oh = twoDigits(s, pos + 1);
      if (oh < 0) return -1;
      pos += 3;
      let om = 0;
      if (pos < n) {
        if (s.charCodeAt(pos) === 58) pos++;
        om = twoDigits(s, pos);
        if (om < 0) return -1;
        pos += 2;
      }
      if (oh > 23 || om > 59) return -1;
      timeZone = sign * (oh * 60 + om) * 60_000;
      pattern |= 2 << P_ZONE_SHIFT;
    } else if (c === 32 && n - pos === 3) {
      const a = s.charCodeAt(pos + 1) | 0x20;
      const m = s.charCodeAt(pos + 2) | 0x20;
      if ((a !== 97 && a !== 112) || m !== 109 || h < 1 || h > 12) return -1;
      h = (h % 12) + (a === 112 ? 12 : 0);
      pos = n;
      pattern |= P_AMPM;
    }
  }
  if (pos !== n || h > 23 || mi > 59 || sec > 59) return -1;
  timePattern = pattern;
  return ((h * 60 + mi) * 60 + sec) * 1000 + ms;
}
