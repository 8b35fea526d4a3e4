// Runs anywhere (pure core test).
// Catalog entries from product descriptors (Mesh Desk's own and foreign ones), defensive parsing,
// stable serialising, upsert, and search.
import { describe, expect, it } from 'vitest';
import {
  catalogEntry, catalogToJson, parseCatalog, searchCatalog, upsertEntry, type CatalogEntry, type CatalogIndex,
} from '../../../shared/core/catalog/catalog-index';
import { buildProductDescriptor } from '../../../shared/core/contract/build-product';
import { parseProductYaml, productToYaml } from '../../../shared/core/contract/standard-yaml';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { withVersionHistory, type VersionRecord } from '../../../shared/core/publish/version-history';

const meta: ProductMeta = {
  name: 'price-list',
  title: 'Price list 2026',
  description: 'Prices of every article, per region.',
  purpose: 'Lets sales quote current prices.',
  domain: 'Finance',
  owner: { name: 'Anne Müller', email: 'anne@example.com' },
  tags: ['prices', 'Sales'],
  frequency: 'monthly',
  classification: 'internal',
  license: 'internal use',
};

const record = (version: string, publishedAt: string, rows: number, bump: VersionRecord['bump']): VersionRecord => ({
  version, publishedAt, publishedBy: 'anne@example.com',
  contract: `schemata/v${version}.20260101T000000Z.yaml`, stats: `stats/v${version}.json`,
  endpoints: [
    { name: 'default', sheet: 'Prices', rows, parts: 1, columns: 5 },
    { name: 'regions', sheet: 'Régions', rows: 12, parts: 1, columns: 2 },
  ],
  bump, changes: bump === 'initial' ? [] : ['data changed'],
});

function fullDescriptor() {
  const product = buildProductDescriptor({
    meta, version: '1.0.1', contractId: 'urn:datacontract:price-list', endpoints: ['default', 'regions'], createdAt: '2026-02-01T09:00:00Z',
  });
  // Written and read back as YAML, exactly as readers meet it in the mesh.
  const text = productToYaml(withVersionHistory(product, [
    record('1.0.1', '2026-02-01T09:00:00Z', 1200, 'patch'),
    record('1.0.0', '2026-01-01T09:00:00Z', 1100, 'initial'),
  ]));
  const parsed = parseProductYaml(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const entry = (name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  name, tags: [], version: '1.0.0', versions: 1, endpoints: [], etag: `"${name}"`, ...extra,
});
const index = (...products: CatalogEntry[]): CatalogIndex => ({ format: 1, updatedAt: '2026-01-01T00:00:00.000Z', products });

describe('catalogEntry', () => {
  it('takes every field the Catalog screen shows from a Mesh Desk descriptor', () => {
    expect(catalogEntry(fullDescriptor(), '"abc"')).toEqual({
      name: 'price-list',
      title: 'Price list 2026',
      summary: 'Prices of every article, per region.',
      domain: 'Finance',
      owner: { name: 'Anne Müller', email: 'anne@example.com' },
      tags: ['prices', 'Sales'],
      classification: 'internal',
      frequency: 'monthly',
      version: '1.0.1',
      publishedAt: '2026-02-01T09:00:00Z',
      versions: 2,
      endpoints: [{ name: 'default', rows: 1200, columns: 5 }, { name: 'regions', rows: 12, columns: 2 }],
      etag: '"abc"',
    });
  });

  it('uses the purpose as summary when the owner gave only one description', () => {
    const product = buildProductDescriptor({
      meta: { name: 'x-y', description: 'Only one box filled.' }, version: '1.0.0', contractId: 'c', endpoints: ['default'], createdAt: '2026-01-01T00:00:00Z',
    });
    const e = catalogEntry(product, 'e');
    expect(e.summary).toBe('Only one box filled.');
    // No history: one version known, no sizes known.
    expect(e).toMatchObject({ name: 'x-y', version: '1.0.0', versions: 1, endpoints: [], tags: [] });
    expect(e.publishedAt).toBeUndefined();
    expect(e.owner).toBeUndefined();
  });

  it('reads a minimal foreign descriptor (no versions property) without inventing anything', () => {
    const parsed = parseProductYaml([
      'apiVersion: v1.0.0', 'kind: DataProduct', 'id: urn:x:weather', 'name: weather', 'version: 2.3.0', 'status: active',
      'team:', '  members:', '    - username: bob@example.org', '      role: Owner', '    - username: carol', '      role: steward',
      'tags: [weather, "", 7]', 'customProperties: not-a-list', 'description: just text',
    ].join('\n'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(catalogEntry(parsed.value, 'W/"1"')).toEqual({
      name: 'weather', owner: { email: 'bob@example.org' }, tags: ['weather'],
      version: '2.3.0', versions: 1, endpoints: [], etag: 'W/"1"',
    });
  });

  it('survives a descriptor with nothing but its kind', () => {
    const parsed = parseProductYaml('kind: DataProduct\nteam: 5\ndescription: [1]\noutputPorts: {}\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(catalogEntry(parsed.value, 'e')).toEqual({ name: '', tags: [], version: '', versions: 0, endpoints: [], etag: 'e' });
  });
});

describe('parseCatalog and catalogToJson', () => {
  it('round-trips and writes a stable, sorted, pretty document', () => {
    const full = catalogEntry(fullDescriptor(), '"abc"');
    const idx = index(entry('zeta'), full, entry('alpha', { owner: { name: 'Bo' } }));
    const json = catalogToJson(idx);
    expect(json.endsWith('\n')).toBe(true);
    expect(json).toContain('\n  "products": [\n');
    const back = parseCatalog(json);
    expect(back.ok && back.value.products.map((e) => e.name)).toEqual(['alpha', 'price-list', 'zeta']);
    expect(back.ok && back.value.products[1]).toEqual(full);
    // Same state, same bytes, whatever order the fields or products came in.
    const shuffled = index({ etag: '"zeta"', endpoints: [], versions: 1, version: '1.0.0', tags: [], name: 'zeta' }, entry('alpha', { owner: { name: 'Bo' } }), full);
    expect(catalogToJson(shuffled)).toBe(json);
  });

  it('fails in plain words on text that is not a catalog', () => {
    for (const junk of ['', 'not json', '[]', 'null', '42', '{"format":2,"products":[]}', '{"format":1}', '{"format":1,"products":{}}']) {
      const r = parseCatalog(junk);
      expect(r.ok, junk).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('catalog.unreadable');
        expect(r.error.message).toMatch(/rebuilt/);
      }
    }
    expect(parseCatalog(' '.repeat(64_000_001)).ok).toBe(false);
  });

  it('drops damaged entries and keeps the good ones, copying only known fields', () => {
    const good = entry('good', { title: 'Good' });
    const text = JSON.stringify({
      format: 1, updatedAt: 5,
      products: [
        null, 'x', [], good,
        { ...entry('Bad Name') },
        { ...entry('../escape') },
        { ...entry('no-count'), versions: -1 },
        { ...entry('bad-tags'), tags: [1] },
        { ...entry('bad-endpoint'), endpoints: [{ name: 'default', rows: '10', columns: 2 }] },
        { ...entry('bad-title'), title: { html: '<b>' } },
        { ...entry('bad-owner'), owner: 'anne' },
        { ...entry('good'), title: 'second with same name' },
        { ...entry('extra'), __proto__: { polluted: true }, script: 'alert(1)', owner: { name: 'A', role: 'x' } },
      ],
    });
    const r = parseCatalog(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.updatedAt).toBe('');
    expect(r.value.products).toEqual([entry('extra', { owner: { name: 'A' } }), good]);
    expect(Object.keys(r.value.products[0]!)).not.toContain('script');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('upsertEntry', () => {
  it('adds in name order and replaces by name without touching the others', () => {
    const start = index(entry('alpha'), entry('gamma'));
    const added = upsertEntry(start, entry('beta'), '2026-03-01T00:00:00.000Z');
    expect(added.products.map((e) => e.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(added.updatedAt).toBe('2026-03-01T00:00:00.000Z');
    const replaced = upsertEntry(added, entry('gamma', { version: '2.0.0', etag: '"new"' }), '2026-03-02T00:00:00.000Z');
    expect(replaced.products.map((e) => [e.name, e.version])).toEqual([['alpha', '1.0.0'], ['beta', '1.0.0'], ['gamma', '2.0.0']]);
    // The input index is not changed.
    expect(start.products.map((e) => e.name)).toEqual(['alpha', 'gamma']);
    expect(added.products[2]!.version).toBe('1.0.0');
  });
});

describe('searchCatalog', () => {
  const idx = index(
    entry('budget-2026', { title: 'Campaign budget', summary: 'Spend per campaign and month.', domain: 'Marketing', owner: { name: 'Zoë Dupré', email: 'zoe@example.com' }, tags: ['Budget', 'campaigns'] }),
    entry('price-list', { title: 'Price list', summary: 'Prix de référence.', domain: 'Finance', owner: { name: 'Anne Müller', email: 'anne@example.com' }, tags: ['prices'] }),
    entry('weather', { domain: 'finance', tags: ['external'] }),
  );
  const names = (q: Parameters<typeof searchCatalog>[1]) => searchCatalog(idx, q).map((e) => e.name);

  it('matches text in title, summary, name and tags, ignoring case and accents', () => {
    expect(names({ text: 'CAMPAIGN' })).toEqual(['budget-2026']);
    expect(names({ text: 'reference' })).toEqual(['price-list']);
    expect(names({ text: 'référence PRIX' })).toEqual(['price-list']);
    expect(names({ text: 'weath' })).toEqual(['weather']);
    expect(names({ text: 'external' })).toEqual(['weather']);
    expect(names({ text: 'prix campaign' })).toEqual([]);
    expect(names({ text: '   ' })).toEqual(['budget-2026', 'price-list', 'weather']);
    expect(names({})).toEqual(['budget-2026', 'price-list', 'weather']);
  });

  it('filters by domain, owner (name or e-mail) and tag, combined with text', () => {
    expect(names({ domain: 'FINANCE' })).toEqual(['price-list', 'weather']);
    expect(names({ owner: 'zoe dupre' })).toEqual(['budget-2026']);
    expect(names({ owner: 'Anne@Example.com' })).toEqual(['price-list']);
    expect(names({ owner: 'anne' })).toEqual([]);
    expect(names({ tag: 'budget' })).toEqual(['budget-2026']);
    expect(names({ tag: 'budg' })).toEqual([]);
    expect(names({ domain: 'finance', text: 'price' })).toEqual(['price-list']);
    expect(names({ domain: 'finance', tag: 'budget' })).toEqual([]);
  });
});
