// Runs anywhere (pure core).
// Turning dates kept as epoch milliseconds back into words for the owner: ISO 8601 text for
// min/max, and a human pattern ("dd.mm.yyyy", "yyyy-mm-dd hh:mm") describing how a column's
// dates are written. Integer arithmetic only: no Date objects, so no time-zone surprises.

import { P_AMPM, P_PADDED, P_SEP_SHIFT, P_TIME_SHIFT, P_TIME_SPACE, P_TYPED, P_YEAR_FIRST, P_ZONE_SHIFT } from './value-classes';

const DAY_MS = 86_400_000;

/** Civil date of a day count since 1970-01-01 (inverse of daysFromCivil). */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "2025-03-04" or, with `time`, "2025-03-04T10:15:00" (".250" when there are milliseconds, "Z" when `utc`). */
export function isoText(ms: number, time: boolean, utc = false): string {
  const days = Math.floor(ms / DAY_MS);
  const { y, m, d } = civilFromDays(days);
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (!time) return date;
  const rest = ms - days * DAY_MS;
  const secs = Math.floor(rest / 1000);
  const milli = rest - secs * 1000;
  const frac = milli === 0 ? '' : `.${pad(milli, 3)}`;
  return `${date}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}${frac}${utc ? 'Z' : ''}`;
}

const SEPARATORS = ['-', '/', '.'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 April 2025" — a date in words, for messages about ambiguous dates. */
export function dateInWords(y: number, m: number, d: number): string {
  return `${d} ${MONTHS[m - 1] ?? '?'} ${y}`;
}

/** The human pattern of a date class, e.g. "dd.mm.yyyy", "yyyy-mm-ddThh:mm:ssZ", "Excel date". */
export function patternText(pattern: number, monthFirst: boolean): string {
  const time = (pattern >>> P_TIME_SHIFT) & 3;
  if (pattern & P_TYPED) return time ? 'Excel date and time' : 'Excel date';
  const sep = SEPARATORS[(pattern >>> P_SEP_SHIFT) & 3] ?? '-';
  const padded = (pattern & P_PADDED) !== 0;
  const dd = padded ? 'dd' : 'd';
  const mm = padded ? 'mm' : 'm';
  let text: string;
  if (pattern & P_YEAR_FIRST) text = `yyyy${sep}${mm}${sep}${dd}`;
  else text = monthFirst ? `${mm}${sep}${dd}${sep}yyyy` : `${dd}${sep}${mm}${sep}yyyy`;
  if (time) {
    text += pattern & P_TIME_SPACE ? ' ' : 'T';
    text += time === 1 ? 'hh:mm' : time === 2 ? 'hh:mm:ss' : 'hh:mm:ss.fff';
    if (pattern & P_AMPM) text += ' AM/PM';
    const zone = (pattern >>> P_ZONE_SHIFT) & 3;
    if (zone === 1) text += 'Z';
    else if (zone === 2) text += '+hh:mm';
  }
  return text;
}
