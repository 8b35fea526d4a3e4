// Runs anywhere (pure core tests). The CSV fast path against the general (typed) path over the
// same parts: byte-identical output on varied and on odd-but-readable data, the same refusal
// (code and words) on damaged data, progress and cancelling.
import { describe, expect, it } from 'vitest';
import { csvFastPathApplies } from '../../../shared/core/export/csv-export-fast';
import type { PulledColumn } from '../../../shared/core/pull/read-endpoint';
import { CancelledError } from '../../../shared/core/result';
import { col, fastExport, generalExport, memoryStore, meshOf, openedWith, prng, publishedParts, type Outcome } from './fast-fixtures';

const COLUMNS: PulledColumn[] = [
  col('id', 'integer'), col('amount', 'number'), col('name', 'string'), col('paid', 'boolean'),
  col('day', 'date'), col('at', 'timestamp'), col('note', 'string'),
];

/** Values a published part may hold, per column type, including misfits kept as the owner wrote them. */
const POOL: Record<PulledColumn['type'], string[]> = {
  integer: ['0', '7', '-5', '123456789012345', '1234567890123456', '9007199254740993', '-0', '007', '+5', 'n/a', '', '12.0', '=1+1', '1e3'],
  number: ['0', '1.5', '1.50', '-0.25', '79.10', '3.00', '-0.00', '-0', '12.', '.5', '1e5', '1.5e-3', '0.000001', '0.0000001', '0.00000100',
    '123456789012.345', '1234567890123.456', '100000000000000000000000', '00.5', 'n/a', '', '-', '+1.5', '@5', '1,5'],
  string: ['plain', 'Smith, John', 'say "hi"', 'two\r\nlines', 'one\nline', '=1+1', '=1+1\nnote', "@SUM(1+1)*cmd|' /C calc'!A0", '\t=1+1', '-5', '+49 30 123',
    ' =HYPERLINK("x")', ' spaced', '\u00a0=1', '＝1+1', '－5', 'Zoë 😀 東京', 'Ärger', "'quoted", '"', '""', ',', '', 'x\ry', '\u0001ctl', '\u2003=1', 'é=1', '-'],
  boolean: ['true', 'false', '', 'yes', 'TRUE', '=TRUE', '-1'],
  date: ['2025-03-04', '2024-02-29', '2023-02-29', '2025-03-04T10:15:00', 'soon', '', '=DATE(1,1,1)', '-2025'],
  timestamp: ['2025-03-04T10:15:00', '2025-03-04T10:15:00.123Z', '2025-03-04', '2025-03-04 10:15:00', '', '+later'],
};

function randomRows(columns: PulledColumn[], n: number, seed: number): string[][] {
  const rand = prng(seed);
  const rows: string[][] = [];
  for (let r = 0; r < n; r++) {
    rows.push(columns.map((c) => {
      const pool = POOL[c.type];
      return rand() < 0.6 ? pool[Math.min(2, pool.length - 1) - Math.floor(rand() * 2)]! : pool[Math.floor(rand() * pool.length)]!;
    }));
  }
  return rows;
}

async function both(columns: PulledColumn[], parts: (string | Uint8Array)[], rows: number, chunk: number, bom = false): Promise<{ fast: Outcome; general: Outcome }> {
  const objects = meshOf(parts);
  const opened = openedWith(columns, parts.length, rows);
  const opts = { delimiter: ',' as const, bom };
  return { fast: await fastExport(memoryStore(objects, chunk), opened, opts), general: await generalExport(memoryStore(objects, chunk), opened, opts) };
}

function expectSameBytes(r: { fast: Outcome; general: Outcome }): string {
  if (!r.general.ok) throw new Error(`the general path refused: ${r.general.message}`);
  if (!r.fast.ok) throw new Error(`the fast path refused: ${r.fast.message}`);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = decoder.decode(r.general.bytes);
  expect(decoder.decode(r.fast.bytes)).toBe(text);
  expect(Buffer.from(r.fast.bytes).equals(Buffer.from(r.general.bytes))).toBe(true);
  expect(r.fast.progress).toEqual(r.general.progress);
  return text;
}

function expectSameRefusal(r: { fast: Outcome; general: Outcome }): string {
  if (r.general.ok) throw new Error('the general path accepted the data');
  if (r.fast.ok) throw new Error('the fast path accepted data the general path refuses');
  expect({ code: r.fast.code, message: r.fast.message }).toEqual({ code: r.general.code, message: r.general.message });
  return r.general.message;
}

describe('CSV fast path: byte-identical to the typed path', () => {
  it('on varied published data, many parts, any chunking, with and without BOM', async () => {
    for (const [seed, partRows] of [[1, 7], [2, 1], [3, 1000], [4, 3]] as const) {
      const rows = randomRows(COLUMNS, 250, seed);
      const parts = publishedParts(COLUMNS.map((c) => c.name), rows, partRows);
      for (const chunk of [1, 7, 64, 4096, 1 << 20]) {
        const text = expectSameBytes(await both(COLUMNS, parts, rows.length, chunk, seed % 2 === 0));
        expect(text.split('\r\n').length).toBeGreaterThan(rows.length);
      }
    }
  }, 60_000);

  it('keeps formula-like text inert, numbers signed and trimmed as the typed path writes them', async () => {
    const rows = [
      ['-5', '-0.25', '=1+1\nnote', 'true', '2025-03-04', '2025-03-04T10:15:00', "@SUM(1+1)*cmd|' /C calc'!A0"],
      ['1', '1.50', '\t=1+1', 'false', '', '', '-5'],
      ['-0', '-0.00', '+5', '', 'soon', '', ''],
    ];
    const parts = publishedParts(COLUMNS.map((c) => c.name), rows, 2);
    const text = expectSameBytes(await both(COLUMNS, parts, 3, 3));
    expect(text).toBe(
      'id,amount,name,paid,day,at,note\r\n' +
        `-5,-0.25,"'=1+1\nnote",true,2025-03-04,2025-03-04T10:15:00,'@SUM(1+1)*cmd|' /C calc'!A0\r\n` +
        "1,1.5,'\t=1+1,false,,,'-5\r\n" +
        "0,0,'+5,,soon,,\r\n",
    );
  });

  it('on odd but readable parts: needless quotes, LF and CR line ends, no final line end, a BOM, blank one-column rows', async () => {
    const three = [col('a', 'string'), col('n', 'number'), col('i', 'integer')];
    const parts = [
      '\uFEFFa,n,i\r\n"plain","1.50",7\nx,2,"3"\r"",,\r\n"=q",-1.0,-0',
      'a,n,i\n"multi\nline ""q""",0.10,10\r\n\u00a0x,5,5',
    ];
    expectSameBytes(await both(three, parts, 6, 1));
    expectSameBytes(await both(three, parts, 6, 1 << 16));

    const one = [col('only', 'string')];
    const lonely = ['only\r\n\r\nx\r\n""\r\n\r\n', 'only\r\n\r\n'];
    const text = expectSameBytes(await both(one, lonely, 5, 2));
    expect(text).toBe('only\r\n""\r\nx\r\n""\r\n""\r\n""\r\n');
  });

  it('on an empty table, a one-row product and one-row parts', async () => {
    expect(expectSameBytes(await both(COLUMNS, publishedParts(COLUMNS.map((c) => c.name), [], 10), 0, 3, true))).toBe('\uFEFFid,amount,name,paid,day,at,note\r\n');
    const rows = randomRows(COLUMNS, 5, 9);
    expectSameBytes(await both(COLUMNS, publishedParts(COLUMNS.map((c) => c.name), rows.slice(0, 1), 1), 1, 4));
    expectSameBytes(await both(COLUMNS, publishedParts(COLUMNS.map((c) => c.name), rows, 1), 5, 4));
  });

  it('neutralizes column names the same way', async () => {
    const cols = [col('=cmd', 'string'), col('a,b', 'integer'), col('Zoë', 'number')];
    const parts = ['=cmd,"a,b",Zoë\r\nx,1,2.50\r\n'];
    expect(expectSameBytes(await both(cols, parts, 1, 3))).toBe(`'=cmd,"a,b",Zoë\r\nx,1,2.5\r\n`);
  });
});

describe('CSV fast path: refuses what the typed path refuses, in the same words', () => {
  const names = 'id,amount,name,paid,day,at,note\r\n';
  const good = `${names}1,2,x,true,,,\r\n`;
  const cases: [string, (string | Uint8Array)[], number][] = [
    ['a record with a value too few', [good, `${names}1,2,x,true,,\r\n`], 2],
    ['a record with a value too many', [good, `${names}1,2,x,true,,,,\r\n`], 2],
    ['a quote inside an unquoted value', [good, `${names}1,2,x"y,true,,,\r\n`], 2],
    ['text after a closing quote', [`${names}1,2,"x"y,true,,,\r\n`], 1],
    ['a part cut inside a quoted value', [good, `${names}1,2,"cut off`], 2],
    ['a part whose header differs', [good, 'id,amount,name,paid,day,at,memo\r\n1,2,x,true,,,\r\n'], 2],
    ['columns that do not match the contract', ['id,amount,name\r\n1,2,x\r\n'], 1],
    ['bytes that are not UTF-8', [good, new Uint8Array([...new TextEncoder().encode(`${names}1,2,`), 0xff, 0xfe, ...new TextEncoder().encode(',true,,,\r\n')])], 2],
    ['an encoded surrogate inside quotes', [good, new Uint8Array([...new TextEncoder().encode(`${names}1,2,"a,`), 0xed, 0xa0, 0x80, ...new TextEncoder().encode('",true,,,\r\n')])], 2],
    ['a character cut at the end', [good, new Uint8Array([...new TextEncoder().encode(`${names}1,2,x,true,,,`), 0xc3])], 2],
    ['an empty part', [good, ''], 2],
    ['rows lost', [good, good], 3],
    ['rows added', [good, good], 1],
  ];
  for (const [what, parts, rows] of cases) {
    it(`on ${what}`, async () => {
      for (const chunk of [1, 4096]) expect(expectSameRefusal(await both(COLUMNS, parts, rows, chunk))).toMatch(/publish/);
    });
  }

  it('on a missing part', async () => {
    const objects = meshOf([good]);
    const opened = openedWith(COLUMNS, 2, 2);
    const fast = await fastExport(memoryStore(objects, 64), opened, { delimiter: ',', bom: false });
    const general = await generalExport(memoryStore(objects, 64), opened, { delimiter: ',', bom: false });
    expect(fast).toEqual(general);
    expect(fast.ok ? '' : fast.code).toBe('pull.part-missing');
  });
});

describe('CSV fast path: control', () => {
  it('applies to comma CSV with point decimals only', () => {
    expect(csvFastPathApplies({ delimiter: ',' })).toBe(true);
    expect(csvFastPathApplies({ delimiter: ',', decimal: '.' })).toBe(true);
    expect(csvFastPathApplies({ delimiter: ';' })).toBe(false);
    expect(csvFastPathApplies({ delimiter: ',', decimal: ',' })).toBe(false);
  });

  it('reports progress after every part and stops with CancelledError when cancelled', async () => {
    const rows = randomRows(COLUMNS, 50, 5);
    const parts = publishedParts(COLUMNS.map((c) => c.name), rows, 10);
    const r = await both(COLUMNS, parts, 50, 16);
    if (!r.fast.ok) throw new Error(r.fast.message);
    expect(r.fast.progress.map((p) => [p.partsDone, p.rowsDone])).toEqual([[0, 0], [1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]);

    const controller = new AbortController();
    const opened = openedWith(COLUMNS, parts.length, 50);
    const { csvFastExportChunks } = await import('../../../shared/core/export/csv-export-fast');
    let seen = 0;
    await expect((async () => {
      for await (const chunk of csvFastExportChunks(memoryStore(meshOf(parts), 16), opened, { delimiter: ',', bom: false, signal: controller.signal, onProgress: (p) => p.partsDone === 2 && controller.abort() })) seen += chunk.length;
    })()).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toBeGreaterThan(0);
  });
});
