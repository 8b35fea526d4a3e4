// The Catalog's pure rules: search (accents, case, every word), each filter, the overdue
// computation per update frequency, the sort, and the empty-list and offline sentences.
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../shared/core/catalog/catalog-index';
import {
  countText, emptyFilters, emptyText, entryFreshness, filterOptions, foldText, freshnessLabel, hasFilters, isOverdue, matchesSearch,
  offlineText, searchWords, sortCatalog, visibleEntries,
} from '../../../renderer/src/lib/catalog-view';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * DAY).toISOString();

const entry = (name: string, patch: Partial<CatalogEntry> = {}): CatalogEntry => ({ name, tags: [], version: '1.0.0', versions: 1, endpoints: [], etag: `"${name}"`, ...patch });

const prices = entry('price-list', {
  title: 'Café price list', summary: 'Prices of every product sold in our cafés', domain: 'sales', tags: ['pricing', 'retail'],
  owner: { name: 'Zoë Martin', email: 'zoe@example.com' }, classification: 'internal', frequency: 'monthly', publishedAt: daysAgo(40),
});
const budget = entry('campaign-budget', {
  title: 'Campaign budget', summary: 'Planned spend per campaign', domain: 'marketing', tags: ['budget'],
  owner: { email: 'ana@example.com' }, classification: 'confidential', frequency: 'weekly', publishedAt: daysAgo(2),
});
const market = entry('market-share', { title: 'Market share', domain: 'marketing', tags: ['external', 'pricing'], frequency: 'one-off', publishedAt: daysAgo(900) });
const bare = entry('zz-legacy'); // written by another tool: no title, owner, frequency or date
const all = [prices, budget, market, bare];

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldText('Café ZOË')).toBe('cafe zoe');
    expect(searchWords('  CAFE   Prices ')).toEqual(['cafe', 'prices']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('needs every word, anywhere in name, title, summary or tags', () => {
    expect(matchesSearch(prices, searchWords('cafe'))).toBe(true); // title with an accent
    expect(matchesSearch(prices, searchWords('RETAIL sold'))).toBe(true); // tag + summary
    expect(matchesSearch(prices, searchWords('price-list'))).toBe(true); // the name
    expect(matchesSearch(prices, searchWords('cafe budget'))).toBe(false); // second word missing
    expect(matchesSearch(prices, searchWords('sales'))).toBe(false); // the domain is a filter, not searched
    expect(matchesSearch(bare, searchWords(''))).toBe(true);
  });

  it('filters the list as typed', () => {
    const names = (q: string) => visibleEntries(all, { ...emptyFilters, query: q }, NOW).map((e) => e.name);
    expect(names('pricing')).toEqual(['price-list', 'market-share']); // by title: Café… before Market…
    expect(names('camp')).toEqual(['campaign-budget']);
    expect(names('nothing-like-this')).toEqual([]);
  });
});

describe('filters', () => {
  const names = (f: Partial<typeof emptyFilters>) => visibleEntries(all, { ...emptyFilters, ...f }, NOW).map((e) => e.name);

  it('offers only values present in the catalog, sorted, without duplicates', () => {
    expect(filterOptions(all)).toEqual({
      domains: ['marketing', 'sales'],
      owners: ['ana@example.com', 'Zoë Martin'],
      tags: ['budget', 'external', 'pricing', 'retail'],
      classifications: ['confidential', 'internal'],
    });
  });

  it('filters by domain, owner (name or e-mail), tag and classification', () => {
    expect(names({ domain: 'marketing' })).toEqual(['campaign-budget', 'market-share']);
    expect(names({ owner: 'Zoë Martin' })).toEqual(['price-list']);
    expect(names({ owner: 'ana@example.com' })).toEqual(['campaign-budget']);
    expect(names({ tag: 'pricing' })).toEqual(['price-list', 'market-share']);
    expect(names({ classification: 'confidential' })).toEqual(['campaign-budget']);
    expect(names({ domain: 'marketing', tag: 'budget', query: 'spend' })).toEqual(['campaign-budget']);
    expect(names({ domain: 'sales', tag: 'budget' })).toEqual([]);
  });

  it('"only overdue" keeps products older than their frequency allows', () => {
    expect(names({ overdueOnly: true })).toEqual(['price-list']);
  });

  it('knows when any filter is on', () => {
    expect(hasFilters(emptyFilters)).toBe(false);
    expect(hasFilters({ ...emptyFilters, query: '   ' })).toBe(false);
    expect(hasFilters({ ...emptyFilters, sort: 'updated' })).toBe(false);
    expect(hasFilters({ ...emptyFilters, tag: 'x' })).toBe(true);
    expect(hasFilters({ ...emptyFilters, overdueOnly: true })).toBe(true);
  });
});

describe('overdue', () => {
  const cases: [string, number][] = [['daily', 1], ['weekly', 7], ['monthly', 31], ['quarterly', 92], ['yearly', 366]];
  it.each(cases)('%s: due after %i days, overdue the moment after', (frequency, days) => {
    expect(isOverdue({ frequency, publishedAt: new Date(NOW - days * DAY).toISOString() }, NOW)).toBe(false);
    const late = entryFreshness({ frequency, publishedAt: new Date(NOW - days * DAY - 1000).toISOString() }, NOW);
    expect(late.status).toBe('overdue');
    expect(late.daysLate).toBe(1); // any part of a day counts
  });

  it('counts whole days late', () => {
    const f = entryFreshness({ frequency: 'monthly', publishedAt: daysAgo(40) }, NOW);
    expect(f).toMatchObject({ status: 'overdue', daysLate: 9 });
    expect(freshnessLabel(f)).toBe('Overdue by 9 days');
    expect(f.text).toContain('9 days late');
  });

  it('one-off is never overdue; no frequency or no date is unknown, not overdue', () => {
    expect(entryFreshness({ frequency: 'one-off', publishedAt: daysAgo(5000) }, NOW).status).toBe('fresh');
    expect(entryFreshness({ publishedAt: daysAgo(5000) }, NOW).status).toBe('unknown');
    expect(entryFreshness({ frequency: 'weekly' }, NOW).status).toBe('unknown');
    expect(entryFreshness({ frequency: 'weekly', publishedAt: 'not a date' }, NOW).status).toBe('unknown');
    expect(entryFreshness({ frequency: 'fortnightly', publishedAt: daysAgo(100) }, NOW).status).toBe('unknown');
    expect(entryFreshness({ frequency: 'constructor', publishedAt: daysAgo(100) }, NOW).status).toBe('unknown');
    expect(freshnessLabel({ status: 'unknown' })).toBe('Freshness not known');
    expect(freshnessLabel(entryFreshness(budget, NOW))).toBe('Up to date');
  });
});

describe('sort', () => {
  it('by name: A to Z on the title, accents folded, untitled products by their name', () => {
    const e = entry('eclair', { title: 'Éclair sales' });
    expect(sortCatalog([bare, prices, e, budget, market], 'name').map((x) => x.name)).toEqual(['price-list', 'campaign-budget', 'eclair', 'market-share', 'zz-legacy']);
  });

  it('by last update: newest first, unknown dates last', () => {
    expect(sortCatalog(all, 'updated').map((x) => x.name)).toEqual(['campaign-budget', 'price-list', 'market-share', 'zz-legacy']);
    expect(visibleEntries(all, { ...emptyFilters, sort: 'updated' }, NOW)[0]?.name).toBe('campaign-budget');
  });

  it('does not change the list it is given', () => {
    const list = [bare, prices];
    sortCatalog(list, 'name');
    expect(list).toEqual([bare, prices]);
  });
});

describe('sentences', () => {
  it('says an empty mesh and an empty search apart, naming what was asked', () => {
    expect(emptyText(0, emptyFilters, 'Local mesh')).toMatch(/^No products yet in “Local mesh”/);
    const text = emptyText(4, { ...emptyFilters, query: ' cafe ', domain: 'sales', overdueOnly: true }, 'Local mesh');
    expect(text).toBe('Nothing matches “cafe”, domain sales, overdue only among 4 products. Try fewer words or clear the filters.');
  });

  it('counts shown products', () => {
    expect(countText(4, 4)).toBe('4 products');
    expect(countText(1, 1)).toBe('1 product');
    expect(countText(2, 1204)).toBe('2 of 1,204 products');
  });

  it('offline: the time of the copy and the reason', () => {
    expect(offlineText({ offline: false, readAt: '2026-01-02T03:04:05Z' })).toBeNull();
    const at = Date.parse('2026-01-02T03:04:00Z');
    expect(offlineText({ offline: true, readAt: '2026-01-02T03:04:00Z', offlineReason: 'The mesh server did not answer.' }, at + 3 * 3600_000 + 59_000)).toBe(
      'Offline — showing the copy saved 3 hours ago (2026-01-02 03:04). The mesh server did not answer.',
    );
    expect(offlineText({ offline: true, readAt: '2026-01-02T03:04:00Z' }, at + 20_000)).toBe('Offline — showing the copy saved just now (2026-01-02 03:04).');
    expect(offlineText({ offline: true, readAt: 'not a time' }, at)).toBe('Offline — showing the copy from not a time.');
  });
});

describe('search over columns', () => {
  it('finds a product by a column name, business name or description', async () => {
    const { matchesSearch, searchWords } = await import('../../../renderer/src/lib/catalog-view');
    const entry = { name: 'weekly-sales', version: '1.0.0', versions: 1, tags: [], endpoints: [], etag: 'x', columns: [{ name: 'amt', businessName: 'Umsatz', description: 'Amount in EUR' }] };
    expect(matchesSearch(entry, searchWords('umsatz'))).toBe(true);
    expect(matchesSearch(entry, searchWords('eur amt'))).toBe(true);
    expect(matchesSearch(entry, searchWords('region'))).toBe(false);
  });
});
