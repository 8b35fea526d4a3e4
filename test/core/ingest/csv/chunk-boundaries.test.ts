// The same bytes streamed in chunks of 1, 2, 3 and 7 bytes must give exactly what one big chunk
// gives: this catches state lost at a boundary (CRLF split, "" split, a UTF-8 or UTF-16 character
// split, a quote opening at a chunk's last byte).
import { describe, expect, it } from 'vitest';
import { readAll } from './read-all';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string, bom: boolean): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
};

const CASES: Record<string, Uint8Array> = {
  crlf: utf8('a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n'),
  cr: utf8('a;b\r1;2\r\r3;4'),
  mixed: utf8('a|b\r\n1|2\n3|4\r5|6\r\n'),
  quotes: utf8('k,v\n"a ""quoted"" word","x\r\ny"\n"",""""\n"end"'),
  quotedNewlines: utf8('h1,h2\n"line1\r\nline2\rline3\nline4",z\n\n"q",1\n'),
  multibyte: utf8('naïve,café,€,😀\n日本,"ü\nß",𝄞x,e\u0301\n'),
  bomUtf8: utf8('\uFEFFname,city\nZoë,Zürich\n'),
  utf16: utf16le('\uFEFFname\tcity\r\nZoë\tZürich 😀\r\n"a\tb"\tc\r\n', false),
  utf16NoBom: utf16le('name,city\nZoë,Zürich\nx,y\n', false),
  windows1252: new Uint8Array([...utf8('name;price\n'), 0x43, 0x61, 0x66, 0xe9, 0x3b, 0x80, 0x35, 0x0a, 0x93, 0x71, 0x94, 0x3b, 0x31, 0x0a]),
  unterminatedMiddle: utf8('a,b\n1,"abc\n2,x\n3,"q"\n4,z\n'),
  unterminatedEnd: utf8('a,b\r\n1,2\r\n3,"never closed\r\n4,5'),
  textAfterQuote: utf8('a,b\n"ab"c,d\n"x"\r\n'),
  blankAndCommas: utf8('\n\n,,,\n \n\r\n'),
  escapedQuoteAtEnd: utf8('a\n""""'),
};
// UTF-16 with BOM from the table above (the helper writes none), built separately.
CASES.utf16Bom = utf16le('name,city\nZoë,Zürich\n', true);

describe('CSV chunk boundaries', () => {
  for (const [name, bytes] of Object.entries(CASES)) {
    it(`reads "${name}" identically in chunks of 1, 2, 3 and 7 bytes`, async () => {
      const whole = await readAll(bytes, `${name}.csv`);
      expect(whole.rows.length).toBeGreaterThan(0);
      for (const size of [1, 2, 3, 7]) {
        const chunked = await readAll(bytes, `${name}.csv`, size);
        expect(chunked.source.encoding).toBe(whole.source.encoding);
        expect(chunked.source.delimiter).toBe(whole.source.delimiter);
        expect(chunked.rows, `chunk size ${size}`).toEqual(whole.rows);
        expect(chunked.problems, `chunk size ${size}`).toEqual(whole.problems);
      }
    });
  }

  it('decodes the cases as expected in one chunk', async () => {
    const cells = async (name: string): Promise<unknown[][]> => (await readAll(CASES[name]!, `${name}.csv`)).rows.map((r) => r.cells);
    expect(await cells('multibyte')).toEqual([
      ['naïve', 'café', '€', '😀'],
      ['日本', 'ü\nß', '𝄞x', 'e\u0301'],
    ]);
    expect(await cells('utf16')).toEqual([
      ['name', 'city'],
      ['Zoë', 'Zürich 😀'],
      ['a\tb', 'c'],
    ]);
    expect(await cells('windows1252')).toEqual([
      ['name', 'price'],
      ['Café', '€5'],
      ['\u201Cq\u201D', '1'],
    ]);
    expect(await cells('bomUtf8')).toEqual([
      ['name', 'city'],
      ['Zoë', 'Zürich'],
    ]);
    expect(await cells('escapedQuoteAtEnd')).toEqual([['a'], ['"']]);
  });
});

describe('CSV chunk boundaries on malformed input', () => {
  const ALPHABET = ['a', '1', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '😀', '"\n', '\n"'];
  for (let seed = 1; seed <= 30; seed++) {
    it(`reads random malformed text #${seed} the same in any chunking, with rising row numbers`, async () => {
      let s = seed;
      const rand = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      let text = '';
      for (let i = 0; i < 300; i++) text += ALPHABET[Math.floor(rand() * ALPHABET.length)];
      const bytes = utf8(text);
      const whole = await readAll(bytes, 'm.csv');
      for (let i = 1; i < whole.rows.length; i++) {
        expect(whole.rows[i]!.row).toBeGreaterThan(whole.rows[i - 1]!.row);
        expect(whole.rows[i]!.line!).toBeGreaterThan(whole.rows[i - 1]!.line!);
      }
      // Every character of the input ends up in some cell or is a delimiter, quote or line break.
      const kept = whole.rows.flatMap((r) => r.cells).join('').replace(/[",;\r\n]/g, '');
      expect(kept).toBe(text.replace(/[",;\r\n]/g, ''));
      for (const size of [1, 2, 3, 7]) {
        const chunked = await readAll(bytes, 'm.csv', size);
        expect(chunked.rows, `chunk size ${size}`).toEqual(whole.rows);
        expect(chunked.problems, `chunk size ${size}`).toEqual(whole.problems);
      }
    });
  }
});
