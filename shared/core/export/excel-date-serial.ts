// Runs anywhere (pure core).
// Dates go into a workbook as Excel serial numbers (days since 1899-12-30, the time of day as
// the fraction) with a date format on the cell, computed here from the ISO text by arithmetic
// in UTC. Handing a JavaScript Date to a library instead invites the machine's time zone into
// the result (a date written at midnight in Auckland shows as the day before): an ISO date is a
// calendar day, not an instant, and must show as the same day everywhere.

export const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
export const UNIX_EPOCH_SERIAL = 25_569;
/**
 * Excel counts a 29 February 1900 that never was (a Lotus 1-2-3 bug it kept), so serials
 * before 1 March 1900 (serial 61) are one day off from the calendar. Such dates, and years past
 * 9999 that Excel cannot show, are written as ISO text instead.
 */
const FIRST_SAFE_SERIAL = 61;
const LAST_SERIAL = 2_958_466; // 10000-01-01

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The serial number for "yyyy-mm-dd" or "yyyy-mm-ddThh:mm[:ss[.fff]][Z|±hh:mm]", or undefined
 * when the text is not such a date or Excel cannot show it. A time with an offset is shown in
 * UTC (the mesh stores instants in UTC); a time without one is shown as written.
 */
export function excelSerial(iso: string): number | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0–99 to 1900–1999; they are outside Excel's range anyway.
  if (year < 1900) return undefined;
  const offset = m[8];
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    if (minutes > 18 * 60) return undefined;
    ms -= sign * minutes * 60_000;
  }
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial >= FIRST_SAFE_SERIAL && serial < LAST_SERIAL ? serial : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
