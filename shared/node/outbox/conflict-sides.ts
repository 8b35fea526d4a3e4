// Node only.
// The two sides of a conflict, read from the mesh: the version someone else published (its
// description and columns, as "Edit description" would load them) and, for "rebase", the
// description of the version the owner started from.

import type { ConflictSide, DraftColumn } from '../../core/api/draft-types';
import { metaFromContract } from '../../core/contract/meta-from-contract';
import type { OdcsContract } from '../../core/contract/odcs-types';
import { parseContractYaml } from '../../core/contract/standard-yaml';
import type { MeshStore } from '../../core/mesh/mesh-store';
import type { ProductMeta } from '../../core/metadata/types';
import type { CurrentProduct } from '../../core/publish/mesh-state';

function describe(product: string, contract: OdcsContract | undefined): { meta: ProductMeta; columns: DraftColumn[] } {
  if (!contract) return { meta: { name: product }, columns: [] };
  const { meta, columns } = metaFromContract(contract);
  return {
    meta: { ...meta, name: product },
    columns: columns.map((c) => ({ name: c.name, type: (meta.columns && Object.hasOwn(meta.columns, c.name) ? meta.columns[c.name]?.type : undefined) ?? 'text' })),
  };
}

/** Their side: the product's latest version as readers see it now. */
export function theirSide(product: string, current: CurrentProduct): ConflictSide {
  const top = current.history[0];
  return {
    version: current.version,
    ...(top ? { publishedAt: top.publishedAt } : {}),
    ...(top?.publishedBy ? { publishedBy: top.publishedBy } : {}),
    ...describe(product, current.contract),
  };
}

/** The description of an earlier version (the owner's base), or undefined when it cannot be read. */
export async function metaOfVersion(store: MeshStore, product: string, current: CurrentProduct, version: string | null, signal?: AbortSignal): Promise<ProductMeta | undefined> {
  if (version === null) return undefined;
  const record = current.history.find((r) => r.version === version);
  if (!record) return undefined;
  try {
    const got = await store.get(`${product}/${record.contract}`, signal);
    if (!got) return undefined;
    const parsed = parseContractYaml(new TextDecoder().decode(got.body));
    return parsed.ok ? describe(product, parsed.value).meta : undefined;
  } catch {
    return undefined;
  }
}
