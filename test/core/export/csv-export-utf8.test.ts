// Runs anywhere (pure core tests). The fast path's in-place UTF-8 check must accept and refuse
// exactly what the general path's fatal TextDecoder does.
import { describe, expect, it } from 'vitest';
import { utf8Sequence } from '../../../shared/core/export/csv-export-utf8';
import { prng } from './fast-fixtures';

/** Whole buffer valid by utf8Sequence: ASCII bytes pass, others must form complete characters. */
function validByScanner(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; ) {
    if (b[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8Sequence(b, i, b.length);
    if (n <= 0) return false;
    i += n;
  }
  return true;
}

function validByDecoder(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('utf8Sequence', () => {
  it('agrees with the fatal TextDecoder on 300,000 random byte strings', () => {
    const rand = prng(7);
    // Bytes near every boundary of the rules, and plain ones.
    const bytes = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    let valid = 0;
    for (let k = 0; k < 300_000; k++) {
      const b = new Uint8Array(1 + Math.floor(rand() * 6)).map(() => bytes[Math.floor(rand() * bytes.length)]!);
      const expected = validByDecoder(b);
      if (validByScanner(b) !== expected) throw new Error(`disagree on ${Array.from(b, (x) => x.toString(16)).join(' ')}: decoder says ${expected}`);
      if (expected) valid++;
    }
    expect(valid).toBeGreaterThan(5_000);
  });

  it('says when a character is cut at the end of what is there', () => {
    const euro = new TextEncoder().encode('€');
    expect(utf8Sequence(euro, 0, 3)).toBe(3);
    expect(utf8Sequence(euro, 0, 2)).toBe(0);
    expect(utf8Sequence(new Uint8Array([0xed, 0xa0, 0x80]), 0, 3)).toBe(-1); // a surrogate
    expect(utf8Sequence(new Uint8Array([0xc0, 0x80]), 0, 2)).toBe(-1); // overlong
  });
});
