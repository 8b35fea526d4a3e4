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

import { batches, generate, HEADER, ROWS } from '../../fixtures/perf-table';

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
