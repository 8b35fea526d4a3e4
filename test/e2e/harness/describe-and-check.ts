// Test helper (Node). The Import → Describe → Check steps for the sales fixture (salesCsv): one copy
// for the specs that publish it through the app, so a change to those screens is mended once.
import { expect } from 'vitest';
import type { Page } from 'playwright';

/** The column descriptions of the sales fixture, in its column order (id, region, amount, day, code). */
const salesColumnDescriptions = ['Sale number', 'Sales region', 'Amount in EUR', 'Day of sale', 'Product code'];

/** Drops `file` in, describes it as Anna Berg's weekly finance product and waits until Publish can be pressed. */
export async function describeAndCheck(page: Page, file: string, description: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('to-describe').click();
  await expect.poll(() => page.getByTestId('describe-screen').isVisible()).toBe(true);
  await page.getByTestId('meta-description').fill(description);
  await page.getByTestId('meta-domain').fill('finance');
  await page.getByTestId('meta-owner-name').fill('Anna Berg');
  await page.getByTestId('meta-owner-email').fill('anna@acme.example');
  await page.getByTestId('meta-frequency').selectOption('weekly');
  await page.getByTestId('meta-classification').selectOption('internal');
  for (const [i, text] of salesColumnDescriptions.entries()) await page.getByTestId(`col-description-${i}`).fill(text);
  await page.getByTestId('to-check').click();
  await expect.poll(() => page.getByTestId('publish').isEnabled(), { timeout: 30_000 }).toBe(true);
}
