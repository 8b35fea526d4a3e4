// Runs anywhere (pure core).
// The last steps every publish shares (a file publish, run.ts, and a description-only one,
// meta-run.ts): make sure the claim is still ours, write product.yaml — the commit point —
// conditionally, then update the catalog. One copy, so both kinds of version are committed by
// exactly the same protocol.

import { buildProductDescriptor } from '../contract/build-product';
import type { OdcsContract } from '../contract/odcs-types';
import type { OdpsProduct } from '../contract/odps-types';
import { contractToYaml, productToYaml } from '../contract/standard-yaml';
import type { ProductMeta } from '../metadata/types';
import { catalogEntry } from '../catalog/catalog-index';
import { updateCatalog } from '../catalog/catalog-store';
import { contractKey, productYamlKey, statsKey } from '../mesh/layout';
import { MeshError, type MeshStore } from '../mesh/mesh-store';
import { heartbeat, PublishConflict, type HeldClaim } from './claim';
import { readCurrentProduct, type CurrentProduct } from './mesh-state';
import type { VersionStats } from './stats';
import { withVersionHistory, type VersionRecord } from './version-history';

export interface FinishVersionInput {
  store: MeshStore;
  claim: HeldClaim;
  product: string;
  descriptor: OdpsProduct;
  /** product.yaml's ETag when the publish began (undefined: a new product). */
  previousEtag: string | undefined;
  record: VersionRecord;
  now: () => number;
  signal?: AbortSignal;
  /**
   * Called when the claim turned out to be taken over (a publish stalled for many minutes): the
   * caller must then neither release the claim nor remove files under this version's keys, which
   * may be the other publisher's now.
   */
  onClaimLost: () => void;
}

export interface FinishedVersion {
  claim: HeldClaim;
  /** product.yaml's key: written, so the version is published. */
  key: string;
  etag: string;
  /** False when the catalog could not be updated (it is derived; a later rebuild repairs it). */
  catalogUpdated: boolean;
}

const enc = new TextEncoder();
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * The new version's profile and contract, written before the commit point under its own keys
 * (each key is added to `written` at once, so a failure can remove what was written). Returns
 * the keys relative to the product folder, as the version record holds them.
 */
export async function writeVersionDocuments(
  store: MeshStore,
  o: { product: string; version: string; publishedMs: number; stats: VersionStats; contract: OdcsContract; written: string[]; signal?: AbortSignal },
): Promise<{ stats: string; contract: string }> {
  const signal = o.signal ? { signal: o.signal } : {};
  const sKey = statsKey(o.product, o.version);
  await store.put(sKey, enc.encode(`${JSON.stringify(o.stats, null, 2)}\n`), { contentType: 'application/json', ...signal });
  o.written.push(sKey);
  const cKey = contractKey(o.product, o.version, o.publishedMs);
  await store.put(cKey, enc.encode(contractToYaml(o.contract)), { contentType: 'application/yaml', ...signal });
  o.written.push(cKey);
  const inProduct = (key: string) => key.slice(o.product.length + 1);
  return { stats: inProduct(sKey), contract: inProduct(cKey) };
}

/** product.yaml for a new version: the owner's description, the version on top of the history, and the product's first publish date kept. */
export function versionDescriptor(
  meta: ProductMeta,
  o: { version: string; contractId: string; endpoints: string[]; publishedAt: string; previous: { descriptor: OdpsProduct; history: VersionRecord[] } | null; record: VersionRecord },
): OdpsProduct {
  const createdAt = o.previous?.descriptor.productCreatedTs ?? o.publishedAt;
  const built = buildProductDescriptor({ meta, version: o.version, contractId: o.contractId, endpoints: o.endpoints, createdAt });
  return withVersionHistory(built, [o.record, ...(o.previous?.history ?? [])]);
}

/** Heartbeat, commit, catalog. Returns once the version is published; throws before that. */
export async function finishVersion(f: FinishVersionInput): Promise<FinishedVersion> {
  let claim: HeldClaim;
  try {
    claim = await heartbeat(f.store, f.claim, f.now, f.signal);
  } catch (e) {
    if (e instanceof PublishConflict) f.onClaimLost();
    throw e;
  }
  const key = productYamlKey(f.product);
  const { etag } = await commit(f.store, key, enc.encode(productToYaml(f.descriptor)), f.previousEtag, f.record, f.signal);
  let catalogUpdated = true;
  try {
    await updateCatalog(f.store, catalogEntry(f.descriptor, etag), { now: f.now });
  } catch {
    catalogUpdated = false;
  }
  return { claim, key, etag, catalogUpdated };
}

/**
 * product.yaml with If-Match (If-None-Match: * for a new product). A failed condition means
 * another publisher won. When the answer to our write was lost and the retry is refused, the
 * write may have been ours: product.yaml is read back and compared before calling it lost.
 */
export async function commit(store: MeshStore, key: string, body: Uint8Array, etag: string | undefined, record: VersionRecord, signal?: AbortSignal): Promise<{ etag: string }> {
  try {
    return await store.put(key, body, { contentType: 'application/yaml', condition: etag ? { ifMatch: etag } : { ifNoneMatch: '*' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (!(e instanceof MeshError && e.code === 'mesh.precondition-failed')) throw e;
    const product = key.slice(0, key.indexOf('/'));
    const now = await readCurrentProduct(store, product, signal);
    const top = now.ok ? now.value?.history[0] : undefined;
    if (now.ok && now.value && top && top.version === record.version && top.publishedAt === record.publishedAt) return { etag: now.value.etag };
    throw lostRace(product, now.ok ? now.value : null);
  }
}

export function lostRace(product: string, now: CurrentProduct | null): PublishConflict {
  const top = now?.history[0];
  const what = top ? `v${top.version} at ${when(top.publishedAt)}${top.publishedBy ? ` (${top.publishedBy})` : ''}` : now ? `v${now.version}` : 'a change';
  return new PublishConflict(`Someone else published "${product}" ${what} while you were getting ready. Your version was not published and your draft is kept. Check again to see what they changed, then publish on top of it.`);
}

