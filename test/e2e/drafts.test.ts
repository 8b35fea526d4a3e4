// End to end, journey 4 (drafts): add a file, type the product's description and a column
// description, reload the page → Home lists the draft; open it → every value is back; restart
// the host on the same data folder → still there; duplicate; delete and undo. Browser mode with
// its own data folder (the host is restarted here, so it is launched by this test, not the harness).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { launchBrowserMode, type BrowserModeHost } from '../../shared/node/web-host/launch';
import { chromiumPath } from './harness/targets';
import { tempDir } from '../fixtures/make-fixtures';
import { salesCsv } from '../node/publish/publish-fixtures';

const repo = resolve(__dirname, '../..');
const shots = resolve(repo, 'test-output/e2e');
mkdirSync(shots, { recursive: true });

const dataDir = tempDir('mesh-desk-e2e-drafts-');
const files = tempDir('mesh-desk-e2e-drafts-files-');
let host: BrowserModeHost | null = null;
let browser: Browser;
let page: Page;

async function startHost(): Promise<void> {
  host = await launchBrowserMode({ dataDir, staticDir: resolve(repo, 'build/renderer'), meshFolder: resolve(dataDir, 'mesh') });
  const url = host.url.includes('#token=') ? host.url : `${host.url.replace(/\/?$/, '/')}#token=${host.token}`;
  await page.goto(url);
}

const items = () => page.getByTestId('draft-item');
const titles = () => page.locator('[data-testid="draft-item"] .draft-title').allInnerTexts();
const item = (title: string) => items().filter({ has: page.locator('.draft-title', { hasText: new RegExp(`^${title}$`) }) });

/** Waits until the autosave says everything typed is on disk. */
async function waitSaved(): Promise<void> {
  const status = page.getByTestId('draft-save-status');
  await expect
    .poll(async () => {
      const now = await status.getAttribute('data-status');
      // A failing save names its reason in the tooltip: show it instead of a bare "retrying".
      return now === 'retrying' ? `retrying: ${await status.getAttribute('title')}` : now;
    }, { timeout: 10_000 })
    .toBe('saved');
}

async function addAndDescribe(file: string, title: string, description: string, column0: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await expect.poll(() => page.getByTestId('preview-grid').isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('to-describe').click();
  await expect.poll(() => page.getByTestId('describe-screen').isVisible()).toBe(true);
  await page.getByTestId('meta-title').fill(title);
  await page.getByTestId('meta-description').fill(description);
  await page.getByTestId('col-description-0').fill(column0);
  await waitSaved();
}

async function expectValues(title: string, description: string, column0: string): Promise<void> {
  try {
    await expect.poll(() => page.getByTestId('describe-screen').isVisible(), { timeout: 30_000 }).toBe(true);
  } catch (e) {
    await page.screenshot({ path: resolve(shots, 'browser-drafts-failed.png'), fullPage: true });
    throw e;
  }
  expect(await page.getByTestId('meta-title').inputValue()).toBe(title);
  expect(await page.getByTestId('meta-description').inputValue()).toBe(description);
  expect(await page.getByTestId('col-description-0').inputValue()).toBe(column0);
}

describe('drafts (browser)', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage();
    await startHost();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('keeps what was typed through a reload and a host restart; duplicates, deletes and undoes', async () => {
    await expect.poll(() => page.getByTestId('drafts-empty').isVisible(), { timeout: 15_000 }).toBe(true);
    const title = 'Autumn sales';
    const description = 'Sales by day and region, one row per sale.';
    const column0 = 'Sale number from the till';
    await addAndDescribe(salesCsv(files, 5, { name: 'autumn-sales.csv' }), title, description, column0);
    expect(readdirSync(join(dataDir, 'drafts')).filter((f) => f.endsWith('.json'))).toHaveLength(1);

    // Reload: Home lists the draft; opening it brings every value back, on the step it was left.
    await page.reload();
    await expect.poll(() => titles(), { timeout: 15_000 }).toEqual([title]);
    expect(await item(title).locator('.draft-file').innerText()).toContain('autumn-sales.csv');
    expect(await item(title).getByTestId('draft-badge').innerText()).toContain('Draft');
    await item(title).getByTestId('draft-open').click();
    await expectValues(title, description, column0);
    await page.screenshot({ path: resolve(shots, 'browser-draft-reopened.png') });

    // A change after reopening is saved under the same draft (no second draft appears).
    await page.getByTestId('meta-domain').fill('finance');
    await waitSaved();

    // Restart the host on the same data folder: still there.
    await host!.close();
    host = null;
    await startHost();
    await expect.poll(() => titles(), { timeout: 15_000 }).toEqual([title]);
    await item(title).getByTestId('draft-open').click();
    await expectValues(title, description, column0);
    expect(await page.getByTestId('meta-domain').inputValue()).toBe('finance');

    // A second file makes a second draft; back Home, then duplicate the first.
    await page.getByTestId('back-to-import').click();
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await addAndDescribe(salesCsv(files, 8, { name: 'price-list.csv' }), 'Price list 2027', 'Prices per product code.', 'Sale number');
    await page.getByTestId('back-to-import').click();
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await expect.poll(() => titles(), { timeout: 15_000 }).toEqual(['Price list 2027', title]);
    await item(title).getByTestId('draft-duplicate').click();
    await expect.poll(() => items().count(), { timeout: 15_000 }).toBe(3);
    expect(readdirSync(join(dataDir, 'drafts')).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    await page.screenshot({ path: resolve(shots, 'browser-home-drafts.png'), fullPage: true });

    // Delete asks first; Keep it changes nothing.
    const original = item(title).first();
    const before = await titles();
    await item('Price list 2027').getByTestId('draft-delete').click();
    await expect.poll(() => page.getByTestId('draft-delete-dialog').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await titles()).toEqual(before);
    await item('Price list 2027').getByTestId('draft-delete').click();
    await page.getByTestId('draft-delete-confirm').click();
    await expect.poll(() => items().count()).toBe(2);
    await expect.poll(() => page.getByTestId('draft-undo-toast').innerText()).toContain('Price list 2027');
    await page.screenshot({ path: resolve(shots, 'browser-home-draft-deleted.png'), fullPage: true });
    await page.getByTestId('draft-undo').click();
    await expect.poll(() => titles()).toEqual(before);
    expect(await original.isVisible()).toBe(true);

    // The restored draft still holds what was typed; it was left on Import, so it opens there.
    await item('Price list 2027').getByTestId('draft-open').click();
    await expect.poll(() => page.getByTestId('import-screen').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('to-describe').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('to-describe').click();
    await expectValues('Price list 2027', 'Prices per product code.', 'Sale number');
  }, 180_000);

  it('says when a draft’s file changed or went missing, reads it again or takes the located file, and keeps the description', async () => {
    await page.reload();
    const title = 'Moved file';
    await addAndDescribe(salesCsv(files, 5, { name: 'moved.csv' }), title, 'A file that will change and then vanish.', 'Row id');
    const upload = readdirSync(join(dataDir, 'uploads'), { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('moved.csv'));
    expect(upload).toHaveLength(1);
    const uploaded = join(dataDir, 'uploads', upload[0]!);

    // The file changed (two more rows): the banner says so; "Read it again" goes on with the new rows.
    copyFileSync(salesCsv(tempDir(), 7, { name: 'moved.csv' }), uploaded);
    await page.reload();
    await item(title).getByTestId('draft-open').click();
    await expect.poll(() => page.getByTestId('draft-source-banner').getAttribute('data-status'), { timeout: 15_000 }).toBe('changed');
    await page.screenshot({ path: resolve(shots, 'browser-draft-file-changed.png'), fullPage: true });
    await page.getByTestId('draft-reread').click();
    await expectValues(title, 'A file that will change and then vanish.', 'Row id');
    await waitSaved();

    // Read again and saved: the draft now knows the file as it is, so no banner next time.
    await page.reload();
    await item(title).getByTestId('draft-open').click();
    await expectValues(title, 'A file that will change and then vanish.', 'Row id');
    expect(await page.getByTestId('draft-source-banner').count()).toBe(0);

    // The file is gone: "Locate the file…" takes another one, which becomes the draft's file.
    rmSync(uploaded);
    await page.reload();
    await item(title).getByTestId('draft-open').click();
    await expect.poll(() => page.getByTestId('draft-source-banner').getAttribute('data-status'), { timeout: 15_000 }).toBe('missing');
    expect(await page.getByTestId('draft-reread').count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'browser-draft-file-missing.png'), fullPage: true });
    await page.getByTestId('draft-locate-input').setInputFiles(salesCsv(files, 6, { name: 'found-again.csv' }));
    await expectValues(title, 'A file that will change and then vanish.', 'Row id');
    await waitSaved();
    await page.reload();
    await expect.poll(() => item(title).locator('.draft-file').innerText(), { timeout: 15_000 }).toContain('found-again.csv');
  }, 120_000);
});
