import { describe, expect, it } from 'vitest';
import { isCardNumber, isEmail, isIban, isPhone } from '../../../shared/core/metadata/personal-patterns';

describe('isEmail', () => {
  it.each(['a@b.de', 'joerg.mueller@example.com', ' anna+news@mail.example.co.uk ', "o'brien@firma.ie", 'x_y@sub-domain.example.org', 'info@xn--mnchen-3ya.de'])('accepts %s', (v) => {
    expect(isEmail(v)).toBe(true);
  });
  it.each(['a@b', 'a@b.c', '@example.com', 'anna@', 'anna@@example.com', 'an..na@example.com', '.anna@example.com', 'anna.@example.com', 'anna@-example.com', 'anna@example-.com', 'anna @example.com', 'anna@example.123', 'mailto:anna', `${'a'.repeat(65)}@example.com`, 'not an email'])('rejects %s', (v) => {
    expect(isEmail(v)).toBe(false);
  });
});

describe('isPhone', () => {
  it.each(['+49 30 1234567', '+49 (0)30 1234567', '0049 30 1234567', '030 1234567', '030/1234567', '0171-1234567', '01711234567', '+33 1 23 45 67 89', '+1 555 123 4567', '(555) 123-4567', '555-123-4567', '+44 20 7946 0958'])('accepts %s', (v) => {
    expect(isPhone(v)).toBe(true);
  });
  it.each([
    ['plain integers', '123456789'],
    ['large integers', '4711081512'],
    ['zero-padded order numbers', '00012345'],
    ['short zero-padded ids', '0123456'],
    ['order numbers with letters', 'ORD-12345'],
    ['ISO dates', '2025-03-04'],
    ['German dates', '04.03.2025'],
    ['US dates', '03/04/2025'],
    ['amounts with thousands', '1.234.567'],
    ['amounts with decimals', '1,234,567.89'],
    ['too many digits', '+49 30 1234567890123456'],
    ['nested brackets', '+49 ((30)) 1234567'],
    ['double separators', '030--1234567'],
  ])('rejects %s (%s)', (_what, v) => {
    expect(isPhone(v)).toBe(false);
  });
});

describe('isIban', () => {
  it.each(['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'de89370400440532013000', 'GB29 NWBK 6016 1331 9268 19', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91 ABNA 0417 1643 00', 'CH93 0076 2011 6238 5295 7'])('accepts %s', (v) => {
    expect(isIban(v)).toBe(true);
  });
  it.each([
    ['a wrong check digit', 'DE88 3704 0044 0532 0130 00'],
    ['a changed account digit', 'DE89 3704 0044 0532 0130 01'],
    ['wrong length for DE', 'DE89 3704 0044 0532 0130 0'],
    ['wrong length for GB', 'GB29 NWBK 6016 1331 9268 1'],
    ['FR with a typo', 'FR14 2004 1010 0505 0001 3M02 607'],
    ['an unknown country', 'ZZ89 3704 0044 0532 0130 00'],
    ['letters in the check digits', 'DEAB 3704 0044 0532 0130 00'],
    ['punctuation', 'DE89-3704-0044-0532-0130-00'],
    ['plain text', 'Deutsche Bank'],
  ])('rejects %s', (_what, v) => {
    expect(isIban(v)).toBe(false);
  });
});

describe('isCardNumber', () => {
  it.each(['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '5555 5555 5555 4444', '2223 0031 2200 3222', '3782 822463 10005', '6011 1111 1111 1117', '3530 1113 3330 0000'])('accepts %s', (v) => {
    expect(isCardNumber(v)).toBe(true);
  });
  it.each([
    ['a failed Luhn check', '4111 1111 1111 1112'],
    ['a Luhn-valid number with no card prefix', '1234 5678 9012 3452'],
    ['Visa with the wrong length', '4111 1111 1111 11'],
    ['Amex with 16 digits', '3782 8224 6310 0052'],
    ['too short', '4111 1111 11'],
    ['letters', '4111 1111 1111 111X'],
    ['a leading dash', '-4111111111111111'],
    ['a phone number', '+49 30 1234567'],
  ])('rejects %s', (_what, v) => {
    expect(isCardNumber(v)).toBe(false);
  });
});

describe('speed on hostile input', () => {
  it('stays linear on long near-miss values', () => {
    const hostile = ['a'.repeat(100_000) + '@', `${'a.'.repeat(50_000)}@x`, '1 '.repeat(50_000), '('.repeat(100_000), 'D'.repeat(100_000)];
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      for (const v of hostile) {
        isEmail(v);
        isPhone(v);
        isIban(v);
        isCardNumber(v);
      }
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
