// Node only (test). "Edit description" → a metadata-only draft: from the mesh when it answers
// (and the copy on this computer refreshed), from that copy when it does not, and a refusal in
// words when neither has the product.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ApiEvents, CallContext, EventName } from '../../../shared/core/api/contract';
import { createCatalogHandlers } from '../../../shared/node/api/catalog-handlers';
import { draftFromProduct } from '../../../shared/node/drafts/draft-from-product';
import { openDraftStore } from '../../../shared/node/drafts/draft-store';
import { productCachePath, recallProduct } from '../../../shared/node/products/product-cache';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { tempDir } from '../../fixtures/make-fixtures';
import { publishSales } from '../publish/publish-sales';

const dir = tempDir('mesh-desk-draft-from-product-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: CallContext = { emit<E extends EventName>(_n: E, _p: ApiEvents[E]) {} };

describe('draftFromProduct', () => {
  it('makes a metadata-only draft from the latest version and keeps a copy for offline use', async () => {
    const dataDir = join(dir, 'online');
    const meshDir = join(dir, 'mesh');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), meshDir);
    await publishSales(meshDir, 'weekly-sales', 40, { title: 'Weekly sales' });
    const store = await openDraftStore(dataDir);

    const made = await draftFromProduct({ dataDir, settings }, store, 'weekly-sales');
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ title: 'Weekly sales', product: 'weekly-sales', metadataOnly: true, base: { product: 'weekly-sales', version: '1.0.0' }, state: 'draft' });
    const draft = await store.get(made.value.id);
    expect(draft!.content).toMatchObject({ metadataOnly: true, waivers: [], step: 'describe', base: { product: 'weekly-sales', version: '1.0.0', meshId: 'this-computer' } });
    expect(draft!.content.columns).toEqual([
      { name: 'id', type: 'integer' }, { name: 'region', type: 'text' }, { name: 'amount', type: 'number' }, { name: 'day', type: 'date' }, { name: 'code', type: 'text' },
    ]);
    expect(draft!.content.meta).toMatchObject({ name: 'weekly-sales', title: 'Weekly sales', owner: { name: 'Anna Berg', email: 'anna@example.com' } });
    expect(draft!.content.meta.columns!.region).toMatchObject({ description: 'Sales region', type: 'text' });
    expect(draft!.source).toBeUndefined();

    const conn = await settings.connection();
    if (!conn.ok) throw new Error(conn.error.message);
    const cached = await recallProduct(dataDir, conn.value.url, 'weekly-sales');
    expect(cached).toMatchObject({ version: '1.0.0', mesh: conn.value.url });
    expect(readdirSync(join(dataDir, 'products')).length).toBe(1);

    const missing = await draftFromProduct({ dataDir, settings }, store, 'no-such-product');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/no product "no-such-product"/);
  }, 60_000);

  it('offline: uses the copy kept when the product page was opened; without one, says to open it once while connected', async () => {
    const dataDir = join(dir, 'offline');
    const settings = new MeshSettingsStore(dataDir, memorySecretStore(), join(dir, 'mesh-unused'));
    // An S3 mesh nobody answers for (port 1): every read fails as unreachable.
    const saved = await settings.save({ name: 'Finance', url: 's3://finance/mesh?endpoint=http://127.0.0.1:1&region=us-east-1&pathStyle=true', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret-key' });
    if (!saved.ok) throw new Error(saved.error.message);
    const store = await openDraftStore(dataDir);

    const none = await draftFromProduct({ dataDir, settings }, store, 'weekly-sales');
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.error.code).toBe('product.offline-unknown');
      expect(none.error.message).toMatch(/Open this product once while connected to Finance/);
      expect(none.error.message).not.toContain('very-secret-key');
    }

    // The copy the product page keeps (what product.get wrote while the mesh answered, elsewhere).
    const onlineDir = join(dir, 'online-2');
    const meshDir = join(dir, 'mesh-2');
    const onlineSettings = new MeshSettingsStore(onlineDir, memorySecretStore(), meshDir);
    await publishSales(meshDir, 'weekly-sales', 12, { title: 'Weekly sales' });
    const page = await createCatalogHandlers({ dataDir: onlineDir, settings: onlineSettings })['product.get']({ product: 'weekly-sales' }, ctx);
    if (!page.ok) throw new Error(page.error.message);
    const onlineConn = await onlineSettings.connection();
    if (!onlineConn.ok) throw new Error(onlineConn.error.message);
    const copy = JSON.parse(readFileSync(productCachePath(onlineDir, onlineConn.value.url, 'weekly-sales'), 'utf8')) as Record<string, unknown>;
    const conn = await settings.connection();
    if (!conn.ok) throw new Error(conn.error.message);
    mkdirSync(dirname(productCachePath(dataDir, conn.value.url, 'weekly-sales')), { recursive: true });
    writeFileSync(productCachePath(dataDir, conn.value.url, 'weekly-sales'), JSON.stringify({ ...copy, mesh: conn.value.url }));

    const made = await draftFromProduct({ dataDir, settings }, store, 'weekly-sales');
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ metadataOnly: true, base: { product: 'weekly-sales', version: '1.0.0' }, title: 'Weekly sales' });
    const draft = await store.get(made.value.id);
    expect(draft!.content.columns!.map((c) => c.name)).toEqual(['id', 'region', 'amount', 'day', 'code']);
    expect(draft!.content.base!.meshId).toBe(saved.value.activeMeshId);
    // Nothing the app wrote holds the secret key.
    for (const f of [productCachePath(dataDir, conn.value.url, 'weekly-sales'), join(store.dir, `${made.value.id}.json`)]) {
      expect(readFileSync(f, 'utf8')).not.toContain('very-secret-key');
    }

    // A folder mesh whose drive is gone is offline too (not "no such product"): the copy is used.
    const folderData = join(dir, 'folder-gone');
    const folderMesh = join(dir, 'mesh-gone');
    const folderSettings = new MeshSettingsStore(folderData, memorySecretStore(), folderMesh);
    await publishSales(folderMesh, 'weekly-sales', 12, { title: 'Weekly sales' });
    const folderStore = await openDraftStore(folderData);
    expect((await draftFromProduct({ dataDir: folderData, settings: folderSettings }, folderStore, 'weekly-sales')).ok).toBe(true);
    rmSync(folderMesh, { recursive: true, force: true });
    const fromCopy = await draftFromProduct({ dataDir: folderData, settings: folderSettings }, folderStore, 'weekly-sales');
    if (!fromCopy.ok) throw new Error(fromCopy.error.message);
    expect(fromCopy.value.base).toEqual({ product: 'weekly-sales', version: '1.0.0' });
    const unknown = await draftFromProduct({ dataDir: folderData, settings: folderSettings }, folderStore, 'price-list');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/cannot be reached .* Open this product once while connected/);

    // A damaged copy is not trusted: the owner is told to open the product while connected.
    writeFileSync(productCachePath(dataDir, conn.value.url, 'weekly-sales'), '{"format":1,"product":"weekly-sales"');
    const damaged = await draftFromProduct({ dataDir, settings }, store, 'weekly-sales');
    expect(damaged.ok).toBe(false);
  }, 60_000);
});
