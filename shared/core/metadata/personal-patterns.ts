// Runs anywhere (pure core).
// Recognisers for values that are personal data. The streaming check engine calls them on every
// cell of large files, so each one is a single linear scan (no backtracking regular expressions)
// with early exits on length, and each adds a checksum where one exists to keep false alarms
// (order numbers, dates, amounts) out.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const LOCAL_SPECIALS = new Set("!#$%&'*+/=?^_`{|}~-".split('').map((c) => c.charCodeAt(0)));

/** An e-mail address as people write them (name@company.com), not every RFC 5322 corner. */
export function isEmail(value: string): boolean {
  const s = value.trim();
  if (s.length < 6 || s.length > 254) return false;
  const at = s.indexOf('@');
  if (at < 1 || at > 64 || at !== s.lastIndexOf('@')) return false;
  // Local part: letters, digits, the allowed specials; dots only between characters.
  let prevDot = true;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
    } else if (isAsciiLetter(c) || isDigit(c) || LOCAL_SPECIALS.has(c) || c >= 128) {
      prevDot = false;
    } else return false;
  }
  if (prevDot) return false;
  // Domain: at least two labels, each 1–63 of letters/digits/dashes, no dash at either end.
  const labels = s.slice(at + 1).split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (label.charCodeAt(0) === 45 || label.charCodeAt(label.length - 1) === 45) return false;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      if (!(isAsciiLetter(c) || isDigit(c) || c === 45 || c >= 128)) return false;
    }
  }
  const tld = labels[labels.length - 1]!;
  if (tld.length < 2) return false;
  // A top-level domain is letters (or an xn-- international name), never all digits.
  return tld.startsWith('xn--') || ![...tld].some((ch) => isDigit(ch.charCodeAt(0)) || ch === '-');
}

const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const THOUSANDS_LIKE = /^[1-9]\d{0,2}([.,' ]\d{3})+([.,]\d+)?$/;
const US_LOCAL = /^\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]\d{4}$/;

/**
 * A telephone number: international (+49 30 1234567, 0049 30 …) or national with a trunk 0
 * (030 1234567, 0171-1234567, +49 (0)30 …) or North-American ((555) 123-4567). Plain integers,
 * amounts with thousands separators and dates are not phone numbers.
 */
export function isPhone(value: string): boolean {
  const s = value.trim();
  if (s.length < 7 || s.length > 30) return false;
  let digits = 0;
  let separators = 0;
  let open = 0;
  let parens = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 43 /* + */) {
      if (i !== 0) return false;
    } else if (c === 40 /* ( */) {
      if (open > 0 || ++parens > 1) return false;
      open++;
    } else if (c === 41 /* ) */) {
      if (open === 0) return false;
      open--;
      separators++;
    } else if (c === 32 || c === 45 || c === 46 || c === 47) {
      // A separator may not follow another one (except after a closing bracket).
      const p = s.charCodeAt(i - 1);
      if (p === 32 || p === 45 || p === 46 || p === 47) return false;
      separators++;
    } else return false;
  }
  if (open !== 0 || digits < 7 || digits > 15) return false;
  if (DATE_LIKE.test(s)) return false;
  const compact = s.replace(/[^\d+]/g, '');
  if (compact.startsWith('+')) return compact.charCodeAt(1) !== 48 && digits >= 8;
  if (compact.startsWith('00')) return compact.charCodeAt(2) !== 48 && digits >= 10;
  if (compact.startsWith('0')) {
    // Digits only with a leading zero also fits zero-padded order numbers: ask for phone length.
    return compact.charCodeAt(1) !== 48 && (separators > 0 ? digits >= 8 : digits >= 10 && digits <= 13);
  }
  if (THOUSANDS_LIKE.test(s)) return false;
  return US_LOCAL.test(s);
}

// IBAN length per country (ISO 13616 registry).
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** An IBAN, printed with or without spaces: right length for its country and mod-97 check = 1. */
export function isIban(value: string): boolean {
  if (value.length > 50) return false;
  const s = value.replace(/ /g, '').toUpperCase();
  const expected = IBAN_LENGTHS[s.slice(0, 2)];
  if (expected === undefined || s.length !== expected) return false;
  if (!isDigit(s.charCodeAt(2)) || !isDigit(s.charCodeAt(3))) return false;
  // Move the first four characters to the end, letters become 10..35, then mod 97 piecewise.
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    if (isDigit(c)) rest = (rest * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + (c - 55)) % 97;
    else return false;
  }
  return rest === 1;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Known issuer ranges: a Luhn-valid number outside them is more likely an id than a card. */
function knownCardPrefix(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16; // Discover
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38) return n >= 14; // Diners Club
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  if (p2 === 62) return n >= 16; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return true; // Maestro
  return false;
}

/** A payment card number: 13–19 digits (spaces or dashes allowed), known issuer, Luhn check. */
export function isCardNumber(value: string): boolean {
  const s = value.trim();
  if (s.length < 13 || s.length > 25) return false;
  let digits = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits += s[i];
    else if ((c === 32 || c === 45) && i > 0 && isDigit(s.charCodeAt(i - 1))) continue;
    else return false;
  }
  if (digits.length < 13 || digits.length > 19) return false;
  return knownCardPrefix(digits) && luhn(digits);
}
