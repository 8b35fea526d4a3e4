// End to end, journey 4's "Edit description": a product published into the folder mesh is opened
// from the Catalog, its description edited (the columns' types and rules locked), and published
// as a metadata-only patch: v1.0.1 appears in the timeline as "description only", no data part
// is written, and an export of the new version gives the same rows as the old one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright';
import { targets, type RunningApp } from './harness/targets';
import { publishSales } from '../node/publish/publish-sales';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });

async function openProduct(page: Page, name: string) {
  await page.getByTestId('open-catalog').click();
  await expect.poll(() => page.getByTestId(`catalog-item-${name}`).isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId(`catalog-item-${name}`).click();
  await expect.poll(() => page.getByTestId('product-page').isVisible(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('product-timeline').isVisible(), { timeout: 30_000 }).toBe(true);
}

async function downloadCsv(page: Page, path: string): Promise<string> {
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('product-save-csv').click()]);
  await csv.saveAs(path);
  return readFileSync(path, 'utf8');
}

for (const target of targets) {
  describe(`edit description (${target.name})`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await target.launch();
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });

    it('edits the title and a column description of a published product and publishes v1.0.1 without sending data', async () => {
      const { page, dataDir } = app;
      const mesh = join(dataDir, 'mesh');
      await publishSales(mesh, 'weekly-sales', 120, { title: 'Weekly sales' });
      await openProduct(page, 'weekly-sales');

      await page.getByTestId('product-edit-description').click();
      await expect.poll(() => page.getByTestId('describe-screen').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('meta-edit-banner').innerText()).toMatch(/editing the description of “Weekly sales” v1\.0\.0; the data stays as published/);
      // Only Describe and Publish: there is no file step.
      expect(await page.getByTestId('step-import').count()).toBe(0);
      expect(await page.getByTestId('step-check').count()).toBe(0);
      // The published words are there; what the data is, is shown but locked.
      expect(await page.getByTestId('meta-title').inputValue()).toBe('Weekly sales');
      expect(await page.getByTestId('col-description-1').inputValue()).toBe('Sales region');
      expect(await page.getByTestId('type-0').evaluate((el) => el.tagName)).toBe('SPAN');
      expect(await page.getByTestId('type-0').innerText()).toMatch(/whole number/i);
      expect(await page.getByTestId('col-key-0').isDisabled()).toBe(true);
      expect(await page.getByTestId('col-required-1').isDisabled()).toBe(true);

      await page.getByTestId('meta-title').fill('Weekly sales by region');
      await page.getByTestId('col-description-1').fill('The sales region, as on the invoice');
      await page.screenshot({ path: resolve(shots, `${target.name}-edit-description.png`), fullPage: true });
      await page.getByTestId('to-publish').click();
      await expect.poll(() => page.getByTestId('publish-screen').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('publish-version').innerText(), { timeout: 30_000 }).toContain('1.0.1');
      expect(await page.getByTestId('meta-no-data').innerText()).toMatch(/No data is sent/);
      expect(await page.getByTestId('publish-reason').innerText()).toMatch(/no data is sent/);
      await page.screenshot({ path: resolve(shots, `${target.name}-edit-description-publish.png`), fullPage: true });
      await page.getByTestId('publish-run').click();
      await expect.poll(() => page.getByTestId('publish-done').isVisible(), { timeout: 60_000 }).toBe(true);
      expect(await page.getByTestId('publish-done').innerText()).toMatch(/v1\.0\.1/);
      expect(await page.getByTestId('meta-done-data').innerText()).toMatch(/same 120 rows/);

      // No data part was written for v1.0.1.
      expect(readdirSync(join(mesh, 'weekly-sales', 'default')).sort()).toEqual(['v1.0.0.datapart0001.csv']);

      // The product page: new title, v1.0.1 in the timeline as a description-only patch.
      await openProduct(page, 'weekly-sales');
      await expect.poll(() => page.getByTestId('product-page').locator('h1').innerText(), { timeout: 30_000 }).toBe('Weekly sales by region');
      expect(await page.getByTestId('timeline-description-only-1.0.1').isVisible()).toBe(true);
      expect(await page.getByTestId('product-columns').innerText()).toMatch(/as on the invoice/);
      await page.screenshot({ path: resolve(shots, `${target.name}-edit-description-timeline.png`), fullPage: true });

      if (target.name === 'browser') {
        // Export after the metadata-only publish: the same rows as the version before it.
        const latest = await downloadCsv(page, join(dataDir, 'latest.csv'));
        await page.getByTestId('product-export-version').selectOption('1.0.0');
        const before = await downloadCsv(page, join(dataDir, 'v1.0.0.csv'));
        expect(latest.split('\r\n')).toHaveLength(122);
        expect(latest).toBe(before);
      }
    }, 120_000);
  });
}
