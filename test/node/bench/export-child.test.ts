// Node only. The export measurements end to end against a real S3 API (moto_server) on a small
// generated CSV: each child publishes the file once (100,000-row parts), exports it to XLSX or
// CSV, reports the export's own time, size and memory, and removes its file and bucket
// afterwards. Skipped where moto_server is not installed.

import { describe, expect, it } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { ChildSuccess } from '../../../shared/node/bench/child-main';
import { runChild } from '../../../shared/node/bench/run-child';
import { useMotoBench } from './moto-bench-fixture';

const ROWS = 2500;
const bench = useMotoBench('mesh-bench-export-test-', ROWS);
const { skip, buckets } = bench;

/** Temporary export folders the children left behind in the system temp dir. */
async function leftovers(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith('mesh-bench-export-') && !n.startsWith('mesh-bench-export-test-'));
}

describe.skipIf(skip !== null)('export bench children (moto_server)', () => {
  it('exports the published product to XLSX and removes the file and the bucket', async () => {
    const before = await leftovers();
    const report = await runChild('export-xlsx', bench.csv, { params: { endpoint: bench.endpoint } });
    expect(report).not.toHaveProperty('error');
    const r = report as ChildSuccess;
    expect(r.rows).toBe(ROWS);
    expect(r.export).toMatchObject({ format: 'xlsx', rows: ROWS, partRows: 100_000 });
    expect(r.export!.bytesWritten).toBeGreaterThan(10_000);
    expect(r.export!.exportSeconds).toBeGreaterThan(0);
    expect(r.export!.exportSeconds).toBeLessThanOrEqual(r.seconds);
    expect(r.export!.setupSeconds).toBeGreaterThan(0);
    expect(r.export!.exportPeakRssMb).toBeLessThanOrEqual(r.peakRssMb);
    expect(r.export!.startRssMb).toBeGreaterThan(0);
    expect(r.export!.startRssMb).toBeLessThanOrEqual(r.export!.exportPeakRssMb! + 1);
    expect(r.detail).toMatch(/from 1 part → .* XLSX/);
    expect(await buckets()).toEqual([]);
    expect(await leftovers()).toEqual(before);
  }, 120_000);

  it('exports the published product to CSV: a header, every row, a BOM', async () => {
    const report = await runChild('export-csv', bench.csv, { params: { endpoint: bench.endpoint } });
    expect(report).not.toHaveProperty('error');
    const r = report as ChildSuccess;
    expect(r.export).toMatchObject({ format: 'csv', rows: ROWS });
    // The same rows as the source, re-serialized: near the source's size (values are typed
    // and re-written, so not byte for byte).
    const source = (await stat(bench.csv)).size;
    expect(r.export!.bytesWritten).toBeGreaterThan(source * 0.8);
    expect(r.export!.bytesWritten).toBeLessThan(source * 1.5);
    expect(await buckets()).toEqual([]);
  }, 120_000);

  it('fails in words without an endpoint', async () => {
    expect(await runChild('export-csv', bench.csv)).toMatchObject({ error: { code: 'failed', message: expect.stringContaining('no S3 endpoint given') } });
  }, 60_000);
});
