import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, CsvTokenizer, MAX_COLUMNS, MAX_QUOTED_LINES } from '../../../../shared/core/ingest/csv/tokenizer';
import { ProblemCollector } from '../../../../shared/core/problems';
import { UserFacingError } from '../../../../shared/core/result';
import { cellsOf, placesOf, readAll } from './read-all';

describe('CSV tokenizer: fields and quotes', () => {
  it('reads quoted fields, doubled quotes and delimiters inside quotes', async () => {
    const r = await readAll('a,b,c\n"x, y","say ""hi""",""\n');
    expect(cellsOf(r)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('keeps a stray quote inside an unquoted field as a plain character', async () => {
    const r = await readAll('name,size\nab"c,12" pipe\n');
    expect(cellsOf(r)).toEqual([
      ['name', 'size'],
      ['ab"c', '12" pipe'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('keeps text after a closing quote and warns once per file with the row', async () => {
    const r = await readAll('a,b\n"ab"c,d\n1,2\n"x"y,"z"\n');
    expect(cellsOf(r)).toEqual([
      ['a', 'b'],
      ['abc', 'd'],
      ['1', '2'],
      ['xy', 'z'],
    ]);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ code: 'csv.text-after-quote', severity: 'warning', row: 2, column: 'A', count: 2 });
    expect(p.message).toContain('row 2');
    expect(p.examples.map((e) => e.row)).toEqual([2, 4]);
  });

  it('yields ",,," as empty cells and keeps whitespace-only lines', async () => {
    const r = await readAll(',,,\n   \n');
    expect(cellsOf(r)).toEqual([['', '', '', ''], ['   ']]);
  });

  it('handles an empty file and a file of blank lines by yielding no rows', async () => {
    expect((await readAll('')).rows).toEqual([]);
    expect((await readAll('\n\r\n\r\n\n')).rows).toEqual([]);
  });
});

describe('CSV tokenizer: rows and lines as Excel numbers them', () => {
  it('counts a quoted line break as part of the row, not a new row', async () => {
    const r = await readAll('a,b\n"x\ny",1\n"p\r\nq\rr",2\n3,4');
    expect(placesOf(r)).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 7],
    ]);
    expect(cellsOf(r)[2]).toEqual(['p\r\nq\rr', '2']);
  });

  it('accepts LF, CRLF, CR and a mix of them, with or without a final line break', async () => {
    const expected = [['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']];
    for (const text of ['a,b\nc,d\ne,f\ng,h', 'a,b\r\nc,d\r\ne,f\r\ng,h\r\n', 'a,b\rc,d\re,f\rg,h\r', 'a,b\r\nc,d\re,f\ng,h\n']) {
      const r = await readAll(text);
      expect(cellsOf(r)).toEqual(expected);
      expect(placesOf(r)).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
    }
  });

  it('skips wholly blank lines but keeps their row numbers', async () => {
    const r = await readAll('Title\n\nh1,h2\r\n\r\n1,2\n\n\n3,4\n');
    expect(cellsOf(r)).toEqual([['Title'], ['h1', 'h2'], ['1', '2'], ['3', '4']]);
    expect(placesOf(r)).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
      [8, 8],
    ]);
  });

  it('keeps row and line apart when a blank line follows a multi-line value', async () => {
    const r = await readAll('"a\n\nb",1\n\n2,3\n');
    expect(placesOf(r)).toEqual([
      [1, 1],
      [3, 5],
    ]);
  });
});

describe('CSV tokenizer: unterminated quotes never swallow the file', () => {
  it('reads on after a quote left open at the end of the file', async () => {
    const r = await readAll('a,b\n1,"unfinished\n2,x\n3,y');
    expect(cellsOf(r)).toEqual([
      ['a', 'b'],
      ['1', '"unfinished'],
      ['2', 'x'],
      ['3', 'y'],
    ]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'csv.unterminated-quote', severity: 'error', row: 2, line: 2, column: 'B' });
    expect(r.problems[0]!.message).toMatch(/row 2.*column B.*never closed/);
  });

  it('does not pair an open quote with a quote several rows later', async () => {
    const r = await readAll('h1,h2\n1,"abc\n2,x\n3,"q"\n4,z\n');
    expect(cellsOf(r)).toEqual([
      ['h1', 'h2'],
      ['1', '"abc'],
      ['2', 'x'],
      ['3', 'q'],
      ['4', 'z'],
    ]);
    expect(r.problems.map((p) => [p.code, p.row, p.line])).toEqual([['csv.unterminated-quote', 2, 2]]);
  });

  it('names the physical line where the quote opened when it differs from the row', async () => {
    const r = await readAll('a\n"x\ny"\n1,"open\n2,b\n');
    expect(cellsOf(r)).toEqual([['a'], ['x\ny'], ['1', '"open'], ['2', 'b']]);
    expect(r.problems[0]).toMatchObject({ code: 'csv.unterminated-quote', row: 3, line: 4 });
    expect(r.problems[0]!.message).toContain('row 3 (line 4 of the file)');
  });

  it(`gives up on a quoted value spanning more than ${MAX_QUOTED_LINES} lines`, async () => {
    const middle = Array.from({ length: MAX_QUOTED_LINES + 5 }, (_, i) => `r${i},${i}`).join('\n');
    const r = await readAll(`h,v\n1,"abc\n${middle}\nend"\nlast,1\n`, 'data.csv', 64 * 1024);
    expect(r.rows).toHaveLength(1 + 1 + MAX_QUOTED_LINES + 5 + 2);
    expect(r.rows[1]!.cells).toEqual(['1', '"abc']);
    expect(r.rows[2]!.cells).toEqual(['r0', '0']);
    expect(r.rows.at(-2)!.cells).toEqual(['end"']);
    expect(r.rows.at(-1)).toEqual({ row: MAX_QUOTED_LINES + 9, line: MAX_QUOTED_LINES + 9, cells: ['last', '1'] });
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['csv.unterminated-quote', 2]]);
  });

  it('gives up on a quoted value longer than 1 MB', async () => {
    const long = 'x'.repeat(1_100_000);
    const r = await readAll(`1,"${long}",2\n3,4\n`, 'data.csv', 256 * 1024);
    expect(r.rows.map((x) => x.cells.length)).toEqual([3, 2]);
    expect(r.rows[0]!.cells[1]).toBe(`"${long}"`);
    expect(r.problems[0]).toMatchObject({ code: 'csv.unterminated-quote', row: 1 });
  });
});

describe('CSV tokenizer: limits', () => {
  it(`keeps the first ${MAX_COLUMNS} values of an over-wide row and warns`, async () => {
    const r = await readAll(`${'v,'.repeat(MAX_COLUMNS + 10)}v\n1,2\n`);
    expect(r.rows[0]!.cells).toHaveLength(MAX_COLUMNS);
    expect(r.rows[1]!.cells).toEqual(['1', '2']);
    expect(r.problems[0]).toMatchObject({ code: 'csv.too-many-columns', severity: 'warning', row: 1 });
  });

  it('refuses a row of more than 16 million characters instead of buffering it', () => {
    const tok = new CsvTokenizer({ delimiter: ',', problems: new ProblemCollector() });
    const piece = 'x'.repeat(1 << 20);
    let error: unknown;
    try {
      for (let i = 0; i < 20; i++) {
        tok.push(piece);
        tok.nextBatch();
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('csv.row-too-long');
    expect((error as UserFacingError).message).toMatch(/^Row 1 is longer than/);
  });

  it(`hands rows out in batches of ${BATCH_ROWS}`, async () => {
    const n = 2 * BATCH_ROWS + 123;
    const text = Array.from({ length: n }, (_, i) => `${i},x`).join('\n');
    const r = await readAll(text);
    expect(r.batches).toEqual([BATCH_ROWS, BATCH_ROWS, 123]);
    expect(r.rows.at(-1)).toEqual({ row: n, line: n, cells: [String(n - 1), 'x'] });
  });
});
