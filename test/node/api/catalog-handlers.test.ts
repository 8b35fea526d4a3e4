// Node only (test). The catalog calls against a real folder mesh with published products, and
// the offline copy when the mesh cannot be reached.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEvents, CallContext, EventName } from '../../../shared/core/api/contract';
import { createCatalogHandlers } from '../../../shared/node/api/catalog-handlers';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { tempDir } from '../../fixtures/make-fixtures';
import { publishSales } from '../publish/publish-sales';

const dir = tempDir('mesh-desk-catalog-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: CallContext = { emit<E extends EventName>(_n: E, _p: ApiEvents[E]) {} };


describe('catalog calls', () => {
  it('lists the products, shows a page and a preview, and keeps a copy for offline use', async () => {
    const dataDir = join(dir, 'data');
    const meshDir = join(dir, 'mesh');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), meshDir);
    await settings.view();
    await publishSales(meshDir, 'weekly-sales', 120);
    await publishSales(meshDir, 'price-list', 30);
    const h = createCatalogHandlers({ dataDir, settings });

    const list = await h['catalog.list']({}, ctx);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.offline).toBe(false);
    expect(list.value.products.map((p) => `${p.name}@${p.version}`)).toEqual(['price-list@1.0.0', 'weekly-sales@1.0.0']);
    // Columns travel with the catalog entry, so the catalog can be searched by them.
    expect(list.value.products[1]!.columns).toContainEqual({ name: 'region', description: 'Sales region' });

    const page = await h['product.get']({ product: 'weekly-sales' }, ctx);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value).toMatchObject({ name: 'weekly-sales', version: '1.0.0', owner: { name: 'Anna Berg', email: 'anna@example.com' }, domain: 'finance' });
    expect(page.value.columns.map((c) => c.name)).toEqual(['id', 'region', 'amount', 'day', 'code']);
    expect(page.value.timeline[0]).toMatchObject({ version: '1.0.0', rows: 120 });

    const preview = await h['product.preview']({ product: 'weekly-sales' }, ctx);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.rows).toHaveLength(50);
    expect(preview.value.totalRows).toBe(120);
    expect(preview.value.rows[0]![0]).toBe(1);

    const missing = await h['product.get']({ product: 'no-such-thing' }, ctx);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/no product "no-such-thing"/);
  }, 60_000);

  it('serves the saved copy, marked offline, when the mesh cannot be reached; says so when there is none', async () => {
    const dataDir = join(dir, 'data-offline');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), join(dir, 'mesh-offline'));
    const saved = await settings.save({ name: 'Down', url: 's3://down-bucket/m?endpoint=http://127.0.0.1:1&pathStyle=true', accessKeyId: 'k', secretAccessKey: 's' });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = saved.value.activeMeshId;
    const h = createCatalogHandlers({ dataDir, settings });
    const none = await h['catalog.list']({}, ctx);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/no saved copy/);

    mkdirSync(join(dataDir, 'catalog-cache'), { recursive: true });
    const entry = { name: 'weekly-sales', version: '1.2.0', versions: 3, tags: [], endpoints: [], etag: 'x' };
    writeFileSync(join(dataDir, 'catalog-cache', `${id}.json`), JSON.stringify({ meshName: 'Down', mesh: 's3://down-bucket/m', products: [entry], readAt: '2026-11-20T10:00:00.000Z', offline: false, rebuilt: false }));
    const cached = await h['catalog.list']({}, ctx);
    if (!cached.ok) throw new Error(cached.error.message);
    expect(cached.value).toMatchObject({ offline: true, readAt: '2026-11-20T10:00:00.000Z' });
    expect(cached.value.offlineReason).toMatch(/127\.0\.0\.1:1/);
    expect(cached.value.products.map((p) => p.name)).toEqual(['weekly-sales']);
  }, 60_000);
});
