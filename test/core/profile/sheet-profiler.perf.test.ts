// Speed of the one-pass profile on 1,000,000 rows × 12 columns of already-tokenized text.
// Opt-in (it takes a while): MESH_DESK_PERF=1 npx vitest run test/core/profile/sheet-profiler.perf.test.ts
// Prints wall and CPU time (CPU time is steadier on a busy machine), and the same figures for
// papaparse reading the same text in the same process, as the yardstick the product is held to.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../shared/core/ingest/types';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetProfiler } from '../../../shared/core/profile/sheet-profiler';

const ROWS = Number(process.env.MESH_DESK_PERF_ROWS ?? 1_000_000);
const HEADER = ['order_id', 'qty', 'price', 'order_date', 'created_at', 'region', 'paid', 'email', 'discount', 'category', 'product_code', 'units'];

function generate(rows: number): string {
  let seed = 20251121;
  const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const regions = ['North', 'South', 'East', 'West', 'Central', 'UK&I', 'LATAM'];
  const categories = ['Travel', 'Hardware', 'Training', 'Consulting', 'Software', 'Events'];
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  const out: string[] = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const t = 1_640_995_200 + Math.floor(rnd() * 94_608_000); // 2022–2024, seconds
    const d = new Date(t * 1000);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    out.push(
      [
        `ORD-${i + 1}`,
        String(Math.floor(rnd() * 100_000)),
        (rnd() * 20_000).toFixed(2),
        date,
        `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
        regions[Math.floor(rnd() * regions.length)],
        rnd() < 0.5 ? 'true' : 'false',
        `user${Math.floor(rnd() * 900_000)}@mail.example.org`,
        (rnd() * 60 - 10).toFixed(1),
        categories[Math.floor(rnd() * categories.length)],
        String(Math.floor(rnd() * 100_000)).padStart(6, '0'),
        String(1 + Math.floor(rnd() * 99)),
      ].join(','),
    );
  }
  return out.join('\n');
}

/** Cuts rows out of the text with slice, as a tokenizer does: fresh strings, batch by batch. */
function* batches(text: string, size = 2000): Generator<SourceRow[]> {
  let batch: SourceRow[] = [];
  let pos = text.indexOf('\n') + 1;
  let row = 2;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const cells: string[] = [];
    let p = pos;
    for (;;) {
      const c = text.indexOf(',', p);
      if (c < 0 || c > nl) {
        cells.push(text.slice(p, nl));
        break;
      }
      cells.push(text.slice(p, c));
      p = c + 1;
    }
    batch.push({ row, line: row, cells });
    row++;
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
    pos = nl + 1;
  }
  if (batch.length > 0) yield batch;
}

function timed(work: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  return { wall: performance.now() - t0, cpu: process.cpuUsage(c0).user / 1000 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.runIf(process.env.MESH_DESK_PERF === '1')('SheetProfiler speed', () => {
  it(`profiles ${ROWS.toLocaleString('en')} rows × 12 columns`, { timeout: 600_000 }, () => {
    const text = generate(ROWS);
    const mb = text.length / 1e6;
    const runs = { slice: [] as { wall: number; cpu: number }[], profile: [] as { wall: number; cpu: number }[], papa: [] as { wall: number; cpu: number }[] };
    let types = '';
    for (let run = 0; run < 3; run++) {
      runs.slice.push(timed(() => {
        let n = 0;
        for (const b of batches(text)) n += b.length;
        expect(n).toBe(ROWS);
      }));
      runs.profile.push(timed(() => {
        const p = new SheetProfiler({ sheet: 'orders', format: 'csv', header: { row: 1, cells: HEADER }, problems: new ProblemCollector(), previewRows: 10_000 });
        for (const b of batches(text)) p.addRows(b);
        const r = p.finish();
        expect(r.rows).toBe(ROWS);
        types = r.columns.map((c) => c.type).join(' ');
      }));
      runs.papa.push(timed(() => {
        let n = 0;
        // Chunked like the streamed reading papaparse is measured with in FIELD-NOTES.
        const config = { header: false, dynamicTyping: false, chunkSize: 1 << 20, chunk: (res: Papa.ParseResult<string[]>) => void (n += res.data.length) };
        Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
        expect(n).toBe(ROWS + 1);
      }));
    }
    const slice = { wall: median(runs.slice.map((r) => r.wall)), cpu: median(runs.slice.map((r) => r.cpu)) };
    const prof = { wall: median(runs.profile.map((r) => r.wall)) - slice.wall, cpu: median(runs.profile.map((r) => r.cpu)) - slice.cpu };
    const papa = { wall: median(runs.papa.map((r) => r.wall)), cpu: median(runs.papa.map((r) => r.cpu)) };
    const line = (name: string, t: { wall: number; cpu: number }): string =>
      `${name.padEnd(34)} ${t.wall.toFixed(0).padStart(6)} ms wall ${t.cpu.toFixed(0).padStart(6)} ms cpu  ${(mb / (t.cpu / 1000)).toFixed(0).padStart(4)} MB/s (cpu)`;
    console.log(
      [
        `SheetProfiler perf: ${ROWS.toLocaleString('en')} rows × 12 columns, ${mb.toFixed(1)} MB of text; median of 3`,
        line('cutting fields (tokenizer stand-in)', slice),
        line('profile (SheetProfiler only)', prof),
        line('papaparse, same text, no typing', papa),
        `profile / papaparse (cpu): ${(prof.cpu / papa.cpu).toFixed(2)}   types: ${types}`,
      ].join('\n'),
    );
    expect(types).toBe('text integer number date datetime text boolean text number text text integer');
    // Held to: tokenizer + profile at least half papaparse's speed, i.e. the profile costs no
    // more than papaparse itself (the tokenizer takes about the other half).
    // (Small runs are dominated by JIT warm-up; the bound is for the full-size run.)
    if (ROWS >= 500_000) expect(prof.cpu).toBeLessThan(papa.cpu);
  });
});
