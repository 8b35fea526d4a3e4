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
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx': 'read',
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
  it('has the files this test expects', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s ends in a correct read or a clear refusal, within 2 s and bounded memory', async (file) => {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const { outcome, detail } = await readFile(join(corpus, file));
    const ms = performance.now() - t;
    const rssMB = (process.memoryUsage().rss - before) / 1e6;
    outcomes.push({ file, outcome, ms: Math.round(ms), rssMB: Math.round(rssMB), detail });
    expect(outcome).toBe(EXPECTED[file]);
    expect(ms).toBeLessThan(2000);
    expect(rssMB).toBeLessThan(300);
  });

  afterAll(() => {
    console.log(outcomes.map((o) => `${o.outcome.padEnd(24)} ${String(o.ms).padStart(5)} ms ${String(o.rssMB).padStart(4)} MB  ${o.file}\n${' '.repeat(26)}${o.detail}`).join('\n'));
  });
});
