// Node-run test of pure core code. The product page of a product published with the real pipeline:
// metadata, freshness against the update rhythm, quality summary, columns, version timeline, and
// a preview that reads only the first part(s).

import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { partKey } from '../../../shared/core/mesh/layout';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import { readCurrentProduct, type CurrentProduct } from '../../../shared/core/publish/mesh-state';
import { freshnessOf, previewRows, productPage, qualitySummary } from '../../../shared/core/pull/product-page';
import { tempDir } from '../../fixtures/make-fixtures';
import { folderMesh, publishFile, setPartRows, TYPED_HEADER, typedCsv, typedMeta } from './pull-fixtures';

const dir = tempDir('mesh-desk-page-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

async function current(store: MeshStore, product: string): Promise<CurrentProduct> {
  const r = await readCurrentProduct(store, product);
  if (!r.ok || !r.value) throw new Error('not published');
  return r.value;
}

describe('freshness', () => {
  it('fresh within the period, overdue after it with the days late, one-off never, unknown without a rhythm', () => {
    const at = new Date(T0).toISOString();
    expect(freshnessOf('weekly', at, T0 + 7 * DAY)).toMatchObject({ status: 'fresh', dueAt: '2026-03-09T09:00:00.000Z' });
    const late = freshnessOf('weekly', at, T0 + 10 * DAY);
    expect(late).toMatchObject({ status: 'overdue', daysLate: 3 });
    expect(late.text).toMatch(/3 days late \(last published 2026-03-02\)/);
    expect(freshnessOf('daily', at, T0 + DAY + 1)).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(freshnessOf('monthly', at, T0 + 31 * DAY)).toMatchObject({ status: 'fresh' });
    expect(freshnessOf('monthly', at, T0 + 32 * DAY)).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(freshnessOf('quarterly', at, T0 + 92 * DAY).status).toBe('fresh');
    expect(freshnessOf('quarterly', at, T0 + 93 * DAY).status).toBe('overdue');
    expect(freshnessOf('yearly', at, T0 + 366 * DAY).status).toBe('fresh');
    expect(freshnessOf('yearly', at, T0 + 400 * DAY)).toMatchObject({ status: 'overdue', daysLate: 34 });
    expect(freshnessOf('one-off', at, T0 + 5000 * DAY).status).toBe('fresh');
    expect(freshnessOf(undefined, at, T0).status).toBe('unknown');
    expect(freshnessOf('fortnightly', at, T0).status).toBe('unknown');
    expect(freshnessOf('weekly', undefined, T0).status).toBe('unknown');
  });

  it('quality summary in words', () => {
    expect(qualitySummary({ findings: 0, blocking: 0, warnings: 0, waived: 0 }).text).toBe('No problems were found when this version was published.');
    expect(qualitySummary({ findings: 3, blocking: 0, warnings: 2, waived: 1 }).text).toBe('3 findings when this version was published: 2 warnings, 1 finding accepted by the owner.');
  });
});

describe('the product page of a published product', () => {
  it('shows metadata, freshness, quality, columns, endpoints and the version timeline', async () => {
    const mesh = folderMesh();
    const first = typedCsv(dir, 120, 'p1.csv');
    await publishFile(mesh, first.path, typedMeta(), { now: () => T0 });
    const second = typedCsv(dir, 130, 'p2.csv');
    await publishFile(mesh, second.path, typedMeta(), { now: () => T0 + 2 * DAY });
    const cur = await current(mesh.store, 'typed-demo');

    const page = productPage(cur, T0 + 4 * DAY);
    expect(page).toMatchObject({
      name: 'typed-demo',
      title: 'Typed demo',
      description: 'Every kind of value, read back',
      purpose: 'Testing the pull reader',
      owner: { name: 'Anna Berg', email: 'anna@example.com' },
      support: 'anna@example.com',
      domain: 'finance',
      tags: ['sales', 'test'],
      classification: 'internal',
      license: 'Internal use only',
      frequency: 'weekly',
      version: '1.0.1',
      publishedAt: new Date(T0 + 2 * DAY).toISOString(),
      freshness: { status: 'fresh' },
    });
    // The misfit values (every 50th row from 7) were published with warnings.
    expect(page.quality).toMatchObject({ blocking: 0 });
    expect(page.quality!.findings).toBe(cur.stats!.check.findings);
    expect(page.quality!.warnings).toBeGreaterThan(0);
    expect(page.quality!.text).toMatch(/warning/);
    expect(page.columns.map((c) => c.name)).toEqual(TYPED_HEADER);
    expect(page.columns[1]).toMatchObject({ businessName: 'Amount (EUR)', type: 'number', description: 'Amount in EUR' });
    expect(page.endpoints).toEqual([{ name: 'default', sheet: expect.any(String), rows: 130, parts: 1, columns: page.columns }]);
    expect(page.timeline.map((t) => [t.version, t.bump, t.rows, t.publishedAt])).toEqual([
      ['1.0.1', 'patch', 130, new Date(T0 + 2 * DAY).toISOString()],
      ['1.0.0', 'initial', 120, new Date(T0).toISOString()],
    ]);
    expect(page.timeline[0]).toMatchObject({ publishedBy: 'Anna Berg', sourceFile: 'p2.csv', endpoints: [{ name: 'default', rows: 130 }] });

    const overdue = productPage(cur, T0 + 2 * DAY + 12 * DAY);
    expect(overdue.freshness).toMatchObject({ status: 'overdue', daysLate: 5 });
    expect(overdue.freshness.text).toMatch(/updated weekly.*5 days late/);
  }, 60_000);

  it('previews the first rows from the first part(s) only', async () => {
    const mesh = folderMesh();
    await setPartRows(mesh, 120);
    const { path, expected } = typedCsv(dir, 300, 'preview.csv');
    await publishFile(mesh, path, typedMeta());
    // The last part is gone: a preview never gets that far, so it still works.
    await mesh.store.delete(partKey('typed-demo', 'default', '1.0.0', 3));
    const preview = await previewRows(mesh.store, { product: 'typed-demo' });
    expect(preview).toMatchObject({ version: '1.0.0', endpoint: 'default', totalRows: 300 });
    expect(preview.columns.map((c) => c.name)).toEqual(TYPED_HEADER);
    expect(preview.rows).toEqual(expected.slice(0, 50));
    // More rows than one part holds: the second part is read too, no further.
    expect((await previewRows(mesh.store, { product: 'typed-demo' }, 150)).rows).toEqual(expected.slice(0, 150));
    expect((await previewRows(mesh.store, { product: 'typed-demo' }, 0)).rows).toEqual([]);
  }, 60_000);
});
