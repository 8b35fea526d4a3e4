// Runs anywhere (pure core).
// safeCellText() for a million text cells: almost every text is already safe (no formula-like
// start, no character XML forbids, far below Excel's cell limit), and one quick test proves it
// and returns the text untouched; anything the test is unsure about goes through
// safeCellText() itself. The tests err on the side of "unsure" (any leading white space, any
// surrogate), so the results are always exactly the slow path's (a test compares them).

import { EXCEL_MAX_CELL_CHARS, safeCellText } from './spreadsheet-safe';
import { textElement } from './xlsx-xml';

/** A first character that may start a formula or be trimmed away, or a character that may need replacing. */
const MAYBE_UNSAFE = /^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Text that is safe as it is AND needs no escaping or preserved white space in XML: starts
 * with neither white space nor a formula character, ends without white space, and holds no
 * markup, control character, surrogate or non-character.
 */
const PLAIN_XML =
  /^[^\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF](?:[^&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*[^\s&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF])?$/;

/** The same as safeCellText(text). */
export function safeText(text: string): string {
  return text.length < EXCEL_MAX_CELL_CHARS && !MAYBE_UNSAFE.test(text) ? text : safeCellText(text);
}

/** The same as textElement(safeCellText(text)): the `<t>` element of a text cell. */
export function safeTextElement(text: string): string {
  return text.length < EXCEL_MAX_CELL_CHARS && PLAIN_XML.test(text) ? `<t>${text}</t>` : textElement(safeText(text));
}
