// End to end, journey 1 steps 2–3: describe a file with known defects, see the check find them,
// fix what blocks, waive a warning with a reason, and see Publish enabled only then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright';
import { targets, type RunningApp } from './harness/targets';
import { defectiveCsv, tempDir } from '../fixtures/make-fixtures';

const shots = resolve(__dirname, '../../test-output/e2e');
mkdirSync(shots, { recursive: true });

const codes = (page: Page) => page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
const tile = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).match(/\d+/)?.[0] ?? NaN);

for (const target of targets) {
  describe(`describe and check (${target.name})`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await target.launch();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('finds the known defects, blocks publishing until they are dealt with, and records a waiver', async () => {
      const { page } = app;
      await page.getByTestId('file-input').setInputFiles(defectiveCsv(tempDir()));
      await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('to-describe').click();
      await expect.poll(() => page.getByTestId('describe-screen').isVisible()).toBe(true);

      // The product, as the owner would fill it in.
      await page.getByTestId('meta-description').fill('Orders of the autumn campaign, one row per order.');
      await page.getByTestId('meta-domain').fill('marketing');
      await page.getByTestId('meta-owner-name').fill('Ana Muster');
      await page.getByTestId('meta-owner-email').fill('ana@acme.example');
      await page.getByTestId('meta-frequency').selectOption('monthly');
      await page.getByTestId('meta-classification').selectOption('internal');
      const descriptions = ['Order number', 'Who ordered', 'Order value in EUR', 'Sales region'];
      for (const [i, text] of descriptions.entries()) await page.getByTestId(`col-description-${i}`).fill(text);
      await page.getByTestId('col-unique-0').check();
      // Mesh Desk noticed the e-mail addresses before any check ran.
      await expect.poll(() => page.getByTestId('suggestion-1').innerText()).toMatch(/e-mail/i);
      await page.screenshot({ path: resolve(shots, `${target.name}-describe.png`), fullPage: true });

      await page.getByTestId('to-check').click();
      await expect.poll(() => page.getByTestId('check-screen').isVisible()).toBe(true);
      await expect.poll(() => codes(page), { timeout: 30_000 }).toContain('check.duplicate-key');
      expect(await codes(page)).toEqual(expect.arrayContaining(['check.duplicate-key', 'check.personal-data', 'check.type-mismatch']));
      expect(await tile(page, 'tile-blocking')).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('publish').isDisabled()).toBe(true);
      const duplicate = page.locator('[data-testid="finding"][data-code="check.duplicate-key"]');
      expect(await duplicate.innerText()).toMatch(/Row 5 repeats the value '1003' of row 4 in column A \(Order ID\)/);
      await page.screenshot({ path: resolve(shots, `${target.name}-check-blocked.png`), fullPage: true });

      // Deal with what blocks: the ids are not unique after all; the e-mails are personal data,
      // which this mesh's policy only allows in confidential products.
      await page.getByTestId('back-to-describe').click();
      await page.getByTestId('col-unique-0').uncheck();
      await page.getByTestId('confirm-suggestion-1').click();
      await page.getByTestId('meta-classification').selectOption('confidential');
      await page.getByTestId('to-check').click();
      await expect.poll(() => tile(page, 'tile-blocking'), { timeout: 30_000 }).toBe(0);
      expect(await codes(page)).not.toContain('check.duplicate-key');
      expect(await page.getByTestId('publish').isEnabled()).toBe(true);

      // Waive the remaining warning (the "n/a" amount) with a written reason.
      const warningsBefore = await tile(page, 'tile-warnings');
      expect(warningsBefore).toBeGreaterThanOrEqual(1);
      const findings = await codes(page);
      expect(findings).not.toContain('infer.mixed-types'); // the same 'n/a', reported once
      const mixed = findings.indexOf('check.type-mismatch');
      await page.getByTestId(`waive-${mixed}`).click();
      await page.getByTestId('waive-reason').fill('Cancelled orders have no amount; analysts know this.');
      await page.getByTestId('waive-confirm').click();
      await expect.poll(() => page.getByTestId(`waived-${mixed}`).innerText()).toMatch(/Cancelled orders/);
      expect(await tile(page, 'tile-warnings')).toBe(warningsBefore - 1);
      expect(await page.getByTestId('publish').isEnabled()).toBe(true);
      await page.screenshot({ path: resolve(shots, `${target.name}-check-ready.png`), fullPage: true });
    });
  });
}
