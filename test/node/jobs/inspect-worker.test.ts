// Node only (tests). The real inspect worker (worker-entry.mjs → inspect-worker.ts, via tsx) on
// real files: a generated CSV, a missing file, and every hostile workbook of the shared corpus.
// Each must end in a Result — a correct read or a refusal in words — never a crash or a hang.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { runFileTask } from '../../../shared/node/jobs/tasks';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = resolve(repo, '../shared/corpus/poi');
const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-worker-'));
const jobs = new JobRunner({ maxConcurrent: 2 });
afterAll(() => jobs.close());

describe('inspect worker', () => {
  it('gives the overview and the inspection of a CSV, with throttled progress', async () => {
    const path = join(dir, 'budget.csv');
    writeFileSync(path, 'Team;Budget;Start\nSales;1.200,50;03.01.2026\nOps;800,00;15.02.2026\n');
    const overview = await runFileTask(jobs, 'overview', { path, fileName: 'Budget.csv' });
    expect(overview).toMatchObject({ ok: true, value: { format: 'csv', delimiter: ';' } });
    const report = await runFileTask(jobs, 'inspect', { path, fileName: 'Budget.csv', options: {} });
    expect(report.ok).toBe(true);
    if (report.ok) {
      expect(report.value.file).toBe('Budget.csv');
      expect(report.value.sheets[0]?.rows).toBe(2);
    }
  });

  it('answers a missing file in words', async () => {
    const result = await runFileTask(jobs, 'overview', { path: join(dir, 'gone.csv'), fileName: 'gone.csv' });
    expect(result).toMatchObject({ ok: false, error: { code: 'file.not-found' } });
  });

  // A sample of the hostile kinds (bombs, fuzz crashers, duplicate entries): the core's own
  // tests cover the whole corpus in-process; this checks the worker path stays bounded.
  const files = [
    'poc-xmlbomb.xlsx',
    'poc-shared-strings.xlsx',
    '54764.xlsx',
    'crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx',
    'duplicate-filename.xlsx',
  ].filter((f) => existsSync(join(corpus, f)));
  it('finds the shared corpus', () => {
    expect(files.length).toBe(6);
  });
  it.each(files)('ends %s in a Result, not a crash or a hang', async (name) => {
    const path = join(corpus, name);
    const started = Date.now();
    const result = await jobs.run<unknown>('inspect', { path, fileName: name, options: {} });
    if (!result.ok) {
      expect(result.error.code, result.error.message).not.toMatch(/^job\.(crashed|out-of-memory)$/);
      expect(result.error.message.length).toBeGreaterThan(20);
    }
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 30_000);

  it('leaves no worker thread behind', () => {
    expect(jobs.liveWorkers).toBe(0);
  });
});
