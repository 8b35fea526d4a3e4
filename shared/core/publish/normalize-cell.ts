// Runs anywhere (pure core).
// Turns one cell of the owner's sheet into the text written to a published data part, so every
// product reads alike: ISO 8601 dates, "." as decimal mark and no thousands separators,
// true/false, "" for missing, text exactly as the owner had it. A value is rewritten only when
// it fits the column's type under the same decisions the quality check makes (see
// checks/column-check.ts value()/fits()); anything else is written as the owner had it, so the
// data part never silently changes what a misfit value says.
//
// Numbers are rewritten TEXTUALLY (separators dropped, decimal mark swapped), never through a
// float, so "12345678901234.99" keeps every digit. The classifiers only decide whether a value
// fits; their readings are used for dates, where the value is an exact integer of milliseconds.

import type { Cell, DateCell, ErrorCell } from '../ingest/types';
import type { ColumnType, ValueFormat } from '../inspect/report';
import * as cellsModule from '../infer/classify-cell';
import * as numbersModule from '../infer/classify-number';
import * as datesModule from '../infer/classify-date';
import * as classes from '../infer/value-classes';
import { isoText } from '../infer/date-format';

// Hot-path imports copied into module constants: some module runners (vitest, CommonJS output)
// turn each use of an imported name into a getter call, which costs more than the work here.
const { classifyText, classifyTyped, displayText, isBlankText } = cellsModule;
const { classifyNumber, separatorKind } = numbersModule;
const { classifyDate, DAY_MS } = datesModule;
const { K_BOOL, K_NUM, NUM_FLAG_01, P_ZONE_SHIFT, T_DMY, T_MDY, booleanValueOf, kindOf, patternOf, readings } = classes;
const { D_DMY, D_MDY, P_PADDED, P_TIME_SHIFT, P_TIME_SPACE, P_YEAR_FIRST, dateKey } = classes;

export interface NormalizeColumn {
  type: ColumnType;
  format?: ValueFormat;
}

export type CellNormalizer = (cell: Cell) => string;

/** Builds the per-column function once; it is called for every cell (hot path: 12M cells). */
export function cellNormalizer(col: NormalizeColumn): CellNormalizer {
  switch (col.type) {
    case 'integer':
    case 'number':
      return numberNormalizer(col.type === 'integer', col.format?.decimal === ',');
    case 'boolean':
      return booleanCell;
    case 'date':
    case 'datetime':
      return dateNormalizer(col.type === 'datetime', col.format?.dateOrder === 'MDY');
    default:
      return textCell;
  }
}

/** What every column writes for a cell that is not a string: "" for missing and errors. */
function isMissing(cell: Exclude<Cell, string>): cell is null | ErrorCell {
  return cell === null || (typeof cell === 'object' && cell.kind === 'error');
}

const isBlank = (s: string): boolean => s.length === 0 || isBlankText(s);

function textCell(cell: Cell): string {
  if (typeof cell === 'string') return isBlank(cell) ? '' : cell;
  return isMissing(cell) ? '' : displayText(cell);
}

// ---- Numbers -------------------------------------------------------------------------------

/** Style bits of the decimal-point styles (0–2) and decimal-comma styles (3–5), see value-classes. */
const POINT_STYLES = 0x7;
const COMMA_STYLES = 0x38;
const CHAR_POINT = 46;
const CHAR_COMMA = 44;

function numberNormalizer(integer: boolean, decimalComma: boolean): CellNormalizer {
  // Same test as the checker's fits(): "is a whole number" bits for integer columns, "is a
  // number" bits (6 higher) for number columns, on the side of the column's decimal mark only,
  // so a value readable only with the other mark stays as the owner wrote it.
  const styles = decimalComma ? COMMA_STYLES : POINT_STYLES;
  const bits = integer ? styles : styles << 6;
  const mark = decimalComma ? CHAR_COMMA : CHAR_POINT;
  return (cell) => {
    if (typeof cell === 'string') {
      if (isBlank(cell)) return '';
      const key = classifyNumber(cell);
      return key !== 0 && (key & bits) !== 0 ? plainNumber(cell, mark) : cell;
    }
    if (typeof cell === 'number') return String(cell); // String(-0) is "0"
    return isMissing(cell) ? '' : displayText(cell);
  };
}

/**
 * A number the classifier accepted, rewritten with "." as decimal mark and no thousands
 * separators. Such a value holds only: an optional leading "-", digits, separators (at most one
 * of them the decimal mark, and only as the last separator), and an optional exponent, which
 * the classifier allows only with a decimal point and no grouping — copied as it is.
 * Returns `s` itself when nothing changes (no allocation on the common path).
 */
function plainNumber(s: string, mark: number): string {
  const n = s.length;
  let out = '';
  let from = 0;
  let nonZero = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (c !== 48) nonZero = true;
      continue;
    }
    if (c === 101 || c === 69) break; // exponent: the rest is copied unchanged
    if (c === mark) {
      if (mark === CHAR_POINT) continue; // already the decimal point
      out += s.slice(from, i) + '.';
      from = i + 1;
    } else if (separatorKind(c) !== 0) {
      out += s.slice(from, i); // a thousands separator: dropped
      from = i + 1;
    }
    // Anything else is the leading "-": kept.
  }
  const plain = from === 0 ? s : out + s.slice(from);
  // "-0", "-0,00": zero has no sign in the published data.
  return !nonZero && plain.charCodeAt(0) === 45 ? plain.slice(1) : plain;
}

// ---- Yes/no --------------------------------------------------------------------------------

function booleanCell(cell: Cell): string {
  let key: number;
  if (typeof cell === 'string') {
    if (isBlank(cell)) return '';
    key = classifyText(cell);
  } else if (isMissing(cell)) return '';
  else key = classifyTyped(cell);
  const kind = kindOf(key);
  // Any recognised word pair (the checker accepts all of them), and the plain values 0 and 1.
  if (kind === K_BOOL) return booleanValueOf(key) ? 'true' : 'false';
  if (kind === K_NUM && (key & NUM_FLAG_01) !== 0) return readings.a === 1 ? 'true' : 'false';
  return typeof cell === 'string' ? cell : displayText(cell);
}

// ---- Dates and date-times ------------------------------------------------------------------

function dateNormalizer(datetime: boolean, monthFirst: boolean): CellNormalizer {
  // The checker reads dates day-first unless the column is month-first (YMD values give the
  // same instant on both sides). A date column also takes date-time values here: a time that
  // is not midnight is written in full rather than dropped (see dateText).
  const bits = monthFirst ? T_MDY : T_DMY;
  return (cell) => {
    if (typeof cell === 'string') {
      if (isBlank(cell)) return '';
      const key = classifyDate(cell);
      if (key === 0 || (key & bits) === 0) return cell;
      // Most files already write ISO: the key alone says the text is (nearly) the output, which
      // saves formatting the instant again (about half the time of a date column).
      if (key === ISO_DATE) return datetime ? cell + 'T00:00:00' : cell;
      if (datetime && cell.length === 19) {
        if (key === ISO_DATETIME_T) return cell;
        if (key === ISO_DATETIME_SPACE) return cell.slice(0, 10) + 'T' + cell.slice(11);
      }
      const a = readings.a;
      const b = readings.b;
      const ms = monthFirst ? (b === b ? b : a) : a === a ? a : b;
      const zoned = ((patternOf(key) >>> P_ZONE_SHIFT) & 3) !== 0;
      return dateText(ms, datetime, zoned);
    }
    if (isMissing(cell)) return '';
    if (typeof cell === 'object') return typedDate(cell, datetime);
    return displayText(cell);
  };
}

/**
 * Keys of "yyyy-mm-dd", "yyyy-mm-ddThh:mm:ss" and "yyyy-mm-dd hh:mm:ss" (no zone): padded,
 * year first, "-" between. With 10 / 19 characters the text can be nothing else (an hour
 * written with one digit makes it 18).
 */
const ISO_DATE = dateKey(D_DMY | D_MDY | T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED);
const ISO_DATETIME_T = dateKey(T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED | (2 << P_TIME_SHIFT));
const ISO_DATETIME_SPACE = dateKey(T_DMY | T_MDY, P_YEAR_FIRST | P_PADDED | (2 << P_TIME_SHIFT) | P_TIME_SPACE);

/** A spreadsheet date: wall-clock time, no zone. */
function typedDate(cell: DateCell, datetime: boolean): string {
  const ms = cell.epochMs;
  // Readers give whole milliseconds; anything else cannot be written exactly, so keep it as shown.
  if (!Number.isSafeInteger(ms)) return displayText(cell);
  return dateText(ms, datetime, false);
}

/**
 * Date-time columns: "yyyy-mm-ddThh:mm:ss[.sss]", "Z" after an instant converted from a zone.
 * Date columns: "yyyy-mm-dd", unless that would drop information — a time of day that is not
 * midnight, or a zone (the value names an instant) — then the full date-time form.
 */
function dateText(ms: number, datetime: boolean, zoned: boolean): string {
  if (datetime || zoned || ms % DAY_MS !== 0) return isoText(ms, true, zoned);
  return isoText(ms, false);
}
