// End to end, journey 4 (offline): a folder mesh added in Settings whose drive is gone. Publishing
// queues the product in the outbox and says so; once the drive is back the job is delivered exactly
// once (badge clears, the timeline has the version). Then a second product is queued while someone
// else publishes it first: the conflict view shows both sides, "Keep mine" publishes the next version
// and their version stays intact. Screenshots of the outbox panel and the conflict view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright';
import { targets, type RunningApp } from './harness/targets';
import { describeAndCheck } from './harness/describe-and-check';
import { tempDir } from '../fixtures/make-fixtures';
import { salesCsv, salesMeta } from '../node/publish/publish-fixtures';
import { prepareFilePublish, runFilePublish } from '../../shared/node/publish/publish-file';
import { spawn } from 'node:child_process';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { freePort, motoSkipReason } from '../harness/moto-server';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });

/** Publish… on the Check step, ending on "queued" (the mesh cannot be reached). */
async function publishQueued(page: Page, meshName: string) {
  await page.getByTestId('publish').click();
  try {
    await expect.poll(() => page.getByTestId('publish-queued').isVisible(), { timeout: 30_000 }).toBe(true);
  } catch (e) {
    await page.screenshot({ path: resolve(shots, 'outbox-not-queued.png'), fullPage: true });
    throw e;
  }
  const text = await page.getByTestId('publish-queued-message').innerText();
  expect(text).toContain(`“${meshName}” cannot be reached right now: `);
  expect(text).toContain('Your product is queued and will be published as soon as it can be reached');
}

/** Presses "Send now" when there is something to send (the host may already have sent it by itself). */
async function sendNowIfWaiting(page: Page) {
  const send = page.getByTestId('outbox-send');
  // The host may start sending by itself between the look and the click: then there is nothing to press.
  if ((await send.isVisible()) && (await send.isEnabled())) await send.click({ timeout: 2_000 }).catch(() => undefined);
}

/**
 * moto_server on a port of our choosing, so it can be stopped and started again at the same
 * address (the mesh in Settings keeps pointing there). Returns its stop function.
 */
async function motoOn(port: number): Promise<() => Promise<void>> {
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) })).arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`moto_server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
}

/** Every file under `dir` (the data folder), to look for secrets in what the app wrote. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const salesDescription = 'Sales by day and region, as the shops report them.';

const jobRow = (page: Page, product: string) => page.locator('[data-testid^="outbox-job-"]').filter({ hasText: product });

for (const target of targets.filter((t) => t.name === 'browser')) {
  describe(`outbox (${target.name})`, () => {
    let app: RunningApp;
    let stopMoto: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      app = await target.launch();
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await stopMoto?.();
    });

    it('queues while the mesh is gone, delivers exactly once when it is back, and resolves a conflict by keeping mine', async () => {
      const { page } = app;
      const root = tempDir('mesh-desk-drive-');
      const drive = join(root, 'drive');
      const away = join(root, 'drive-away');
      const meshDir = join(drive, 'mesh');

      // A folder mesh on a "drive" that is not connected: its folder and the folder above are missing.
      await page.getByTestId('open-settings').click();
      await expect.poll(() => page.getByTestId('settings-screen').isVisible()).toBe(true);
      await page.getByTestId('mesh-name').fill('Team drive');
      await page.getByTestId('mesh-kind-file').check();
      await page.getByTestId('mesh-folder').fill(meshDir);
      await page.getByTestId('mesh-save').click();
      const row = page.locator('[data-testid^="mesh-row-"]').filter({ hasText: 'Team drive' });
      await expect.poll(() => row.count()).toBe(1);
      const useButton = row.locator('[data-testid^="mesh-use-"]');
      if (await useButton.count()) await useButton.click();
      await page.getByTestId('settings-back').click();

      // 1. Publish while unreachable → queued, with the badge counting it.
      await describeAndCheck(page, salesCsv(tempDir(), 120, { name: 'weekly-sales.csv' }), salesDescription);
      await publishQueued(page, 'Team drive');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox (1)');
      await page.screenshot({ path: resolve(shots, `${target.name}-outbox-queued.png`), fullPage: true });
      await page.getByTestId('publish-queued-home').click();
      const panel = page.getByTestId('outbox-panel');
      await expect.poll(() => panel.isVisible()).toBe(true);
      await expect.poll(() => jobRow(page, 'weekly-sales').getByTestId('outbox-job-state').innerText()).toMatch(/Waiting|Failed/);
      await panel.screenshot({ path: resolve(shots, `${target.name}-outbox-panel.png`) });
      expect(existsSync(drive)).toBe(false);

      // 2. The drive is back → delivered, once.
      mkdirSync(drive);
      await sendNowIfWaiting(page);
      await expect.poll(() => jobRow(page, 'weekly-sales').getByTestId('outbox-job-state').innerText(), { timeout: 60_000 }).toBe('Delivered v1.0.0');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox');
      await expect.poll(() => page.getByTestId('outbox-toast-delivered').innerText()).toContain('was published to “Team drive” as v1.0.0');
      await panel.screenshot({ path: resolve(shots, `${target.name}-outbox-delivered.png`) });
      // Pressing Send now again (or the host trying again) must not publish a second time.
      await sendNowIfWaiting(page);
      expect(readdirSync(join(meshDir, 'weekly-sales', 'schemata'))).toHaveLength(1);
      expect(readdirSync(join(meshDir, 'weekly-sales', 'default'))).toEqual(['v1.0.0.datapart0001.csv']);
      await page.getByTestId('open-catalog').click();
      await page.getByTestId('catalog-item-weekly-sales').click();
      await expect.poll(() => page.getByTestId('product-timeline').innerText(), { timeout: 30_000 }).toContain('1.0.0');
      await page.getByTestId('product-back').click();
      await page.getByTestId('catalog-back').click();

      // 3. Queue another product while the drive is away; someone else publishes it there first.
      renameSync(drive, away);
      await describeAndCheck(page, salesCsv(tempDir(), 80, { name: 'regional-sales.csv' }), salesDescription);
      await publishQueued(page, 'Team drive');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox (1)');
      const otherFile = salesCsv(tempDir(), 60, { name: 'regional.csv' });
      const theirMesh = { url: pathToFileURL(join(away, 'mesh')).href };
      const plan = await prepareFilePublish({ mesh: theirMesh, path: otherFile, fileName: 'regional.csv', sheets: [{}], meta: { ...salesMeta('regional-sales'), title: 'Regional sales (Ben)' } });
      if (!plan.ok) throw new Error(plan.error.message);
      const theirs = await runFilePublish({ mesh: theirMesh, path: otherFile, plan: plan.value, publisher: 'Ben Ortiz' });
      if (!theirs.ok) throw new Error(theirs.error.message);
      expect(theirs.value.version).toBe('1.0.0');
      renameSync(away, drive);

      await page.getByTestId('publish-queued-home').click();
      await sendNowIfWaiting(page);
      await expect.poll(() => jobRow(page, 'regional-sales').getByTestId('outbox-job-state').innerText(), { timeout: 60_000 }).toBe('Conflict');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox (1)');
      await jobRow(page, 'regional-sales').getByTestId('outbox-resolve').click();
      const conflict = page.getByTestId('conflict-view');
      await expect.poll(() => conflict.isVisible()).toBe(true);
      expect(await page.getByTestId('conflict-theirs').innerText()).toContain('v1.0.0');
      expect(await page.getByTestId('conflict-mine').innerText()).toMatch(/Started as a new product/);
      const fields = page.getByTestId('conflict-fields');
      expect(await fields.innerText()).toContain('Regional sales (Ben)');
      // The conflict's toast went away when its view opened (it would cover the view).
      expect(await page.getByTestId('outbox-toast-conflict').count()).toBe(0);
      await page.screenshot({ path: resolve(shots, `${target.name}-outbox-conflict.png`), fullPage: true });

      // Keep mine, field by field: their title, my description.
      expect(await fields.locator('tr').filter({ hasText: 'Title' }).count()).toBe(1);
      await fields.locator('tr').filter({ hasText: 'Title' }).locator('[data-testid^="conflict-theirs-"]').check();
      expect(await page.getByTestId('conflict-keep-mine').innerText()).toBe('Keep mine (with 1 of their values) and publish');
      await page.getByTestId('conflict-keep-mine').click();
      await expect.poll(() => page.getByTestId('outbox-screen').isVisible()).toBe(true);
      await expect.poll(() => jobRow(page, 'regional-sales').getByTestId('outbox-job-state').innerText(), { timeout: 60_000 }).toMatch(/^Delivered v1\.\d+\.\d+$|^Delivered v2\.0\.0$/);
      const delivered = await jobRow(page, 'regional-sales').getByTestId('outbox-job-state').innerText();
      expect(delivered).not.toBe('Delivered v1.0.0');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox');
      // Both versions are in the mesh: theirs untouched, mine on top.
      const contracts = readdirSync(join(meshDir, 'regional-sales', 'schemata')).sort();
      expect(contracts).toHaveLength(2);
      expect(contracts[0]).toMatch(/^v1\.0\.0\./);
      const descriptor = readFileSync(join(meshDir, 'regional-sales', 'product.yaml'), 'utf8');
      expect(descriptor).toContain('Regional sales (Ben)');
      expect(descriptor).toContain('Sales by day and region, as the shops report them.');
      await page.getByTestId('outbox-back').click();
    }, 300_000);

    it.skipIf(motoSkipReason() !== null)('queues while the S3 server is stopped and delivers once it runs again, with no key in any file', async () => {
      const { page, dataDir } = app;
      const secret = 'very-secret-offline-value-42';
      const port = await freePort();
      const endpoint = `http://127.0.0.1:${port}`;
      const s3 = () => new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
      stopMoto = await motoOn(port);
      let client = s3();
      await client.send(new CreateBucketCommand({ Bucket: 'offline-mesh' }));
      client.destroy();

      await page.getByTestId('open-settings').click();
      await expect.poll(() => page.getByTestId('settings-screen').isVisible()).toBe(true);
      await page.getByTestId('mesh-name').fill('Team S3');
      await page.getByTestId('mesh-kind-s3').check();
      await page.getByTestId('mesh-bucket').fill('offline-mesh');
      await page.getByTestId('mesh-prefix').fill('finance');
      await page.getByTestId('mesh-endpoint').fill(endpoint);
      await page.getByTestId('mesh-path-style').check();
      await page.getByTestId('mesh-creds-keys').check();
      await page.getByTestId('mesh-access-key').fill('AKIAEXAMPLE');
      await page.getByTestId('mesh-secret').fill(secret);
      await page.getByTestId('mesh-test').click();
      await expect.poll(() => page.getByTestId('mesh-test-result').innerText(), { timeout: 30_000 }).toMatch(/Connected/);
      await page.getByTestId('mesh-save').click();
      const row = page.locator('[data-testid^="mesh-row-"]').filter({ hasText: 'Team S3' });
      await expect.poll(() => row.count()).toBe(1);
      const useButton = row.locator('[data-testid^="mesh-use-"]');
      if (await useButton.count()) await useButton.click();
      await page.getByTestId('settings-back').click();

      // The server goes away; publishing queues.
      await stopMoto();
      await describeAndCheck(page, salesCsv(tempDir(), 90, { name: 'store-sales.csv' }), salesDescription);
      await publishQueued(page, 'Team S3');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox (1)');
      await page.getByTestId('publish-open-outbox').click();
      await expect.poll(() => jobRow(page, 'store-sales').getByTestId('outbox-job-state').innerText()).toMatch(/Waiting|Failed/);

      // The server is back (moto starts empty: the bucket is made again) → delivered, once.
      stopMoto = await motoOn(port);
      client = s3();
      await client.send(new CreateBucketCommand({ Bucket: 'offline-mesh' }));
      await sendNowIfWaiting(page);
      await expect.poll(() => jobRow(page, 'store-sales').getByTestId('outbox-job-state').innerText(), { timeout: 90_000 }).toBe('Delivered v1.0.0');
      await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('Outbox');
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'offline-mesh', Prefix: 'finance/store-sales/' }));
      const keys = (listed.Contents ?? []).map((o) => o.Key!);
      expect(keys.filter((k) => k.includes('/schemata/'))).toHaveLength(1);
      expect(keys).toContain('finance/store-sales/product.yaml');
      client.destroy();
      await page.screenshot({ path: resolve(shots, `${target.name}-outbox-s3-delivered.png`), fullPage: true });

      // The key was never written: not in the outbox, drafts, settings or any other file of the data folder.
      const leaks = filesUnder(dataDir).filter((f) => readFileSync(f).includes(secret));
      expect(leaks).toEqual([]);
      expect(await page.content()).not.toContain(secret);
      await page.getByTestId('outbox-back').click();
    }, 300_000);
  });
}
