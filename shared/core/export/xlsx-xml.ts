// Runs anywhere (pure core).
// The smallest pieces of SpreadsheetML that Mesh Desk writes by hand: escaped text and single
// cells. The big "Data" sheet is built from these as plain strings, a million rows at a time,
// so they avoid work on the common case (a text without markup characters is returned as is)
// and never produce anything but plain values: no formulas, no hyperlinks.

/** Characters XML 1.0 cannot carry at all, and lone UTF-16 surrogate halves (not UTF-8 encodable). */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything that needs a second look: markup, CR (an XML reader turns a raw CR into LF), illegal characters. */
const NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[&<>"\r]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * Text as XML content or attribute value: markup escaped, a carriage return kept as a character
 * reference (so it survives the reader's line-end normalising), and characters XML 1.0 forbids
 * replaced by "�" so Excel still opens the workbook.
 */
export function xmlEscape(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_IN_XML, '\uFFFD').replace(MARKUP, (c) => ENTITY[c]!);
}

/** Leading or trailing white space, tabs and line breaks are dropped by readers unless preserved. */
const NEEDS_PRESERVE = /^\s|\s$|[\t\n\r]/;

/** `<t>` element of a text (inline string, comment run), keeping white space as it is. */
export function textElement(text: string): string {
  return NEEDS_PRESERVE.test(text) ? `<t xml:space="preserve">${xmlEscape(text)}</t>` : `<t>${xmlEscape(text)}</t>`;
}

/**
 * A text cell as an inline string: the text lives in the cell, not in a shared-strings table
 * that would have to be held in memory until the end of a million rows.
 */
export function textCell(ref: string, text: string, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/** A number cell; the caller passes finite numbers only (Excel has no NaN or infinity). */
export function numberCell(ref: string, value: number, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
}

export function booleanCell(ref: string, value: boolean, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="b"><v>${value ? 1 : 0}</v></c>`;
}

/** One cell of a small table: text, number, or nothing for an empty value (no cell is written). */
export function plainCell(ref: string, value: string | number | null, style = 0): string {
  if (value === null || value === '') return '';
  return typeof value === 'number' ? numberCell(ref, value, style) : textCell(ref, value, style);
}

/** The XML declaration every part starts with, as Excel writes it. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
