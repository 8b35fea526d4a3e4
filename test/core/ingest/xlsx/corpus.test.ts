// Every hostile or unusual workbook from Apache POI's test data must end in a correct read or a
// clear refusal, quickly and without a memory blow-up; never in a crash or "0 rows, OK".
// Files are read in place from ../shared/corpus (never copied into the project).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemCollector } from '../../../../shared/core/problems';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';
import { UserFacingError } from '../../../../shared/core/result';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = join(repoRoot, '../shared/corpus/poi');

// What each file must end in: 'read' (with at least one row), or the refusal code.
const EXPECTED: Record<string, string> = {
  '1_NoIden.xlsx': 'read',
  '54764-2.xlsx': 'xlsx.unsafe-xml',
  '54764.xlsx': 'xlsx.unsafe-xml',
  '57482-OnlyNumeric.xlsx': 'read',
  'DateFormatTests.xlsx': 'read',
  'NewlineInFormulas.xlsx': 'read',
  'bug62181.xlsx': 'read',
  'clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx': 'xlsx.damaged',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-4828727001088000.xlsx': 'xlsx.damaged',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5089447305609216.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx': 'xlsx.damaged',
  // Its first seven sheets read; the eighth fails its checksum (the fuzzer changed its bytes).
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx': 'xlsx.damaged',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6123461607817216.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6419366255919104.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6448258963341312.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5542865479270400.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx': 'xlsx.truncated',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6504225896792064.xlsx': 'xlsx.damaged',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx': 'xlsx.truncated',
  'crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx': 'xlsx.truncated',
  'crash-9bf3cd4bd6f50a8a9339d363c2c7af14b536865c.xlsx': 'xlsx.password-protected',
  'duplicate-filename-case-insensitive.xlsx': 'xlsx.duplicate-part',
  'duplicate-filename.xlsx': 'xlsx.duplicate-part',
  'github-321.xlsx': 'read',
  'poc-shared-strings.xlsx': 'read',
  'poc-xmlbomb-empty.xlsx': 'xlsx.unsafe-xml',
  'poc-xmlbomb.xlsx': 'xlsx.unsafe-xml',
};

interface Outcome {
  file: string;
  outcome: string;
  ms: number;
  cpuMs: number;
  rssMB: number;
  detail: string;
}

async function readFile(path: string): Promise<{ outcome: string; detail: string }> {
  try {
    const source = await openXlsx(bytesSource(path, new Uint8Array(readFileSync(path))));
    const problems = new ProblemCollector();
    const counts: string[] = [];
    let total = 0;
    for (const sheet of source.sheets) {
      let n = 0;
      for await (const batch of source.rows(sheet.name, { problems })) n += batch.length;
      counts.push(`${sheet.name}: ${n} rows`);
      total += n;
    }
    const codes = [...new Set(problems.list().map((p) => p.code))].join(' ');
    return { outcome: total > 0 ? 'read' : 'read-empty', detail: `${counts.join('; ')}${codes ? ` | ${codes}` : ''}` };
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e; // a crash: fails the test with its stack
    return { outcome: e.code, detail: e.message.slice(0, 110) };
  }
}

const files = readdirSync(corpus).filter((f) => f.endsWith('.xlsx')).sort();
const outcomes: Outcome[] = [];

describe('Apache POI corpus', () => {
  it('has the files this test expects (new files are still read below, without a fixed outcome)', () => {
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s ends in a correct read or a clear refusal, within 2 s and bounded memory', async (file) => {
    const before = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    const { outcome, detail } = await readFile(join(corpus, file));
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const rssMB = (process.memoryUsage().rss - before) / 1e6;
    outcomes.push({ file, outcome, ms: Math.round(ms), cpuMs: Math.round(cpuMs), rssMB: Math.round(rssMB), detail });
    const expected = EXPECTED[file];
    if (expected !== undefined) expect(outcome).toBe(expected);
    else expect(outcome).toMatch(/^(read|xlsx\.[a-z-]+)$/); // a file added to the corpus later: any clear end
    // Our work is at most both the wall time (inflated when other programs share the machine)
    // and the CPU time (inflated by V8's parallel collector threads): the smaller must fit.
    expect(Math.min(ms, cpuMs)).toBeLessThan(2000);
    expect(ms).toBeLessThan(10_000); // and nothing hangs, however busy the machine
    expect(rssMB).toBeLessThan(300);
  });

  it('reads the valid workbooks correctly, not just without error', async () => {
    const first = async (file: string, sheet: string, n: number) => {
      const source = await openXlsx(bytesSource(file, new Uint8Array(readFileSync(join(corpus, file)))));
      const rows = [];
      for await (const batch of source.rows(sheet, { problems: new ProblemCollector() })) rows.push(...batch);
      return rows.slice(0, n);
    };
    expect(await first('github-321.xlsx', 'Sheet1', 3)).toEqual([{ row: 1, cells: [2.04] }, { row: 2, cells: [2.04] }, { row: 3, cells: [2.05] }]);
    expect(await first('1_NoIden.xlsx', '시트_테스트(1)', 2)).toEqual([
      { row: 2, cells: [null, '가나다'] },
      { row: 3, cells: [null, '하천관리과', '서울 재난 체험관 운영', '치수관리'] },
    ]);
    // A1 is a SUM formula written over several lines; its stored result is read.
    expect(await first('NewlineInFormulas.xlsx', 'Sheet1', 1)).toEqual([{ row: 1, cells: [3, 1] }]);
    const day = (y: number, m: number, d: number) => ({ kind: 'date', epochMs: Date.UTC(y, m - 1, d), hasTime: false });
    expect(await first('bug62181.xlsx', 'List 2', 2)).toEqual([
      { row: 1, cells: [0, 0, 123, day(2018, 2, 1), 17060, 200, 4, 4, 5028] },
      { row: 2, cells: [1, 0, 123, day(2018, 2, 2), 17006, 168, 4, 4, 5028] },
    ]);
    // Every test value is the same instant, shown through many formats (all with a time).
    const tests = await first('DateFormatTests.xlsx', 'Tests', 3);
    expect(tests[1]!.cells.slice(1, 3)).toEqual(['d-m-y', { kind: 'date', epochMs: Date.UTC(1952, 9, 11, 14, 35, 27), hasTime: true }]);
  });

  afterAll(() => {
    console.log(outcomes.map((o) => `${o.outcome.padEnd(24)} ${String(o.ms).padStart(5)} ms wall ${String(o.cpuMs).padStart(5)} ms cpu ${String(o.rssMB).padStart(4)} MB  ${o.file}\n${' '.repeat(26)}${o.detail}`).join('\n'));
  });
});
