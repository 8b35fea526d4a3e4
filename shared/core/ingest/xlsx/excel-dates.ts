// Runs anywhere (pure core).
// Excel stores a date as a number of days ("serial") since an epoch, with the time of day as the
// fraction. Two epochs exist: the 1900 system (Windows default) and the 1904 system (old Mac
// workbooks, flagged in workbook.xml). The 1900 system keeps Lotus 1-2-3's mistake of treating
// 1900 as a leap year: serial 60 is the non-existent 29 Feb 1900, so serials below 61 are one
// day "late" compared to the modern formula. Only UTC arithmetic is used: a spreadsheet date has
// no time zone, and reading it as UTC wall-clock time gives the same result on every machine.

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system (for serials ≥ 61). */
const UNIX_EPOCH_1900 = 25_569;
/** Days between the 1900 and 1904 systems. */
const OFFSET_1904 = 1_462;
/** Serial of 10000-01-01 in the 1900 system: Excel's last date is 9999-12-31. */
const MAX_SERIAL_1900 = 2_958_466;

/**
 * Wall-clock milliseconds (as UTC) for a serial, or undefined when Excel could not show the value
 * as a date (negative, or after 9999-12-31).
 */
export function serialToEpochMs(serial: number, date1904: boolean): number | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let days = Math.floor(serial);
  // Round the time to the millisecond: serials carry binary fractions (0.1 day is inexact).
  let ms = Math.round((serial - days) * MS_PER_DAY);
  if (ms >= MS_PER_DAY) {
    days += 1;
    ms -= MS_PER_DAY;
  }
  let unixDays: number;
  if (date1904) {
    if (days + OFFSET_1904 >= MAX_SERIAL_1900) return undefined;
    unixDays = days + OFFSET_1904 - UNIX_EPOCH_1900;
  } else {
    if (days >= MAX_SERIAL_1900) return undefined;
    // Before 1 March 1900 Excel counts the phantom 29 February: shift by one day. Serial 60
    // itself (29 Feb 1900) has no real date and lands on 1 March.
    unixDays = days < 61 ? days - (UNIX_EPOCH_1900 - 1) : days - UNIX_EPOCH_1900;
  }
  return unixDays * MS_PER_DAY + ms;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Cells with t="d" hold ISO 8601 text. The wall-clock part is kept as written (an offset, when
 * present, is not applied: the owner typed a local time). Undefined when it is not a valid date.
 */
export function parseIsoCellDate(text: string): { epochMs: number; hasTimePart: boolean } | undefined {
  const s = text.trim();
  const m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    const frac = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60) return undefined;
    const epochMs = Date.UTC(y, mo - 1, d, h, mi, sec, frac);
    // Reject 31 February and the like: Date.UTC silently rolls them over.
    if (new Date(epochMs).getUTCDate() !== d && h < 24) return undefined;
    return { epochMs, hasTimePart: h !== 0 || mi !== 0 || sec !== 0 || frac !== 0 };
  }
  const t = ISO_TIME.exec(s);
  if (t) {
    const [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (h > 23 || mi > 59 || sec > 59) return undefined;
    const frac = t[4] ? Math.round(Number(t[4]) * 1000) : 0;
    // A time alone sits on Excel's day zero, like a time-only serial (0 ≤ serial < 1).
    return { epochMs: Date.UTC(1899, 11, 31, h, mi, sec, frac), hasTimePart: true };
  }
  return undefined;
}
