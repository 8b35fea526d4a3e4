// Node only. The bench plumbing end to end on a small generated CSV: the generator is
// deterministic and well-formed, and a measurement child prints one JSON line of the right
// shape. The inspect case is skipped only while the inspect code cannot be loaded yet.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { writeBenchCsv } from '../../../shared/node/bench/csv-generator';
import { HEADERS } from '../../../shared/node/bench/sample-data';
import { runChild } from '../../../shared/node/bench/run-child';
import type { ChildSuccess } from '../../../shared/node/bench/child-main';

const ROWS = 3000;
let dir = '';
let csv = '';

// Whether inspectFile can run yet (its modules are being written by other engineers).
const inspectReady = await import('../../../shared/core/inspect/inspect').then(
  (m) => typeof m.inspectFile === 'function',
  () => false,
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mesh-bench-'));
  csv = join(dir, 'orders.csv');
  await writeBenchCsv(csv, ROWS, false);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function expectSuccessShape(report: unknown, kind: string, bytes: number): asserts report is ChildSuccess {
  expect(report).not.toHaveProperty('error');
  const r = report as ChildSuccess;
  expect(r.kind).toBe(kind);
  expect(r.bytes).toBe(bytes);
  expect(r.seconds).toBeGreaterThan(0);
  expect(r.cpuSeconds).toBeGreaterThan(0);
  expect(r.mbps).toBeCloseTo(bytes / 1e6 / r.seconds, 6);
  // A Node process cannot run in less than ~20 MB, nor should this one need a gigabyte.
  expect(r.peakRssMb).toBeGreaterThan(20);
  expect(r.peakRssMb).toBeLessThan(1000);
}

describe('bench CSV generator', () => {
  it('writes the same 12-column rows every time', async () => {
    const again = join(dir, 'again.csv');
    await writeBenchCsv(again, ROWS, false);
    const [a, b] = await Promise.all([readFile(csv, 'utf8'), readFile(again, 'utf8')]);
    expect(a).toBe(b);
    const parsed = Papa.parse<string[]>(a, { header: false, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...HEADERS]);
    expect(parsed.data).toHaveLength(ROWS + 1);
    for (const row of parsed.data.slice(1)) expect(row).toHaveLength(12);
    const sample = parsed.data[1]!;
    expect(sample[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sample[3]).toMatch(/^-?\d+\.\d{2}$/);
    expect(sample[10]).toMatch(/^\d{6}$/);
    // Realistic hazards are present: quoted notes with commas, empty notes, leading zeros.
    expect(a).toContain('see,');
    expect(parsed.data.some((r) => r[9] === '')).toBe(true);
    expect(parsed.data.some((r) => r[10]!.startsWith('0'))).toBe(true);
  });
});

describe('bench measurement child', () => {
  it('measures papaparse and reports one JSON line', async () => {
    const report = await runChild('papaparse', csv);
    expectSuccessShape(report, 'papaparse', (await stat(csv)).size);
    expect(report.rows).toBe(ROWS + 1); // papaparse counts the header line as a row
  });

  it('reports a missing file as a failure instead of a figure', async () => {
    const report = await runChild('papaparse', join(dir, 'missing.csv'));
    expect(report).toMatchObject({ kind: 'papaparse', error: { code: 'failed' } });
  });

  it('rejects an unknown measurement', async () => {
    const report = await runChild('nonsense' as 'papaparse', csv);
    expect(report).toMatchObject({ error: { code: 'usage' } });
  });

  it.skipIf(!inspectReady)('measures inspect and reports the rows it profiled', async () => {
    const report = await runChild('inspect', csv);
    expectSuccessShape(report, 'inspect', (await stat(csv)).size);
    expect(report.rows).toBe(ROWS);
    expect(report.detail).toMatch(/types: /);
  });
});
