// Runs anywhere (pure core).
// Every sentence the CSV reader says to the owner, in one place so the wording stays plain and
// consistent: what happened, where in their file, and what to do about it.

import { columnLetter } from '../../columns';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** "row 12 (line 14)" — the line only when it differs from the row. */
export function rowAndLine(row: number, line: number): string {
  return line === row ? `row ${fmt(row)}` : `row ${fmt(row)} (line ${fmt(line)} of the file)`;
}

export function unterminatedQuoteMessage(row: number, line: number, columnIndex: number): string {
  return (
    `In ${rowAndLine(row, line)}, column ${columnLetter(columnIndex)}, a value starts with a quote (") that is never closed. ` +
    'Mesh Desk read that quote as an ordinary character so that the rows after it are still read correctly. ' +
    'Open the file, close the quote (or remove it) in that row, save, and load the file again.'
  );
}

export function textAfterQuoteMessage(row: number, line: number, columnIndex: number): string {
  return (
    `In ${rowAndLine(row, line)}, column ${columnLetter(columnIndex)}, there is text right after the closing quote of a quoted value (like "ab"c). ` +
    'Mesh Desk kept that text as part of the value. Check the value; if the quotes belong to the text, write them twice ("") inside the quoted value.'
  );
}

export function tooManyColumnsMessage(row: number, line: number, max: number): string {
  return (
    `${capitalize(rowAndLine(row, line))} has more than ${fmt(max)} values, which is more columns than Excel allows. ` +
    `Mesh Desk kept the first ${fmt(max)} and ignored the rest. Check that the file uses one delimiter (comma, semicolon, tab or pipe) throughout.`
  );
}

export function rowTooLongMessage(row: number, line: number, maxChars: number): string {
  return (
    `${capitalize(rowAndLine(row, line))} is longer than ${fmt(maxChars)} characters without ending, so this file does not look like a table. ` +
    'Check that it really is a CSV file (one record per line), or export it again from the program that made it.'
  );
}

export function invalidUtf8Message(row: number, line: number): string {
  return (
    `${capitalize(rowAndLine(row, line))} contains bytes that are not valid UTF-8 text, although the start of the file is UTF-8. ` +
    'Mesh Desk shows them as the replacement sign � so some letters in that row may be wrong. ' +
    'Save the file again as "CSV UTF-8" (in Excel: File › Save As › CSV UTF-8) and load it again.'
  );
}

export function windows1252Message(fileName: string): string {
  return (
    `"${fileName}" is not saved as UTF-8, so Mesh Desk read it as Windows-1252 (Western European), the usual encoding of older Excel CSV files. ` +
    'Check that accented letters and symbols (é, ü, ß, €) look right in the preview. If they do not, save the file as "CSV UTF-8" and load it again.'
  );
}

export function notTextMessage(fileName: string, kind: string | undefined): string {
  const what = kind ? ` It looks like ${kind}.` : '';
  return (
    `"${fileName}" does not look like a text (CSV) file: it contains binary data.${what} ` +
    'If it is a spreadsheet, open it in Excel and save it as "CSV UTF-8" or as an Excel workbook (.xlsx), then load that file.'
  );
}

export function noSuchSheetMessage(fileName: string, asked: string, sheet: string): string {
  return `"${fileName}" is a CSV file with a single sheet called "${sheet}"; there is no sheet "${asked}". Choose "${sheet}".`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
