// Node only.
// The last description seen of each product, kept in the data folder
// (<dataDir>/products/<mesh key>/<product>.json), so "Edit description" works on a train: it is
// written whenever the product's page or description is read, or a publish succeeds, while the
// mesh can be reached. The mesh key comes from the mesh's address (which never holds secrets),
// so the app and the CLI, which share the folder, find each other's copies.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describeLatest, parseProductDescription, type ProductDescription } from '../../core/publish/meta-description';
import type { CurrentProduct } from '../../core/publish/mesh-state';
import { readJsonFile, writeJsonAtomically } from '../store/atomic-json';

export interface CachedProduct extends ProductDescription {
  format: 1;
  /** The mesh address it was read from. */
  mesh: string;
  /** ISO time it was read from the mesh. */
  savedAt: string;
}

const PRODUCT = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A short, stable folder name for a mesh address (an address may hold characters no file name may). */
export function meshKey(meshUrl: string): string {
  return createHash('sha256').update(meshUrl.trim().replace(/\/+$/, '')).digest('hex').slice(0, 20);
}

export function productCachePath(dataDir: string, meshUrl: string, product: string): string {
  if (!PRODUCT.test(product)) throw new Error(`"${product}" is not a product name.`);
  return join(dataDir, 'products', meshKey(meshUrl), `${product}.json`);
}

/** Keeps the latest description of a product just read from the mesh (best effort: never fails the caller). */
export async function rememberProduct(dataDir: string, meshUrl: string, product: string, current: CurrentProduct, now = Date.now()): Promise<CachedProduct | undefined> {
  const description = describeLatest(product, current);
  if (!description) return undefined;
  const cached: CachedProduct = { format: 1, mesh: meshUrl, savedAt: new Date(now).toISOString(), ...description };
  try {
    await writeJsonAtomically(productCachePath(dataDir, meshUrl, product), cached);
    return cached;
  } catch {
    return undefined;
  }
}

/** The copy kept for this mesh and product, or undefined (never kept, or the file is damaged). */
export async function recallProduct(dataDir: string, meshUrl: string, product: string): Promise<CachedProduct | undefined> {
  if (!PRODUCT.test(product)) return undefined;
  const read = await readJsonFile(productCachePath(dataDir, meshUrl, product));
  if (read.kind !== 'ok') return undefined;
  const x = read.value as Partial<CachedProduct>;
  const description = parseProductDescription(x);
  if (!description || x.format !== 1 || typeof x.savedAt !== 'string' || description.product !== product) return undefined;
  return { format: 1, mesh: meshUrl, savedAt: x.savedAt, ...description };
}
