// Runs anywhere (pure core).
// The words of every check finding: what was found, where in the owner's own file (sheet,
// row as Excel shows it, column letter and name) and what to do about it.

import type { ColumnType } from '../inspect/report';

/** Where a finding is: the sheet as the owner knows it, and a column label "column C (Amount)". */
export interface Place {
  /** 'sheet "Sales"' or, for a CSV file, '"sales.csv"'. */
  sheet: string;
  column: string;
}

const NOUN: Record<ColumnType, string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'a yes/no value',
  date: 'a date',
  datetime: 'a date with a time',
  text: 'text',
};

const q = (v: string): string => `'${v.length > 60 ? `${v.slice(0, 59)}…` : v}'`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const sheetLabel = (sheet: string, format: 'csv' | 'xlsx'): string => (format === 'csv' ? `"${sheet}"` : `sheet "${sheet}"`);
const cell = (p: Place, row: number): string => `Row ${row}, ${p.column} in ${p.sheet}`;

export function requiredEmpty(p: Place, row: number, primaryKey: boolean): string {
  return primaryKey
    ? `${cell(p, row)} is empty, but the column is the Primary key, which needs a value in every row. Fill it in, or choose another primary key.`
    : `${cell(p, row)} is empty, but the column is marked Required. Fill it in, or untick Required.`;
}

export function emptyRow(sheet: string, row: number): string {
  return `Row ${row} in ${sheet} is empty: all its cells are blank. Delete the row from your file.`;
}

export function emptyColumn(p: Place): string {
  const col = p.column.charAt(0).toUpperCase() + p.column.slice(1);
  return `${col} in ${p.sheet} has no value in any row. Fill it in, or delete the column from your file.`;
}

export function typeMismatch(p: Place, row: number, value: string, type: ColumnType): string {
  return `${cell(p, row)} holds ${q(value)}, which is not ${NOUN[type]}. Correct it, leave it empty, or choose another type for the column.`;
}

export function duplicateKey(p: Place, row: number, value: string, firstRow: number, primaryKey: boolean): string {
  const marked = primaryKey ? 'the Primary key' : 'marked Unique';
  const untick = primaryKey ? 'choose another primary key' : 'untick Unique';
  return `Row ${row} repeats the value ${q(value)} of row ${firstRow} in ${p.column} in ${p.sheet}, which is ${marked}. Make the values different, or ${untick}.`;
}

export function duplicateRow(sheet: string, row: number, firstRow: number): string {
  return `Row ${row} in ${sheet} is an exact copy of row ${firstRow}. Delete the copy, or keep it if the same thing really happened twice.`;
}

export function notAllowed(p: Place, row: number, value: string, allowed: readonly string[]): string {
  const shown = allowed.slice(0, 8).map(q).join(', ') + (allowed.length > 8 ? ` and ${allowed.length - 8} more` : '');
  return `${cell(p, row)} holds ${q(value)}, which is not one of the allowed values (${shown}). Use one of them, or add ${q(value)} to the allowed values.`;
}

export function outOfRange(p: Place, row: number, value: string, bound: string, low: boolean): string {
  return low
    ? `${cell(p, row)} holds ${q(value)}, below the lowest allowed value ${bound}. Correct it, or lower the lowest allowed value.`
    : `${cell(p, row)} holds ${q(value)}, above the highest allowed value ${bound}. Correct it, or raise the highest allowed value.`;
}

export function patternMismatch(p: Place, row: number, value: string, pattern: string, tooLong: boolean): string {
  return tooLong
    ? `${cell(p, row)} holds a value of ${value.length} characters, too long to check against the pattern ${pattern} set for the column. Shorten it, or remove the pattern.`
    : `${cell(p, row)} holds ${q(value)}, which does not match the pattern ${pattern} set for the column. Correct it, or change the pattern.`;
}

export function textLength(p: Place, row: number, value: string, min: number | undefined, max: number | undefined): string {
  const n = value.length;
  return min !== undefined && n < min
    ? `${cell(p, row)} holds ${q(value)} (${plural(n, 'character', 'characters')}), shorter than the ${min} allowed. Correct it, or change the shortest allowed length.`
    : `${cell(p, row)} holds ${q(value)} (${plural(n, 'character', 'characters')}), longer than the ${max ?? 0} allowed. Shorten it, or change the longest allowed length.`;
}

export function futureDate(p: Place, row: number, value: string, today: string): string {
  return `${cell(p, row)} holds the date ${q(value)}, which is in the future (today is ${today}). Correct it, or allow future dates for the column.`;
}

export function stale(p: Place, newest: string, ageDays: number, maxAgeDays: number): string {
  return (
    `The newest date in ${p.column} in ${p.sheet} is ${newest}, ${plural(ageDays, 'day', 'days')} ago, but the update frequency promises ` +
    `data at most ${plural(maxAgeDays, 'day', 'days')} old. Publish newer data, or choose a less frequent update schedule.`
  );
}

export function staleNoDates(p: Place): string {
  return `${p.column.charAt(0).toUpperCase() + p.column.slice(1)} in ${p.sheet} is chosen to show how fresh the data is, but it holds no dates. Fill in the dates, or choose another column for freshness.`;
}

export type PersonalKind = 'email' | 'phone' | 'iban' | 'card';
const PERSONAL_WORDS: Record<PersonalKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  iban: 'a bank account number (IBAN)',
  card: 'a payment card number',
};

export function personalData(p: Place, row: number, kind: PersonalKind): string {
  return (
    `${cell(p, row)} looks like ${PERSONAL_WORDS[kind]}, but the column is not marked as Personal data. ` +
    `If the column holds personal data, mark it Personal; otherwise remove such values.`
  );
}

export function spaces(p: Place, row: number, value: string): string {
  return `${cell(p, row)} holds ${q(value)} with spaces before or after the text, so it does not equal the same text without them. Remove the extra spaces (in Excel: =TRIM(cell)).`;
}

export function numberAsText(p: Place, row: number, value: string): string {
  return (
    `${cell(p, row)} holds the number ${q(value)} stored as text, so Excel and other tools will not calculate with it. ` +
    `In Excel, select the cells and use the warning triangle → Convert to Number (if these are codes such as postcodes, set the column's type to Text).`
  );
}

export function mixedDecimal(p: Place, row: number, value: string, count: number, used: string, other: string): string {
  return (
    `${cell(p, row)} holds ${q(value)}, written with '${other}' as decimal mark, while the other numbers of the column use '${used}' ` +
    `(${plural(count, 'value is', 'values are')} written this way). Write every number of the column with the same decimal mark.`
  );
}

export function driftRows(sheet: string, before: number, now: number, threshold: number): string {
  const change = before === 0 ? 100 : Math.round(((now - before) / before) * 100);
  const dir = now > before ? 'more' : 'fewer';
  return (
    `${sheet} has ${now} data rows; the published version has ${before} (${Math.abs(change)}% ${dir}, more than the ` +
    `${Math.round(threshold * 100)}% expected). Check that this is the complete, right file before publishing.`
  );
}

export function driftNulls(p: Place, row: number, count: number): string {
  return (
    `${cell(p, row)} is empty; this column had no empty cells in the published version and now has ${count}. ` +
    `Fill the empty cells in, or check that the file is complete.`
  );
}
