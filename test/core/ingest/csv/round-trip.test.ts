// Random tables written as valid CSV (quoting what needs it, mixing line endings) must read back
// exactly, with the right row and line numbers, whatever the chunk size.
import { describe, expect, it } from 'vitest';
import { readAll } from './read-all';

const PIECES = ['a', 'b', 'Zoë', '€', '😀', ' ', ',', ';', '"', '\n', '\r\n', '\r', '12', '3.5', '', 'x"y'];
const ENDINGS = ['\n', '\r\n', '\r'];

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function breaksIn(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('CSV round trip', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`reads back random table #${seed}`, async () => {
      const rand = rng(seed);
      const delimiter = [',', ';', '\t', '|'][seed % 4]!;
      const width = 1 + Math.floor(rand() * 5);
      const table: string[][] = [];
      for (let r = 0; r < 30; r++) {
        const row: string[] = [];
        for (let c = 0; c < width; c++) {
          let cell = '';
          const parts = Math.floor(rand() * 4);
          for (let k = 0; k < parts; k++) cell += PIECES[Math.floor(rand() * PIECES.length)];
          row.push(cell);
        }
        // A record of one empty cell is a blank line, which is not a row: keep it out.
        if (row.length === 1 && row[0] === '') row[0] = 'z';
        table.push(row);
      }
      // Rows 1 and 2 stay plain so the delimiter is easy to see even in narrow tables.
      if (width > 1) table[0] = table[1] = Array.from({ length: width }, (_, i) => `h${i}`);
      const encodeCell = (v: string): string => (/[",;\t|\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v);
      let text = '';
      const expected: { row: number; line: number; cells: string[] }[] = [];
      let line = 1;
      table.forEach((cells, i) => {
        const record = cells.map(encodeCell).join(delimiter);
        expected.push({ row: i + 1, line, cells });
        line += breaksIn(record) + 1;
        // A CR ending before a record that starts with LF would merge into CRLF: use LF there.
        let ending = ENDINGS[Math.floor(rand() * 3)]!;
        if (ending === '\r' && i + 1 < table.length && table[i + 1]!.map(encodeCell).join(delimiter).startsWith('\n')) ending = '\n';
        text += record + (i + 1 < table.length || rand() < 0.5 ? ending : '');
      });
      for (const chunk of [undefined, 1, 5, 64]) {
        const r = await readAll(text, 'rt.csv', chunk);
        if (width > 1) expect(r.source.delimiter).toBe(delimiter);
        expect(r.rows, `chunk ${chunk}`).toEqual(expected);
        expect(r.problems).toEqual([]);
      }
    });
  }
});
