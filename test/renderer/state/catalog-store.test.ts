// The Catalog slice through the real store against a scripted host: the list is read on opening,
// an offline answer is kept with its flag, late answers (an old catalog.list after a Refresh, the
// page or preview of a product already left) never replace newer ones, and a failed Refresh keeps
// the list on screen.
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, CatalogView, MeshSettings } from '../../../shared/core/api/contract';
import type { CatalogEntry } from '../../../shared/core/catalog/catalog-index';
import type { Preview, ProductPage } from '../../../shared/core/pull/product-page';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';
import { offlineText } from '../../../renderer/src/lib/catalog-view';
import { createImportStore } from '../../../renderer/src/state/import-store';

interface Pending {
  name: CallName;
  input: unknown;
  answer(r: Result<unknown>): void;
}

function scripted() {
  const pending: Pending[] = [];
  const calls: { name: CallName; input: unknown }[] = [];
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input });
      return new Promise<Result<CallOutput<K>>>((resolve) => pending.push({ name, input, answer: (r) => resolve(r as Result<CallOutput<K>>) }));
    },
    on: () => () => {},
    addLocalFile: () => Promise.resolve({ ok: false, error: { code: 'x', message: 'not used' } }),
  };
  async function next(name: CallName): Promise<Pending> {
    for (let i = 0; i < 50; i++) {
      const at = pending.findIndex((p) => p.name === name);
      if (at >= 0) return pending.splice(at, 1)[0]!;
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error(`no ${name} call`);
  }
  const store = createImportStore(api);
  return { store, a: store.getState().actions, next, calls, pending };
}

const entry = (name: string): CatalogEntry => ({ name, tags: [], version: '1.0.0', versions: 1, endpoints: [], etag: `"${name}"` });
const view = (names: string[], patch: Partial<CatalogView> = {}): CatalogView => ({
  meshName: 'Local mesh', mesh: 'file:///home/me/Mesh', products: names.map(entry), readAt: '2026-01-02T03:04:00Z', offline: false, rebuilt: false, ...patch,
});
const page = (name: string): ProductPage => ({
  name, title: `Title of ${name}`, tags: [], freshness: { status: 'unknown', text: 'x' }, version: '1.0.0', columns: [], endpoints: [], timeline: [],
});
const preview = (version: string): Preview => ({ version, endpoint: 'default', columns: [{ name: 'a', type: 'string', required: false }], rows: [['x']], totalRows: 1 });
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('catalog store', () => {
  it('reads the list on opening and keeps an offline copy with its flag and reason', async () => {
    const h = scripted();
    const opening = h.a.openCatalog();
    expect(h.store.getState().catalog).toMatchObject({ open: true, loading: true });
    const list = await h.next('catalog.list');
    expect(list.input).toEqual({});
    list.answer(ok(view(['a-product'], { offline: true, offlineReason: 'The mesh could not be reached.' })));
    await opening;
    const c = h.store.getState().catalog;
    expect(c.loading).toBe(false);
    expect(c.view?.offline).toBe(true);
    expect(offlineText(c.view!, Date.parse('2026-01-04T05:00:00Z'))).toBe('Offline — showing the copy saved 2 days ago (2026-01-02 03:04). The mesh could not be reached.');

    // Opening again later does not read again; Refresh does, and asks the host to look afresh.
    h.a.closeCatalog();
    await h.a.openCatalog();
    expect(h.calls.filter((x) => x.name === 'catalog.list')).toHaveLength(1);
    const refreshing = h.a.loadCatalog(true);
    (await h.next('catalog.list')).answer(ok(view(['a-product', 'b-product'])));
    await refreshing;
    expect(h.calls.at(-1)?.input).toEqual({ refresh: true });
    expect(h.store.getState().catalog.view?.offline).toBe(false);
  });

  it('drops the answer of an older catalog.list that arrives after a newer one', async () => {
    const h = scripted();
    const first = h.a.openCatalog();
    const older = await h.next('catalog.list');
    const second = h.a.loadCatalog(true);
    const newer = await h.next('catalog.list');
    newer.answer(ok(view(['new-one'])));
    await second;
    expect(h.store.getState().catalog.loading).toBe(false);
    older.answer(ok(view(['old-one'], { offline: true })));
    await first;
    const c = h.store.getState().catalog;
    expect(c.view?.products.map((p) => p.name)).toEqual(['new-one']);
    expect(c.view?.offline).toBe(false);
    expect(c.loading).toBe(false);
  });

  it('an older answer arriving first is shown, but the screen keeps waiting for the newest', async () => {
    const h = scripted();
    const first = h.a.openCatalog();
    const older = await h.next('catalog.list');
    const second = h.a.loadCatalog(true);
    const newer = await h.next('catalog.list');
    older.answer(ok(view(['old-one'])));
    await first;
    expect(h.store.getState().catalog).toMatchObject({ loading: true });
    newer.answer(ok(view(['new-one'])));
    await second;
    expect(h.store.getState().catalog.view?.products.map((p) => p.name)).toEqual(['new-one']);
  });

  it('a failed Refresh keeps the list on screen and says what went wrong', async () => {
    const h = scripted();
    const opening = h.a.openCatalog();
    (await h.next('catalog.list')).answer(ok(view(['kept'])));
    await opening;
    const refreshing = h.a.loadCatalog(true);
    (await h.next('catalog.list')).answer({ ok: false, error: { code: 'mesh.denied', message: 'The mesh refused access.' } });
    await refreshing;
    const c = h.store.getState().catalog;
    expect(c.view?.products.map((p) => p.name)).toEqual(['kept']);
    expect(c.error?.message).toBe('The mesh refused access.');
    expect(c.loading).toBe(false);
  });

  it('reads the list again after another mesh was chosen in Settings', async () => {
    const h = scripted();
    const opening = h.a.openCatalog();
    (await h.next('catalog.list')).answer(ok(view(['on-first-mesh'])));
    await opening;
    const settings: MeshSettings = { meshes: [], activeMeshId: 'm2', keysPersist: true };
    const opened = h.a.openSettings();
    (await h.next('settings.get')).answer(ok(settings));
    await opened;
    const using = h.a.useMesh('m2');
    (await h.next('mesh.use')).answer(ok(settings));
    await using;
    h.a.closeSettings();
    expect(h.store.getState().catalog.open).toBe(true);
    (await h.next('catalog.list')).answer(ok(view(['on-second-mesh'], { meshName: 'Second' })));
    await flush();
    expect(h.store.getState().catalog.view?.meshName).toBe('Second');
  });

  it('opening the Catalog from Settings closes Settings', async () => {
    const h = scripted();
    const opened = h.a.openSettings();
    (await h.next('settings.get')).answer(ok({ meshes: [], activeMeshId: 'm1', keysPersist: true }));
    await opened;
    const opening = h.a.openCatalog();
    expect(h.store.getState().settings.open).toBe(false);
    expect(h.store.getState().catalog.open).toBe(true);
    (await h.next('catalog.list')).answer(ok(view([])));
    await opening;
  });

  it('shows only the page and preview of the product open now', async () => {
    const h = scripted();
    const openA = h.a.openProduct('product-a');
    const getA = await h.next('product.get');
    const openB = h.a.openProduct('product-b');
    const getB = await h.next('product.get');
    expect(getB.input).toEqual({ product: 'product-b' });
    getB.answer(ok(page('product-b')));
    const previewB = await h.next('product.preview');
    expect(previewB.input).toEqual({ product: 'product-b' });
    getA.answer(ok(page('product-a'))); // late: the reader already left product-a
    await openA;
    expect(h.store.getState().catalog.product?.page?.name).toBe('product-b');
    expect(h.pending.some((p) => p.name === 'product.preview' && (p.input as { product: string }).product === 'product-a')).toBe(false);

    // Choosing another part while the first preview is on its way: only the newer answer counts.
    const other = h.a.loadPreview('extra');
    const previewExtra = await h.next('product.preview');
    expect(previewExtra.input).toEqual({ product: 'product-b', endpoint: 'extra' });
    previewExtra.answer(ok({ ...preview('1.0.0'), endpoint: 'extra' }));
    await other;
    previewB.answer(ok(preview('0.9.0')));
    await openB;
    const p = h.store.getState().catalog.product!;
    expect(p.preview).toMatchObject({ loading: false, endpoint: 'extra' });
    expect(p.preview.data?.endpoint).toBe('extra');
  });

  it('a product that cannot be read says so; closing it drops its late answers', async () => {
    const h = scripted();
    const openA = h.a.openProduct('gone');
    (await h.next('product.get')).answer({ ok: false, error: { code: 'product.not-found', message: 'There is no product "gone".' } });
    await openA;
    expect(h.store.getState().catalog.product).toMatchObject({ loading: false, page: null, error: { message: 'There is no product "gone".' } });
    expect(h.calls.some((c) => c.name === 'product.preview')).toBe(false);

    const openB = h.a.openProduct('late');
    const getB = await h.next('product.get');
    h.a.closeProduct();
    getB.answer(ok(page('late')));
    await openB;
    expect(h.store.getState().catalog.product).toBeNull();
  });

  it('a new file keeps the catalog as it was', async () => {
    const h = scripted();
    const opening = h.a.openCatalog();
    (await h.next('catalog.list')).answer(ok(view(['kept'])));
    await opening;
    h.a.setCatalogFilters({ query: 'kept' });
    void h.a.pickFile();
    (await h.next('source.pick')).answer(ok({ id: 's1', name: 'x.csv', size: 1 }));
    await flush();
    expect(h.store.getState().catalog.view?.products).toHaveLength(1);
    expect(h.store.getState().catalog.filters.query).toBe('kept');
  });
});
