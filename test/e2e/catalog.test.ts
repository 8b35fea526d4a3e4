// End to end, journey 3's first steps: products published into the mesh appear in the Catalog;
// search narrows them as you type; a product's page shows its owner, columns, versions and the
// first rows of its data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join, resolve } from 'node:path';
import { targets, type RunningApp } from './harness/targets';
import { publishSales } from '../node/publish/publish-sales';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });


for (const target of targets) {
  describe(`catalog (${target.name})`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await target.launch();
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });

    it('lists published products, searches as you type, and opens a product page with a preview', async () => {
      const { page, dataDir } = app;
      const mesh = join(dataDir, 'mesh');
      await publishSales(mesh, 'weekly-sales', 120, { title: 'Weekly sales' });
      await publishSales(mesh, 'price-list', 20, { title: 'Price list 2026' });
      await page.getByTestId('open-catalog').click();
      await expect.poll(() => page.getByTestId('catalog-item-weekly-sales').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('catalog-item-price-list').isVisible()).toBe(true);
      await page.getByTestId('catalog-search').fill('weekly');
      await expect.poll(() => page.getByTestId('catalog-item-price-list').count()).toBe(0);
      await page.screenshot({ path: resolve(shots, `${target.name}-catalog.png`), fullPage: true });
      await page.getByTestId('catalog-item-weekly-sales').click();
      await expect.poll(() => page.getByTestId('product-page').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('product-owner').innerText()).toMatch(/Anna Berg/);
      expect(await page.getByTestId('product-columns').innerText()).toMatch(/Sales region/);
      expect(await page.getByTestId('product-timeline').innerText()).toMatch(/1\.0\.0/);
      await expect.poll(() => page.getByTestId('product-preview').innerText(), { timeout: 30_000 }).toMatch(/2024-/);
      await page.screenshot({ path: resolve(shots, `${target.name}-product.png`), fullPage: true });

      // Pull: the workbook and the CSV arrive as downloads (browser mode) with the product's rows.
      if (target.name === 'browser') {
        const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('product-open-excel').click()]);
        const xlsxPath = join(dataDir, 'pulled.xlsx');
        await xlsx.saveAs(xlsxPath);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(xlsxPath);
        expect(wb.worksheets[0]!.rowCount).toBe(121);
        expect(wb.worksheets[0]!.getRow(2).getCell(3).value).toBe(79.19);
        await expect.poll(() => page.getByTestId('product-export-result').innerText()).toMatch(/Downloads/);
        const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('product-save-csv').click()]);
        const csvPath = join(dataDir, 'pulled.csv');
        await csv.saveAs(csvPath);
        const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
        expect(lines[0]).toMatch(/^id[,;]region[,;]amount[,;]day[,;]code$/);
        expect(lines).toHaveLength(122); // header, 120 rows, the final line break
        // The owner's choices: semicolons and no byte-order mark.
        await page.getByTestId('csv-options').locator('summary').click();
        await page.getByTestId('csv-delimiter').selectOption(';');
        await page.getByTestId('csv-bom').uncheck();
        const [csv2] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('product-save-csv').click()]);
        const csv2Path = join(dataDir, 'pulled-semicolon.csv');
        await csv2.saveAs(csv2Path);
        const bytes = readFileSync(csv2Path);
        expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.toString('utf8').split('\r\n')[0]).toBe('id;region;amount;day;code');
      }
    }, 120_000);
  });
}
