// Browser (renderer). The Catalog screen's pure logic: search as you type, the filters, the
// "overdue" test and the sort. Kept apart from React so every rule is unit-tested; the catalog is
// small (one card per product), so filtering the whole list on every key press is cheap.

import { entryMatches, foldText } from '../../../shared/core/catalog/catalog-index';
import { freshnessOf } from '../../../shared/core/pull/freshness';
import type { CatalogView } from '../../../shared/core/api/contract';
import type { CatalogEntry } from '../../../shared/core/catalog/catalog-index';
import { formatDateTime, plural } from './format';
import { relativeAge } from './relative-age';


/**
 * Days one update period may last before a product counts as overdue. The same table as the
 * host's product page (shared/core/pull/product-page.ts), repeated here because the renderer may
 * import only types and small helpers from the core, not the module that reads the mesh.
 */
// The one rule of freshness, shared with the product page.
export { FREQUENCY_DAYS } from '../../../shared/core/pull/freshness';

export type CatalogSort = 'name' | 'updated';

export interface CatalogFilters {
  /** The search box as typed. */
  query: string;
  /** '' means "any". */
  domain: string;
  owner: string;
  tag: string;
  classification: string;
  overdueOnly: boolean;
  sort: CatalogSort;
}

export const emptyFilters: CatalogFilters = { query: '', domain: '', owner: '', tag: '', classification: '', overdueOnly: false, sort: 'name' };

/** Lower case without accents, so "cafe" finds "Café" (the core's rule, shared with the host). */
export { foldText } from '../../../shared/core/catalog/catalog-index';

/** The words of the search box, folded; empty when only spaces were typed. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter((w) => w !== '');
}

/** Every word must appear somewhere in the name, title, summary, tags or column words (in any order). */
/** The catalog's one search rule (the core's), columns included. */
export function matchesSearch(entry: CatalogEntry, words: readonly string[]): boolean {
  return entryMatches(entry, words);
}

/** How the owner is named in the owner filter and on the card: the name, else the e-mail. */
export function ownerLabel(entry: Pick<CatalogEntry, 'owner'>): string | undefined {
  return entry.owner?.name ?? entry.owner?.email;
}

export interface EntryFreshness {
  status: 'fresh' | 'overdue' | 'unknown';
  daysLate?: number;
  /** One sentence for the badge's tooltip and for screen readers. */
  text: string;
}

/**
 * Whether the latest version is older than the promised update frequency allows. Unknown when
 * the owner gave no frequency or the publish time is missing; one-off products are never late.
 */
export function entryFreshness(entry: Pick<CatalogEntry, 'frequency' | 'publishedAt'>, now: number): EntryFreshness {
  const f = freshnessOf(entry.frequency, entry.publishedAt, now);
  return { status: f.status, ...(f.daysLate !== undefined ? { daysLate: f.daysLate } : {}), text: f.text };
}

export function isOverdue(entry: Pick<CatalogEntry, 'frequency' | 'publishedAt'>, now: number): boolean {
  return entryFreshness(entry, now).status === 'overdue';
}

/** The badge's short word. */
export function freshnessLabel(f: Pick<EntryFreshness, 'status' | 'daysLate'>): string {
  if (f.status === 'fresh') return 'Up to date';
  if (f.status === 'overdue') return f.daysLate !== undefined ? `Overdue by ${plural(f.daysLate, 'day')}` : 'Overdue';
  return 'Freshness not known';
}

export interface FilterOptions {
  domains: string[];
  owners: string[];
  tags: string[];
  classifications: string[];
}

const byText = (a: string, b: string) => foldText(a).localeCompare(foldText(b), 'en') || a.localeCompare(b, 'en');
const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort(byText);

/** The choices of each filter select, built from the products actually in the catalog. */
export function filterOptions(entries: readonly CatalogEntry[]): FilterOptions {
  return {
    domains: distinct(entries.map((e) => e.domain)),
    owners: distinct(entries.map(ownerLabel)),
    tags: distinct(entries.flatMap((e) => e.tags)),
    classifications: distinct(entries.map((e) => e.classification)),
  };
}

/** The title the owner reads first; products from other tools may have none. */
export function displayTitle(entry: Pick<CatalogEntry, 'name' | 'title'>): string {
  return entry.title ?? entry.name;
}

function publishedTime(entry: CatalogEntry): number {
  const t = entry.publishedAt ? Date.parse(entry.publishedAt) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** By name: A–Z on the title (then the name). By last update: newest first, unknown dates last. */
export function sortCatalog(entries: readonly CatalogEntry[], sort: CatalogSort): CatalogEntry[] {
  const byName = (a: CatalogEntry, b: CatalogEntry) => byText(displayTitle(a), displayTitle(b)) || a.name.localeCompare(b.name, 'en');
  const out = [...entries];
  if (sort === 'name') return out.sort(byName);
  return out.sort((a, b) => publishedTime(b) - publishedTime(a) || byName(a, b));
}

/** The products to show, in order, for the filters as they are now. */
export function visibleEntries(entries: readonly CatalogEntry[], f: CatalogFilters, now: number): CatalogEntry[] {
  const words = searchWords(f.query);
  const kept = entries.filter(
    (e) =>
      matchesSearch(e, words) &&
      (f.domain === '' || e.domain === f.domain) &&
      (f.owner === '' || ownerLabel(e) === f.owner) &&
      (f.tag === '' || e.tags.includes(f.tag)) &&
      (f.classification === '' || e.classification === f.classification) &&
      (!f.overdueOnly || isOverdue(e, now)),
  );
  return sortCatalog(kept, f.sort);
}

export function hasFilters(f: CatalogFilters): boolean {
  return searchWords(f.query).length > 0 || f.domain !== '' || f.owner !== '' || f.tag !== '' || f.classification !== '' || f.overdueOnly;
}

/** The empty list in words: nothing published yet, or nothing for these filters (named). */
export function emptyText(total: number, f: CatalogFilters, meshName: string): string {
  if (total === 0) return `No products yet in “${meshName}”. They appear here as soon as someone publishes one.`;
  const parts: string[] = [];
  const query = f.query.trim();
  if (query !== '') parts.push(`“${query}”`);
  if (f.domain !== '') parts.push(`domain ${f.domain}`);
  if (f.owner !== '') parts.push(`owner ${f.owner}`);
  if (f.tag !== '') parts.push(`tag ${f.tag}`);
  if (f.classification !== '') parts.push(`classification ${f.classification}`);
  if (f.overdueOnly) parts.push('overdue only');
  return `Nothing matches ${parts.join(', ')} among ${plural(total, 'product')}. Try fewer words or clear the filters.`;
}

/** "12 products" or "3 of 12 products". */
export function countText(shown: number, total: number): string {
  return shown === total ? plural(total, 'product') : `${shown.toLocaleString('en-US')} of ${plural(total, 'product')}`;
}

/** The notice above an offline list: how old the copy is (in words, then exactly) and why the mesh was not reached. */
export function offlineText(view: Pick<CatalogView, 'offline' | 'offlineReason' | 'readAt'>, now: number = Date.now()): string | null {
  if (!view.offline) return null;
  const age = relativeAge(view.readAt, now);
  const head = age ? `Offline — showing the copy saved ${age} (${formatDateTime(view.readAt)}).` : `Offline — showing the copy from ${formatDateTime(view.readAt)}.`;
  return view.offlineReason ? `${head} ${view.offlineReason}` : head;
}
