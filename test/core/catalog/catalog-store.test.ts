// Node only (uses the file mesh store on a temp folder).
// The catalog against a real MeshStore: update after publish (conditional, retried, racing),
// rebuild from product.yaml files, and readCatalog's missing / damaged / stale detection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogEntry, parseCatalog, type CatalogEntry, type CatalogIndex } from '../../../shared/core/catalog/catalog-index';
import { CATALOG_RETRIES, readCatalog, rebuildCatalog, updateCatalog } from '../../../shared/core/catalog/catalog-store';
import { buildProductDescriptor } from '../../../shared/core/contract/build-product';
import { productToYaml } from '../../../shared/core/contract/standard-yaml';
import { CATALOG_KEY, productYamlKey } from '../../../shared/core/mesh/layout';
import { MeshError, type MeshStore } from '../../../shared/core/mesh/mesh-store';
import { withVersionHistory } from '../../../shared/core/publish/version-history';
import { CancelledError, UserFacingError } from '../../../shared/core/result';
import { createFileStore } from '../../../shared/node/mesh/file-store';

const enc = (s: string) => new TextEncoder().encode(s);
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const opts = { now: () => T0 };

let dir: string;
let store: MeshStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mesh-catalog-'));
  store = createFileStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Publishes a product.yaml as Mesh Desk writes it and returns the entry the publisher would upsert. */
async function putProduct(name: string, version = '1.0.0', title = `Title of ${name}`): Promise<CatalogEntry> {
  const product = withVersionHistory(
    buildProductDescriptor({
      meta: { name, title, domain: 'Finance', owner: { name: 'Anne', email: 'anne@example.com' }, tags: ['t'] },
      version, contractId: `urn:datacontract:${name}`, endpoints: ['default'], createdAt: '2026-03-01T12:00:00Z',
    }),
    [{
      version, publishedAt: '2026-03-01T12:00:00Z', contract: `schemata/v${version}.20260301T120000Z.yaml`, stats: `stats/v${version}.json`,
      endpoints: [{ name: 'default', sheet: 'Sheet1', rows: 10, parts: 1, columns: 3 }], bump: 'initial', changes: [],
    }],
  );
  const { etag } = await store.put(productYamlKey(name), enc(productToYaml(product)));
  return catalogEntry(product, etag);
}

async function storedIndex(): Promise<CatalogIndex | undefined> {
  const got = await store.get(CATALOG_KEY);
  if (!got) return undefined;
  const r = parseCatalog(new TextDecoder().decode(got.body));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const names = (index: CatalogIndex | undefined) => index?.products.map((e) => e.name);

/** The store with some calls replaced (counting, failing, or doing something in between). */
function wrap(inner: MeshStore, over: Partial<MeshStore>): MeshStore {
  return { ...inner, ...over };
}

describe('updateCatalog', () => {
  it('creates the index, then updates and adds entries', async () => {
    const a1 = await putProduct('alpha');
    await updateCatalog(store, a1, opts);
    let index = await storedIndex();
    expect(index).toEqual({ format: 1, updatedAt: '2026-03-01T12:00:00.000Z', products: [a1] });

    const b = await putProduct('beta');
    const a2 = await putProduct('alpha', '1.1.0', 'New title');
    await updateCatalog(store, a2, { now: () => T0 + 1000 });
    await updateCatalog(store, b, { now: () => T0 + 2000 });
    index = await storedIndex();
    expect(index?.updatedAt).toBe('2026-03-01T12:00:02.000Z');
    expect(index?.products).toEqual([a2, b]);
    expect(index?.products[0]).toMatchObject({ version: '1.1.0', title: 'New title' });
  });

  it('lets every one of several concurrent updates land', async () => {
    const entries = await Promise.all(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'].map((n) => putProduct(n)));
    await Promise.all(entries.map((e) => updateCatalog(store, e, opts)));
    expect(names(await storedIndex())).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6']);
  });

  it('two racing updates both land (one write conflicts and is retried)', async () => {
    const [a, b] = await Promise.all([putProduct('alpha'), putProduct('beta')]);
    let conflicts = 0;
    const counting = wrap(store, {
      put: async (key, body, o) => {
        try {
          return await store.put(key, body, o);
        } catch (e) {
          if (e instanceof MeshError && e.code === 'mesh.precondition-failed') conflicts++;
          throw e;
        }
      },
    });
    await Promise.all([updateCatalog(counting, a, opts), updateCatalog(counting, b, opts)]);
    expect(names(await storedIndex())).toEqual(['alpha', 'beta']);
    expect(conflicts).toBeGreaterThanOrEqual(1);
  });

  it('replaces a damaged index instead of failing the publish', async () => {
    await store.put(CATALOG_KEY, enc('{"format":1,"products":'));
    const a = await putProduct('alpha');
    await updateCatalog(store, a, opts);
    expect(names(await storedIndex())).toEqual(['alpha']);
  });

  it('gives up in plain words after repeated conflicts, and refuses an unusable name', async () => {
    let puts = 0;
    const busy = wrap(store, {
      put: async () => {
        puts++;
        throw new MeshError('mesh.precondition-failed', 'changed meanwhile');
      },
    });
    const a = await putProduct('alpha');
    const e = await updateCatalog(busy, a, opts).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(UserFacingError);
    expect((e as UserFacingError).code).toBe('catalog.busy');
    expect((e as UserFacingError).message).toMatch(/Your product itself is saved/);
    expect(puts).toBe(CATALOG_RETRIES + 1);

    const bad = await updateCatalog(store, { ...a, name: '../x' }, opts).then(() => undefined, (err: unknown) => err);
    expect((bad as UserFacingError).code).toBe('catalog.bad-entry');
    expect(await store.head(CATALOG_KEY)).toBeNull();
  });

  it('does not retry other store errors, and stops when cancelled', async () => {
    const a = await putProduct('alpha');
    const forbidden = wrap(store, { put: async () => { throw new MeshError('mesh.forbidden', 'no write access'); } });
    await expect(updateCatalog(forbidden, a, opts)).rejects.toMatchObject({ code: 'mesh.forbidden' });

    const ac = new AbortController();
    const cancelling = wrap(store, {
      put: async () => {
        ac.abort();
        throw new MeshError('mesh.precondition-failed', 'changed meanwhile');
      },
    });
    await expect(updateCatalog(cancelling, a, { ...opts, signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(await store.head(CATALOG_KEY)).toBeNull();
  });
});

describe('rebuildCatalog', () => {
  it('builds the index from every product.yaml, skipping a corrupt one with a reason', async () => {
    const a = await putProduct('alpha');
    const c = await putProduct('gamma');
    await store.put(productYamlKey('beta'), enc('kind: DataProduct\nname: [unclosed\n'));
    // Keys that are not a product's descriptor are ignored.
    await store.put('alpha/default/v1.0.0.datapart0001.csv', enc('a\n1\n'));
    await store.put('_governance/policy.yaml', enc('kind: DataProduct\n'));
    await store.put('alpha/nested/product.yaml', enc('kind: DataProduct\n'));
    // The folder names the product, whatever name is written inside.
    await store.put(productYamlKey('delta'), enc('apiVersion: v1.0.0\nkind: DataProduct\nid: urn:x\nname: Other Name\nversion: 3.0.0\nstatus: active\n'));

    const { index, skipped } = await rebuildCatalog(store, opts);
    expect(names(index)).toEqual(['alpha', 'delta', 'gamma']);
    expect(index.products[0]).toEqual(a);
    expect(index.products[2]).toEqual(c);
    expect(index.products[1]).toMatchObject({ name: 'delta', version: '3.0.0', versions: 1, endpoints: [] });
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.product).toBe('beta');
    expect(skipped[0]!.reason).toMatch(/^"beta" is left out of the catalog because of its description "beta\/product\.yaml"\. The product description cannot be read/);
    expect(await storedIndex()).toEqual(index);
  });

  it('reports a product.yaml that is not text, and an empty mesh gives an empty index', async () => {
    expect((await rebuildCatalog(store, opts)).index.products).toEqual([]);
    await store.put(productYamlKey('binary'), new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    const { skipped } = await rebuildCatalog(store, opts);
    expect(skipped).toEqual([{ product: 'binary', reason: expect.stringMatching(/not readable text/) as unknown as string }]);
  });

  it('keeps a product published while it was rebuilding', async () => {
    await putProduct('alpha');
    await updateCatalog(store, await putProduct('beta'), opts);
    let published = false;
    const racing = wrap(store, {
      get: async (key, signal) => {
        const got = await store.get(key, signal);
        if (!published && key === productYamlKey('alpha')) {
          // Someone publishes "gamma" (after the listing) and updates the index.
          published = true;
          await updateCatalog(store, await putProduct('gamma'), opts);
        }
        return got;
      },
    });
    const { index } = await rebuildCatalog(racing, opts);
    expect(published).toBe(true);
    expect(names(index)).toEqual(['alpha', 'beta', 'gamma']);
    expect(names(await storedIndex())).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('stops when cancelled and leaves the index as it was', async () => {
    await putProduct('alpha');
    const ac = new AbortController();
    ac.abort();
    await expect(rebuildCatalog(store, { ...opts, signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(await store.head(CATALOG_KEY)).toBeNull();
  });
});

describe('readCatalog', () => {
  it('rebuilds a missing index, then trusts it while it matches the products', async () => {
    await putProduct('alpha');
    await putProduct('beta');
    const first = await readCatalog(store, opts);
    expect(first.rebuilt).toBe(true);
    expect(names(first.index)).toEqual(['alpha', 'beta']);
    expect(await storedIndex()).toEqual(first.index);
    const second = await readCatalog(store, { now: () => T0 + 5000 });
    expect(second).toEqual({ index: first.index, rebuilt: false });
  });

  it('rebuilds when a product.yaml changed behind the index\'s back', async () => {
    await updateCatalog(store, await putProduct('alpha'), opts);
    await updateCatalog(store, await putProduct('beta'), opts);
    // Written by another tool, without updating the catalog.
    await putProduct('beta', '2.0.0', 'Changed elsewhere');
    const r = await readCatalog(store, opts);
    expect(r.rebuilt).toBe(true);
    expect(r.index.products[1]).toMatchObject({ name: 'beta', version: '2.0.0', title: 'Changed elsewhere' });
    expect((await storedIndex())?.products[1]?.version).toBe('2.0.0');
  });

  it('rebuilds when a product is missing from or extra in the index', async () => {
    await updateCatalog(store, await putProduct('alpha'), opts);
    await putProduct('beta'); // published, catalog update lost
    expect(await readCatalog(store, opts)).toMatchObject({ rebuilt: true, index: { products: [{ name: 'alpha' }, { name: 'beta' }] } });
    await store.delete(productYamlKey('alpha')); // removed by hand
    expect(await readCatalog(store, opts)).toMatchObject({ rebuilt: true, index: { products: [{ name: 'beta' }] } });
  });

  it('rebuilds a damaged index, but a corrupt product.yaml does not make every read rebuild', async () => {
    await putProduct('alpha');
    await store.put(productYamlKey('broken'), enc(': : :\n\t- ['));
    await store.put(CATALOG_KEY, enc('garbage'));
    const first = await readCatalog(store, opts);
    expect(first.rebuilt).toBe(true);
    expect(names(first.index)).toEqual(['alpha']);
    expect((await readCatalog(store, opts)).rebuilt).toBe(false);
  });

  it('with verify: false only reads the index (no listing)', async () => {
    await updateCatalog(store, await putProduct('alpha'), opts);
    await putProduct('alpha', '9.0.0');
    let lists = 0;
    const counting = wrap(store, { list: (prefix, signal) => { lists++; return store.list(prefix, signal); } });
    const r = await readCatalog(counting, { ...opts, verify: false });
    expect(r).toMatchObject({ rebuilt: false, index: { products: [{ version: '1.0.0' }] } });
    expect(lists).toBe(0);
    expect((await readCatalog(counting, opts)).rebuilt).toBe(true);
    expect(lists).toBe(1);
  });

  it('still returns the rebuilt catalog to a reader who cannot write to the mesh', async () => {
    await putProduct('alpha');
    const readOnly = wrap(store, { put: async () => { throw new MeshError('mesh.forbidden', 'read-only access'); } });
    const r = await readCatalog(readOnly, opts);
    expect(r).toMatchObject({ rebuilt: true, index: { products: [{ name: 'alpha' }] } });
    await expect(rebuildCatalog(readOnly, opts)).rejects.toMatchObject({ code: 'mesh.forbidden' });
  });

  it('notices a change made directly on disk', async () => {
    await updateCatalog(store, await putProduct('alpha'), opts);
    await writeFile(join(dir, 'alpha', 'product.yaml'), 'apiVersion: v1.0.0\nkind: DataProduct\nid: urn:x\nversion: 5.0.0\nstatus: active\n');
    const r = await readCatalog(store, opts);
    expect(r.rebuilt).toBe(true);
    expect(r.index.products[0]).toMatchObject({ name: 'alpha', version: '5.0.0' });
  });
});
