// Runs anywhere (pure core).
// What the owner says about a dataset, in the owner's terms: the same fields the Describe form
// edits and the CLI's meta.yaml holds. Standard documents (ODCS contract, ODPS descriptor) are
// built from this plus the data; the owner never edits those directly.

import type { ColumnType } from '../inspect/report';

export type UpdateFrequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'one-off';
export const UPDATE_FREQUENCIES: readonly UpdateFrequency[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'one-off'];

export type Classification = 'public' | 'internal' | 'confidential' | 'restricted';
export const CLASSIFICATIONS: readonly Classification[] = ['public', 'internal', 'confidential', 'restricted'];

export type PersonalData = 'none' | 'personal' | 'sensitive';
export const PERSONAL_DATA: readonly PersonalData[] = ['none', 'personal', 'sensitive'];

export interface OwnerContact {
  name: string;
  email: string;
}

export interface DataSource {
  kind: 'manual' | 'external';
  /** Vendor name when the data is bought or received from outside. */
  vendor?: string;
}

export interface ColumnMeta {
  businessName?: string;
  description?: string;
  type?: ColumnType;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  personal?: PersonalData;
  allowed?: string[];
  min?: number | string;
  max?: number | string;
  pattern?: string;
  examples?: string[];
}

/** The owner's description of one product (meta.yaml). Every field may be left out. */
export interface ProductMeta {
  /** Slug `[a-z0-9][a-z0-9-]{1,62}`, suggested from the file name. */
  name?: string;
  title?: string;
  description?: string;
  /** Purpose / usage / limitations when given separately (the form has three boxes). */
  purpose?: string;
  usage?: string;
  limitations?: string;
  domain?: string;
  owner?: Partial<OwnerContact>;
  /** Support channel: an e-mail address, a chat channel or a URL. */
  support?: string;
  tags?: string[];
  frequency?: UpdateFrequency;
  classification?: Classification;
  license?: string;
  source?: DataSource;
  /** Column (name as in the file) whose newest date tells how fresh the data is. */
  freshnessColumn?: string;
  sheet?: string;
  headerRow?: number;
  /** Per column, keyed by the column's name as Mesh Desk shows it (ColumnProfile.name). */
  columns?: Record<string, ColumnMeta>;
}

/** An owner's decision to publish despite a warning, recorded in the contract. */
export interface Waiver {
  /** Finding code, e.g. "check.spaces". */
  code: string;
  sheet?: string;
  /** Column letter the finding was about, if any. */
  column?: string;
  reason: string;
  by?: string;
  /** ISO 8601 time of the decision. */
  at: string;
}
