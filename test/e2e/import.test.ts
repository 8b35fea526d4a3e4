// End to end: an owner drops a CSV and an XLSX and sees them read, typed and profiled.
// Runs against the browser mode always and against Electron where its binary exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright';
import { targets, type RunningApp } from './harness/targets';
import { europeanCsv, multiSheetWorkbook, notAWorkbook, tempDir } from '../fixtures/make-fixtures';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
}

/** A real drag and drop: a File built in the page from the fixture's bytes, dropped on the zone. */
async function dropFile(page: Page, path: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const name = basename(path);
  const transfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      return dt;
    },
    { base64, name },
  );
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

async function typeOf(page: Page, index: number): Promise<string> {
  return page.getByTestId(`type-${index}`).inputValue();
}

for (const target of targets) {
  describe(`import (${target.name})`, () => {
    let app: RunningApp;
    let fixtures: string;

    beforeAll(async () => {
      fixtures = tempDir('mesh-desk-fixtures-');
      app = await target.launch();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('reads a European CSV: title lines skipped, decimal commas, dd.mm.yyyy dates, leading zeros kept', async () => {
      const { page } = app;
      await chooseFile(page, europeanCsv(fixtures));
      await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => page.getByTestId('row-count').innerText()).toMatch(/240/);
      expect(await page.getByTestId('header-row').inputValue()).toBe('3');
      expect(await typeOf(page, 0)).toBe('text'); // 00001 keeps its zeros
      expect(await typeOf(page, 1)).toBe('date');
      expect(await typeOf(page, 2)).toBe('number');
      expect(await typeOf(page, 3)).toBe('text');
      expect(await typeOf(page, 4)).toBe('boolean');
      const firstRow = page.getByTestId('grid-row').first();
      await expect.poll(() => firstRow.innerText()).toContain('00001');
      await expect.poll(() => page.getByTestId('import-screen').innerText()).toMatch(/Windows-1252/i);
      await page.screenshot({ path: resolve(shots, `${target.name}-import-csv.png`), fullPage: true });
    });

    it('changing a column type re-reads the file and counts values that do not fit', async () => {
      const { page } = app;
      await page.getByTestId('type-3').selectOption('integer');
      await expect.poll(() => typeOf(page, 3), { timeout: 30_000 }).toBe('integer');
      await expect.poll(() => page.getByTestId('problems').innerText(), { timeout: 30_000 }).toMatch(/Region/);
    });

    it('reads a dropped two-sheet workbook and switches sheets', async () => {
      const { page } = app;
      await page.goto(page.url().split('#')[0]!); // back home; the token stays in the session
      const path = await multiSheetWorkbook(fixtures);
      if (target.name === 'browser') await dropFile(page, path);
      else await chooseFile(page, path);
      await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
      const sheets = await page.getByTestId('sheet-picker').locator('option').allInnerTexts();
      expect(sheets.join(' | ')).toMatch(/Budget.*\|.*Contacts/);
      await expect.poll(() => page.getByTestId('row-count').innerText()).toMatch(/150/);
      expect(await typeOf(page, 1)).toBe('date');
      expect(await typeOf(page, 2)).toBe('number');
      expect(await typeOf(page, 3)).toBe('boolean');
      await page.screenshot({ path: resolve(shots, `${target.name}-import-xlsx.png`), fullPage: true });

      const contacts = await page.getByTestId('sheet-picker').locator('option', { hasText: 'Contacts' }).getAttribute('value');
      await page.getByTestId('sheet-picker').selectOption(contacts!);
      await expect.poll(() => page.getByTestId('row-count').innerText(), { timeout: 30_000 }).toMatch(/30/);
      expect(await typeOf(page, 1)).toBe('text'); // phone numbers stay text
      expect(await typeOf(page, 2)).toBe('integer');
    });

    it('explains a file it cannot read instead of failing silently', async () => {
      const { page } = app;
      await page.goto(page.url().split('#')[0]!);
      await chooseFile(page, notAWorkbook(fixtures));
      const banner = page.getByTestId('error-banner');
      await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await banner.innerText()).toMatch(/broken\.xlsx|damaged|not/i);
      await page.screenshot({ path: resolve(shots, `${target.name}-import-error.png`), fullPage: true });
    });
  });
}
