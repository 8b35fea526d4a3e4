// Runs anywhere (pure core).
// What the mesh says before a publish: its governance policy and the product's current state
// (product.yaml with its ETag, the latest contract, the latest stats). Readers only follow
// product.yaml, so this is exactly what consumers see right now.

import type { OdcsContract } from '../contract/odcs-types';
import type { OdpsProduct } from '../contract/odps-types';
import { parseContractYaml, parseProductYaml } from '../contract/standard-yaml';
import { POLICY_KEY, productYamlKey } from '../mesh/layout';
import type { MeshStore } from '../mesh/mesh-store';
import { parsePolicyYaml } from '../policy/policy-yaml';
import { DEFAULT_POLICY, type Policy } from '../policy/types';
import { fail, ok, type Result } from '../result';
import { parseStats, type VersionStats } from './stats';
import { readVersionHistory, type VersionRecord } from './version-history';

export interface CurrentProduct {
  /** ETag of product.yaml: the publish commits only if it is unchanged. */
  etag: string;
  descriptor: OdpsProduct;
  version: string;
  history: VersionRecord[];
  /** The latest version's contract, when it could be read. */
  contract?: OdcsContract;
  stats?: VersionStats;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

export async function readMeshPolicy(store: MeshStore, signal?: AbortSignal): Promise<Result<{ policy: Policy; source: 'mesh' | 'built-in' }>> {
  const got = await store.get(POLICY_KEY, signal);
  if (!got) return ok({ policy: DEFAULT_POLICY, source: 'built-in' });
  const parsed = parsePolicyYaml(text(got.body));
  if (!parsed.ok) {
    return fail('policy.damaged', `The mesh's rules (${POLICY_KEY} in ${store.url}) cannot be read: ${parsed.error.message} Nothing was published. Ask your governance team to correct the file.`);
  }
  return ok({ policy: parsed.value, source: 'mesh' });
}

/** The product as readers see it, or null for a new product. */
export async function readCurrentProduct(store: MeshStore, product: string, signal?: AbortSignal): Promise<Result<CurrentProduct | null>> {
  const key = productYamlKey(product);
  const got = await store.get(key, signal);
  if (!got) return ok(null);
  const parsed = parseProductYaml(text(got.body));
  if (!parsed.ok) {
    return fail('product.damaged', `The product "${product}" already exists in ${store.url}, but its description (${key}) cannot be read: ${parsed.error.message} Nothing was published. Ask the mesh administrator to repair or remove it.`);
  }
  const descriptor = parsed.value;
  const history = readVersionHistory(descriptor);
  const version = history[0]?.version ?? descriptor.version ?? '0.0.0';
  const current: CurrentProduct = { etag: got.etag, descriptor, version, history };
  const latest = history[0];
  if (latest) {
    const c = await store.get(`${product}/${latest.contract}`, signal);
    const contract = c ? parseContractYaml(text(c.body)) : undefined;
    if (contract?.ok) current.contract = contract.value;
    const s = await store.get(`${product}/${latest.stats}`, signal);
    const stats = s ? parseStats(text(s.body)) : undefined;
    if (stats) current.stats = stats;
  }
  return ok(current);
}
