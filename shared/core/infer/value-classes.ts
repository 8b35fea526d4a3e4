// Runs anywhere (pure core).
// Every non-empty cell falls into one "value class": a small integer key saying what kind of
// value it is (number, date, yes/no word, text, spreadsheet error) and which column-wide
// readings it fits (decimal comma or point, day/month or month/day). A column keeps a count and
// the first few rows per class, so after ONE pass the column type, the reading and the values
// that do not fit it all follow from a handful of classes instead of a second read of the file.

/** Bits 20+ of a key: the kind of value. */
export const KIND_SHIFT = 20;
export const K_NUM = 1;
export const K_DATE = 2;
export const K_BOOL = 3;
export const K_TEXT = 4;
export const K_ERROR = 5;

export function kindOf(key: number): number {
  return key >>> KIND_SHIFT;
}

// ---- Numbers -------------------------------------------------------------------------------
// A number written as text can be read under six column-wide styles (decimal separator ×
// thousands separator). A value without any separator fits all of them. For each style a key
// has an "is a whole number" bit (0–5) and an "is a number" bit (6–11); bits 12–15 record which
// separator characters the value used, bit 16 marks the plain values 0 and 1.

/** Separator kinds as they appear inside a written number. */
export const SEP_COMMA = 1;
export const SEP_DOT = 2;
/** Space, no-break space (U+00A0) and narrow no-break space (U+202F). */
export const SEP_SPACE = 4;
/** Apostrophe (') and right single quotation mark (’), the Swiss thousands separator. */
export const SEP_APOS = 8;

export interface NumberStyle {
  readonly decimal: '.' | ',';
  readonly decimalKind: number;
  readonly thousandsKind: number;
}

/** Order matters: ties between styles are broken toward the lower index (decimal point first). */
export const NUMBER_STYLES: readonly NumberStyle[] = [
  { decimal: '.', decimalKind: SEP_DOT, thousandsKind: SEP_COMMA },
  { decimal: '.', decimalKind: SEP_DOT, thousandsKind: SEP_SPACE },
  { decimal: '.', decimalKind: SEP_DOT, thousandsKind: SEP_APOS },
  { decimal: ',', decimalKind: SEP_COMMA, thousandsKind: SEP_DOT },
  { decimal: ',', decimalKind: SEP_COMMA, thousandsKind: SEP_SPACE },
  { decimal: ',', decimalKind: SEP_COMMA, thousandsKind: SEP_APOS },
];
export const STYLE_COUNT = 6;
/** Styles 0–2 read "." as the decimal point (side A), 3–5 read "," (side B). */
export const FIRST_COMMA_STYLE = 3;

export const intBit = (style: number): number => 1 << style;
export const numBit = (style: number): number => 1 << (6 + style);
/** "is a number" bits of the decimal-point styles and of the decimal-comma styles. */
export const NUM_SIDE_A = 0x1c0;
export const NUM_SIDE_B = 0xe00;
export const NUM_FLAG_01 = 1 << 16;

export function numberKey(mask: number, sepKinds: number): number {
  return (K_NUM << KIND_SHIFT) | (sepKinds << 12) | mask;
}
export const numMaskOf = (key: number): number => key & 0xfff;
export const sepKindsOf = (key: number): number => (key >>> 12) & 0xf;

/** Digits only: a whole number under every style. */
export const NUM_PLAIN = numberKey(0xfff, 0);
/** The plain values 0 and 1: whole numbers, and yes/no when the owner sets the column to Yes/No. */
export const NUM_PLAIN_01 = NUM_PLAIN | NUM_FLAG_01;
/** A typed spreadsheet number with a fraction (or beyond 2^53): a number under every style. */
export const NUM_TYPED_FRACTION = numberKey(0xfc0, 0);

// ---- Dates ---------------------------------------------------------------------------------
// Bits 0–3: fits as a date when read day-first / month-first, fits as a date-time when read
// day-first / month-first (a date also fits a date-time column). Bits 4–15: how it is written.

export const D_DMY = 1;
export const D_MDY = 2;
export const T_DMY = 4;
export const T_MDY = 8;

/** Pattern bits (stored shifted left by 4 in the key). */
export const P_YEAR_FIRST = 1;
export const P_SEP_SHIFT = 1; // 2 bits: 0 "-", 1 "/", 2 "."
export const P_PADDED = 1 << 3;
export const P_TIME_SHIFT = 4; // 2 bits: 0 none, 1 hh:mm, 2 hh:mm:ss, 3 hh:mm:ss.fff
export const P_TIME_SPACE = 1 << 6; // date and time separated by a space rather than "T"
export const P_ZONE_SHIFT = 7; // 2 bits: 0 none, 1 "Z", 2 "+hh:mm"
export const P_AMPM = 1 << 9;
/** Day and month are the same number (05/05/2025): both readings give the same date. */
export const P_SAME_DM = 1 << 10;
/** A typed spreadsheet date (Excel serial date), not text. */
export const P_TYPED = 1 << 11;

export function dateKey(dateMask: number, pattern: number): number {
  return (K_DATE << KIND_SHIFT) | (pattern << 4) | dateMask;
}
export const dateMaskOf = (key: number): number => key & 0xf;
export const patternOf = (key: number): number => (key >>> 4) & 0xfff;

// ---- Yes/no words, text, errors ------------------------------------------------------------

/** Word pairs accepted as yes/no (case-insensitive). Index 6 is a typed spreadsheet TRUE/FALSE. */
export const BOOLEAN_WORDS: readonly (readonly [string, string])[] = [
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['ja', 'nein'],
  ['oui', 'non'],
  ['wahr', 'falsch'],
  ['TRUE', 'FALSE'],
];
export const TYPED_BOOLEAN_PAIR = 6;

export function booleanKey(pair: number, value: boolean): number {
  return (K_BOOL << KIND_SHIFT) | (pair << 1) | (value ? 1 : 0);
}
export const booleanPairOf = (key: number): number => (key >>> 1) & 0xf;
export const booleanValueOf = (key: number): boolean => (key & 1) === 1;

export const TEXT_KEY = K_TEXT << KIND_SHIFT;
export const ERROR_KEY = K_ERROR << KIND_SHIFT;

/**
 * Where a classifier leaves the value it read, so the hot path allocates nothing.
 * Numbers: a = reading with a decimal point, b = reading with a decimal comma.
 * Dates: a = day-first reading, b = month-first reading (epoch ms, wall clock as UTC).
 * NaN where that reading does not fit.
 */
export const readings = { a: NaN, b: NaN };
