// Reading speed and memory on 100,000 rows × 12 typed cells (numbers, dates, date-times, shared
// strings). Slow to set up (exceljs writes the file), so it runs only with XLSX_PERF=1:
//   XLSX_PERF=1 npx vitest run test/core/ingest/xlsx/perf.test.ts
// The read runs in a fresh child process, bundled by esbuild like the shipped app (so neither
// vitest nor the tsx loader is counted), so its time and peak memory are its own. The child
// reads the file twice: "cold" includes the engine compiling the parser (~0.3 s), "warm" is a
// long-running app process. Time check: the main thread's work is at most both the wall time
// (which other programs on a busy machine inflate) and the process CPU time (which V8's
// parallel garbage-collector threads inflate), so the smaller of the two, best of three runs,
// must be within 2.5 s warm (and 3.5 s cold, a regression guard).

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('./perf-child.ts', import.meta.url));

async function writeBook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Data');
  ws.columns = Array.from({ length: 12 }, (_, i) => ({
    header: `col${i}`,
    key: `c${i}`,
    style: i % 4 === 1 ? { numFmt: 'yyyy-mm-dd' } : i % 4 === 3 ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  const regions = ['North', 'South', 'East', 'West', 'Central'];
  for (let r = 0; r < rows; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < 12; c++) {
      const k = `c${c}`;
      if (c % 4 === 0) row[k] = r * 1.5 + c;
      else if (c % 4 === 1) row[k] = new Date(Date.UTC(2020, 0, 1) + (r % 1000) * 86_400_000);
      else if (c % 4 === 2) row[k] = `${regions[(r + c) % 5]} ${r % 200}`;
      else row[k] = new Date(Date.UTC(2021, 5, 1, 12, 30) + r * 60_000);
    }
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
}

describe.skipIf(!process.env['XLSX_PERF'])('xlsx reading speed', () => {
  it('reads 100,000 rows × 12 typed cells within 2.5 s with peak RSS ≤ 200 MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-perf-'));
    const path = join(dir, 'perf.xlsx');
    const script = join(dir, 'perf-child.mjs');
    buildSync({ entryPoints: [child], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'warning' });
    await writeBook(path, 100_000);
    const runs = [1, 2, 3].map(() => JSON.parse(execFileSync(process.execPath, [script, path], { cwd: repoRoot, encoding: 'utf8' })));
    console.log(runs.map((r) => JSON.stringify(r)).join('\n'));
    const best = (key: 'cold' | 'warm') => Math.min(...runs.map((r) => Math.min(r[key].wallMs, r[key].cpuMs)));
    for (const r of runs) for (const read of [r.cold, r.warm]) expect(read).toMatchObject({ rows: 100_001, cells: 1_200_012, dates: 600_000 });
    expect(best('warm')).toBeLessThanOrEqual(2500);
    expect(best('cold')).toBeLessThanOrEqual(3500);
    expect(Math.max(...runs.map((r) => r.peakRssMB))).toBeLessThanOrEqual(200);
  }, 180_000);
});
