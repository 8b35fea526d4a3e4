// Runs anywhere (pure core).
// The mesh's governance policy (_governance/policy.yaml): global rules the governance guild
// writes once and Mesh Desk enforces before every publish. DEFAULT_POLICY applies when the
// mesh has none, and fills every field a policy file leaves out.

import { SLUG_PATTERN } from '../metadata/slug';
import { CLASSIFICATIONS } from '../metadata/types';
import type { Classification } from '../metadata/types';

export type CheckSeverity = 'block' | 'warn' | 'info' | 'off';
export const CHECK_SEVERITIES: readonly CheckSeverity[] = ['block', 'warn', 'info', 'off'];

/** Product fields a policy may require (every ProductMeta field but the per-column ones). */
export type ProductField =
  | 'name' | 'title' | 'description' | 'purpose' | 'usage' | 'limitations' | 'domain' | 'owner' | 'support'
  | 'tags' | 'frequency' | 'classification' | 'license' | 'source' | 'freshnessColumn';
export const PRODUCT_FIELDS: readonly ProductField[] = [
  'name', 'title', 'description', 'purpose', 'usage', 'limitations', 'domain', 'owner', 'support',
  'tags', 'frequency', 'classification', 'license', 'source', 'freshnessColumn',
];

/** Column fields a policy may require. */
export type ColumnField = 'businessName' | 'description' | 'type' | 'personal' | 'examples';
export const COLUMN_FIELDS: readonly ColumnField[] = ['businessName', 'description', 'type', 'personal', 'examples'];

export interface NamingPolicy {
  /** Regular expression every product name must match. */
  productPattern: string;
  /** Regular expression every column name must match, if the guild sets one. */
  columnPattern?: string;
  maxColumnNameLength?: number;
}

export interface PersonalDataPolicy {
  /** A product with a sensitive column must be classified as one of these. */
  sensitiveRequiresClassification: Classification[];
  /** A product with a personal column must be classified as one of these. */
  personalRequiresClassification: Classification[];
  /** Personal and sensitive columns must say what they hold. */
  personalRequiresDescription: boolean;
}

export interface Policy {
  policyVersion: 1;
  requiredProductFields: ProductField[];
  requiredColumnFields: ColumnField[];
  naming: NamingPolicy;
  personalData: PersonalDataPolicy;
  /** Finding code → what it does to publishing. Codes not listed: see severityFor. */
  checks: Record<string, CheckSeverity>;
  /** Data rows per data part file. */
  partRows: number;
  allowedClassifications: Classification[];
}

export const MAX_PART_ROWS = 1_000_000;

export const DEFAULT_POLICY: Policy = {
  policyVersion: 1,
  requiredProductFields: ['title', 'description', 'domain', 'owner', 'frequency', 'classification'],
  requiredColumnFields: ['description'],
  naming: { productPattern: SLUG_PATTERN },
  personalData: {
    sensitiveRequiresClassification: ['restricted'],
    personalRequiresClassification: ['confidential', 'restricted'],
    personalRequiresDescription: true,
  },
  checks: {
    'check.required-empty': 'block',
    'check.duplicate-key': 'block',
    'check.personal-data': 'block',
    'check.bad-rule': 'block',
    'check.type-mismatch': 'warn',
    'check.not-allowed': 'warn',
    'check.out-of-range': 'warn',
    'check.pattern': 'warn',
    'check.stale': 'warn',
    'check.duplicate-row': 'warn',
    'check.spaces': 'info',
  },
  partRows: 1000,
  allowedClassifications: [...CLASSIFICATIONS],
};

export interface PolicyViolation {
  /** "policy.<rule>", e.g. "policy.required-field". */
  code: string;
  blocking: boolean;
  /** What is missing or wrong, where, and what to do — in the owner's words. */
  message: string;
  /** Product field concerned (ProductMeta key), if any. */
  field?: string;
  /** Column name concerned (as Mesh Desk shows it), if any. */
  column?: string;
}
