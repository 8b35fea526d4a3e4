// Runs anywhere (pure core).
// Text that Mesh Desk writes into a spreadsheet for the owner (quality reports, exports) comes
// from files we do not trust. A cell that starts like a formula can become one the moment the
// workbook is saved as CSV and opened again, or when the owner presses F2 + Enter on it
// ("CSV/formula injection", OWASP). Every text cell therefore goes through safeCellText, and
// writers only ever write plain values: numbers as number cells, never formulas or hyperlinks.

/** Excel's hard limit on the characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * Characters that start a formula, a command (DDE) or an operator in Excel, LibreOffice or
 * Google Sheets when they come first in a cell: OWASP's list (= + - @) plus the full-width forms
 * (＝ ＋ － ＠) that an East-Asian input method types and that spreadsheets may normalise.
 */
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * OWASP also names tab and carriage return as first characters: importers split or trim on
 * them, so what follows lands first in a cell. Line feed is treated the same for the same reason.
 */
const BREAK_START = /^[\t\r\n]/;

/**
 * Characters XML 1.0 forbids (all C0 controls but tab, LF, CR; U+FFFE, U+FFFF) and lone UTF-16
 * surrogates (not encodable as UTF-8): Excel refuses to open a workbook that contains any.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REPLACEMENT = '\uFFFD';

/**
 * Makes any text safe to put in a spreadsheet cell as plain text:
 * - a value that could start a formula gets a leading apostrophe `'` (OWASP's advice). We look
 *   past leading whitespace too: OWASP lists only the very first character, but importers that
 *   trim spaces (LibreOffice's "Trim spaces" CSV option, scripts that call trim()) would
 *   otherwise uncover a formula behind " =HYPERLINK(…)". The price is a visible apostrophe on
 *   a few harmless texts such as " -5" or a phone number "+49 30 123"; a report that stays
 *   correct when re-saved as CSV beats a prettier one. Real numbers are not affected: writers
 *   put them in number cells, which are never passed through here.
 * - characters Excel cannot store (most control characters, broken surrogate halves) become
 *   U+FFFD "�", so the workbook opens and the owner still sees that something was there.
 * - text longer than Excel's cell limit is cut and ends with a note saying so, so nobody
 *   mistakes the shortened text for the whole value.
 * "javascript:", "file:" or "data:" texts stay plain text: we never write hyperlinks.
 */
export function safeCellText(value: string): string {
  let text = value;
  let cutNote = '';
  // Cut before cleaning: a 1 GB cell must not be scanned whole for a 32 KB result.
  const roomForPrefix = 1;
  if (text.length > EXCEL_MAX_CELL_CHARS - roomForPrefix) {
    cutNote = `… [shortened to fit Excel: the full text has ${value.length} characters]`;
    let keep = EXCEL_MAX_CELL_CHARS - roomForPrefix - cutNote.length;
    // Never split a surrogate pair: its first half alone would turn into "�".
    if (isHighSurrogate(text.charCodeAt(keep - 1))) keep--;
    text = text.slice(0, keep);
  }
  text = text.replace(NOT_IN_XML, REPLACEMENT);
  const prefix = FORMULA_START.test(text) || BREAK_START.test(text) ? "'" : '';
  return prefix + text + cutNote;
}

/**
 * The number a text stands for when writing it as a number cell loses nothing: the text must be
 * exactly how JavaScript writes that number back ("-12.5", "3", "0.25"). "00123", "1e5",
 * "1,5", "+3", "-0" or 20-digit ids stay text, so the owner sees exactly what their file holds.
 */
export function exactNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 24) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
