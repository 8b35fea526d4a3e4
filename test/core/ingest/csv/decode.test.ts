import { describe, expect, it } from 'vitest';
import { completeUtf8Length, createDecoder, firstInvalidUtf8, fixWindows1252 } from '../../../../shared/core/ingest/csv/decode';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function randomBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    // Mostly text-like bytes with UTF-8 lead/continuation bytes mixed in.
    const r = seed % 10;
    out[i] = r < 5 ? 0x20 + (seed % 90) : r < 8 ? 0x80 + (seed % 64) : 0xc0 + (seed % 64);
  }
  return out;
}

describe('UTF-8 helpers', () => {
  it('finds the first invalid byte exactly where the standard decoder does', () => {
    for (let seed = 1; seed < 3000; seed++) {
      const bytes = randomBytes(seed, 1 + (seed % 17));
      const bad = firstInvalidUtf8(bytes);
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect(bad === -1, `seed ${seed}`).toBe(valid);
      if (!valid) {
        // The prefix before it decodes cleanly, and the lenient decoder puts U+FFFD right there.
        const prefix = strict.decode(bytes.subarray(0, bad));
        expect(lenient.decode(bytes).slice(0, prefix.length + 1)).toBe(`${prefix}\uFFFD`);
      }
    }
  });

  it('holds back only a character cut at the end', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(completeUtf8Length(new Uint8Array([0x61, ...euro]))).toBe(4);
    expect(completeUtf8Length(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([0x61, 0xf0, 0x9f, 0x98, 0x80]))).toBe(5);
    expect(completeUtf8Length(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([]))).toBe(0);
  });

  it('reports bad bytes per chunk and joins characters split across chunks', () => {
    const dec = createDecoder('utf-8');
    expect(dec.decode(new Uint8Array([0x61, 0xe2, 0x82]), false)).toEqual({ text: 'a', badAt: -1 });
    expect(dec.decode(new Uint8Array([0xac, 0x62]), false)).toEqual({ text: '€b', badAt: -1 });
    expect(dec.decode(new Uint8Array([0x63, 0xe9, 0x64]), false)).toEqual({ text: 'c\uFFFDd', badAt: 1 });
    // A character cut by the end of the file is bad too.
    expect(dec.decode(new Uint8Array([0x65, 0xc3]), false)).toEqual({ text: 'e', badAt: -1 });
    expect(dec.decode(new Uint8Array(0), true)).toEqual({ text: '\uFFFD', badAt: 0 });
  });
});

describe('Windows-1252', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters, not C1 controls', () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    const text = createDecoder('windows-1252').decode(bytes, true).text;
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    expect(createDecoder('windows-1252').decode(new Uint8Array([0xe9, 0xfc, 0xdf, 0xa3]), true).text).toBe('éüß£');
    expect(fixWindows1252('plain')).toBe('plain');
  });
});
