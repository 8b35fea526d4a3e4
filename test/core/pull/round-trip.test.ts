// Node-run test of pure core code. The whole round trip: a product is published into a temporary
// folder mesh with the real pipeline, pulled into a real workbook by the real export writer, then
// edited with exceljs (cells changed, rows added and deleted, columns added and removed) and read
// back with our own XLSX reader: the workbook must be recognized and the differences counted and
// placed (Excel row numbers) exactly. Also: workbooks that are not ours, and damaged records.

import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, type OpenedSource, type SourceRow } from '../../../shared/core/ingest/types';
import { openXlsx } from '../../../shared/core/ingest/xlsx/open-xlsx';
import { diffRows, primaryKeyColumns, type DataDiff } from '../../../shared/core/pull/data-diff';
import { endpointRows, openEndpoint, type OpenedEndpoint } from '../../../shared/core/pull/read-endpoint';
import { PULLED_NAMES, PULLED_PROPERTIES, recognizePulledWorkbook } from '../../../shared/core/pull/recognize';
import { CancelledError } from '../../../shared/core/result';
import { PRODUCT_PROPERTIES, writeProductXlsx } from '../../../shared/node/export/product-xlsx';
import { tempDir } from '../../fixtures/make-fixtures';
import { folderMesh, publishFile, typedCsv, typedMeta } from './pull-fixtures';

const ROWS = 60;
const NOW = new Date('2026-11-21T10:15:00.000Z');
const dir = tempDir('mesh-desk-round-trip-');
const mesh = folderMesh();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(mesh.root, { recursive: true, force: true });
});

let opened: OpenedEndpoint;
let pulled: string;
let version: string;
const address = `file://${mesh.root}/typed-demo`;

beforeAll(async () => {
  const csv = typedCsv(dir, ROWS);
  version = (await publishFile(mesh, csv.path, typedMeta())).version;
  opened = await openEndpoint(mesh.store, { product: 'typed-demo' });
  pulled = join(dir, 'pulled.xlsx');
  await writeProductXlsx({
    path: pulled,
    product: { name: 'typed-demo', title: 'Typed demo', version, address },
    endpoint: 'default',
    columns: opened.columns,
    batches: endpointRows(mesh.store, opened),
    now: NOW,
  });
}, 60_000);

const openBook = (path: string): Promise<OpenedSource> => openXlsx(bytesSource(path, new Uint8Array(readFileSync(path))));

/** Edits a copy of the pulled workbook with exceljs (which keeps the names, drops the properties). */
async function edited(name: string, edit: (data: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pulled);
  edit(wb.getWorksheet('Data')!, wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function diff(path: string, o: { key?: string[]; signal?: AbortSignal } = {}): Promise<DataDiff> {
  const src = await openBook(path);
  const problems = { add() {} };
  let header: SourceRow | undefined;
  for await (const batch of src.rows('Data', { problems })) {
    header = batch[0];
    break;
  }
  return diffRows({
    published: endpointRows(mesh.store, opened),
    publishedColumns: opened.columns,
    edited: src.rows('Data', { problems }),
    editedHeaderRow: 1,
    editedColumns: (header?.cells ?? []).map((c) => (typeof c === 'string' ? c : '')),
    ...(o.key ? { key: o.key } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

describe('recognizePulledWorkbook', () => {
  it('recognizes the exported workbook by its document properties', async () => {
    expect(await recognizePulledWorkbook(await openBook(pulled))).toEqual({
      product: 'typed-demo', version, endpoint: 'default', address, pulledAt: NOW.toISOString(), source: 'properties',
    });
  });

  it('uses the same property names as the export writes', () => {
    const { format, product, version: v, endpoint, address: a, pulledAt } = PRODUCT_PROPERTIES;
    expect(PULLED_PROPERTIES).toEqual({ format, product, version: v, endpoint, address: a, pulledAt });
  });

  it('recognizes a workbook re-saved by a tool that drops the properties, by its defined names', async () => {
    const path = await edited('resaved.xlsx', () => undefined);
    const src = await openBook(path);
    expect(src.properties).toBeUndefined();
    expect(await recognizePulledWorkbook(src)).toEqual({ product: 'typed-demo', version, endpoint: 'default', address, source: 'names' });
  });

  it('does not recognize a workbook Mesh Desk did not make, nor a CSV', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRows([['id', 'amount'], [1, 2]]);
    wb.addWorksheet('About').addRows([['Product id', 'typed-demo'], ['Version', '1.0.0']]);
    const path = join(dir, 'foreign.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await recognizePulledWorkbook(await openBook(path))).toBeUndefined();
    const csv: OpenedSource = { format: 'csv', sheets: [], properties: { MeshDeskExport: 'mesh-desk-product/1' }, rows: async function* () {}, close: async () => {} };
    expect(await recognizePulledWorkbook(csv)).toBeUndefined();
  });

  /** The pulled workbook with its parts rewritten at the zip level. */
  function rezip(name: string, change: (parts: Record<string, Uint8Array>) => void): string {
    const parts = unzipSync(new Uint8Array(readFileSync(pulled)));
    change(parts);
    const path = join(dir, name);
    writeFileSync(path, zipSync(parts));
    return path;
  }
  const withoutNames = (parts: Record<string, Uint8Array>) => {
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']!).replace(/<definedNames>.*<\/definedNames>/, ''));
  };
  const customWith = (parts: Record<string, Uint8Array>, f: (xml: string) => string) => {
    parts['docProps/custom.xml'] = strToU8(f(strFromU8(parts['docProps/custom.xml']!)));
  };

  it('does not recognize (and does not crash on) damaged or implausible records', async () => {
    const cases = [
      rezip('cut.xlsx', (p) => { customWith(p, (x) => x.slice(0, x.length / 2)); withoutNames(p); }),
      rezip('bad-values.xlsx', (p) => { customWith(p, (x) => x.replace('>typed-demo<', '>Typed Demo!<')); withoutNames(p); }),
      rezip('bad-version.xlsx', (p) => { customWith(p, (x) => x.replace(`>${version}<`, '>1.2<')); withoutNames(p); }),
      rezip('bad-endpoint.xlsx', (p) => { customWith(p, (x) => x.replace('>default<', '>../../etc<')); withoutNames(p); }),
      rezip('no-format.xlsx', (p) => { customWith(p, (x) => x.replace('mesh-desk-product/1', 'something-else')); withoutNames(p); }),
      rezip('entity-bomb.xlsx', (p) => {
        customWith(p, (x) => x.replace('<Properties', '<!DOCTYPE P [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Properties'));
        withoutNames(p);
      }),
    ];
    for (const path of cases) {
      const src = await openBook(path);
      expect(await recognizePulledWorkbook(src), path).toBeUndefined();
      // The data is still readable: a damaged record never blocks the workbook.
      let rows = 0;
      for await (const b of src.rows('Data', { problems: { add() {} } })) rows += b.length;
      expect(rows).toBe(ROWS + 1);
    }
  });

  it('falls back to the names when the properties are damaged, and checks what the names point at', async () => {
    const cut = rezip('cut-props.xlsx', (p) => customWith(p, (x) => x.slice(0, x.length / 2)));
    expect(await recognizePulledWorkbook(await openBook(cut))).toMatchObject({ product: 'typed-demo', version, source: 'names' });

    const scribbled = await edited('scribbled.xlsx', (_, wb) => {
      wb.getWorksheet('About')!.getCell('B4').value = 2; // the version typed over with a number
    });
    expect(await recognizePulledWorkbook(await openBook(scribbled))).toBeUndefined();

    const farAway = await edited('far-away.xlsx', (_, wb) => {
      wb.definedNames.remove('About!$B$3', 'MeshDesk_Product');
      wb.definedNames.add('About!$B$900000', 'MeshDesk_Product');
    });
    expect(await recognizePulledWorkbook(await openBook(farAway))).toBeUndefined();

    const missingSheet = await edited('no-about.xlsx', (_, wb) => wb.removeWorksheet(wb.getWorksheet('About')!.id));
    expect(await recognizePulledWorkbook(await openBook(missingSheet))).toBeUndefined();
    expect(PULLED_NAMES.product).toBe('MeshDesk_Product');
  });

  it('honours cancellation', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(recognizePulledWorkbook(await openBook(pulled), { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('diffRows against the published version', () => {
  it('finds the primary key in the contract', () => {
    expect(primaryKeyColumns(opened.contract, 'default')).toEqual(['id']);
    expect(primaryKeyColumns(opened.contract, 'nope')).toEqual([]);
    expect(primaryKeyColumns(undefined, 'default')).toEqual([]);
  });

  it('sees nothing changed in the workbook as pulled (numbers, dates, yes/no, misfits, protected texts)', async () => {
    const key = primaryKeyColumns(opened.contract, 'default');
    for (const d of [await diff(pulled, { key }), await diff(pulled), await diff(await edited('untouched.xlsx', () => undefined), { key })]) {
      expect(d.rows).toEqual({ added: 0, removed: 0, changed: 0, unchanged: ROWS, published: ROWS, edited: ROWS });
      expect(d.columns).toEqual({ added: [], removed: [], compared: ['id', 'amount', 'day', 'stamp', 'active', 'region', 'note', 'code'] });
      expect(d.examples).toEqual({ added: [], removed: [], changed: [] });
    }
  });

  it('counts and places changed, deleted and added rows', async () => {
    const path = await edited('edited.xlsx', (ws) => {
      ws.getCell('B5').value = 12345.5; // id 4: amount
      ws.getCell('C21').value = new Date(Date.UTC(2030, 0, 2)); // id 20: day
      ws.spliceRows(10, 1); // id 9 deleted
      ws.addRow([1000, 1.25, new Date(Date.UTC(2024, 1, 2)), new Date(Date.UTC(2024, 1, 2, 10)), true, 'North', 'new', '00999']);
    });
    const byKey = await diff(path, { key: ['id'] });
    expect(byKey.matchedBy).toBe('key');
    expect(byKey.key).toEqual(['id']);
    expect(byKey.rows).toEqual({ added: 1, removed: 1, changed: 2, unchanged: ROWS - 3, published: ROWS, edited: ROWS });
    expect(byKey.examples.added).toEqual([{ row: ROWS + 1, key: { id: '1000' } }]);
    expect(byKey.examples.removed).toEqual([{ pulledRow: 10 }]);
    // Row 21 moved up to 20 when row 10 was deleted; in the pulled workbook it was row 21.
    expect(byKey.examples.changed).toEqual([
      { row: 5, pulledRow: 5, key: { id: '4' }, columns: ['amount'] },
      { row: 20, pulledRow: 21, key: { id: '20' }, columns: ['day'] },
    ]);

    // Without a key, a changed row is one removed and one added.
    const byContent = await diff(path);
    expect(byContent.matchedBy).toBe('content');
    expect(byContent.rows).toEqual({ added: 3, removed: 3, changed: 0, unchanged: ROWS - 3, published: ROWS, edited: ROWS });
    expect(byContent.examples.added.map((e) => e.row)).toEqual([5, 20, ROWS + 1]);
    expect(byContent.examples.removed).toEqual([{ pulledRow: 5 }, { pulledRow: 10 }, { pulledRow: 21 }]);
  });

  it('reports a column added and one removed, and compares the rows on the others', async () => {
    const path = await edited('columns.xlsx', (ws) => {
      ws.spliceColumns(7, 1); // "note"
      ws.getCell('H1').value = 'comment';
      ws.getCell('H3').value = 'checked';
    });
    const d = await diff(path, { key: ['id'] });
    expect(d.columns).toEqual({ added: ['comment'], removed: ['note'], compared: ['id', 'amount', 'day', 'stamp', 'active', 'region', 'code'] });
    expect(d.rows).toEqual({ added: 0, removed: 0, changed: 0, unchanged: ROWS, published: ROWS, edited: ROWS });
  });

  it('matches by content when the key column was removed, and leaves cleared rows out', async () => {
    const path = await edited('no-key.xlsx', (ws) => {
      ws.spliceColumns(1, 1); // "id"
      ws.getRow(ROWS + 5).getCell(2).value = '   '; // a blank cell far below: not a row
    });
    const d = await diff(path, { key: ['id'] });
    expect(d.matchedBy).toBe('content');
    expect(d.key).toBeUndefined();
    expect(d.columns.removed).toEqual(['id']);
    expect(d.rows).toMatchObject({ unchanged: ROWS, added: 0, removed: 0, edited: ROWS });
  });

  it('honours cancellation', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(diff(pulled, { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
