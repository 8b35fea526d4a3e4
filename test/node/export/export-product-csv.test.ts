// "Save as CSV" end to end: a product published with the real pipeline into a folder mesh, then
// exported by exportProduct. Comma CSV takes the fast path (bytes copied from the parts): it must
// give exactly the bytes of the typed path; ';' keeps the typed path; progress, rows, cancelling.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvExportChunks } from '../../../shared/core/export/csv-export';
import { endpointRows, openEndpoint, type PullProgress } from '../../../shared/core/pull/read-endpoint';
import { CancelledError } from '../../../shared/core/result';
import { exportProduct } from '../../../shared/node/export/export-product';
import { tempDir } from '../../fixtures/make-fixtures';
import { folderMesh, publishFile, setPartRows, typedCsv, typedMeta } from '../../core/pull/pull-fixtures';

const dir = tempDir('mesh-desk-export-csv-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function typedPathBytes(mesh: ReturnType<typeof folderMesh>, product: string, opts: { delimiter: ',' | ';'; bom: boolean }): Promise<Buffer> {
  const opened = await openEndpoint(mesh.store, { product });
  const chunks: Uint8Array[] = [];
  for await (const c of csvExportChunks(opened.columns, endpointRows(mesh.store, opened), opts)) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('exportProduct to CSV', () => {
  it('comma CSV (fast path) is byte-identical to the typed path; ";" still uses the typed path', async () => {
    const mesh = folderMesh();
    await setPartRows(mesh, 37);
    const { path } = typedCsv(dir, 300);
    // Formula-like text and odd numbers from the owner's file, published as they are.
    const extra = ['301,-5,2024-01-01,2024-01-01 10:00:00,yes,North,"=1+1\nnote",=cmd', "302,1.50,2024-01-02,2024-01-02 10:00:00,no,South,\"@SUM(1+1)*cmd|' /C calc'!A0\",-5", '303,-0.00,2024-01-03,2024-01-03 10:00:00,no,East,"\t=1+1",+1'];
    writeFileSync(path, readFileSync(path, 'utf8') + extra.join('\r\n') + '\r\n');
    const published = await publishFile(mesh, path, typedMeta('csv-demo'));
    expect(published.parts).toBe(9);

    const progress: PullProgress[] = [];
    const out = join(dir, 'comma.csv');
    const r = await exportProduct({ store: mesh.store, location: mesh.location, product: 'csv-demo', path: out, csv: { delimiter: ',', bom: true }, onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ rows: 303, format: 'csv', version: published.version });
    const fast = readFileSync(out);
    expect(fast.equals(await typedPathBytes(mesh, 'csv-demo', { delimiter: ',', bom: true }))).toBe(true);
    expect(progress.at(-1)).toEqual({ rowsDone: 303, rowsTotal: 303, partsDone: 9, parts: 9 });
    const text = fast.toString('utf8');
    expect(text.startsWith('\uFEFFid,amount,day,stamp,active,region,note,code\r\n')).toBe(true);
    expect(text).toContain(`\r\n301,-5,2024-01-01,2024-01-01T10:00:00,true,North,"'=1+1\nnote",'=cmd\r\n`);
    expect(text).toContain(`\r\n302,1.5,2024-01-02,2024-01-02T10:00:00,false,South,'@SUM(1+1)*cmd|' /C calc'!A0,'-5\r\n`);
    expect(text).toContain(`\r\n303,0,2024-01-03,2024-01-03T10:00:00,false,East,'\t=1+1,'+1\r\n`);
    // One header for the whole file, not one per part.
    expect(text.split('id,amount,day').length).toBe(2);

    const semi = join(dir, 'semi.csv');
    await exportProduct({ store: mesh.store, location: mesh.location, product: 'csv-demo', path: semi, csv: { delimiter: ';', bom: false } });
    expect(readFileSync(semi).equals(await typedPathBytes(mesh, 'csv-demo', { delimiter: ';', bom: false }))).toBe(true);
    expect(readFileSync(semi, 'utf8')).toContain('\r\n302;1,5;');
  }, 120_000);

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('LibreOffice opens the export with the injection strings as plain text, numbers as numbers', async () => {
    const mesh = folderMesh();
    const file = join(dir, 'inj.csv');
    const notes = ['=1+1\nnote', "@SUM(1+1)*cmd|' /C calc'!A0", '\t=1+1', 'plain'];
    const q = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const source = ['id,amount,day,stamp,active,region,note,code', ...notes.map((n, i) => `${i + 1},-5,2024-01-01,2024-01-01 10:00:00,yes,North,${q(n)},${i}`)];
    writeFileSync(file, source.join('\r\n') + '\r\n');
    await publishFile(mesh, file, typedMeta('inj-demo'));
    const out = join(dir, 'inj-export.csv');
    await exportProduct({ store: mesh.store, location: mesh.location, product: 'inj-demo', path: out, csv: { delimiter: ',', bom: true } });
    const r = spawnSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, out], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'inj-export.xlsx'));
    const sheet = wb.worksheets[0]!;
    const notesBack = [2, 3, 4, 5].map((n) => sheet.getRow(n).getCell(7));
    expect(notesBack.map((c) => c.value)).toEqual(["'=1+1\nnote", "'@SUM(1+1)*cmd|' /C calc'!A0", "'\t=1+1", 'plain']);
    expect(notesBack.every((c) => c.type === ExcelJS.ValueType.String && c.formula === undefined)).toBe(true);
    expect(sheet.getRow(2).getCell(2).value).toBe(-5);
  }, 180_000);

  it('stops with CancelledError and leaves no file behind', async () => {
    const mesh = folderMesh();
    await setPartRows(mesh, 10);
    const { path } = typedCsv(dir, 200, 'cancel.csv');
    await publishFile(mesh, path, typedMeta('cancel-demo'));
    const outDir = tempDir('mesh-desk-export-cancel-');
    const controller = new AbortController();
    await expect(exportProduct({
      store: mesh.store, location: mesh.location, product: 'cancel-demo', path: join(outDir, 'x.csv'),
      csv: { delimiter: ',', bom: false }, signal: controller.signal,
      onProgress: (p) => p.partsDone === 3 && controller.abort(),
    })).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(join(outDir, 'x.csv'))).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  }, 120_000);
});
