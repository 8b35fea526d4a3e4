// Node only (tests). Browser mode end to end over real HTTP, with the real inspect worker:
// upload a CSV, open it, inspect it with progress events, and cancel a big inspection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobProgress, SourceOverview, SourceRef } from '../../../shared/core/api/contract';
import { launchBrowserMode, type BrowserModeHost } from '../../../shared/node/web-host/launch';
import { callApi, openEventStream, upload } from './http-helpers';

const root = mkdtempSync(join(tmpdir(), 'mesh-desk-launch-'));
const staticDir = join(root, 'renderer');
let host: BrowserModeHost;

const SMALL_CSV = ['Region,Month,Revenue,Active', ...Array.from({ length: 50 }, (_, i) => `North,2026-${String((i % 12) + 1).padStart(2, '0')}-01,${i * 10}.5,${i % 2 ? 'yes' : 'no'}`)].join('\n') + '\n';

/** Writes a CSV of about `mb` megabytes with typed columns, streamed to disk. */
async function bigCsv(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('order_id,order_date,customer,amount,quantity,region,status\n');
  const regions = ['North', 'South', 'East', 'West'];
  let size = 0;
  for (let i = 1; size < mb * 1_000_000; i++) {
    const line = `${i},2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},Customer ${i % 5000},${(i * 7.31) % 10000},${i % 97},${regions[i % 4]},${i % 5 ? 'shipped' : 'open'}\n`;
    size += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

beforeAll(async () => {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mesh Desk</title>');
  host = await launchBrowserMode({ dataDir: join(root, 'data'), staticDir });
});
afterAll(() => host?.close());

describe('browser mode: upload and open', () => {
  it('uploads a CSV and opens it (overview from the worker)', async () => {
    const answer = await upload(host.port, host.token, 'Sales 2026.csv', Buffer.from(SMALL_CSV), { lastModified: Date.UTC(2026, 0, 2) });
    expect(answer.status).toBe(200);
    const uploaded = JSON.parse(answer.body) as { ok: true; value: SourceRef };
    expect(uploaded).toMatchObject({ ok: true, value: { name: 'Sales 2026.csv', size: SMALL_CSV.length, modifiedAt: '2026-01-02T00:00:00.000Z' } });
    expect(answer.body).not.toContain(root); // no path reaches the browser

    const opened = await callApi(host.port, host.token, 'source.open', { sourceId: uploaded.value.id });
    expect(opened.status).toBe(200);
    expect(opened.result.ok).toBe(true);
    const overview = opened.result.value as SourceOverview;
    expect(overview.source).toEqual(uploaded.value);
    expect(overview.format).toBe('csv');
    expect(overview.delimiter).toBe(',');
    expect(overview.sheets).toHaveLength(1);
    expect(JSON.stringify(overview)).not.toContain(root);
    expect(host.jobs.liveWorkers).toBe(0);
  });

  it('refuses an upload over the limit, by Content-Length or while streaming, leaving nothing', async () => {
    const dataDir = join(root, 'small-limit');
    const small = await launchBrowserMode({ dataDir, staticDir, maxUploadBytes: 1000 });
    try {
      const body = Buffer.alloc(5000, 'a');
      for (const chunked of [false, true]) {
        const answer = await upload(small.port, small.token, 'big.csv', body, { chunked });
        expect(answer.status, `chunked: ${chunked}`).toBe(413);
        const result = JSON.parse(answer.body);
        expect(result).toMatchObject({ ok: false, error: { code: 'upload.too-large' } });
        expect(result.error.message).toContain('"big.csv" is larger than');
      }
      const uploads = join(dataDir, 'uploads');
      expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('browser mode: interrupted upload', () => {
  it('removes the partial file when the tab goes away mid-upload', async () => {
    const dataDir = join(root, 'interrupted');
    const h = await launchBrowserMode({ dataDir, staticDir });
    try {
      const uploads = join(dataDir, 'uploads');
      const list = () => (existsSync(uploads) ? readdirSync(uploads) : []);
      const req = request({
        host: '127.0.0.1',
        port: h.port,
        path: '/api/upload?name=half.csv',
        method: 'POST',
        headers: { Host: `127.0.0.1:${h.port}`, Authorization: `Bearer ${h.token}`, 'Content-Length': '10000000' },
        agent: false,
      });
      req.on('error', () => {});
      req.write(Buffer.alloc(300_000, 'a'));
      // Wait until the upload folder exists, then drop the connection half-way.
      for (let i = 0; i < 100 && list().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(list()).toHaveLength(1);
      req.destroy();
      for (let i = 0; i < 100 && list().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(list()).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('browser mode: inspect with progress, and cancel', () => {
  it('inspects a small CSV and reports the job from opening to done', async () => {
    const stream = await openEventStream(host.port, host.token);
    try {
      const ref = JSON.parse((await upload(host.port, host.token, 'small.csv', Buffer.from(SMALL_CSV))).body).value as SourceRef;
      const { result } = await callApi(host.port, host.token, 'inspect.run', { jobId: 'small-job', sourceId: ref.id });
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      expect(result.value.file).toBe('small.csv');
      expect(result.value.sheets[0].rows).toBe(50);
      const mine = (phase: JobProgress['phase']) => (e: { event: string; data: unknown }) =>
        e.event === 'job.progress' && (e.data as JobProgress).jobId === 'small-job' && (e.data as JobProgress).phase === phase;
      await stream.waitFor(mine('opening'));
      const done = (await stream.waitFor(mine('done'))).data as JobProgress;
      expect(done).toMatchObject({ bytesDone: SMALL_CSV.length, bytesTotal: SMALL_CSV.length, rows: 50 });
    } finally {
      stream.close();
    }
  });

  it('streams job.progress for a ~20 MB CSV, and job.cancel stops it with no worker left', async () => {
    const file = join(root, 'orders.csv');
    const size = await bigCsv(file, 20);
    const answer = await upload(host.port, host.token, 'orders.csv', createReadStream(file));
    const ref = JSON.parse(answer.body).value as SourceRef;
    expect(ref.size).toBe(size);

    const stream = await openEventStream(host.port, host.token);
    try {
      const jobId = 'big-job-1';
      const started = Date.now();
      const running = callApi(host.port, host.token, 'inspect.run', { jobId, sourceId: ref.id });
      const reading = await stream.waitFor((e) => e.event === 'job.progress' && (e.data as JobProgress).jobId === jobId && (e.data as JobProgress).phase === 'reading');
      const progress = reading.data as JobProgress;
      expect(progress.bytesTotal).toBe(size);
      expect(progress.bytesDone).toBeGreaterThan(0);
      expect(progress.bytesDone).toBeLessThan(size);

      const cancel = await callApi(host.port, host.token, 'job.cancel', { jobId });
      expect(cancel.result).toEqual({ ok: true, value: { cancelled: true } });
      const { result } = await running;
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(host.jobs.liveWorkers).toBe(0);
      expect(host.jobs.isActive(jobId)).toBe(false);
      await stream.waitFor((e) => e.event === 'job.progress' && (e.data as JobProgress).jobId === jobId && (e.data as JobProgress).phase === 'done');
      // Cancelling again is harmless and says it was not running.
      expect((await callApi(host.port, host.token, 'job.cancel', { jobId })).result).toEqual({ ok: true, value: { cancelled: false } });
    } finally {
      stream.close();
    }
  });
});
