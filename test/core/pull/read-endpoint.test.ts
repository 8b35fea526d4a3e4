// Node-run test of pure core code. Products are published with the real pipeline into a temporary
// folder mesh, then pulled back: every value compared with the source, several parts, older
// versions, a second endpoint, misfits kept as text, and a mesh that lost or damaged data.

import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { partKey } from '../../../shared/core/mesh/layout';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { readCurrentProduct } from '../../../shared/core/publish/mesh-state';
import {
  openEndpoint, pulledColumns, readEndpointRows, typedValue,
  type PulledBatch, type PulledColumn, type PulledValue, type PullProgress, type ReadEndpointOptions,
} from '../../../shared/core/pull/read-endpoint';
import { CancelledError, UserFacingError } from '../../../shared/core/result';
import { multiSheetWorkbook, tempDir } from '../../fixtures/make-fixtures';
import { folderMesh, publishFile, setPartRows, TYPED_HEADER, typedCsv, typedMeta } from './pull-fixtures';

const dir = tempDir('mesh-desk-pull-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pull(store: MeshStore, o: ReadEndpointOptions): Promise<{ rows: PulledValue[][]; batches: PulledBatch[] }> {
  const batches: PulledBatch[] = [];
  for await (const b of readEndpointRows(store, o)) batches.push(b);
  return { rows: batches.flatMap((b) => b.rows), batches };
}

async function refusal(run: () => Promise<unknown>): Promise<UserFacingError> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    return e;
  }
  throw new Error('the pull succeeded');
}

describe('typedValue', () => {
  const col = (type: PulledColumn['type']): PulledColumn => ({ name: 'x', type, required: false });
  it('types the published forms and leaves misfits as text', () => {
    expect(typedValue('', col('integer'))).toBeNull();
    expect(typedValue('', col('string'))).toBeNull();
    expect(typedValue('-42', col('integer'))).toBe(42 * -1);
    expect(typedValue('-0', col('integer'))).toBe(0);
    expect(Object.is(typedValue('-0', col('integer')), -0)).toBe(false);
    expect(typedValue('12345678901234567890', col('integer'))).toBe('12345678901234567890');
    expect(typedValue('1.5', col('integer'))).toBe('1.5');
    expect(typedValue('0x10', col('integer'))).toBe('0x10');
    expect(typedValue('1234.56', col('number'))).toBe(1234.56);
    expect(typedValue('1.5e3', col('number'))).toBe(1500);
    expect(typedValue('1.234,56', col('number'))).toBe('1.234,56');
    expect(typedValue(' 12', col('number'))).toBe(' 12');
    expect(typedValue('Infinity', col('number'))).toBe('Infinity');
    expect(typedValue('true', col('boolean'))).toBe(true);
    expect(typedValue('false', col('boolean'))).toBe(false);
    expect(typedValue('yes', col('boolean'))).toBe('yes');
    expect(typedValue('2024-02-29', col('date'))).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(typedValue('2023-02-29', col('date'))).toBe('2023-02-29');
    expect(typedValue('2024-13-01', col('date'))).toBe('2024-13-01');
    expect(typedValue('2024-03-05T10:15:00', col('date'))).toEqual({ kind: 'datetime', iso: '2024-03-05T10:15:00' });
    expect(typedValue('2024-03-05T10:15:00.250Z', col('timestamp'))).toEqual({ kind: 'datetime', iso: '2024-03-05T10:15:00.250Z' });
    expect(typedValue('2024-03-05T24:00:00', col('timestamp'))).toBe('2024-03-05T24:00:00');
    expect(typedValue('05.03.2024', col('date'))).toBe('05.03.2024');
    expect(typedValue('007', col('string'))).toBe('007');
    expect(typedValue('=1+1', col('string'))).toBe('=1+1');
  });
});

describe('pulling a published product back', () => {
  it('every value of a three-part product comes back as the owner published it, typed', async () => {
    const mesh = folderMesh();
    await setPartRows(mesh, 120);
    const { path, expected } = typedCsv(dir, 300);
    const out = await publishFile(mesh, path, typedMeta());
    expect(out.parts).toBe(3);

    const progress: PullProgress[] = [];
    const { rows, batches } = await pull(mesh.store, { product: 'typed-demo', version: '1.0.0', endpoint: 'default', onProgress: (p) => progress.push(p) });
    expect(rows).toHaveLength(300);
    for (let i = 0; i < rows.length; i++) expect(rows[i], `row ${i + 1}`).toEqual(expected[i]);
    // Misfits (every 50th row from 7) arrive as text, exactly as written.
    expect(rows[6]!.slice(1, 5)).toEqual(['n/a', 'soon', { kind: 'datetime', iso: '2021-08-08T07:49:31' }, 'maybe']);
    expect(batches.at(-1)!.rowsDone).toBe(300);
    expect(batches.map((b) => b.rowsDone)).toEqual([...batches.map((b) => b.rowsDone)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ rowsDone: 300, rowsTotal: 300, partsDone: 3, parts: 3 });
    expect(progress.map((p) => p.partsDone)).toEqual([0, 1, 2, 3]);
  }, 60_000);

  it('columns come from the version\'s contract: business names, types, descriptions, allowed values, required', async () => {
    const mesh = folderMesh();
    const { path } = typedCsv(dir, 20, 'cols.csv');
    await publishFile(mesh, path, typedMeta());
    const current = await readCurrentProduct(mesh.store, 'typed-demo');
    if (!current.ok || !current.value) throw new Error('not published');
    const columns = pulledColumns(current.value.contract, 'default');
    expect(columns.map((c) => c.name)).toEqual(TYPED_HEADER);
    expect(columns.map((c) => c.type)).toEqual(['integer', 'number', 'date', 'timestamp', 'boolean', 'string', 'string', 'string']);
    expect(columns[0]).toEqual({ name: 'id', type: 'integer', businessName: 'Row', description: 'Row number', required: true });
    expect(columns[5]!.allowed).toEqual(['North', 'South', 'East', 'West, Coast', 'Mitte "Süd"']);
    expect(columns[6]).toEqual({ name: 'note', type: 'string', description: 'A note', required: false });
    expect(pulledColumns(current.value.contract, 'no-such-table')).toEqual([]);
    const opened = await openEndpoint(mesh.store, { product: 'typed-demo' });
    expect(opened.columns).toEqual(columns);
    expect(opened.version.version).toBe('1.0.0');
  }, 60_000);

  it('personal-data marks reach the reader', async () => {
    const mesh = folderMesh();
    const { path } = typedCsv(dir, 20, 'personal.csv');
    const meta: ProductMeta = { ...typedMeta('personal-demo'), classification: 'confidential' };
    meta.columns = { ...meta.columns, note: { description: 'Free text about the customer', personal: 'personal' }, code: { description: 'Code', type: 'text', personal: 'sensitive' } };
    await publishFile(mesh, path, { ...meta, classification: 'restricted' });
    const opened = await openEndpoint(mesh.store, { product: 'personal-demo' });
    expect(opened.columns.map((c) => c.personal)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'personal', 'sensitive']);
  }, 60_000);

  it('an older version is read with its own contract and parts; the latest by default', async () => {
    const mesh = folderMesh();
    const v1 = typedCsv(dir, 40, 'v1.csv');
    await publishFile(mesh, v1.path, typedMeta());
    const v2 = typedCsv(dir, 55, 'v2.csv');
    expect((await publishFile(mesh, v2.path, typedMeta())).version).toBe('1.0.1');
    expect((await pull(mesh.store, { product: 'typed-demo', version: '1.0.0' })).rows).toEqual(v1.expected);
    expect((await pull(mesh.store, { product: 'typed-demo' })).rows).toEqual(v2.expected);
  }, 60_000);

  it('a second endpoint (another sheet of a workbook) is pulled by name', async () => {
    const mesh = folderMesh();
    const file = await multiSheetWorkbook(dir);
    const meta: ProductMeta = { ...typedMeta('campaigns'), columns: Object.fromEntries(['Campaign', 'Start', 'Budget EUR', 'Approved', 'Channel'].map((c) => [c, { description: c }])) };
    await publishFile(mesh, file, meta, { sheets: [{ sheet: 'Budget' }, { sheet: 'Contacts' }] });
    const budget = await pull(mesh.store, { product: 'campaigns' });
    expect(budget.rows).toHaveLength(150);
    expect(budget.rows[0]).toEqual(['Campaign 1', { kind: 'date', iso: '2026-02-02' }, 1000.5, false, 'Social']);
    const contacts = await pull(mesh.store, { product: 'campaigns', endpoint: 'contacts' });
    expect(contacts.rows).toHaveLength(30);
    expect(contacts.rows[0]).toEqual(['Agency 1', '+49 30 1000001', 3]);
    expect(contacts.rows[29]).toEqual(['Agency 30', '+49 30 1000030', 90]);
  }, 60_000);

  it('a product with no rows pulls as no rows', async () => {
    const mesh = folderMesh();
    const { path } = typedCsv(dir, 0, 'empty.csv');
    expect((await publishFile(mesh, path, typedMeta('empty-demo'))).rows).toBe(0);
    const progress: PullProgress[] = [];
    expect((await pull(mesh.store, { product: 'empty-demo', onProgress: (p) => progress.push(p) })).rows).toEqual([]);
    expect(progress.at(-1)).toEqual({ rowsDone: 0, rowsTotal: 0, partsDone: 1, parts: 1 });
  }, 60_000);
});

describe('what cannot be pulled is said in words', () => {
  async function published() {
    const mesh = folderMesh();
    await setPartRows(mesh, 100);
    const { path } = typedCsv(dir, 250, 'faults.csv');
    await publishFile(mesh, path, typedMeta());
    return mesh;
  }

  it('a missing part', async () => {
    const mesh = await published();
    await mesh.store.delete(partKey('typed-demo', 'default', '1.0.0', 2));
    const e = await refusal(() => pull(mesh.store, { product: 'typed-demo', version: '1.0.0' }));
    expect(e.code).toBe('pull.part-missing');
    expect(e.message).toMatch(/^Part 2 of 3 of the data of the product "typed-demo", version 1\.0\.0 is missing from the mesh/);
    expect(e.message).toContain('typed-demo/default/v1.0.0.datapart0002.csv');
    expect(e.message).toMatch(/Ask the product's owner to publish the product again, or pick another version\./);
  }, 60_000);

  it('a part cut short, a part with other columns, a part replaced by fewer rows', async () => {
    const mesh = await published();
    const key = partKey('typed-demo', 'default', '1.0.0', 3);
    const got = await mesh.store.get(key);
    const text = new TextDecoder().decode(got!.body);
    await mesh.store.put(key, new TextEncoder().encode(text.slice(0, Math.floor(text.length / 2))));
    const cut = await refusal(() => pull(mesh.store, { product: 'typed-demo' }));
    expect(cut.code).toMatch(/^pull\.(part-damaged|rows-missing)$/);
    expect(cut.message).toMatch(/typed-demo/);

    await mesh.store.put(key, new TextEncoder().encode(text.replace(/^id,/, 'ID,')));
    const header = await refusal(() => pull(mesh.store, { product: 'typed-demo' }));
    expect(header.code).toBe('pull.part-damaged');
    expect(header.message).toMatch(/Part 3 of the product "typed-demo", version 1\.0\.0 is damaged: its column names \("ID"/);

    const lines = text.split('\r\n');
    await mesh.store.put(key, new TextEncoder().encode(`${lines.slice(0, 11).join('\r\n')}\r\n`));
    const fewer = await refusal(() => pull(mesh.store, { product: 'typed-demo' }));
    expect(fewer.code).toBe('pull.rows-missing');
    expect(fewer.message).toMatch(/holds 210 rows, but 250 were published/);
  }, 60_000);

  it('a first part whose columns differ from the contract', async () => {
    const mesh = await published();
    const key = partKey('typed-demo', 'default', '1.0.0', 1);
    const text = new TextDecoder().decode((await mesh.store.get(key))!.body);
    await mesh.store.put(key, new TextEncoder().encode(text.replace(/^id,amount/, 'amount,id')));
    const e = await refusal(() => pull(mesh.store, { product: 'typed-demo' }));
    expect(e.code).toBe('pull.columns-mismatch');
    expect(e.message).toMatch(/has the columns "amount", "id"/);
  }, 60_000);

  it('unknown product, version and table', async () => {
    const mesh = await published();
    const noProduct = await refusal(() => pull(mesh.store, { product: 'nothing-here' }));
    expect(noProduct.code).toBe('pull.no-product');
    expect(noProduct.message).toMatch(/no product "nothing-here"/);
    const noVersion = await refusal(() => pull(mesh.store, { product: 'typed-demo', version: '9.9.9' }));
    expect(noVersion.code).toBe('pull.no-version');
    expect(noVersion.message).toMatch(/Published versions: 1\.0\.0/);
    const noTable = await refusal(() => pull(mesh.store, { product: 'typed-demo', endpoint: 'stats' }));
    expect(noTable.code).toBe('pull.no-endpoint');
    expect(noTable.message).toMatch(/no table "stats".*"default"/);
  }, 60_000);

  it('a damaged product.yaml', async () => {
    const mesh = await published();
    await mesh.store.put('typed-demo/product.yaml', new TextEncoder().encode('apiVersion: [unclosed\n'));
    const e = await refusal(() => pull(mesh.store, { product: 'typed-demo' }));
    expect(e.code).toBe('pull.product-damaged');
    expect(e.message).toMatch(/typed-demo\/product\.yaml .* is damaged/);
  }, 60_000);

  it('an older version whose contract was removed', async () => {
    const mesh = await published();
    const { path } = typedCsv(dir, 30, 'again.csv');
    await publishFile(mesh, path, typedMeta());
    const current = await readCurrentProduct(mesh.store, 'typed-demo');
    if (!current.ok || !current.value) throw new Error('not published');
    const old = current.value.history.find((v) => v.version === '1.0.0')!;
    await mesh.store.delete(`typed-demo/${old.contract}`);
    const e = await refusal(() => pull(mesh.store, { product: 'typed-demo', version: '1.0.0' }));
    expect(e.code).toBe('pull.contract-missing');
    expect(e.message).toMatch(/is missing/);
  }, 60_000);

  it('cancel stops the pull with CancelledError', async () => {
    const mesh = await published();
    const ctl = new AbortController();
    const run = async () => {
      for await (const _ of readEndpointRows(mesh.store, { product: 'typed-demo', signal: ctl.signal })) ctl.abort();
    };
    await expect(run()).rejects.toBeInstanceOf(CancelledError);
  }, 60_000);
});
