// Runs anywhere (pure core test). The part parser against RFC 4180 edge cases, chunk boundaries at
// every byte (inside quotes, between CR and LF, inside multi-byte characters), the writer's own
// output (csv-text.ts) for random records, and damaged parts that must be refused in words.

import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, PartsReader } from '../../../shared/core/pull/part-parser';
import { csvRecord } from '../../../shared/core/publish/csv-text';
import { CancelledError, UserFacingError } from '../../../shared/core/result';

const enc = new TextEncoder();
const label = { part: 2, of: 'the product "demo", version 1.0.0' };

async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    yield bytes.subarray(at, c);
    at = c;
  }
}

async function readAll(reader: PartsReader, bytes: Uint8Array, cuts: number[] = [], batchRecords?: number): Promise<{ batches: string[][][]; rows: string[][] }> {
  const batches: string[][][] = [];
  for await (const b of reader.records(chunksOf(bytes, cuts), { label, ...(batchRecords ? { batchRecords } : {}) })) batches.push(b);
  return { batches, rows: batches.flat() };
}

async function rowsOf(text: string | Uint8Array, cuts: number[] = []): Promise<string[][]> {
  const reader = new PartsReader();
  const { rows } = await readAll(reader, typeof text === 'string' ? enc.encode(text) : text, cuts);
  return [reader.header ?? [], ...rows];
}

async function refusal(text: string | Uint8Array, reader = new PartsReader()): Promise<UserFacingError> {
  try {
    await readAll(reader, typeof text === 'string' ? enc.encode(text) : text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserFacingError);
    return e as UserFacingError;
  }
  throw new Error('the part was accepted');
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = ['', ',', '"', '""', '\r\n', '\n', '\r', 'a,b', ' lead', 'trail ', 'ü', 'Mitte "Süd"', '😀', '日本', '=1+1', '0012', 'x'.repeat(300)];

describe('CsvRecordSplitter', () => {
  it('reads quotes, doubled quotes, quoted CR/LF and empty fields', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",\r\n"line1\r\nline2","l1\nl2",""\r\n,,\r\n';
    expect(await rowsOf(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
      ['line1\r\nline2', 'l1\nl2', ''],
      ['', '', ''],
    ]);
  });

  it('takes LF line ends and a last record without a line end', async () => {
    expect(await rowsOf('a,b\n1,2\n3,"4"')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(await rowsOf('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads an empty line of a one-column table as one empty value', async () => {
    expect(await rowsOf('note\r\nx\r\n\r\ny\r\n')).toEqual([['note'], ['x'], [''], ['y']]);
  });

  it('gives the same records for a split at every byte position, and for one byte at a time', async () => {
    const text = 'id,name,note\r\n1,"Mitte ""Süd""","a\r\nb"\r\n2,Zoë 😀,"x,y"\r\n3,日本,\r\n"4","",""""\r\n';
    const bytes = enc.encode(text);
    const whole = await rowsOf(bytes);
    expect(whole).toHaveLength(5);
    expect(whole[2]).toEqual(['2', 'Zoë 😀', 'x,y']);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await rowsOf(bytes, [cut]), `split at byte ${cut}`).toEqual(whole);
    }
    for (let cut = 0; cut + 7 <= bytes.length; cut++) {
      expect(await rowsOf(bytes, [cut, cut + 3, cut + 7]), `splits at ${cut}, +3, +7`).toEqual(whole);
    }
    expect(await rowsOf(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))).toEqual(whole);
  });

  it('splits a four-byte character across chunks without damage', async () => {
    const bytes = enc.encode('h\r\n😀\r\n');
    const at = 3; // the emoji's bytes are 3..6
    for (const cuts of [[at + 1], [at + 2], [at + 3], [at + 1, at + 2, at + 3]]) expect(await rowsOf(bytes, cuts)).toEqual([['h'], ['😀']]);
  });

  it('reads back exactly what the publisher writes, for random records in random chunks', async () => {
    const next = random(20261121);
    for (let round = 0; round < 60; round++) {
      const width = 1 + Math.floor(next() * 5);
      const header = Array.from({ length: width }, (_, i) => `col ${i}${i === 1 ? ',"x"' : ''}`);
      const records = Array.from({ length: Math.floor(next() * 40) }, () =>
        Array.from({ length: width }, () => (next() < 0.5 ? TRICKY[Math.floor(next() * TRICKY.length)]! : String(Math.floor(next() * 1e6)))),
      );
      // Odd rounds end records with LF alone (quoted CR/LF inside values stay as they are).
      const lf = round % 2 === 1;
      const bytes = enc.encode([header, ...records].map((r) => (lf ? `${csvRecord(r).slice(0, -2)}\n` : csvRecord(r))).join(''));
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 12) }, () => Math.floor(next() * bytes.length)))].sort((a, b) => a - b);
      const reader = new PartsReader();
      const { rows } = await readAll(reader, bytes, cuts, 7);
      expect(reader.header, `round ${round}`).toEqual(header);
      expect(rows, `round ${round}`).toEqual(records);
    }
  });

  it('hands records out in batches of about the asked size', async () => {
    const text = ['n', ...Array.from({ length: 25 }, (_, i) => String(i))].map((r) => `${r}\r\n`).join('');
    const bytes = enc.encode(text);
    const { batches, rows } = await readAll(new PartsReader(), bytes, Array.from({ length: 25 }, (_, i) => 4 + i * 3), 10);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.slice(0, -1).every((b) => b.length >= 10)).toBe(true);
  });

  it('scans a large quoted field once, whatever the chunking', () => {
    const splitter = new CsvRecordSplitter((what) => {
      throw new Error(what);
    });
    splitter.push('"');
    const piece = 'abc,\r\n'.repeat(1000);
    for (let i = 0; i < 200; i++) splitter.push(piece);
    splitter.push('"\r\n');
    splitter.finish();
    expect(splitter.records).toHaveLength(1);
    expect(splitter.records[0]![0]!.length).toBe(piece.length * 200);
  });
});

describe('PartsReader refuses damaged parts in words', () => {
  it('a later part whose header differs from the first', async () => {
    const reader = new PartsReader();
    await readAll(reader, enc.encode('id,name\r\n1,a\r\n'));
    const e = await refusal('id,title\r\n2,b\r\n', reader);
    expect(e.code).toBe('pull.part-damaged');
    expect(e.message).toMatch(/Part 2 of the product "demo", version 1\.0\.0/);
    expect(e.message).toMatch(/"title"/);
    expect(e.message).toMatch(/publish the version again/);
  });

  it('a record with too few or too many values', async () => {
    expect((await refusal('a,b,c\r\n1,2,3\r\n4,5\r\n')).message).toMatch(/record 3 has 2 values where the header has 3/);
    expect((await refusal('a\r\n1,2\r\n')).message).toMatch(/record 2 has 2 values where the header has 1/);
  });

  it('a part cut off inside quotes', async () => {
    expect((await refusal('a,b\r\n1,"unfinished\r\n')).message).toMatch(/ends inside a quoted value.*cut short/);
  });

  it('text after a closing quote, or a quote inside an unquoted value', async () => {
    expect((await refusal('a,b\r\n"x"y,1\r\n')).message).toMatch(/follows a closing quote/);
    expect((await refusal('a,b\r\nx"y,1\r\n')).message).toMatch(/quote stands inside an unquoted value/);
  });

  it('bytes that are not UTF-8, and a character cut off at the end', async () => {
    expect((await refusal(new Uint8Array([0x61, 0x0d, 0x0a, 0xff, 0x0d, 0x0a]))).message).toMatch(/not UTF-8/);
    expect((await refusal(enc.encode('a\r\n😀').subarray(0, 5))).message).toMatch(/middle of a character/);
  });

  it('an empty part', async () => {
    expect((await refusal('')).message).toMatch(/empty/);
  });

  it('stops with CancelledError when the signal is aborted', async () => {
    const ctl = new AbortController();
    const reader = new PartsReader();
    const run = async () => {
      for await (const _ of reader.records(chunksOf(enc.encode('a\r\n1\r\n2\r\n'), [3, 6]), { label, signal: ctl.signal, batchRecords: 1 })) ctl.abort();
    };
    await expect(run()).rejects.toBeInstanceOf(CancelledError);
  });
});
