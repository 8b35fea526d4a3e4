// Runs anywhere (pure core).
// One entry point that puts any cell into its value class (see value-classes). Text from CSV
// and text cells from XLSX go through the same readers; typed XLSX cells (numbers, booleans,
// dates, errors) keep the type the spreadsheet stored. Also: what counts as empty, and how a
// typed cell is shown as text (preview, distinct values, examples).

import type { Cell, DateCell, ErrorCell } from '../ingest/types';
import * as dates from './classify-date';
import * as numbers from './classify-number';
import { civilFromDays } from './date-format';
import * as classes from './value-classes';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { classifyDate, DAY_MS } = dates;
const { classifyNumber } = numbers;
const { BOOLEAN_WORDS, ERROR_KEY, NUM_PLAIN, NUM_PLAIN_01, NUM_TYPED_FRACTION, P_TIME_SHIFT, P_TIME_SPACE, P_TYPED, TEXT_KEY, TYPED_BOOLEAN_PAIR, booleanKey, dateKey, readings } = classes;

/**
 * Empty means: null (an XLSX cell that is not there), "" or text made only of whitespace
 * (spaces, tabs, line breaks, no-break spaces and the other characters String.prototype.trim
 * removes). Such cells count as empty, never as values.
 */
export function isEmptyCell(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell !== 'string') return false;
  return cell.length === 0 || isBlankText(cell);
}

/** True for non-empty text made only of whitespace. Cheap: looks past the first char only if needed. */
export function isBlankText(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 > 32 && c0 < 0x80) return false;
  return s.trim().length === 0;
}

/**
 * Value class of non-empty, non-blank text. `dateFirst` tries dates before numbers (the last
 * value of the column was a date): both readers reject quickly, it only saves a little work.
 */
export function classifyText(s: string, dateFirst = false): number {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    if (dateFirst) {
      const d = classifyDate(s);
      if (d !== 0) return d;
      return classifyNumber(s) || TEXT_KEY;
    }
    const k = classifyNumber(s);
    if (k !== 0) return k;
    return classifyDate(s) || TEXT_KEY;
  }
  if (c0 === 45) return classifyNumber(s) || TEXT_KEY;
  const lc = c0 | 0x20;
  if (lc >= 97 && lc <= 122 && s.length <= 6) return classifyBoolean(s) || TEXT_KEY;
  return TEXT_KEY;
}

/**
 * Yes/no words indexed by length and lower-cased first letter, so a text is compared with at
 * most one candidate: (length * 32 + letter) → index into BOOLEAN_WORDS flattened (pair * 2 + 0
 * for the "yes" word, + 1 for the "no" word), -1 when none.
 */
const BOOLEAN_BY_SHAPE = new Int8Array(7 * 32).fill(-1);
for (let pair = 0; pair < TYPED_BOOLEAN_PAIR; pair++) {
  for (let w = 0; w < 2; w++) {
    const word = BOOLEAN_WORDS[pair]![w]!;
    BOOLEAN_BY_SHAPE[word.length * 32 + (word.charCodeAt(0) & 31)] = pair * 2 + w;
  }
}

/** Case-insensitive match against the yes/no words; 0 when not one. Compares char codes, no lowercasing. */
export function classifyBoolean(s: string): number {
  const n = s.length;
  if (n > 6) return 0;
  const c0 = s.charCodeAt(0) | 0x20;
  if (c0 < 97 || c0 > 122) return 0;
  const found = BOOLEAN_BY_SHAPE[n * 32 + (c0 & 31)]!;
  if (found < 0) return 0;
  const word = BOOLEAN_WORDS[found >> 1]![found & 1]!;
  for (let i = 1; i < n; i++) if ((s.charCodeAt(i) | 0x20) !== word.charCodeAt(i)) return 0;
  return booleanKey(found >> 1, (found & 1) === 0);
}

/** Value class of a typed (non-text, non-empty) XLSX cell; sets `readings` for numbers and dates. */
export function classifyTyped(cell: number | boolean | DateCell | ErrorCell): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return TEXT_KEY;
    readings.a = cell;
    readings.b = cell;
    if (Number.isSafeInteger(cell)) return cell === 0 || cell === 1 ? NUM_PLAIN_01 : NUM_PLAIN;
    return NUM_TYPED_FRACTION;
  }
  if (typeof cell === 'boolean') return booleanKey(TYPED_BOOLEAN_PAIR, cell);
  if (cell.kind === 'date') {
    readings.a = cell.epochMs;
    readings.b = cell.epochMs;
    const time = cell.hasTime ? (2 << P_TIME_SHIFT) | P_TIME_SPACE : 0;
    return dateKey(cell.hasTime ? 0b1100 : 0b1111, P_TYPED | time);
  }
  return ERROR_KEY;
}

/** Class of any non-empty cell. */
export function classifyCell(cell: Exclude<Cell, null>): number {
  return typeof cell === 'string' ? classifyText(cell) : classifyTyped(cell);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "yyyy-mm-dd" or "yyyy-mm-dd hh:mm:ss" of a typed spreadsheet date, as Excel users read it. */
export function dateCellText(cell: DateCell): string {
  const days = Math.floor(cell.epochMs / DAY_MS);
  const { y, m, d } = civilFromDays(days);
  const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (!cell.hasTime) return date;
  const secs = Math.floor((cell.epochMs - days * DAY_MS) / 1000);
  return `${date} ${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
}

/**
 * A cell as the owner had it, as text: CSV text unchanged; numbers in their shortest exact
 * form; booleans TRUE/FALSE; dates yyyy-mm-dd (hh:mm:ss); errors as their code; empty "".
 */
export function displayText(cell: Cell): string {
  if (cell === null) return '';
  switch (typeof cell) {
    case 'string':
      return cell;
    case 'number':
      return String(cell);
    case 'boolean':
      return cell ? 'TRUE' : 'FALSE';
    default:
      return cell.kind === 'date' ? dateCellText(cell) : cell.code;
  }
}
