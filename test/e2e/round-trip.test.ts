// End to end, journey 3 back to journey 2: a product pulled with "Open in Excel", edited in a
// spreadsheet and dropped back into Mesh Desk is recognized, takes its description from the mesh,
// shows what changed, and publishes as the next version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { targets, type RunningApp } from './harness/targets';
import { publishSales } from '../node/publish/publish-sales';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });

for (const target of targets.filter((t) => t.name === 'browser')) {
  describe(`round trip (${target.name})`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await target.launch();
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });

    it('pull, edit, bring back: recognized, described, compared, published as v1.0.1', async () => {
      const { page, dataDir } = app;
      await publishSales(join(dataDir, 'mesh'), 'weekly-sales', 60);

      // Pull through the app, edit like an owner, bring it back.
      await page.getByTestId('open-catalog').click();
      await expect.poll(() => page.getByTestId('catalog-item-weekly-sales').isVisible(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('catalog-item-weekly-sales').click();
      await expect.poll(() => page.getByTestId('product-open-excel').isEnabled(), { timeout: 30_000 }).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('product-open-excel').click()]);
      const pulled = join(dataDir, 'weekly-sales.xlsx');
      await download.saveAs(pulled);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(pulled);
      wb.getWorksheet('Data')!.getRow(3).getCell(3).value = 999.5;
      wb.getWorksheet('Data')!.addRow([61, 'East', 5.5, new Date(Date.UTC(2024, 0, 9)), '00061']);
      await wb.xlsx.writeFile(pulled);
      await page.getByTestId('product-back').click();
      await page.getByTestId('catalog-back').click();

      await page.getByTestId('file-input').setInputFiles(pulled);
      await expect.poll(() => page.getByTestId('recognized-banner').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('recognized-banner').innerText()).toMatch(/weekly-sales v1\.0\.0/);
      await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('use-product-meta').click();
      await page.getByTestId('to-describe').click();
      await expect.poll(() => page.getByTestId('describe-screen').isVisible()).toBe(true);
      await page.getByTestId('to-check').click();
      await expect.poll(() => page.getByTestId('diff-headline').innerText(), { timeout: 60_000 }).toMatch(/61 data rows/);
      expect(await page.getByTestId('diff-added').innerText()).toMatch(/1/);
      expect(await page.getByTestId('diff-result').innerText()).toMatch(/1 row changed/);
      await page.screenshot({ path: resolve(shots, `${target.name}-round-trip-check.png`), fullPage: true });
      await expect.poll(() => page.getByTestId('publish').isEnabled(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('publish').click();
      await expect.poll(() => page.getByTestId('publish-version').innerText(), { timeout: 30_000 }).toContain('1.0.1');
      await page.getByTestId('publish-run').click();
      await expect.poll(() => page.getByTestId('publish-done').isVisible(), { timeout: 60_000 }).toBe(true);
      expect(await page.getByTestId('publish-done').innerText()).toMatch(/weekly-sales v1\.0\.1/);
    }, 180_000);
  });
}
