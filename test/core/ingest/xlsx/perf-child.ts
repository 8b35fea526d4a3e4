// Node only (test helper, run as a child process so its peak memory is its own). Reads every
// row of the first sheet of the workbook given on the command line and prints the cost.

import { readFileSync } from 'node:fs';
import { ProblemCollector } from '../../../../shared/core/problems';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const baseRss = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const source = await openXlsx(bytesSource('perf.xlsx', bytes));
let rows = 0;
let cells = 0;
let dates = 0;
for await (const batch of source.rows(source.sheets[0]!.name, { problems: new ProblemCollector() })) {
  rows += batch.length;
  for (const row of batch) {
    cells += row.cells.length;
    for (const c of row.cells) if (c !== null && typeof c === 'object' && c.kind === 'date') dates++;
  }
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    rows,
    cells,
    dates,
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    baseRssMB: Math.round(baseRss / 1e6),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  }),
);
