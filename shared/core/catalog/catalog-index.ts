// Runs anywhere (pure core).
// The mesh catalog (`_catalog/index.json`, DESIGN.md §4): one small card per product, derived from
// its product.yaml, so the Catalog screen can search and filter without reading every product.
// The index is derived data that anyone with write access can damage, so reading it is defensive:
// entries that are not well formed are dropped (the store side rebuilds what is missing).

import type { OdpsProduct } from '../contract/odps-types';
import { readVersionHistory, type ColumnWords } from '../publish/version-history';
import { fail, ok, type Result } from '../result';

export interface CatalogEntry {
  name: string;
  title?: string;
  summary?: string;
  domain?: string;
  owner?: { name?: string; email?: string };
  tags: string[];
  classification?: string;
  frequency?: string;
  /** Latest version and when it was published. */
  version: string;
  publishedAt?: string;
  /** How many versions are published. */
  versions: number;
  /** Endpoints of the latest version. */
  endpoints: { name: string; rows: number; columns: number }[];
  /** Columns of the latest version's main table in words (searched by the catalog). */
  columns?: ColumnWords[];
  /** ETag of the product.yaml this entry was made from (tells a stale entry). */
  etag: string;
}

/** Products sorted by name. */
export interface CatalogIndex {
  format: 1;
  updatedAt: string;
  products: CatalogEntry[];
}

/** Larger than any real index (tens of thousands of products); beyond it the text is not one. */
export const MAX_CATALOG_CHARS = 64_000_000;

const PRODUCT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
/** A non-empty trimmed string, or undefined: foreign product.yaml files may hold anything. */
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function customValue(props: unknown, property: string): unknown {
  if (!Array.isArray(props)) return undefined;
  const found = props.find((p) => isObj(p) && p.property === property);
  return isObj(found) ? found.value : undefined;
}

/** The team member marked as owner; other members are colleagues, not the contact. */
function ownerOf(product: OdpsProduct): CatalogEntry['owner'] {
  const members = isObj(product.team) && Array.isArray(product.team.members) ? product.team.members : [];
  const member = members.find((m) => isObj(m) && typeof m.role === 'string' && m.role.trim().toLowerCase() === 'owner');
  const username = isObj(member) ? text(member.username) : undefined;
  const email = text(customValue(product.customProperties, 'ownerEmail')) ?? (username && EMAIL_LIKE.test(username) ? username : undefined);
  const name = (isObj(member) ? text(member.name) : undefined) ?? (username && !EMAIL_LIKE.test(username) ? username : undefined);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/**
 * The catalog card of one product descriptor. Works for descriptors written by other tools too:
 * without Mesh Desk's "versions" history only the descriptor's own version is known, so the
 * entry counts one version and lists no endpoints (their sizes are unknown).
 */
export function catalogEntry(product: OdpsProduct, etag: string): CatalogEntry {
  // A hand-written customProperties that is not a list would make readVersionHistory throw.
  const history = Array.isArray(product.customProperties) ? readVersionHistory(product) : [];
  const declared = text(product.version);
  const version = declared ?? history[0]?.version ?? '';
  // The record of the descriptor's version; when the descriptor names none, the newest record.
  const latest = declared ? history.find((v) => v.version === declared) : history[0];
  const description = isObj(product.description) ? product.description : {};
  const summary = text(customValue(description.customProperties, 'summary')) ?? text(description.purpose);
  const props = product.customProperties;
  const entry: CatalogEntry = {
    name: text(product.name) ?? text(product.id) ?? '',
    tags: Array.isArray(product.tags) ? [...new Set(product.tags.map(text).filter((t): t is string => t !== undefined))] : [],
    version,
    versions: history.length > 0 ? history.length : version ? 1 : 0,
    endpoints: latest ? latest.endpoints.map((e) => ({ name: e.name, rows: e.rows, columns: e.columns })) : [],
    etag,
  };
  const title = text(customValue(props, 'title'));
  if (title) entry.title = title;
  if (summary) entry.summary = summary;
  const domain = text(product.domain);
  if (domain) entry.domain = domain;
  const owner = ownerOf(product);
  if (owner) entry.owner = owner;
  const classification = text(customValue(props, 'dataClassification'));
  if (classification) entry.classification = classification;
  const frequency = text(customValue(props, 'updateFrequency'));
  if (frequency) entry.frequency = frequency;
  if (latest) entry.publishedAt = latest.publishedAt;
  const fields = latest?.endpoints[0]?.fields;
  if (fields && fields.length > 0) entry.columns = fields.map((f) => ({ ...f }));
  return entry;
}

/** Copies exactly the documented fields, in a fixed order, or undefined when the entry is not well formed. */
function cleanEntry(x: unknown): CatalogEntry | undefined {
  if (!isObj(x) || typeof x.name !== 'string' || !PRODUCT_NAME.test(x.name)) return undefined;
  if (typeof x.version !== 'string' || typeof x.etag !== 'string' || !isCount(x.versions)) return undefined;
  if (!Array.isArray(x.tags) || !x.tags.every((t) => typeof t === 'string')) return undefined;
  if (!Array.isArray(x.endpoints)) return undefined;
  const endpoints: CatalogEntry['endpoints'] = [];
  for (const e of x.endpoints) {
    if (!isObj(e) || typeof e.name !== 'string' || !isCount(e.rows) || !isCount(e.columns)) return undefined;
    endpoints.push({ name: e.name, rows: e.rows, columns: e.columns });
  }
  const optional = ['title', 'summary', 'domain', 'classification', 'frequency', 'publishedAt'] as const;
  if (optional.some((k) => x[k] !== undefined && typeof x[k] !== 'string')) return undefined;
  let owner: CatalogEntry['owner'];
  if (x.owner !== undefined) {
    if (!isObj(x.owner)) return undefined;
    const { name, email } = x.owner;
    if ((name !== undefined && typeof name !== 'string') || (email !== undefined && typeof email !== 'string')) return undefined;
    owner = { ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) };
  }
  const pick = (k: (typeof optional)[number]) => (typeof x[k] === 'string' ? { [k]: x[k] } : {});
  let columns: ColumnWords[] | undefined;
  if (x.columns !== undefined) {
    if (!Array.isArray(x.columns)) return undefined;
    columns = [];
    for (const c of x.columns) {
      if (!isObj(c) || typeof c.name !== 'string') return undefined;
      const { businessName, description } = c;
      if ((businessName !== undefined && typeof businessName !== 'string') || (description !== undefined && typeof description !== 'string')) return undefined;
      columns.push({ name: c.name, ...(businessName !== undefined ? { businessName } : {}), ...(description !== undefined ? { description } : {}) });
    }
  }
  return {
    name: x.name,
    ...pick('title'), ...pick('summary'), ...pick('domain'),
    ...(owner ? { owner } : {}),
    tags: [...(x.tags as string[])],
    ...pick('classification'), ...pick('frequency'),
    version: x.version,
    ...pick('publishedAt'),
    versions: x.versions,
    endpoints,
    ...(columns ? { columns } : {}),
    etag: x.etag,
  };
}

const byName = (a: CatalogEntry, b: CatalogEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Reads index.json. Text that is not a catalog at all fails (the caller rebuilds it); single
 * entries that are damaged are dropped, and of two entries with one name the first is kept.
 */
export function parseCatalog(input: string): Result<CatalogIndex> {
  if (input.length > MAX_CATALOG_CHARS) {
    return fail('catalog.unreadable', `The mesh catalog is ${input.length.toLocaleString('en')} characters long, far more than a catalog can be, so Mesh Desk does not read it. It will be rebuilt from the products' descriptions.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch {
    return fail('catalog.unreadable', 'The mesh catalog is damaged (it is not valid JSON). It will be rebuilt from the products\' descriptions; nothing in the products is affected.');
  }
  if (!isObj(value) || value.format !== 1 || !Array.isArray(value.products)) {
    return fail('catalog.unreadable', 'The mesh catalog is not in the format this version of Mesh Desk knows. It will be rebuilt from the products\' descriptions; nothing in the products is affected.');
  }
  const seen = new Set<string>();
  const products: CatalogEntry[] = [];
  for (const raw of value.products) {
    const entry = cleanEntry(raw);
    if (!entry || seen.has(entry.name)) continue;
    seen.add(entry.name);
    products.push(entry);
  }
  products.sort(byName);
  return ok({ format: 1, updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '', products });
}

/** Pretty JSON with a stable field and product order, so two writers of the same state agree byte for byte. */
export function catalogToJson(index: CatalogIndex): string {
  const products = [...index.products].sort(byName).map((e) => cleanEntry(e) ?? e);
  return `${JSON.stringify({ format: 1, updatedAt: index.updatedAt, products }, null, 2)}\n`;
}

/** The index with this product's entry added or replaced, still sorted by name. */
export function upsertEntry(index: CatalogIndex, entry: CatalogEntry, now: string): CatalogIndex {
  const products = index.products.filter((e) => e.name !== entry.name);
  products.push(entry);
  products.sort(byName);
  return { format: 1, updatedAt: now, products };
}

/** Lower case without accents, so "Événement" is found by "evenement". */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Products matching every given criterion, in name order. `text` matches each of its words
 * against title, summary, name and tags; `domain` and `tag` must equal one of the product's
 * (ignoring case and accents); `owner` equals the owner's name or e-mail address.
 */
export function searchCatalog(index: CatalogIndex, q: { text?: string; domain?: string; owner?: string; tag?: string }): CatalogEntry[] {
  const words = foldText(q.text ?? '').split(/\s+/).filter((w) => w !== '');
  const domain = foldText(q.domain ?? '');
  const owner = foldText(q.owner ?? '');
  const tag = foldText(q.tag ?? '');
  return index.products.filter((e) => {
    if (domain && foldText(e.domain ?? '') !== domain) return false;
    if (owner && foldText(e.owner?.name ?? '') !== owner && foldText(e.owner?.email ?? '') !== owner) return false;
    if (tag && !e.tags.some((t) => foldText(t) === tag)) return false;
    return entryMatches(e, words);
  });
}

/** Every word (already folded) is found in the name, title, summary, tags, or a column's name, business name or description. */
export function entryMatches(e: CatalogEntry, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const columns = (e.columns ?? []).flatMap((c) => [c.name, c.businessName ?? '', c.description ?? '']);
  const haystack = foldText([e.name, e.title ?? '', e.summary ?? '', ...e.tags, ...columns].join('\n'));
  return words.every((w) => haystack.includes(w));
}
