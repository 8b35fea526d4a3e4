// Speed of the checks running in the same pass as the profile: 1,000,000 rows × 12 columns of
// already-tokenized text, with unique + pattern + allowed + range + required rules on some
// columns, freshness, future dates and duplicate rows. Opt-in:
//   MESH_DESK_PERF=1 npx vitest run test/core/checks/sheet-checker.perf.test.ts
// Prints CPU time of profile alone, profile + checks, and papaparse on the same text.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../shared/core/ingest/types';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetProfiler } from '../../../shared/core/profile/sheet-profiler';
import { SheetChecker, type CheckColumn } from '../../../shared/core/checks/sheet-checker';
import { col } from './check-helpers';

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

function cpu(work: () => void): number {
  const c0 = process.cpuUsage();
  work();
  return process.cpuUsage(c0).user / 1000;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const COLUMNS: CheckColumn[] = [
  col(0, 'order_id', 'text', { primaryKey: true, pattern: 'ORD-\\d+' }),
  col(1, 'qty', 'integer', { type: 'integer', min: 0, max: 100_000, required: true }),
  col(2, 'price', 'number', { min: 0 }, { format: { decimal: '.' } }),
  col(3, 'order_date', 'date', { min: '2020-01-01' }, { format: { dateOrder: 'YMD' } }),
  col(4, 'created_at', 'datetime', {}, { format: { dateOrder: 'YMD' } }),
  col(5, 'region', 'text', { allowed: ['North', 'South', 'East', 'West', 'Central', 'UK&I', 'LATAM'] }),
  col(6, 'paid', 'boolean', { type: 'boolean' }),
  col(7, 'email', 'text', { personal: 'personal', unique: false }),
  col(8, 'discount', 'number'),
  col(9, 'category', 'text', { allowed: ['Travel', 'Hardware', 'Training', 'Consulting', 'Software', 'Events'] }),
  col(10, 'product_code', 'text', { pattern: '\\d{6}' }),
  col(11, 'units', 'integer'),
];

describe.runIf(process.env.MESH_DESK_PERF === '1')('SheetChecker speed', () => {
  it(`checks ${ROWS.toLocaleString('en')} rows × 12 columns in the profile pass`, { timeout: 600_000 }, () => {
    const text = generate(ROWS);
    const mb = text.length / 1e6;
    const t = { slice: [] as number[], profile: [] as number[], both: [] as number[], papa: [] as number[] };
    let problems = '';
    for (let run = 0; run < 3; run++) {
      t.slice.push(cpu(() => {
        for (const b of batches(text)) void b;
      }));
      t.profile.push(cpu(() => {
        const p = new SheetProfiler({ sheet: 'orders', format: 'csv', header: { row: 1, cells: HEADER }, problems: new ProblemCollector(), previewRows: 10_000 });
        for (const b of batches(text)) p.addRows(b);
        p.finish();
      }));
      t.both.push(cpu(() => {
        const sink = new ProblemCollector();
        const p = new SheetProfiler({ sheet: 'orders', format: 'csv', header: { row: 1, cells: HEADER }, problems: sink, previewRows: 10_000 });
        const now = Date.UTC(2025, 0, 10);
        const c = new SheetChecker({ sheet: 'orders', format: 'csv', now, columns: COLUMNS, freshness: { columnIndex: 3, maxAgeDays: 35 }, previous: { rows: ROWS, emptyByColumn: { qty: 0 } } }, sink);
        for (const b of batches(text)) {
          p.addRows(b);
          c.addRows(b);
        }
        p.finish();
        const s = c.finish();
        expect(s.rows).toBe(ROWS);
        problems = Object.entries(s.counts).map(([k, v]) => `${k}=${v}`).join(' ');
      }));
      t.papa.push(cpu(() => {
        let n = 0;
        const config = { header: false, dynamicTyping: false, chunkSize: 1 << 20, chunk: (res: Papa.ParseResult<string[]>) => void (n += res.data.length) };
        Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
        expect(n).toBe(ROWS + 1);
      }));
    }
    const slice = median(t.slice);
    const profile = median(t.profile) - slice;
    const both = median(t.both) - slice;
    const papa = median(t.papa);
    const rss = process.memoryUsage().rss / 1e6;
    console.log(
      [
        `SheetChecker perf: ${ROWS.toLocaleString('en')} rows × 12 columns, ${mb.toFixed(1)} MB of text; CPU ms, median of 3`,
        `papaparse (no typing)        ${papa.toFixed(0)} ms  ${(mb / (papa / 1000)).toFixed(0)} MB/s`,
        `profile only                 ${profile.toFixed(0)} ms`,
        `profile + checks             ${both.toFixed(0)} ms  (checks alone ≈ ${(both - profile).toFixed(0)} ms)`,
        `papaparse + profile + checks vs papaparse: ${(papa / (papa + both)).toFixed(2)}× papaparse throughput`,
        `rss now ${rss.toFixed(0)} MB (includes the ${mb.toFixed(0)} MB text held as a string)`,
        `findings: ${problems}`,
      ].join('\n'),
    );
    // Held to: tokenizer (≈ papaparse) + profile + checks at least 0.3× papaparse's throughput.
    if (ROWS >= 500_000) expect(papa / (papa + both)).toBeGreaterThanOrEqual(0.3);
  });
});
