// Runs anywhere (pure core).
// excelSerial() for a million rows, without its full parse per value. A table's dates repeat
// (a few hundred distinct days among a million rows) and its times share their day, so the
// day's serial is remembered and the time of day added by the same integer arithmetic
// excelSerial() uses: the result is the very same number, bit for bit (a test compares them).
// Anything but the plain forms "yyyy-mm-dd" and "yyyy-mm-ddThh:mm:ss[Z]" (fractions, offsets,
// a space instead of the T) goes to excelSerial() itself.

import { excelSerial, MS_PER_DAY, UNIX_EPOCH_SERIAL } from './excel-date-serial';

/** Distinct days remembered before the memory is cleared (a column of random days stays bounded). */
const MAX_DAYS = 20_000;

export class ExcelSerials {
  private days = new Map<string, number | undefined>();

  /** The same as excelSerial(iso). */
  serial(iso: string): number | undefined {
    const len = iso.length;
    if (len === 10) return this.day(iso);
    if ((len !== 19 && !(len === 20 && iso.charCodeAt(19) === 90)) || iso.charCodeAt(10) !== 84) return excelSerial(iso); // 90 'Z', 84 'T'
    const h = twoDigits(iso, 11);
    const m = twoDigits(iso, 14);
    const s = twoDigits(iso, 17);
    if (h < 0 || m < 0 || s < 0 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return excelSerial(iso); // 58 ':'
    if (h > 23 || m > 59 || s > 59) return undefined;
    const day = this.day(iso.slice(0, 10));
    if (day === undefined) return excelSerial(iso);
    // day is a whole number, so this is exactly Date.UTC(...) of excelSerial's parse.
    const ms = (day - UNIX_EPOCH_SERIAL) * MS_PER_DAY + h * 3_600_000 + m * 60_000 + s * 1000;
    return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }

  private day(iso: string): number | undefined {
    const known = this.days.get(iso);
    if (known !== undefined || this.days.has(iso)) return known;
    if (this.days.size >= MAX_DAYS) this.days = new Map();
    const serial = excelSerial(iso);
    this.days.set(iso, serial);
    return serial;
  }
}

/** The number of two ASCII digits at `at`, or -1. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
