// Runs anywhere (pure core).
// The API shapes of mesh settings and publishing (part of THE API contract, contract.ts): what
// the Settings screen and the Publish step send and receive. Secrets only ever travel inward
// (the owner types them; the host stores them in the OS keychain); no call returns one.

import type { CheckOutcome, ColumnType } from '../inspect/report';
import type { ProductMeta, Waiver } from '../metadata/types';
import type { Bump } from '../publish/version-history';
import type { VersionChange } from '../versioning/schema-diff';
import type { CatalogEntry } from '../catalog/catalog-index';

/** A mesh the owner has set up. */
export interface MeshConfig {
  id: string;
  /** The owner's label ("Finance mesh"). */
  name: string;
  /** The mesh address, never with secrets ("s3://acme-mesh/finance?region=eu-central-1"). */
  url: string;
  kind: 'file' | 's3';
  /** S3 only: an AWS profile name from the shared config (~/.aws), when the owner chose one. */
  profile?: string;
  /** S3 only: access keys were entered in the app and are kept in the OS keychain. */
  hasSavedKeys: boolean;
  /** The folder mesh Mesh Desk created on first start. */
  builtIn: boolean;
}

export interface MeshSettings {
  meshes: MeshConfig[];
  /** Where Publish sends products. */
  activeMeshId: string;
  /**
   * False where keys cannot be kept safely (browser mode has no OS keychain): entered keys then
   * last only until Mesh Desk closes.
   */
  keysPersist: boolean;
  /**
   * Set when the desktop app will not store keys at all (no safe OS keychain, or Linux's
   * "basic_text" fallback): why, and how to use an AWS profile instead.
   */
  keysRefused?: string;
}

/** Adding or changing a mesh from the Settings form. */
export interface MeshInput {
  /** Absent = add a new mesh. */
  id?: string;
  name: string;
  url: string;
  profile?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Remove keys saved earlier (use the AWS chain or profile instead). */
  forgetKeys?: boolean;
}

/** One more sheet of the same file, published as its own endpoint. */
export interface ExtraSheet {
  sheet: string;
  headerRow?: number;
  typeOverrides?: Record<number, ColumnType>;
}

export interface PublishPrepareRequest {
  jobId: string;
  sourceId: string;
  /** The default endpoint's sheet (CSV: omitted). */
  sheet?: string;
  headerRow?: number;
  typeOverrides?: Record<number, ColumnType>;
  extraSheets?: ExtraSheet[];
  meta: ProductMeta;
  waivers?: Waiver[];
}

/** What the Publish step shows before the owner presses Publish. */
export interface PublishProposal {
  /** Hands the prepared publish to publish.run (kept by the host until used or replaced). */
  planId: string;
  meshName: string;
  mesh: string;
  product: string;
  /** Where readers find it, e.g. "s3://acme-mesh/finance/price-list/product.yaml". */
  address: string;
  current: { version: string; publishedAt?: string; publishedBy?: string } | null;
  /** The version the rules give. */
  version: string;
  required: Bump | 'initial';
  changes: VersionChange[];
  /** One line: 'column "region" removed → major'. */
  reason: string;
  /** Versions the owner may choose instead: the required bump and every higher one. */
  choices: { bump: Bump; version: string }[];
  endpoints: { name: string; sheet: string; rows: number; columns: number; parts: number }[];
  partRows: number;
  check: CheckOutcome;
  /** Whose rules were applied: the mesh's _governance/policy.yaml, or Mesh Desk's built-in ones. */
  policySource: 'mesh' | 'built-in';
}

export interface PublishRunRequest {
  jobId: string;
  planId: string;
  /** The owner's choice; absent = the required bump. */
  bump?: Bump;
  /** The draft being published: Home then shows it as published, with the version. */
  draftId?: string;
}

export interface PublishResult {
  product: string;
  version: string;
  address: string;
  mesh: string;
  publishedAt: string;
  rows: number;
  parts: number;
  bytes: number;
  /** False when the product is published but the catalog could not be updated (it rebuilds itself later). */
  catalogUpdated: boolean;
  /** Leftovers of an earlier interrupted publish that were removed first. */
  cleanedUp: number;
}

/** The Catalog screen's list: the chosen mesh's catalog, or the last copy seen while offline. */
export interface CatalogView {
  meshName: string;
  mesh: string;
  products: CatalogEntry[];
  /** ISO time the list was read from the mesh. */
  readAt: string;
  /** True when the mesh could not be reached and this is the copy saved last time. */
  offline: boolean;
  /** Why the mesh could not be reached, in plain words (offline only). */
  offlineReason?: string;
  /** True when the catalog was missing or stale and was rebuilt from every product.yaml. */
  rebuilt: boolean;
}

/** "Open in Excel" / "Save as CSV" for a version's table (latest and "default" unless named). */
export interface ProductExportRequest {
  jobId: string;
  product: string;
  version?: string;
  endpoint?: string;
  format: 'xlsx' | 'csv';
  /** CSV: "," (default) or ";" for locales with a decimal comma. */
  delimiter?: ',' | ';';
  /** CSV: a byte-order mark so Excel reads UTF-8 (default true). */
  bom?: boolean;
}

/** "What changed" since the version a re-imported workbook was pulled from. */
export interface ProductDiffRequest {
  jobId: string;
  sourceId: string;
  /** The edited sheet (the pulled workbook's data sheet) and its header row. */
  sheet?: string;
  headerRow?: number;
  product: string;
  version: string;
  endpoint?: string;
}
