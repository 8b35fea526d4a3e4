// Runs anywhere (pure core).
// Whether a cell's number format makes its number a date. Excel has no date type in the file:
// a date is a number shown through a format such as "dd/mm/yyyy". We decide from the format
// code (custom formats) or the built-in format id, and also whether the format shows a time.

/** The number is a plain number (also: elapsed-time formats such as [h]:mm, see below). */
export const FORMAT_NUMBER = 0;
/** A calendar date without a time of day. */
export const FORMAT_DATE = 1;
/** A date with a time, or a time of day alone. */
export const FORMAT_DATETIME = 2;
export type FormatKind = typeof FORMAT_NUMBER | typeof FORMAT_DATE | typeof FORMAT_DATETIME;

// Built-in formats that Excel applies by id without writing the code into styles.xml.
// 14–17 dates, 18–21 times, 22 date+time, 45 mm:ss, 47 mmss.0; 27–36 and 50–58 are the
// East Asian locale date/time formats (e.g. 27 = [$-404]e/m/d, 32 = hh"時"mm"分").
// 46 is [h]:mm:ss — an elapsed duration, kept as a number like every other [h]/[m]/[s] format.
const BUILTIN_DATE = new Set([14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58]);
const BUILTIN_DATETIME = new Set([18, 19, 20, 21, 22, 45, 47, 32, 33, 34, 35, 52, 53, 55, 56]);

export function builtinFormatKind(id: number): FormatKind {
  if (BUILTIN_DATETIME.has(id)) return FORMAT_DATETIME;
  if (BUILTIN_DATE.has(id)) return FORMAT_DATE;
  return FORMAT_NUMBER;
}

/**
 * Classifies a custom format code. Only the first section counts (the one for positive numbers;
 * later sections are for negatives, zero and text). Ignored while looking for date letters:
 * quoted literals "…", escaped characters \x, the padding/fill markers _x and *x, the word
 * General, and bracketed parts ([Red], [$-409], [<100]). An elapsed-time bracket ([h], [mm],
 * [ss]) makes the whole format a duration: the value is then a plain number of days (e.g. hours
 * worked), not a point in time, so it stays a number.
 */
export function classifyFormatCode(code: string): FormatKind {
  let hasDate = false;
  let hasTime = false;
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const ch = code[i]!;
    if (ch === ';') break;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) break;
      i = close;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) break;
      if (/^(h+|m+|s+)$/i.test(code.slice(i + 1, close))) return FORMAT_NUMBER;
      i = close;
      continue;
    }
    const c = ch.toLowerCase();
    if (c === 'g' && code.slice(i, i + 7).toLowerCase() === 'general') {
      i += 6;
      continue;
    }
    if (c === 'y' || c === 'd' || c === 'm') hasDate = true;
    else if (c === 'h' || c === 's') hasTime = true;
    else if (c === 'a' && /^(am\/pm|a\/p)/i.test(code.slice(i, i + 5))) {
      hasTime = true;
      i += code[i + 1] === '/' ? 2 : 4;
    } else if (c === 'b' && /^b{2,4}/i.test(code.slice(i, i + 2))) hasDate = true; // Buddhist-era year
  }
  if (hasTime) return FORMAT_DATETIME;
  return hasDate ? FORMAT_DATE : FORMAT_NUMBER;
}
