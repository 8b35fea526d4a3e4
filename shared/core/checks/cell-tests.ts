// Runs anywhere (pure core).
// The small per-value tests of the checker, written to cost almost nothing on values that pass:
// a char-code test for spaces, and a first-character gate before the personal-data recognisers.

import { isCardNumber, isEmail, isIban, isPhone } from '../metadata/personal-patterns';
import type { PersonalKind } from './check-messages';

/** Whitespace the owner would not see: ASCII controls and space, no-break and the Unicode spaces. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Leading or trailing whitespace on non-blank text: two char codes looked at. */
export function hasOuterSpace(s: string): boolean {
  return isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1));
}

const isLetter = (c: number): boolean => ((c | 0x20) >= 97 && (c | 0x20) <= 122);
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Which kind of personal data a value looks like, or undefined. Each recogniser runs only when
 * the first character can start such a value, so ordinary words cost one or two comparisons.
 */
export function personalKind(s: string): PersonalKind | undefined {
  if (s.length < 6) return undefined;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 32) i++;
  const c = s.charCodeAt(i);
  const digitLike = (c >= 48 && c <= 57) || c === 43 /* + */ || c === 40; /* ( */
  if (digitLike) {
    if (isCardNumber(s)) return 'card';
    if (isPhone(s)) return 'phone';
  }
  if (s.indexOf('@') > 0 && isEmail(s)) return 'email';
  // IBAN: two letters then two digits (country and check digits).
  if (s.length >= 15 && isLetter(c) && isLetter(s.charCodeAt(i + 1)) && isDigitCode(s.charCodeAt(i + 2)) && isIban(s)) return 'iban';
  return undefined;
}
