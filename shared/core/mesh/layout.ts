// Runs anywhere (pure core).
// The store layout of DESIGN.md §4 — the contract with every consumer of the mesh — as the one
// place that spells keys. Publishing, the catalog, clean-up and pulling all build keys here.

/** The mesh's governance policy (written by the governance guild). */
export const POLICY_KEY = '_governance/policy.yaml';
/** The derived catalog; rebuilt from every product.yaml when missing or stale. */
export const CATALOG_KEY = '_catalog/index.json';
/**
 * One publish at a time per product: a short-lived claim (not part of DESIGN's layout — readers
 * never look here). Mesh-level folders start with "_", which product names cannot.
 */
export const claimKey = (product: string): string => `_publishing/${product}.json`;

export const productYamlKey = (product: string): string => `${product}/product.yaml`;

/** "20261121T101500Z": UTC to the second, as in the contract's file name. */
export function compactUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export const contractKey = (product: string, version: string, publishedMs: number): string =>
  `${product}/schemata/v${version}.${compactUtc(publishedMs)}.yaml`;

export const statsKey = (product: string, version: string): string => `${product}/stats/v${version}.json`;

/** Part numbers have four digits ("0001") and grow past 9999 rather than wrap. */
export const partNumber = (n: number): string => String(n).padStart(4, '0');

export const partKey = (product: string, endpoint: string, version: string, n: number): string =>
  `${product}/${endpoint}/v${version}.datapart${partNumber(n)}.csv`;

/** Glob of an endpoint's parts of one version, relative to the product folder (contracts' servers). */
export const partGlob = (endpoint: string, version: string): string => `${endpoint}/v${version}.datapart*.csv`;

export interface VersionedKey {
  product: string;
  /** "schemata", "stats", or the endpoint's folder. */
  folder: string;
  version: string;
}

const VERSIONED = /^([a-z0-9][a-z0-9-]{0,62})\/([A-Za-z0-9_-]+)\/v(\d+\.\d+\.\d+)\.[^/]+$/;

/** Which product and version a key of the layout belongs to, or undefined for other keys. */
export function versionedKey(key: string): VersionedKey | undefined {
  const m = VERSIONED.exec(key);
  return m ? { product: m[1]!, folder: m[2]!, version: m[3]! } : undefined;
}

/** The product folder of "price-list/product.yaml", or undefined. */
export function productOfYamlKey(key: string): string | undefined {
  const m = /^([a-z0-9][a-z0-9-]{0,62})\/product\.yaml$/.exec(key);
  return m ? m[1] : undefined;
}
