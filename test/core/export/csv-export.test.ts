// Runs anywhere (pure core tests). "Save as CSV" for a pulled product: quoting, delimiters,
// BOM, decimal mark, chunking, and that no value can come out as a formula.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_CHUNK_CHARS, csvExportChunks, type CsvExportOptions } from '../../../shared/core/export/csv-export';
import type { PulledBatch, PulledColumn, PulledValue } from '../../../shared/core/pull/read-endpoint';
import { CancelledError } from '../../../shared/core/result';

const col = (name: string, type: PulledColumn['type']): PulledColumn => ({ name, type, required: false });

async function* batchesOf(rows: PulledValue[][], size = 2): AsyncIterable<PulledBatch> {
  for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size), rowsDone: Math.min(rows.length, i + size) };
}

async function exportBytes(columns: PulledColumn[], rows: PulledValue[][], opts: CsvExportOptions): Promise<{ bytes: Uint8Array; chunks: Uint8Array[] }> {
  const chunks: Uint8Array[] = [];
  for await (const c of csvExportChunks(columns, batchesOf(rows), opts)) chunks.push(c);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, chunks };
}

async function exportText(columns: PulledColumn[], rows: PulledValue[][], opts: CsvExportOptions): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode((await exportBytes(columns, rows, opts)).bytes);
}

const parse = (text: string, delimiter: string): string[][] => {
  const r = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: false });
  expect(r.errors).toEqual([]);
  return r.data.filter((row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === ''));
};

describe('csvExportChunks: layout', () => {
  const columns = [col('id', 'integer'), col('name', 'string'), col('amount', 'number'), col('ok', 'boolean'), col('day', 'date'), col('at', 'timestamp')];
  const rows: PulledValue[][] = [
    [1, 'Smith, John', 1.5, true, { kind: 'date', iso: '2025-03-04' }, { kind: 'datetime', iso: '2025-03-04T10:15:00Z' }],
    [2, 'say "hi"', -0.25, false, null, null],
    [3, 'two\nlines', 1000000, null, null, null],
    [4, 'semi;colon', null, null, null, null],
  ];

  it('comma: RFC 4180 quoting, CRLF, ISO dates, true/false, empty for null', async () => {
    const text = await exportText(columns, rows, { delimiter: ',', bom: false });
    expect(text).toBe(
      'id,name,amount,ok,day,at\r\n' +
        '1,"Smith, John",1.5,true,2025-03-04,2025-03-04T10:15:00Z\r\n' +
        '2,"say ""hi""",-0.25,false,,\r\n' +
        '3,"two\nlines",1000000,,,\r\n' +
        '4,semi;colon,,,,\r\n',
    );
    expect(parse(text, ',')[1]).toEqual(['1', 'Smith, John', '1.5', 'true', '2025-03-04', '2025-03-04T10:15:00Z']);
  });

  it('semicolon: decimal comma by default, the semicolon is what gets quoted', async () => {
    const text = await exportText(columns, rows, { delimiter: ';', bom: false });
    const lines = text.split('\r\n');
    expect(lines[1]).toBe('1;Smith, John;1,5;true;2025-03-04;2025-03-04T10:15:00Z');
    expect(lines[2]).toBe('2;"say ""hi""";-0,25;false;;');
    expect(text).toContain('4;"semi;colon";;;;\r\n');
    expect(parse(text, ';')[4]).toEqual(['4', 'semi;colon', '', '', '', '']);
  });

  it('semicolon with a decimal point when asked, comma with a decimal comma (then quoted)', async () => {
    expect((await exportText(columns, rows, { delimiter: ';', bom: false, decimal: '.' })).split('\r\n')[1]).toContain(';1.5;');
    const text = await exportText(columns, rows, { delimiter: ',', bom: false, decimal: ',' });
    expect(text.split('\r\n')[1]).toBe('1,"Smith, John","1,5",true,2025-03-04,2025-03-04T10:15:00Z');
    expect(parse(text, ',')[2]![2]).toBe('-0,25');
  });

  it('BOM first only when asked', async () => {
    const withBom = (await exportBytes(columns, rows, { delimiter: ',', bom: true })).bytes;
    expect([...withBom.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'i'.charCodeAt(0)]);
    const without = (await exportBytes(columns, rows, { delimiter: ',', bom: false })).bytes;
    expect(without[0]).toBe('i'.charCodeAt(0));
  });

  it('pads short rows, drops extra values, keeps a row whose only value is empty', async () => {
    expect(await exportText([col('a', 'string'), col('b', 'string')], [['x'], ['y', 'z', 'extra']], { delimiter: ',', bom: false })).toBe('a,b\r\nx,\r\ny,z\r\n');
    expect(await exportText([col('a', 'string')], [[null], ['v']], { delimiter: ',', bom: false })).toBe('a\r\n""\r\nv\r\n');
  });

  it('an empty product is just the header', async () => {
    expect(await exportText(columns, [], { delimiter: ',', bom: true })).toBe('\uFEFFid,name,amount,ok,day,at\r\n');
  });
});

describe('csvExportChunks: nothing can become a formula', () => {
  const columns = [col('text', 'string'), col('number', 'number')];
  it.each([
    ['=1+1\nnote', "\"'=1+1\nnote\""],
    ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['\r=1+1', "\"'\r=1+1\""],
    ['\n=1+1', "\"'\n=1+1\""],
    ['  =HYPERLINK("http://x","y")', "\"'  =HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\u0001=1', "'\u0001=1"],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
    ["'already quoted", "'already quoted"],
    ['a=1', 'a=1'],
  ])('text %j is written as %j', async (value, expected) => {
    const text = await exportText(columns, [[value, null]], { delimiter: ',', bom: false });
    expect(text).toBe(`text,number\r\n${expected},\r\n`);
  });

  it('numbers are numbers: -1 stays -1, never prefixed', async () => {
    const text = await exportText(columns, [['-1', -1], [null, -5.5], [null, 1e21], [null, Infinity], [null, -Infinity], [null, NaN]], { delimiter: ',', bom: false });
    expect(text.split('\r\n').slice(1, -1)).toEqual(["'-1,-1", ',-5.5', ',1e+21', ',Infinity', ",'-Infinity", ',']);
  });

  it('header names and date texts are checked too', async () => {
    const text = await exportText([col('=cmd', 'string'), col('d', 'date')], [[null, { kind: 'date', iso: '=1+1' }]], { delimiter: ',', bom: false });
    expect(text).toBe("'=cmd,d\r\n,'=1+1\r\n");
  });
});

describe('csvExportChunks: streaming', () => {
  it('yields chunks of about 64 KB that decode to the same text, multi-byte characters intact', async () => {
    const columns = [col('id', 'integer'), col('text', 'string')];
    const rows: PulledValue[][] = [];
    for (let i = 0; i < 20_000; i++) rows.push([i, `Zürich – 東京 ${i} "q"`]);
    const { bytes, chunks } = await exportBytes(columns, rows, { delimiter: ',', bom: true });
    expect(chunks.length).toBeGreaterThan(5);
    // Every chunk but the last holds at least the target and at most one more line.
    for (const c of chunks.slice(0, -1)) {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(c);
      expect(text.length).toBeGreaterThanOrEqual(CSV_CHUNK_CHARS);
      expect(text.length).toBeLessThan(CSV_CHUNK_CHARS + 100);
      expect(text.endsWith('\r\n')).toBe(true);
    }
    const data = parse(new TextDecoder().decode(bytes), ',');
    expect(data).toHaveLength(20_001);
    expect(data[12_345]).toEqual(['12344', 'Zürich – 東京 12344 "q"']);
  });

  it('stops with CancelledError when cancelled', async () => {
    const controller = new AbortController();
    const rows: PulledValue[][] = Array.from({ length: 10 }, (_, i) => [i]);
    const seen: Uint8Array[] = [];
    const run = async () => {
      let n = 0;
      async function* slow(): AsyncIterable<PulledBatch> {
        for (const r of rows) {
          if (++n === 3) controller.abort();
          yield { rows: [r], rowsDone: n };
        }
      }
      for await (const c of csvExportChunks([col('n', 'integer')], slow(), { delimiter: ',', bom: false, signal: controller.signal })) seen.push(c);
    };
    await expect(run()).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toHaveLength(0);
  });
});
