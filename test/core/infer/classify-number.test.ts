import { describe, expect, it } from 'vitest';
import { classifyNumber } from '../../../shared/core/infer/classify-number';
import { intBit, numBit, readings } from '../../../shared/core/infer/value-classes';

/** Styles: 0 "1,234.5", 1 "1 234.5", 2 "1'234.5", 3 "1.234,5", 4 "1 234,5", 5 "1'234,5". */
function read(text: string): { ints: number[]; nums: number[]; a: number; b: number } | null {
  const key = classifyNumber(text);
  if (key === 0) return null;
  const ints: number[] = [];
  const nums: number[] = [];
  for (let s = 0; s < 6; s++) {
    if (key & intBit(s)) ints.push(s);
    if (key & numBit(s)) nums.push(s);
  }
  return { ints, nums, a: readings.a, b: readings.b };
}

describe('classifyNumber', () => {
  it('reads plain whole numbers under every style', () => {
    expect(read('0')).toEqual({ ints: [0, 1, 2, 3, 4, 5], nums: [0, 1, 2, 3, 4, 5], a: 0, b: 0 });
    expect(read('123456')).toMatchObject({ a: 123456, b: 123456 });
    expect(read('-42')).toMatchObject({ a: -42, ints: [0, 1, 2, 3, 4, 5] });
  });

  it('reads -0 as a whole number (zero)', () => {
    const r = read('-0');
    expect(r?.ints).toHaveLength(6);
    expect(r?.a).toBe(0); // -0 == 0
  });

  it('keeps identifiers with leading zeros as text', () => {
    for (const t of ['00123', '0123', '-0123', '00.5', '007,5']) expect(read(t), t).toBeNull();
  });

  it('keeps phone numbers as text', () => {
    for (const t of ['+49 30 1234567', '(555) 123-4567', '555-123-4567', '555 123 4567', '+4930123456', '030 1234567']) {
      expect(read(t), t).toBeNull();
    }
  });

  it('keeps whole numbers beyond 2^53 as text, and accepts the largest safe one', () => {
    expect(read('9007199254740993')).toBeNull(); // 2^53 + 1
    expect(read('9007199254740992')).toBeNull(); // 2^53: not safe any more
    expect(read('12345678901234567890')).toBeNull();
    expect(read('9007199254740991')).toMatchObject({ a: 9007199254740991 });
    expect(read('9,007,199,254,740,993')).toBeNull();
  });

  it('reads 1e5 as a number (not a whole number), with a decimal point only', () => {
    expect(read('1e5')).toEqual({ ints: [], nums: [0, 1, 2], a: 100000, b: NaN });
    expect(read('-2.5E-3')).toMatchObject({ nums: [0, 1, 2], a: -0.0025 });
    expect(read('1e')).toBeNull();
    expect(read('1e999')).toBeNull();
  });

  it('reads US and European numbers by style', () => {
    expect(read('1,234.56')).toEqual({ ints: [], nums: [0], a: 1234.56, b: NaN });
    expect(read('1.234,56')).toEqual({ ints: [], nums: [3], a: NaN, b: 1234.56 });
    expect(read('1 234,56')).toEqual({ ints: [], nums: [4], a: NaN, b: 1234.56 });
    expect(read('1\u00a0234,56')).toEqual({ ints: [], nums: [4], a: NaN, b: 1234.56 });
    expect(read('1\u202f234\u202f567,5')).toMatchObject({ nums: [4], b: 1234567.5 });
    expect(read("1'234.56")).toEqual({ ints: [], nums: [2], a: 1234.56, b: NaN });
    expect(read('1,234,567')).toEqual({ ints: [0], nums: [0, 3, 4, 5].filter((s) => s === 0), a: 1234567, b: NaN });
    expect(read('1.234.567')).toEqual({ ints: [3], nums: [3], a: NaN, b: 1234567 });
    expect(read('12,5')).toEqual({ ints: [], nums: [3, 4, 5], a: NaN, b: 12.5 });
    expect(read('1234.5')).toEqual({ ints: [], nums: [0, 1, 2], a: 1234.5, b: NaN });
    expect(read('-1.234,5')).toMatchObject({ nums: [3], b: -1234.5 });
  });

  it('reports "1,234" and "1.234" as fitting both readings', () => {
    expect(read('1,234')).toEqual({ ints: [0], nums: [0, 3, 4, 5], a: 1234, b: 1.234 });
    expect(read('1.234')).toEqual({ ints: [3], nums: [0, 1, 2, 3], a: 1.234, b: 1234 });
    expect(read('0,123')).toEqual({ ints: [], nums: [3, 4, 5], a: NaN, b: 0.123 }); // 0,123 is no thousands grouping
  });

  it('rejects badly grouped digits and stray characters', () => {
    for (const t of ['1,23,456', '12,34,567.8', '1.', '.5', '1..2', '1,,000', '12a', '1-2', '1 000 00', '--1', '-', '1.2.3', '€12', '12%', ' 12', '12 ']) {
      expect(read(t), t).toBeNull();
    }
  });

  it('reads decimals exactly as JavaScript reads the text', () => {
    for (const t of ['0.1', '0.3', '12.34', '9999.99', '-100.005', '123456789.123456']) expect(read(t)?.a, t).toBe(Number(t));
    expect(read('1234567890.123456789')?.a).toBe(1234567890.123456789);
  });
});
