// Runs anywhere (pure core).
// Every published version, kept in product.yaml (the commit point) as the custom property
// "versions": readers learn from one document which contract, stats and parts make up each
// version, without listing the store. Newest first.

import type { OdpsProduct } from '../contract/odps-types';

export type Bump = 'major' | 'minor' | 'patch';
export const BUMPS: readonly Bump[] = ['major', 'minor', 'patch'];

export interface EndpointRecord {
  /** Folder in the product ("default", or the sheet's endpoint name). */
  name: string;
  /** The sheet it came from. */
  sheet: string;
  rows: number;
  parts: number;
  columns: number;
  /** The columns in words (name, business name, description), so the catalog can search them. */
  fields?: ColumnWords[];
  /**
   * A metadata-only version reuses the data parts of an earlier version instead of uploading
   * them again: its parts are those of this version ("1.2.0"). Absent = the record's own version.
   */
  dataVersion?: string;
}

export interface ColumnWords {
  name: string;
  businessName?: string;
  description?: string;
}

export interface VersionRecord {
  version: string;
  /** ISO 8601 UTC. */
  publishedAt: string;
  /** Who pressed Publish (owner name or e-mail), when known. */
  publishedBy?: string;
  /** Keys relative to the product folder: "schemata/v1.2.0.20261121T101500Z.yaml", "stats/v1.2.0.json". */
  contract: string;
  stats: string;
  endpoints: EndpointRecord[];
  /** "initial" for the first version. */
  bump: Bump | 'initial';
  /** Why this version number, in plain words ("column region removed"). */
  changes: string[];
  /** The owner's file it was published from (name only). */
  sourceFile?: string;
  /**
   * The publish id of the run that committed this version (stable across retries of the same
   * queued job), so a sender whose reply was lost can tell its own commit from someone else's.
   */
  publishId?: string;
  /** True when only the description changed: the data parts are an earlier version's (see dataVersion). */
  metadataOnly?: boolean;
}

const VERSIONS_PROPERTY = 'versions';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

const isColumnWords = (x: unknown): boolean =>
  isObj(x) && isStr(x.name) && (x.businessName === undefined || isStr(x.businessName)) && (x.description === undefined || isStr(x.description));

function isEndpointRecord(x: unknown): x is EndpointRecord {
  return (
    isObj(x) && isStr(x.name) && /^[A-Za-z0-9_-]{1,64}$/.test(x.name) && isStr(x.sheet) && isCount(x.rows) && isCount(x.parts) && isCount(x.columns) &&
    (x.fields === undefined || (Array.isArray(x.fields) && x.fields.every(isColumnWords))) &&
    (x.dataVersion === undefined || (isStr(x.dataVersion) && /^\d+\.\d+\.\d+$/.test(x.dataVersion)))
  );
}

function isVersionRecord(x: unknown): x is VersionRecord {
  return (
    isObj(x) && isStr(x.version) && /^\d+\.\d+\.\d+$/.test(x.version) && isStr(x.publishedAt) &&
    isStr(x.contract) && isStr(x.stats) && Array.isArray(x.endpoints) && x.endpoints.every(isEndpointRecord) &&
    (x.bump === 'initial' || x.bump === 'major' || x.bump === 'minor' || x.bump === 'patch') &&
    Array.isArray(x.changes) && x.changes.every(isStr) &&
    (x.publishedBy === undefined || isStr(x.publishedBy)) && (x.sourceFile === undefined || isStr(x.sourceFile)) &&
    (x.publishId === undefined || isStr(x.publishId)) && (x.metadataOnly === undefined || typeof x.metadataOnly === 'boolean') &&
    // Keys stay inside the product folder: a hand-edited "../" must not send readers elsewhere.
    [x.contract, x.stats].every((k) => !(k as string).split('/').some((s) => s === '..' || s === '') && !(k as string).startsWith('/'))
  );
}

/**
 * The versions recorded in a product descriptor, newest first. Entries that are not well formed
 * (a hand-edited file) are left out rather than trusted; a product.yaml written by another tool
 * has none, and then its `version` alone is known.
 */
export function readVersionHistory(product: OdpsProduct): VersionRecord[] {
  const prop = product.customProperties?.find((p) => p.property === VERSIONS_PROPERTY);
  if (!prop || !Array.isArray(prop.value)) return [];
  return prop.value.filter(isVersionRecord);
}

/** The descriptor with its history replaced (other custom properties kept in place). */
export function withVersionHistory(product: OdpsProduct, history: readonly VersionRecord[]): OdpsProduct {
  const others = (product.customProperties ?? []).filter((p) => p.property !== VERSIONS_PROPERTY);
  return { ...product, customProperties: [...others, { property: VERSIONS_PROPERTY, value: history.map((v) => ({ ...v })) }] };
}
