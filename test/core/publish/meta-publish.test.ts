// Node only (test). Metadata-only versions end to end against a real folder mesh: prepare and run
// with the official schema validators, then what a reader finds — no new data parts, the rows of
// the data version, the new words, the copied stats without newly personal values, the version
// rules, the governance rules about words, and every refusal (stale base, lost race, structure).

import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseContractYaml, parseProductYaml } from '../../../shared/core/contract/standard-yaml';
import { readCatalog } from '../../../shared/core/catalog/catalog-store';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import { readCurrentProduct } from '../../../shared/core/publish/mesh-state';
import { prepareMetaOnly, type MetaPublishPlan } from '../../../shared/core/publish/meta-prepare';
import { runMetaOnlyPublish } from '../../../shared/core/publish/meta-run';
import { parseStats } from '../../../shared/core/publish/stats';
import type { Bump } from '../../../shared/core/publish/version-history';
import { readVersionHistory } from '../../../shared/core/publish/version-history';
import { previewRows, productPage } from '../../../shared/core/pull/product-page';
import { endpointRows, openEndpoint } from '../../../shared/core/pull/read-endpoint';
import type { OpenedMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { tempDir } from '../../fixtures/make-fixtures';
import { folderMesh, publishFile, setPartRows } from '../pull/pull-fixtures';
import { salesCsv, salesMeta } from '../../node/publish/publish-fixtures';

const dir = tempDir('mesh-desk-meta-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keysOf(root: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(root, join(d, e.name))]));
  return walk(root).sort();
}

async function allRows(store: MeshStore, product: string, version?: string): Promise<unknown[][]> {
  const opened = await openEndpoint(store, { product, ...(version ? { version } : {}) });
  const out: unknown[][] = [];
  for await (const b of endpointRows(store, opened)) out.push(...b.rows);
  return out;
}

async function published(rows = 120, name = 'sales-demo'): Promise<OpenedMesh & { root: string }> {
  const mesh = folderMesh();
  await setPartRows(mesh, 50);
  await publishFile(mesh, salesCsv(tempDir(), rows, { name: `${name}.csv` }), salesMeta(name));
  return mesh;
}

async function prepare(mesh: OpenedMesh, meta: ProductMeta, baseVersion = '1.0.0', product = 'sales-demo') {
  return prepareMetaOnly({ store: mesh.store, product, baseVersion, meta, now: Date.now });
}

async function run(mesh: OpenedMesh, plan: MetaPublishPlan, o: { bump?: Bump; publishId?: string } = {}) {
  return runMetaOnlyPublish({ store: mesh.store, location: mesh.location, plan, publishId: o.publishId ?? 'meta-test', publisher: 'Anna Berg', validators: await standardValidators(), now: Date.now, ...(o.bump ? { bump: o.bump } : {}) });
}

function edited(): ProductMeta {
  const m = salesMeta('sales-demo');
  m.title = 'Sales demo, by day';
  m.columns!.region = { description: 'The sales region (North, South …)', businessName: 'Region' };
  return m;
}

describe('metadata-only publish', () => {
  it('publishes v1.0.1 that reuses the parts of v1.0.0: no data written, same rows, new words', async () => {
    const mesh = await published();
    const before = keysOf(mesh.root);
    const rowsBefore = await allRows(mesh.store, 'sales-demo');
    const plan = await prepare(mesh, edited());
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.decision).toMatchObject({ version: '1.0.1', bump: 'patch', required: 'patch' });
    expect(plan.value.check.canPublish).toBe(true);

    const out = await run(mesh, plan.value);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ version: '1.0.1', parts: 0, bytes: 0, rows: 120, catalogUpdated: true });
    const added = keysOf(mesh.root).filter((k) => !before.includes(k));
    // Only a contract and a stats file are new (product.yaml and the catalog were rewritten in place).
    expect(added.map((k) => k.replace(/\d{8}T\d{6}Z/, 'T'))).toEqual(['sales-demo/schemata/v1.0.1.T.yaml', 'sales-demo/stats/v1.0.1.json']);
    expect(keysOf(mesh.root).some((k) => k.includes('v1.0.1.datapart'))).toBe(false);

    const product = parseProductYaml(readFileSync(join(mesh.root, 'sales-demo/product.yaml'), 'utf8'));
    if (!product.ok) throw new Error(product.error.message);
    const [top, prev] = readVersionHistory(product.value);
    expect(top).toMatchObject({ version: '1.0.1', metadataOnly: true, bump: 'patch', publishId: 'meta-test', sourceFile: 'sales-demo.csv' });
    expect(top!.endpoints.map((e) => [e.name, e.rows, e.parts, e.dataVersion])).toEqual([['default', 120, 3, '1.0.0']]);
    expect(top!.endpoints[0]!.fields).toContainEqual({ name: 'region', businessName: 'Region', description: 'The sales region (North, South …)' });
    expect(prev).toMatchObject({ version: '1.0.0' });
    expect(prev!.metadataOnly).toBeUndefined();

    const contractKey = added.find((k) => k.includes('schemata'))!;
    const contract = parseContractYaml(readFileSync(join(mesh.root, contractKey), 'utf8'));
    if (!contract.ok) throw new Error(contract.error.message);
    expect(contract.value.version).toBe('1.0.1');
    expect(contract.value.customProperties).toContainEqual({ property: 'title', value: 'Sales demo, by day' });
    // The contract's servers point at the parts readers actually get: those of v1.0.0.
    expect((contract.value.servers![0] as { path?: string }).path).toBe(`${mesh.root}/sales-demo/{model}/v1.0.0.datapart*.csv`);
    const id = contract.value.schema![0]!.properties!.find((p) => p.name === 'id')!;
    expect(id).toMatchObject({ primaryKey: true, required: true, unique: true, logicalType: 'integer' });

    // A reader: same rows for the new version, by default and by name; the page shows the new words.
    expect(await allRows(mesh.store, 'sales-demo')).toEqual(rowsBefore);
    expect(await allRows(mesh.store, 'sales-demo', '1.0.1')).toEqual(rowsBefore);
    const current = await readCurrentProduct(mesh.store, 'sales-demo');
    if (!current.ok || !current.value) throw new Error('unreadable');
    const page = productPage(current.value, Date.now());
    expect(page.title).toBe('Sales demo, by day');
    expect(page.version).toBe('1.0.1');
    expect(page.timeline.map((t) => [t.version, t.bump, t.metadataOnly ?? false, t.rows])).toEqual([['1.0.1', 'patch', true, 120], ['1.0.0', 'initial', false, 120]]);
    expect(page.quality).toBeDefined();
    const preview = await previewRows(mesh.store, { product: 'sales-demo', version: '1.0.1', endpoint: 'default' }, 10);
    expect(preview).toMatchObject({ version: '1.0.1', totalRows: 120 });
    expect(preview.rows).toEqual(rowsBefore.slice(0, 10));
    expect(preview.columns.find((c) => c.name === 'region')).toMatchObject({ businessName: 'Region', description: 'The sales region (North, South …)' });
    const catalog = await readCatalog(mesh.store, { now: Date.now });
    expect(catalog.index.products.find((p) => p.name === 'sales-demo')).toMatchObject({ version: '1.0.1', title: 'Sales demo, by day' });
  }, 60_000);

  it('chains: a description edit of a description-only version still points at the data version', async () => {
    const mesh = await published(30);
    const first = await prepare(mesh, edited());
    if (!first.ok) throw new Error(first.error.message);
    expect((await run(mesh, first.value)).ok).toBe(true);
    const again = await prepare(mesh, { ...edited(), description: 'Sales by day, all regions' }, '1.0.1');
    if (!again.ok) throw new Error(again.error.message);
    const out = await run(mesh, again.value, { publishId: 'second' });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.version).toBe('1.0.2');
    const current = await readCurrentProduct(mesh.store, 'sales-demo');
    if (!current.ok || !current.value) throw new Error('unreadable');
    expect(current.value.history[0]!.endpoints[0]!.dataVersion).toBe('1.0.0');
    expect((await allRows(mesh.store, 'sales-demo', '1.0.2')).length).toBe(30);
    // Freshness is about the data: it counts from v1.0.0's publish, not the description's.
    const page = productPage(current.value, Date.now());
    expect(page.freshness.text).toContain(current.value.history[2]!.publishedAt.slice(0, 10));
  }, 60_000);

  it('rebuilds the published contract exactly when the words are unchanged (only version, time and servers differ)', async () => {
    const mesh = await published(40);
    const plan = await prepare(mesh, salesMeta('sales-demo'));
    if (!plan.ok) throw new Error(plan.error.message);
    expect((await run(mesh, plan.value)).ok).toBe(true);
    const read = (v: string) => {
      const c = parseContractYaml(readFileSync(join(mesh.root, keysOf(mesh.root).find((k) => k.includes(`schemata/v${v}.`))!), 'utf8'));
      if (!c.ok) throw new Error(c.error.message);
      const { version: _v, contractCreatedTs: _t, servers, ...rest } = c.value;
      return { rest, path: (servers![0] as { path?: string }).path };
    };
    const a = read('1.0.0');
    const b = read('1.0.1');
    expect(b.rest).toEqual(a.rest);
    expect(b.path).toBe(a.path);
  }, 60_000);

  it('lets the owner choose a higher version, never a lower one', async () => {
    const mesh = await published(10);
    const plan = await prepare(mesh, edited());
    if (!plan.ok) throw new Error(plan.error.message);
    const out = await run(mesh, plan.value, { bump: 'minor' });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ version: '1.1.0', bump: 'minor' });
  }, 60_000);

  it('refuses a base that is no longer the latest, as a conflict in words', async () => {
    const mesh = await published(10);
    const plan = await prepare(mesh, edited());
    if (!plan.ok) throw new Error(plan.error.message);
    expect((await run(mesh, plan.value)).ok).toBe(true);
    const stale = await prepare(mesh, edited(), '1.0.0');
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('publish.lost-race');
    expect(stale.error.message).toMatch(/edited the description of "sales-demo" v1\.0\.0, but v1\.0\.1 was published since .* by Anna Berg/);
  }, 60_000);

  it('loses a race to a publish made after the proposal: nothing of its own stays in the mesh', async () => {
    const mesh = await published(10);
    const plan = await prepare(mesh, edited());
    if (!plan.ok) throw new Error(plan.error.message);
    const other = await prepare(mesh, { ...edited(), title: 'Theirs' });
    if (!other.ok) throw new Error(other.error.message);
    expect((await run(mesh, other.value, { publishId: 'theirs' })).ok).toBe(true);
    const before = keysOf(mesh.root);
    const mine = await run(mesh, plan.value, { publishId: 'mine' });
    expect(mine.ok).toBe(false);
    if (!mine.ok) {
      expect(mine.error.code).toBe('publish.lost-race');
      expect(mine.error.message).toMatch(/Someone else published "sales-demo" v1\.0\.1/);
    }
    expect(keysOf(mesh.root).filter((k) => !k.startsWith('_publishing'))).toEqual(before.filter((k) => !k.startsWith('_publishing')));
    const current = await readCurrentProduct(mesh.store, 'sales-demo');
    expect(current.ok && current.value?.history[0]?.publishId).toBe('theirs');
  }, 60_000);

  it('applies the governance rules about words: a missing owner e-mail blocks', async () => {
    const mesh = await published(10);
    const meta = edited();
    meta.owner = { name: 'Anna Berg' };
    const plan = await prepare(mesh, meta);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.check.canPublish).toBe(false);
    expect(plan.value.check.findings.map((f) => f.code)).toContain('policy.required-field');
    const out = await run(mesh, plan.value);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('publish.blocked');
  }, 60_000);

  it('refuses a structural change, and leaves the stats of a newly personal column without its values', async () => {
    const mesh = await published(20);
    const typed = edited();
    typed.columns!.code = { description: 'Product code', type: 'integer' };
    const refused = await prepare(mesh, typed);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/column "code": type text → integer/);

    const personal = edited();
    personal.classification = 'confidential';
    personal.columns!.region = { description: 'Where the buyer lives', personal: 'personal' };
    const plan = await prepare(mesh, personal);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.check.canPublish).toBe(true);
    const out = await run(mesh, plan.value);
    if (!out.ok) throw new Error(out.error.message);
    const stats = parseStats(readFileSync(join(mesh.root, 'sales-demo/stats/v1.0.1.json'), 'utf8'));
    const old = parseStats(readFileSync(join(mesh.root, 'sales-demo/stats/v1.0.0.json'), 'utf8'));
    const region = stats!.endpoints[0]!.columns.find((c) => c.name === 'region')!;
    expect(region.personal).toBe('personal');
    expect(region.top).toBeUndefined();
    expect(region.examples).toBeUndefined();
    expect(region.filled).toBe(20);
    expect(old!.endpoints[0]!.columns.find((c) => c.name === 'region')!.top!.length).toBeGreaterThan(0);
    expect(stats).toMatchObject({ version: '1.0.1', endpoints: [{ rows: 20, parts: 1 }] });
    const contract = parseContractYaml(readFileSync(join(mesh.root, keysOf(mesh.root).find((k) => k.includes('schemata/v1.0.1'))!), 'utf8'));
    if (!contract.ok) throw new Error(contract.error.message);
    const prop = contract.value.schema![0]!.properties!.find((p) => p.name === 'region')!;
    expect(prop.classification).toBe('personal');
    expect(prop.examples).toBeUndefined();
  }, 60_000);

  it('says in words when the product is gone', async () => {
    const mesh = await published(5);
    const r = await prepare(mesh, edited(), '1.0.0', 'no-such-product');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/no product "no-such-product"/);
  }, 60_000);
});
