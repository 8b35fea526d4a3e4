// `mesh-desk export` as a user runs it: a real child process, a real folder mesh with a product
// published by `mesh-desk publish`, files read back (the CSV as text, the workbook by exceljs).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv } from '../publish/publish-fixtures';

const repo = resolve(__dirname, '../../..');
const bin = join(repo, 'shared/node/cli/bin.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('mesh-desk export', () => {
  it('saves a published version as CSV (with ; and a BOM) and as a workbook, and explains a wrong name', async () => {
    const dir = tempDir('mesh-desk-export-cli-');
    const mesh = `file://${join(dir, 'mesh')}`;
    const file = salesCsv(dir, 30, { name: 'sales.csv' });
    const meta = join(dir, 'meta.yaml');
    writeFileSync(meta, [
      'name: weekly-sales', 'title: Weekly sales', 'description: Sales by day', 'domain: finance',
      'owner: {name: Anna Berg, email: anna@example.com}', 'frequency: weekly', 'classification: internal',
      'columns:', '  id: {description: Sale number}', '  region: {description: Sales region}', '  amount: {description: Amount in EUR}',
      '  day: {description: Day of sale}', '  code: {description: Product code}', '',
    ].join('\n'));
    const published = cli('publish', file, '--mesh', mesh, '--meta', meta, '--json');
    expect(published.code, published.stderr).toBe(0);

    const csvPath = join(dir, 'out.csv');
    const csv = cli('export', 'weekly-sales', '--mesh', mesh, '--out', csvPath, '--delimiter', ';');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/Saved weekly-sales v1\.0\.0 \(default\): 30 rows/);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('id;region;amount;day;code');
    expect(lines[1]).toBe('1;South;79,19;2024-02-02;00001');

    const xlsxPath = join(dir, 'out.xlsx');
    const xlsx = cli('export', 'weekly-sales', '--mesh', mesh, '--out', xlsxPath, '--json');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(JSON.parse(xlsx.stdout)).toMatchObject({ product: 'weekly-sales', version: '1.0.0', rows: 30, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const data = wb.worksheets[0]!;
    expect(data.getRow(2).values).toEqual([undefined, 1, 'South', 79.19, expect.any(Date), '00001']);

    const wrong = cli('export', 'no-such-product', '--mesh', mesh, '--out', join(dir, 'x.xlsx'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no-such-product/);
  }, 180_000);
});
