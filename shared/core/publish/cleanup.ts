// Runs anywhere (pure core).
// A publish killed before its commit leaves data parts, stats or a contract of a version that
// product.yaml never named. Readers never see them; the next publish of the product (which holds
// the claim) removes them first. Only versions above the current one are touched: those cannot
// belong to anything readers follow, even in a product written by another tool.

import { versionedKey } from '../mesh/layout';
import type { MeshStore } from '../mesh/mesh-store';
import { compareVersions } from '../versioning/semver';
import type { CurrentProduct } from './mesh-state';

/** Removes unreferenced files of versions above the current one; returns how many. */
export async function removeLeftovers(store: MeshStore, product: string, current: CurrentProduct | null, signal?: AbortSignal): Promise<number> {
  const currentVersion = current?.version ?? '0.0.0';
  const doomed: string[] = [];
  for await (const obj of store.list(`${product}/`, signal)) {
    const k = versionedKey(obj.key);
    if (k && k.product === product && compareVersions(k.version, currentVersion) > 0) doomed.push(obj.key);
  }
  for (let i = 0; i < doomed.length; i += 16) {
    await Promise.all(doomed.slice(i, i + 16).map((key) => store.delete(key, signal)));
  }
  return doomed.length;
}
