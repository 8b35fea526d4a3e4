// Opt-in speed check (CSV_BENCH=1 npx vitest run test/core/ingest/csv/csv-speed.test.ts):
// generates a 1,000,000-row × 12-column CSV (~130 MB) in a temp dir, then reads it in fresh
// processes, alternating our reader and bare papaparse streaming (header and typing off), and
// prints MB/s and peak RSS. CSV_BENCH_ROWS and CSV_BENCH_RUNS change the size and repeat count.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateBenchCsv } from './bench/generate';

interface Run {
  mode: string;
  bytes: number;
  rows: number;
  seconds: number;
  mbPerSec: number;
  mbPerCpuSec: number;
  peakRssMb: number;
}

const enabled = !!process.env.CSV_BENCH;
const runner = fileURLToPath(new URL('./bench/run-one.ts', import.meta.url));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe.skipIf(!enabled)('CSV reader speed', () => {
  it('reads at least as fast as bare papaparse streaming', { timeout: 30 * 60_000 }, async () => {
    const rows = Number(process.env.CSV_BENCH_ROWS ?? 1_000_000);
    const repeats = Number(process.env.CSV_BENCH_RUNS ?? 5);
    const dir = mkdtempSync(join(tmpdir(), 'csv-bench-'));
    try {
      const file = join(dir, 'bench.csv');
      await generateBenchCsv(file, rows);
      const run = (mode: string): Run =>
        JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', runner, mode, file], { encoding: 'utf8' }).trim().split('\n').pop()!) as Run;
      const results: Record<string, Run[]> = { mesh: [], papa: [], newlines: [] };
      run('newlines'); // warm the page cache
      for (let i = 0; i < repeats; i++) for (const mode of ['papa', 'mesh', 'newlines']) results[mode]!.push(run(mode));

      const line = (mode: string): string => {
        const rs = results[mode]!;
        const wall = median(rs.map((r) => r.mbPerSec)).toFixed(1).padStart(7);
        const cpu = median(rs.map((r) => r.mbPerCpuSec)).toFixed(1).padStart(7);
        const rss = median(rs.map((r) => r.peakRssMb)).toFixed(0).padStart(4);
        return `${mode.padEnd(9)} ${wall} MB/s wall, ${cpu} MB per CPU-second, peak RSS ${rss} MB  (wall runs: ${rs.map((r) => r.mbPerSec.toFixed(0)).join(', ')})`;
      };
      // Pairs run back to back, so each ratio sees about the same machine load.
      const ratios = results.mesh!.map((m, i) => m.mbPerSec / results.papa![i]!.mbPerSec);
      const cpuRatios = results.mesh!.map((m, i) => m.mbPerCpuSec / results.papa![i]!.mbPerCpuSec);
      console.log(
        [
          `CSV speed, ${(results.mesh![0]!.bytes / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows, median of ${repeats}:`,
          line('newlines'),
          line('papa'),
          line('mesh'),
          `mesh / papa per pair, wall: ${ratios.map((r) => r.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)})`,
          `mesh / papa per pair, CPU:  ${cpuRatios.map((r) => r.toFixed(2)).join(', ')} (median ${median(cpuRatios).toFixed(2)})`,
        ].join('\n'),
      );
      expect(results.mesh!.every((r) => r.rows === results.papa![0]!.rows)).toBe(true);
      expect(median(ratios)).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
