// End to end, journey 1 to the end: describe and check a clean file, see the proposed version
// and what consumers will see, publish into the built-in folder mesh, publish again (a patch),
// then add an S3 mesh in Settings (a real moto server), test the connection and publish there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright';
import { targets, type RunningApp } from './harness/targets';
import { describeAndCheck } from './harness/describe-and-check';
import { tempDir } from '../fixtures/make-fixtures';
import { salesCsv } from '../node/publish/publish-fixtures';
import { motoSkipReason, startMotoServer, type MotoServer } from '../harness/moto-server';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });
const skipS3 = motoSkipReason();

async function publishNow(page: Page, expectVersion: string) {
  await expect.poll(() => page.getByTestId('publish-version').innerText(), { timeout: 30_000 }).toContain(expectVersion);
  await page.getByTestId('publish-run').click();
  try {
    await expect.poll(() => page.getByTestId('publish-done').isVisible(), { timeout: 60_000 }).toBe(true);
  } catch (e) {
    await page.screenshot({ path: resolve(shots, `publish-failed-${expectVersion}.png`), fullPage: true });
    throw e;
  }
  expect(await page.getByTestId('publish-done').innerText()).toContain(`v${expectVersion}`);
}

for (const target of targets) {
  describe(`publish (${target.name})`, () => {
    let app: RunningApp;
    let moto: MotoServer | undefined;
    beforeAll(async () => {
      app = await target.launch();
      if (skipS3 === null) moto = await startMotoServer();
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await moto?.stop();
    });

    it('publishes to the folder mesh, then a patch version, then to an S3 mesh set up in Settings', async () => {
      const { page, dataDir } = app;
      const file = salesCsv(tempDir(), 2_345, { name: 'weekly-sales.csv' });
      await describeAndCheck(page, file, 'Sales by day and region.');
      await page.getByTestId('publish').click();
      await expect.poll(() => page.getByTestId('publish-screen').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('publish-summary').innerText(), { timeout: 30_000 }).toMatch(/2,345 rows/);
      expect(await page.getByTestId('publish-summary').innerText()).toMatch(/3 files/);
      expect(await page.getByTestId('publish-mesh').innerText()).toMatch(/This computer/);
      await page.screenshot({ path: resolve(shots, `${target.name}-publish-proposal.png`), fullPage: true });
      await publishNow(page, '1.0.0');
      await page.screenshot({ path: resolve(shots, `${target.name}-publish-done.png`), fullPage: true });
      const mesh = join(dataDir, 'mesh', 'weekly-sales');
      expect(readdirSync(join(mesh, 'default')).sort()).toEqual(['v1.0.0.datapart0001.csv', 'v1.0.0.datapart0002.csv', 'v1.0.0.datapart0003.csv']);
      expect(existsSync(join(mesh, 'product.yaml'))).toBe(true);

      // Publish the same data again: only a patch, with the higher versions offered.
      await page.getByTestId('publish-again').click();
      await page.getByTestId('publish').click();
      await expect.poll(() => page.getByTestId('publish-reason').innerText(), { timeout: 30_000 }).toMatch(/patch/);
      expect(await page.getByTestId('publish-bump-major').isVisible()).toBe(true);
      await publishNow(page, '1.0.1');

      if (!moto) return;
      // An S3 mesh, as an owner would add it: bucket, endpoint, keys; test, save, use.
      const plain = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
      await plain.send(new CreateBucketCommand({ Bucket: 'acme-mesh' }));
      await page.getByTestId('open-settings').click();
      await expect.poll(() => page.getByTestId('settings-screen').isVisible()).toBe(true);
      await page.getByTestId('mesh-name').fill('Team S3');
      await page.getByTestId('mesh-kind-s3').check();
      await page.getByTestId('mesh-bucket').fill('acme-mesh');
      await page.getByTestId('mesh-prefix').fill('finance');
      await page.getByTestId('mesh-endpoint').fill(moto.endpoint);
      await page.getByTestId('mesh-path-style').check();
      await page.getByTestId('mesh-creds-keys').check();
      await page.getByTestId('mesh-access-key').fill('AKIAEXAMPLE');
      await page.getByTestId('mesh-secret').fill('very-secret-value');
      await page.getByTestId('mesh-test').click();
      await expect.poll(() => page.getByTestId('mesh-test-result').innerText(), { timeout: 30_000 }).toMatch(/Connected/);
      await page.screenshot({ path: resolve(shots, `${target.name}-settings.png`), fullPage: true });
      await page.getByTestId('mesh-save').click();
      const row = page.locator('[data-testid^="mesh-row-"]').filter({ hasText: 'Team S3' });
      await expect.poll(() => row.count()).toBe(1);
      expect(await page.content()).not.toContain('very-secret-value');
      const useButton = row.locator('[data-testid^="mesh-use-"]');
      if (await useButton.count()) await useButton.click();
      await page.getByTestId('settings-back').click();

      await page.getByTestId('publish-again').click().catch(() => undefined);
      if (await page.getByTestId('publish').isVisible()) await page.getByTestId('publish').click();
      await expect.poll(() => page.getByTestId('publish-mesh').innerText(), { timeout: 30_000 }).toMatch(/Team S3/);
      await publishNow(page, '1.0.0');
      const listed = await plain.send(new ListObjectsV2Command({ Bucket: 'acme-mesh', Prefix: 'finance/weekly-sales/' }));
      expect((listed.Contents ?? []).map((o) => o.Key).filter((k) => k!.includes('/default/'))).toHaveLength(3);
      plain.destroy();
    }, 240_000);
  });
}
