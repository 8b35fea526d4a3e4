import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../../shared/core/publish/csv-text';
import { cellsOf, readAll } from '../ingest/csv/read-all';

describe('csvField', () => {
  it('leaves plain text, spaces, digits and other punctuation unquoted and unchanged', () => {
    for (const s of ['', 'abc', ' padded  ', '00123', '12345678901234567890', 'a;b|c\td', "it's", 'Zoë — 1’234', '=1+1', '\u00a0']) {
      expect(csvField(s), JSON.stringify(s)).toBe(s);
    }
  });

  it('quotes a field holding a comma', () => {
    expect(csvField('Smith, John')).toBe('"Smith, John"');
    expect(csvField(',')).toBe('","');
  });

  it('quotes a field holding a double quote and doubles every quote', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });

  it('quotes a field holding CR or LF, keeping the line breaks as they are', () => {
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });
});

describe('csvRecord', () => {
  it('joins fields with commas and ends the record with CRLF', () => {
    expect(csvRecord(['a', 'b', 'c'])).toBe('a,b,c\r\n');
    expect(csvRecord(['1', '', 'x,y', 'q"q'])).toBe('1,,"x,y","q""q"\r\n');
    expect(csvRecord(['only'])).toBe('only\r\n');
    expect(csvRecord(['', ''])).toBe(',\r\n');
  });

  const tricky = [
    ['id', 'name', 'note', 'amount'],
    ['00123', 'Smith, John', 'said "no"', '1234.5'],
    ['2', ' spaced ', 'two\nlines', ''],
    ['3', '"', 'cr\ronly', '-0.5'],
    ['4', 'crlf\r\ninside', ',,,', '1e5'],
    ['5', 'Zoë', '😀 emoji', '12345678901234567890'],
  ];
  const text = tricky.map(csvRecord).join('');

  it('is read back field for field by Mesh Desk’s own CSV reader', async () => {
    const r = await readAll(text, 'part.csv');
    expect(cellsOf(r)).toEqual(tricky);
    expect(r.source.delimiter).toBe(',');
    expect(r.problems).toEqual([]);
  });

  it('is read back field for field by papaparse', () => {
    const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(tricky);
    expect(parsed.meta.linebreak).toBe('\r\n');
  });

  it('writes the csv-spectrum suite’s records so that they read back as the suite expects', async () => {
    const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
    for (const name of ['comma_in_quotes', 'escaped_quotes', 'newlines', 'quotes_and_newlines', 'json', 'utf8']) {
      const json = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8')) as Record<string, string> | Record<string, string>[];
      const objects = Array.isArray(json) ? json : [json];
      const header = Object.keys(objects[0]!);
      const written = csvRecord(header) + objects.map((o) => csvRecord(header.map((h) => o[h] ?? ''))).join('');
      const r = await readAll(written, `${name}.csv`);
      const [head, ...body] = cellsOf(r) as string[][];
      expect(head, name).toEqual(header);
      expect(body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))), name).toEqual(objects);
    }
  });
});
