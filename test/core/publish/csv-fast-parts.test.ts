// Test. The CSV fast path must write exactly what the general path writes — byte for byte — or
// give up and say why. Differential: every case (and a few thousand random lines) is written
// both ways from the same inspection and the parts are compared.

import { describe, expect, it } from 'vitest';
import { openSource } from '../../../shared/core/ingest/open-source';
import { bytesSource } from '../../../shared/core/ingest/types';
import { inspectFile } from '../../../shared/core/inspect/inspect';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import { ProblemCollector } from '../../../shared/core/problems';
import { writeCsvPartsFast } from '../../../shared/core/publish/csv-fast-parts';
import { cellNormalizer, type NormalizeColumn } from '../../../shared/core/publish/normalize-cell';
import { writeParts } from '../../../shared/core/publish/part-writer';
import { mulberry32 } from '../../../shared/core/profile/accumulator';

function memoryStore(): MeshStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    url: 'memory:',
    files,
    async put(key, body) {
      if (body instanceof Uint8Array) files.set(key, body.slice());
      else {
        const parts: Uint8Array[] = [];
        for await (const c of body) parts.push(c.slice());
        files.set(key, Buffer.concat(parts));
      }
      return { etag: key };
    },
    head: async () => null,
    get: async () => null,
    getStream: async () => null,
    async *list() {},
    delete: async (k) => void files.delete(k),
    check: async () => undefined,
  };
}

const text = (files: Map<string, Uint8Array>) => [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}\n${new TextDecoder().decode(v)}`).join('\n----\n');

/** Both ways from one inspection; returns the fast outcome and both outputs. */
async function bothWays(csv: string | Uint8Array, opts: { partRows?: number; types?: Record<number, NormalizeColumn['type']>; headerRow?: number } = {}) {
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  const source = bytesSource('data.csv', bytes, 1000); // small chunks: lines cut across chunk ends
  const inspected = await inspectFile(source, { fileName: 'data.csv', previewRows: 0, ...(opts.types ? { typeOverrides: opts.types } : {}), ...(opts.headerRow ? { headerRow: opts.headerRow } : {}) });
  if (!inspected.ok) throw new Error(inspected.error.message);
  const sheet = inspected.value.sheets[0]!;
  const columns: NormalizeColumn[] = sheet.columns.map((c) => ({ type: c.type, ...(c.format ? { format: c.format } : {}) }));
  const normalizers = columns.map((c) => cellNormalizer(c));
  const common = { header: sheet.columns.map((c) => c.name), partRows: opts.partRows ?? 7, keyFor: (n: number) => `p${n}` };
  const fastStore = memoryStore();
  const fast = await writeCsvPartsFast({ ...common, store: fastStore, bytes: source, headerRow: sheet.headerRow, columns, normalizers });
  const slowStore = memoryStore();
  const opened = await openSource(source, 'data.csv');
  const slow = await writeParts({ ...common, store: slowStore, rows: opened.rows(sheet.name, { problems: new ProblemCollector() }), headerRow: sheet.headerRow, normalizers });
  await opened.close();
  expect(slow.rows).toBe(sheet.rows);
  return { fast, fastText: text(fastStore.files), slowText: text(slowStore.files), slow, report: inspected.value };
}

async function same(csv: string | Uint8Array, opts: Parameters<typeof bothWays>[1] = {}) {
  const r = await bothWays(csv, opts);
  expect(r.fast.ok, r.fast.ok ? '' : r.fast.reason).toBe(true);
  expect(r.fastText).toBe(r.slowText);
  if (r.fast.ok) expect(r.fast.written.rows).toBe(r.slow.rows);
  return r;
}

describe('CSV fast path = general path', () => {
  it('a typical export: ids, ISO dates, date-times, decimals, text, yes/no, empty notes, leading zeros', async () => {
    const lines = ['order_id,order_date,created_at,amount,quantity,category,paid,note,code,discount'];
    for (let i = 1; i <= 40; i++) lines.push(`${i},2023-01-${String((i % 28) + 1).padStart(2, '0')},2023-01-23 0${i % 10}:40:35,${i * 13}.${i % 100},${i % 9},Travel ${i},${i % 2 ? 'true' : 'false'},${i % 3 ? '' : 'late'},0${i}7,1${i % 10}.0%`);
    const r = await same(`${lines.join('\n')}\n`);
    expect(r.fastText).toContain('2023-01-23T01:40:35');
  });

  it('blank lines, whitespace lines, ",,," lines, trailing empty values, short rows, CRLF, no final newline, a BOM', async () => {
    await same('\uFEFFa,b,c\r\n1,x,2024-01-02\r\n\r\n   \r\n,,\r\n2,y,2024-01-03,,\r\n3\r\n4,z,2024-01-05');
  });

  it('title lines above the header', async () => {
    await same('Sales report\nExported 2026\n\nid,name\n1,a\n2,b\n', { headerRow: 4 });
  });

  it('numbers the normalizer rewrites or keeps: -0, -0.0, 007, 1e5, 16 digits, spaces, +1', async () => {
    const rows = ['-0', '-0.0', '007', '1e5', '1234567890123456', ' 42', '+1', '3.14', '-2.50', '0', '0.000'];
    await same(`n,t\n${rows.map((v, i) => `${v},r${i}`).join('\n')}\n`, { types: { 0: 'number' } });
    await same(`n,t\n${rows.map((v, i) => `${v},r${i}`).join('\n')}\n`, { types: { 0: 'integer' } });
  });

  it('yes/no words, invalid dates, other date forms, unicode and no-break spaces', async () => {
    await same('b,d,t\ntrue,2024-02-30,Zoë\nfalse,2024-02-28,\u00a0\nyes,05.03.2024,日本\nno,2024-3-5,😀\n', { types: { 0: 'boolean', 1: 'date' } });
  });

  it('quoted values: commas, doubled quotes, needless quotes, quoted numbers, blanks, empties', async () => {
    await same(
      'id,name,amount,when\n' +
        '1,"Smith, Anna",3.5,2024-01-02\n' +
        '2,"say ""hi""","7",2024-01-03\n' +
        '3,"plain","-0","2024-01-04"\n' +
        '4,"  ",1.000,\n' +
        '5,"",,""\n' +
        '6,""""," 3",2024-01-05 10:00:00\n' +
        '7,"a,b,""c""",1e2,"2024-13-01"\n',
      { types: { 2: 'number', 3: 'date' } },
    );
  });

  it('date-times: valid and invalid, with a space or a T, leap days, 24:00, 0000', async () => {
    const values = ['2024-02-29 10:00:00', '2023-02-29 10:00:00', '2024-01-31T10:20:30', '0000-01-01 00:00:00', '2024-01-31 24:00:00', '2024-01-31 10:60:00', '2024-01-31 10:20:59', '2024-01-31', '2024-01-31 10:20', '1899-12-31 23:59:59', '2024-04-31 01:02:03'];
    await same(`at,n\n${values.map((v, i) => `${v},${i}`).join('\n')}\n`, { types: { 0: 'datetime' } });
  });

  it('random lines: the same bytes both ways', async () => {
    const rnd = mulberry32(42);
    const tokens = ['', ' ', '0', '-0', '12', '007', '3.5', '-1.25', '1e3', 'true', 'false', 'yes', '2024-01-31', '2024-13-01', '2024-01-31 10:20:30', '31.01.2024', 'abc', ' abc ', 'Ünï', '\u00a0', '1.000', '99999999999999999',
      '"a,b"', '"q ""x"""', '"12"', '""', '" "', '"2024-01-31"', '"true"', '"Zoë, Ünï"', '"-0"', '"1,5"'];
    for (let round = 0; round < 6; round++) {
      const width = 2 + Math.floor(rnd() * 5);
      const lines = [Array.from({ length: width }, (_, c) => `c${c}`).join(',')];
      for (let r = 0; r < 400; r++) {
        const n = Math.max(1, width - (rnd() < 0.1 ? 1 : 0) + (rnd() < 0.05 ? 2 : 0));
        lines.push(Array.from({ length: n }, (_, c) => (c >= width ? '' : tokens[Math.floor(rnd() * tokens.length)]!)).join(','));
      }
      const eol = round % 2 ? '\r\n' : '\n';
      await same(lines.join(eol) + (round % 3 ? eol : ''), { partRows: 50 + round });
    }
  });
});

describe('CSV fast path gives up, in words, where the general path is needed', () => {
  it.each([
    ['a quoted line break', 'a,b\n1,"x\ny"\n2,z\n', /line break/],
    ['a quote inside a value', 'a,b\n1,ab"c\n', /quote stands inside/],
    ['text after a closing quote', 'a,b\n1,"ab"c\n', /closing quote/],
    ['a bare CR', 'a,b\r1,2\r3,4\n', /CR alone/],
    ['invalid UTF-8', new Uint8Array([...new TextEncoder().encode('a,b\n1,'), 0xff, 0x0a]), /UTF-8/],
  ] as const)('%s', async (_name, csv, why) => {
    const r = await bothWays(csv);
    expect(r.fast.ok).toBe(false);
    if (!r.fast.ok) expect(r.fast.reason).toMatch(why);
  });
});
