// Node only.
// One benchmark run in a fresh process (so peak RSS belongs to that reader alone):
//   node --import tsx run-one.ts <mesh|papa|newlines> <file>
// Prints one JSON line: { mode, bytes, rows, seconds, mbPerSec, cpuSeconds, mbPerCpuSec, peakRssMb }.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { openCsv } from '../../../../../shared/core/ingest/csv/open-csv';
import { ProblemCollector } from '../../../../../shared/core/problems';
import { openFileByteSource } from '../../../../../shared/node/files/file-byte-source';

async function mesh(path: string): Promise<number> {
  const bytes = await openFileByteSource(path); // exactly what the app reads files with
  const src = await openCsv(bytes, path);
  let rows = 0;
  let chars = 0;
  for await (const batch of src.rows(src.sheets[0]!.name, { problems: new ProblemCollector() })) {
    rows += batch.length;
    const last = batch[batch.length - 1];
    if (last) chars += last.cells.length;
  }
  await bytes.close();
  return chars >= 0 ? rows : -1;
}

function papa(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    // Buffer chunks, as the project's yardstick (shared/node/bench) and FIELD-NOTES measure it.
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }) as unknown as File, {
      header: false,
      dynamicTyping: false,
      chunk(results: Papa.ParseResult<string[]>) {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

async function newlines(path: string): Promise<number> {
  let rows = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) rows++;
  }
  return rows;
}

const [mode, path] = process.argv.slice(2);
if (!mode || !path) throw new Error('usage: run-one.ts <mesh|papa|newlines> <file>');
const size = (await stat(path)).size;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const rows = await (mode === 'mesh' ? mesh(path) : mode === 'papa' ? papa(path) : newlines(path));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time (all threads, GC helpers included) is steadier than wall time on a busy machine.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, bytes: size, rows, seconds, mbPerSec: size / 1e6 / seconds, cpuSeconds, mbPerCpuSec: size / 1e6 / cpuSeconds, peakRssMb }));
