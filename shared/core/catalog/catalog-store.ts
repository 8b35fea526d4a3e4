// Runs anywhere (pure core).
// Keeps `_catalog/index.json` in step with the products' product.yaml files. The index is derived
// (DESIGN.md §4): product.yaml is the commit point, the index only speeds up the Catalog screen.
// So every write of it is conditional (If-Match / If-None-Match: *) and retried on a conflict,
// and a reader that finds it missing, damaged or stale rebuilds it from the product.yaml files.

import { parseProductYaml } from '../contract/standard-yaml';
import { CATALOG_KEY, productOfYamlKey, productYamlKey } from '../mesh/layout';
import { MeshError, type MeshStore, type WriteCondition } from '../mesh/mesh-store';
import { CancelledError, throwIfCancelled, UserFacingError } from '../result';
import { catalogEntry, catalogToJson, parseCatalog, upsertEntry, type CatalogEntry, type CatalogIndex } from './catalog-index';

export interface CatalogOptions {
  /** Milliseconds since 1970 (injected, so tests control "updatedAt"). */
  now: () => number;
  signal?: AbortSignal;
}

/** Retries after a conflicting write (each one re-reads the index first). */
export const CATALOG_RETRIES = 8;
/** product.yaml files read at the same time during a rebuild (S3 round trips dominate). */
const READ_CONCURRENCY = 8;
const PRODUCT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

const iso = (opts: CatalogOptions): string => new Date(opts.now()).toISOString();
const emptyIndex = (updatedAt: string): CatalogIndex => ({ format: 1, updatedAt, products: [] });
const encode = (index: CatalogIndex): Uint8Array => new TextEncoder().encode(catalogToJson(index));
const entryJson = (e: CatalogEntry): string => catalogToJson({ format: 1, updatedAt: '', products: [e] });
const isConflict = (e: unknown): boolean => e instanceof MeshError && e.code === 'mesh.precondition-failed';

/** ETags compared as HTTP does: quotes and a weak "W/" marker do not count. */
export function sameEtag(a: string, b: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return bare(a) === bare(b);
}

/** A pause that ends early (with CancelledError) when the owner cancels. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfCancelled(signal);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Growing pause with jitter, so two writers that collided do not collide again in lock step. */
const backoff = (attempt: number): number => 10 * 2 ** Math.min(attempt, 4) + Math.floor(Math.random() * 20);

function decode(body: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

interface StoredIndex {
  /** Undefined when the index is missing or cannot be read. */
  index?: CatalogIndex;
  /** ETag of what is stored now (also of a damaged index, so it can be replaced); undefined when absent. */
  etag?: string;
}

async function readStored(store: MeshStore, signal: AbortSignal | undefined): Promise<StoredIndex> {
  const got = await store.get(CATALOG_KEY, signal);
  if (!got) return {};
  const text = decode(got.body);
  const parsed = text === undefined ? undefined : parseCatalog(text);
  return parsed?.ok ? { index: parsed.value, etag: got.etag } : { etag: got.etag };
}

const conditionFor = (etag: string | undefined): WriteCondition => (etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag });

function tooBusy(): UserFacingError {
  return new UserFacingError(
    'catalog.busy',
    'The mesh catalog could not be updated because others kept changing it at the same moment. Your product itself is saved; the catalog catches up the next time it is opened.',
  );
}

/**
 * After a publish: read index (or start empty), upsert, write with If-Match (If-None-Match:*
 * when absent); on 412 re-read and retry (up to 8 times with a short growing pause).
 */
export async function updateCatalog(store: MeshStore, entry: CatalogEntry, opts: CatalogOptions): Promise<void> {
  if (!PRODUCT_NAME.test(entry.name)) {
    throw new UserFacingError('catalog.bad-entry', `"${entry.name}" is not a product name the catalog can list (lower-case letters, digits and dashes). The product was not added to the catalog.`);
  }
  for (let attempt = 0; attempt <= CATALOG_RETRIES; attempt++) {
    throwIfCancelled(opts.signal);
    if (attempt > 0) await pause(backoff(attempt), opts.signal);
    const stored = await readStored(store, opts.signal);
    const current = stored.index ?? emptyIndex('');
    const existing = current.products.find((e) => e.name === entry.name);
    // Nothing to change (a retried publish, or the other writer wrote the same entry): no write, no conflict.
    if (stored.index && existing && entryJson(existing) === entryJson(entry)) return;
    try {
      await store.put(CATALOG_KEY, encode(upsertEntry(current, entry, iso(opts))), {
        condition: conditionFor(stored.etag), contentType: 'application/json', signal: opts.signal,
      });
      return;
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
  throw tooBusy();
}

interface YamlListing {
  /** Product folder → ETag of its product.yaml as listed. */
  etags: Map<string, string>;
}

/** The one list call: only keys of the form "{product}/product.yaml" matter. */
async function listProductYamls(store: MeshStore, signal: AbortSignal | undefined): Promise<YamlListing> {
  const etags = new Map<string, string>();
  for await (const obj of store.list('', signal)) {
    const product = productOfYamlKey(obj.key);
    if (product !== undefined) etags.set(product, obj.etag);
  }
  throwIfCancelled(signal);
  return { etags };
}

type ReadOutcome = { entry: CatalogEntry } | { skipped: string } | { gone: true };

/** One product's entry from its product.yaml; the folder name wins over the name written inside. */
async function readEntry(store: MeshStore, product: string, signal: AbortSignal | undefined): Promise<ReadOutcome> {
  const key = productYamlKey(product);
  const got = await store.get(key, signal);
  if (!got) return { gone: true }; // removed since the listing: nothing to list
  const text = decode(got.body);
  if (text === undefined) return { skipped: `"${product}" is left out of the catalog: its description "${key}" is not readable text (not UTF-8). Publish the product again from Mesh Desk to rewrite it.` };
  const parsed = parseProductYaml(text);
  if (!parsed.ok) return { skipped: `"${product}" is left out of the catalog because of its description "${key}". ${parsed.error.message}` };
  return { entry: { ...catalogEntry(parsed.value, got.etag), name: product } };
}

/** Runs fn over items with at most `limit` in flight; stops at the first error. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    try {
      while (!failed && next < items.length) await fn(items[next++]!);
    } catch (e) {
      failed = true; // the other workers finish their current read and stop
      throw e;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * On a conflict during a rebuild, someone (usually a publish) wrote the index meanwhile. Their
 * entries that differ from ours are checked against the product.yaml as it is now: an entry
 * whose ETag still matches is newer than our read and kept; a product that is gone is dropped.
 */
async function mergeConcurrent(store: MeshStore, ours: Map<string, CatalogEntry>, theirs: CatalogIndex, signal: AbortSignal | undefined): Promise<void> {
  for (const entry of theirs.products) {
    const mine = ours.get(entry.name);
    if (mine && sameEtag(mine.etag, entry.etag)) continue;
    const head = await store.head(productYamlKey(entry.name), signal);
    if (!head) ours.delete(entry.name);
    else if (sameEtag(head.etag, entry.etag)) ours.set(entry.name, entry);
  }
}

interface RebuildResult {
  index: CatalogIndex;
  skipped: { product: string; reason: string }[];
  written: boolean;
}

/**
 * `stored` must be read before the product files: a publish that lands in between then makes
 * our write fail (and be merged) instead of being silently overwritten.
 */
async function rebuildFrom(store: MeshStore, stored: StoredIndex, listing: YamlListing, opts: CatalogOptions, mustWrite: boolean): Promise<RebuildResult> {
  const { signal } = opts;
  const entries = new Map<string, CatalogEntry>();
  const skipped: { product: string; reason: string }[] = [];
  const names = [...listing.etags.keys()].sort();
  await forEachLimited(names, READ_CONCURRENCY, async (product) => {
    throwIfCancelled(signal);
    const outcome = await readEntry(store, product, signal);
    if ('entry' in outcome) entries.set(product, outcome.entry);
    else if ('skipped' in outcome) skipped.push({ product, reason: outcome.skipped });
  });
  const build = (): CatalogIndex => ({ format: 1, updatedAt: iso(opts), products: [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1)) });
  // A product another writer read fine since (it was republished) is no longer skipped.
  const stillSkipped = () => skipped.filter((s) => !entries.has(s.product)).sort((a, b) => (a.product < b.product ? -1 : 1));
  for (let attempt = 0; attempt <= CATALOG_RETRIES; attempt++) {
    throwIfCancelled(signal);
    if (attempt > 0) {
      await pause(backoff(attempt), signal);
      stored = await readStored(store, signal);
      if (stored.index) await mergeConcurrent(store, entries, stored.index, signal);
    }
    const index = build();
    try {
      await store.put(CATALOG_KEY, encode(index), { condition: conditionFor(stored.etag), contentType: 'application/json', signal });
      return { index, skipped: stillSkipped(), written: true };
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (isConflict(e)) continue;
      // A reader without write access still gets a correct catalog; only saving it failed.
      if (!mustWrite && e instanceof UserFacingError) return { index, skipped: stillSkipped(), written: false };
      throw e;
    }
  }
  if (mustWrite) throw tooBusy();
  return { index: build(), skipped: stillSkipped(), written: false };
}

/**
 * Lists every "*\/product.yaml" (store.list('') filtered with productOfYamlKey), reads each, builds
 * a fresh index and writes it (conditional as above). Unreadable product.yaml files are skipped
 * and reported in `skipped` with a plain-words reason.
 */
export async function rebuildCatalog(store: MeshStore, opts: CatalogOptions): Promise<{ index: CatalogIndex; skipped: { product: string; reason: string }[] }> {
  throwIfCancelled(opts.signal);
  const stored = await readStored(store, opts.signal);
  const listing = await listProductYamls(store, opts.signal);
  const { index, skipped } = await rebuildFrom(store, stored, listing, opts, true);
  return { index, skipped };
}

/**
 * Whether the index no longer matches the products. A product.yaml that is not in the index is
 * read first: one that cannot be read was left out on purpose by the last rebuild, and must not
 * make every later read rebuild again.
 */
async function isStale(store: MeshStore, index: CatalogIndex, listing: YamlListing, signal: AbortSignal | undefined): Promise<boolean> {
  const listed = listing.etags;
  for (const entry of index.products) {
    const etag = listed.get(entry.name);
    if (etag === undefined || !sameEtag(etag, entry.etag)) return true;
  }
  const indexed = new Set(index.products.map((e) => e.name));
  for (const product of listed.keys()) {
    if (indexed.has(product)) continue;
    throwIfCancelled(signal);
    if ('entry' in (await readEntry(store, product, signal))) return true;
  }
  return false;
}

/**
 * Reads the index; when missing, unparsable, or stale (a product.yaml whose ETag differs from its
 * entry, or a product missing from / extra in the index — one list call), rebuilds it.
 * `verify: false` skips the staleness check (no list call). A rebuilt index that cannot be saved
 * (read-only access) is still returned.
 */
export async function readCatalog(store: MeshStore, opts: CatalogOptions & { verify?: boolean }): Promise<{ index: CatalogIndex; rebuilt: boolean }> {
  throwIfCancelled(opts.signal);
  const stored = await readStored(store, opts.signal);
  if (stored.index && opts.verify === false) return { index: stored.index, rebuilt: false };
  const listing = await listProductYamls(store, opts.signal);
  if (stored.index && !(await isStale(store, stored.index, listing, opts.signal))) return { index: stored.index, rebuilt: false };
  const { index } = await rebuildFrom(store, stored, listing, opts, false);
  return { index, rebuilt: true };
}
