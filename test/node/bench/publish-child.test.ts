// Node only. The publish measurements end to end against a real S3 API (moto_server) on a small
// generated CSV: our publish goes through the check and write passes with the part size the
// mesh policy gives, the plain upload sends the file's exact bytes, and both remove their
// bucket afterwards. Skipped where moto_server is not installed.

import { describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import type { ChildSuccess } from '../../../shared/node/bench/child-main';
import { runChild } from '../../../shared/node/bench/run-child';
import { useMotoBench } from './moto-bench-fixture';

const ROWS = 2500;
const bench = useMotoBench('mesh-bench-publish-', ROWS);
const { skip, buckets } = bench;

describe.skipIf(skip !== null)('publish bench children (moto_server)', () => {
  it('publishes through the check and write passes with 1000-row parts, then removes its bucket', async () => {
    const report = await runChild('publish-1000', bench.csv, { params: { endpoint: bench.endpoint } });
    expect(report).not.toHaveProperty('error');
    const r = report as ChildSuccess;
    expect(r.rows).toBe(ROWS);
    expect(r.publish).toMatchObject({ partRows: 1000, parts: 3, concurrency: 8 });
    // Every part repeats the header and rows end in CRLF: a little more than the file.
    expect(r.publish!.bytesSent).toBeGreaterThan((await stat(bench.csv)).size);
    expect(r.publish!.prepareSeconds).toBeGreaterThan(0);
    expect(r.publish!.writeSeconds).toBeGreaterThan(0);
    expect(r.publish!.writePeakRssMb).toBeLessThanOrEqual(r.peakRssMb);
    expect(r.detail).toMatch(/v1\.0\.0 .*3 parts, policy from the built-in default/);
    expect(await buckets()).toEqual([]);
  }, 120_000);

  it('takes the part size from the policy file it writes into the mesh', async () => {
    const report = await runChild('publish-100k', bench.csv, { params: { endpoint: bench.endpoint } });
    expect(report).not.toHaveProperty('error');
    const r = report as ChildSuccess;
    expect(r.publish).toMatchObject({ partRows: 100_000, parts: 1 });
    expect(r.detail).toContain('policy from the mesh');
  }, 120_000);

  it('uploads the exact bytes of the file as the objects asked for', async () => {
    const report = await runChild('plain-s3-1000', bench.csv, { params: { endpoint: bench.endpoint, objects: 7 } });
    expect(report).not.toHaveProperty('error');
    const r = report as ChildSuccess;
    expect(r.publish).toMatchObject({ parts: 7, bytesSent: (await stat(bench.csv)).size, concurrency: 8 });
    expect(await buckets()).toEqual([]);
  }, 120_000);

  it('fails in words without an endpoint or an object count', async () => {
    expect(await runChild('publish-1000', bench.csv)).toMatchObject({ error: { code: 'failed', message: expect.stringContaining('no S3 endpoint given') } });
    expect(await runChild('plain-s3-1000', bench.csv, { params: { endpoint: bench.endpoint } })).toMatchObject({ error: { code: 'failed', message: expect.stringContaining('whole number of objects') } });
  }, 120_000);
});
