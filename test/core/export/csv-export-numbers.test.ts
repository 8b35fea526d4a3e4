// Runs anywhere (pure core tests). The fast path's number shortcuts: whatever they let through
// as copied (or trimmed) text must be exactly what the typed path writes, String(Number(text)).
import { describe, expect, it } from 'vitest';
import { canonicalInteger, canonicalNumberEnd } from '../../../shared/core/export/csv-export-numbers';
import { typedValue } from '../../../shared/core/pull/read-endpoint';
import { prng } from './fast-fixtures';

const bytes = (s: string) => new TextEncoder().encode(s);

function randomNumberText(rand: () => number): string {
  const alphabet = '0000123456789-..e';
  const n = 1 + Math.floor(rand() * 24);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

describe('number shortcuts of the CSV fast path', () => {
  it('agree with the typed path on 200,000 random texts', () => {
    const rand = prng(42);
    let copied = 0;
    let trimmed = 0;
    for (let k = 0; k < 200_000; k++) {
      const s = k % 3 === 0 ? (rand() * 10 ** Math.floor(rand() * 30 - 10)).toFixed(Math.floor(rand() * 12)) : randomNumberText(rand);
      const b = bytes(s);
      const end = canonicalNumberEnd(b, 0, b.length);
      if (end > 0) {
        expect([s, s.slice(0, end)]).toEqual([s, String(typedValue(s, { type: 'number' }))]);
        if (end === b.length) copied++;
        else trimmed++;
      }
      if (canonicalInteger(b, 0, b.length)) expect([s, s]).toEqual([s, String(typedValue(s, { type: 'integer' }))]);
    }
    // The shortcuts must actually take most plain numbers, or the fast path is not fast.
    expect(copied).toBeGreaterThan(10_000);
    expect(trimmed).toBeGreaterThan(1_000);
  });

  it('trim trailing zeros and leave the rest to the general writer', () => {
    const end = (s: string) => canonicalNumberEnd(bytes(s), 0, s.length);
    expect(end('79.10')).toBe(4);
    expect(end('3.00')).toBe(1);
    expect(end('12.')).toBe(2);
    expect(end('0.000001')).toBe(8);
    expect(end('0.0000001')).toBe(-1);
    expect(end('-0.00')).toBe(-1);
    expect(end('-0')).toBe(-1);
    expect(end('1e5')).toBe(-1);
    expect(end('.5')).toBe(-1);
    expect(end('1234567890123456')).toBe(-1);
    expect(canonicalInteger(bytes('-0'), 0, 2)).toBe(false);
    expect(canonicalInteger(bytes('007'), 0, 3)).toBe(false);
    expect(canonicalInteger(bytes('-123456789012345'), 0, 16)).toBe(true);
  });
});
