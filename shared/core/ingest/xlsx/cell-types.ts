// Runs anywhere (pure core).
// The cell type codes of sheet XML (the t attribute of <c>) as small integers, so the hot path
// switches on numbers, and shared frozen error values (#N/A, #REF! …) so a column of errors
// allocates nothing per cell.

import type { ErrorCell } from '../types';

// Cell types (the t attribute) as small integers for a cheap switch.
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_DATE = 6;

export function typeCode(t: string | undefined): number {
  switch (t) {
    case undefined: case 'n': return T_NUMBER;
    case 's': return T_SHARED;
    case 'str': return T_STR;
    case 'inlineStr': return T_INLINE;
    case 'b': return T_BOOL;
    case 'e': return T_ERROR;
    case 'd': return T_DATE;
    default: return T_STR; // unknown type: keep the text rather than guess
  }
}

// Excel's error values; anything else in an error cell is kept, cut to a sane length.
const KNOWN_ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];
const errorCells = new Map<string, ErrorCell>(KNOWN_ERRORS.map((code) => [code, Object.freeze({ kind: 'error' as const, code })]));

export function errorCell(text: string): ErrorCell {
  const code = text.trim() || '#N/A';
  return errorCells.get(code) ?? Object.freeze({ kind: 'error' as const, code: code.slice(0, 32) });
}
