// Node only (test helper, run as a child process so its time and peak memory are its own).
// Reads every row of the first sheet of the workbook given on the command line twice: first in
// a fresh process ("cold": the JavaScript engine is still compiling the parser), then again
// ("warm", as in a long-running app process). Prints the cost of both as JSON.

import { readFileSync } from 'node:fs';
import { ProblemCollector } from '../../../../shared/core/problems';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const baseRss = process.memoryUsage().rss;

async function readOnce() {
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
  return { rows, cells, dates, wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

const cold = await readOnce();
const warm = await readOnce();
process.stdout.write(
  JSON.stringify({
    cold,
    warm,
    baseRssMB: Math.round(baseRss / 1e6),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  }),
);
