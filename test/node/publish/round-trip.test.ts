// Node only (test). The round trip of journey 3: publish, pull into Excel, edit the workbook,
// bring it back — recognized, compared, and published as the owner's next version with the
// edits (and nothing of the export's own guards) in the data.

import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { metaFromContract } from '../../../shared/core/contract/meta-from-contract';
import { overviewFile } from '../../../shared/core/inspect/inspect';
import { readCurrentProduct } from '../../../shared/core/publish/mesh-state';
import { preparePublish } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import { diffSource } from '../../../shared/core/pull/diff-source';
import { exportProduct } from '../../../shared/node/export/export-product';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { tempDir } from '../../fixtures/make-fixtures';
import { parseCsv, salesCsv, salesMeta } from './publish-fixtures';

const dir = tempDir('mesh-desk-round-trip-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('round trip: pull, edit in Excel, publish the next version', () => {
  it('recognizes the workbook, tells what changed, and publishes the edits as v1.0.1', async () => {
    const mesh = openMesh(`file://${join(dir, 'mesh')}`);
    if (!mesh.ok) throw new Error(mesh.error.message);
    const { store, location } = mesh.value;
    const publish = async (path: string, fileName: string, meta: Parameters<typeof preparePublish>[0]['meta'], sheet?: string) => {
      const bytes = await openFileByteSource(path, fileName);
      try {
        const plan = await preparePublish({ store, bytes, fileName, sheets: [sheet ? { sheet } : {}], meta, now: Date.now });
        if (!plan.ok) throw new Error(plan.error.message);
        const out = await runPublish({ store, location, plan: plan.value, bytes, publishId: 'anna', validators: await standardValidators(), now: Date.now });
        if (!out.ok) throw new Error(out.error.message);
        return { plan: plan.value, out: out.value };
      } finally {
        await bytes.close();
      }
    };
    // v1.0.0, with a region that a spreadsheet could take for a formula.
    const csv = salesCsv(dir, 40, { name: 'sales.csv' });
    await publish(csv, 'sales.csv', salesMeta('weekly-sales'));

    // Pull it, then edit like an owner: change an amount, delete a row, add one.
    const pulled = join(dir, 'weekly-sales.xlsx');
    await exportProduct({ store, location, product: 'weekly-sales', path: pulled });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pulled);
    const data = wb.getWorksheet('Data')!;
    data.getRow(3).getCell(3).value = 999.5; // id 2: amount changed
    data.spliceRows(5, 1); // id 4 removed
    data.addRow([41, '-North', 12.25, new Date(Date.UTC(2024, 5, 1)), '00041']); // new row, formula-like text typed by the owner
    await wb.xlsx.writeFile(pulled);

    const bytes = await openFileByteSource(pulled, 'weekly-sales.xlsx');
    const overview = await overviewFile(bytes, 'weekly-sales.xlsx');
    await bytes.close();
    if (!overview.ok) throw new Error(overview.error.message);
    expect(overview.value.recognized).toMatchObject({ product: 'weekly-sales', version: '1.0.0', endpoint: 'default' });

    const diffBytes = await openFileByteSource(pulled, 'weekly-sales.xlsx');
    const diff = await diffSource({ store, bytes: diffBytes, fileName: 'weekly-sales.xlsx', product: 'weekly-sales', version: '1.0.0' });
    await diffBytes.close();
    expect(diff.rows).toMatchObject({ added: 1, removed: 1, changed: 1, published: 40, edited: 40 });
    expect(diff.matchedBy).toBe('key');
    expect(diff.examples.changed[0]).toMatchObject({ row: 3, columns: ['amount'] });

    // The owner's description comes back from the mesh; the next version is a patch.
    const current = await readCurrentProduct(store, 'weekly-sales');
    if (!current.ok || !current.value?.contract) throw new Error('no contract');
    const meta = { ...metaFromContract(current.value.contract).meta, name: 'weekly-sales' };
    const { plan, out } = await publish(pulled, 'weekly-sales.xlsx', meta, 'Data');
    expect(plan.pulledFrom?.product).toBe('weekly-sales');
    expect(out).toMatchObject({ version: '1.0.1', bump: 'patch', rows: 40 });
    const part = parseCsv(new TextDecoder().decode((await store.get('weekly-sales/default/v1.0.1.datapart0001.csv'))!.body));
    expect(part[0]).toEqual(['id', 'region', 'amount', 'day', 'code']);
    expect(part.find((r) => r[0] === '2')![2]).toBe('999.5');
    expect(part.some((r) => r[0] === '4')).toBe(false);
    // Typed by the owner as "-North": published as they typed it, without the export's guard.
    expect(part.find((r) => r[0] === '41')).toEqual(['41', '-North', '12.25', '2024-06-01', '00041']);
  }, 120_000);
});
