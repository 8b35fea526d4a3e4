// Runs anywhere (pure core).
// What "Edit description" starts from: the latest version's description in the owner's terms
// (ProductMeta, as the Describe form edits it) and the default table's columns with their types
// (shown, not editable: the data stays as published). Also what is kept on this computer so the
// same can be done offline.

import type { DraftColumn } from '../api/draft-types';
import { metaFromContract } from '../contract/meta-from-contract';
import { COLUMN_TYPES, type ColumnType } from '../inspect/report';
import type { ProductMeta } from '../metadata/types';
import type { CurrentProduct } from './mesh-state';

export interface ProductDescription {
  product: string;
  /** The latest version, the base of a metadata-only draft. */
  version: string;
  publishedAt?: string;
  meta: ProductMeta;
  columns: DraftColumn[];
}

/** The latest version's description, or undefined when its contract cannot be read. */
export function describeLatest(product: string, current: CurrentProduct): ProductDescription | undefined {
  if (!current.contract) return undefined;
  const read = metaFromContract(current.contract);
  const { meta } = read;
  const columns: DraftColumn[] = [];
  for (const { name } of read.columns) {
    const type = meta.columns && Object.hasOwn(meta.columns, name) ? meta.columns[name]?.type : undefined;
    if (type) columns.push({ name, type });
  }
  const top = current.history[0];
  return { product, version: current.version, ...(top ? { publishedAt: top.publishedAt } : {}), meta: { ...meta, name: product }, columns };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A description read back from a file on this computer (checked: the file may be damaged or old). */
export function parseProductDescription(x: unknown): ProductDescription | undefined {
  if (!isObj(x) || typeof x.product !== 'string' || typeof x.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(x.version) || !isObj(x.meta) || !Array.isArray(x.columns)) return undefined;
  const columns: DraftColumn[] = [];
  for (const c of x.columns) {
    if (!isObj(c) || typeof c.name !== 'string' || typeof c.type !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(c.type)) return undefined;
    columns.push({ name: c.name, type: c.type as ColumnType });
  }
  return {
    product: x.product,
    version: x.version,
    ...(typeof x.publishedAt === 'string' ? { publishedAt: x.publishedAt } : {}),
    meta: x.meta as ProductMeta,
    columns,
  };
}
