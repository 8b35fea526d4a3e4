// Runs anywhere (pure core).
// One spreadsheet column → one ODCS schema property: type mapping, the owner's promises
// (required, unique, key, allowed values, ranges, patterns) and the library quality rules that
// check them. The contract states promises, not observations: observed minimum/maximum and
// lengths stay in the stats file, otherwise next month's data would "break" last month's facts.

import type { ColumnType, ColumnProfile } from '../inspect/report';
import type { ColumnMeta, PersonalData } from '../metadata/types';
import type { OdcsCustomProperty, OdcsLogicalType, OdcsLogicalTypeOptions, OdcsProperty, OdcsQualityRule } from './odcs-types';

export const LOGICAL_TYPES: Readonly<Record<ColumnType, OdcsLogicalType>> = {
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  // ODCS has no "datetime": a date with a time of day is its "timestamp".
  datetime: 'timestamp',
  text: 'string',
};

/** How values are written in the published CSV parts (text everywhere, so these describe content). */
export const PHYSICAL_TYPES: Readonly<Record<ColumnType, string>> = {
  integer: 'integer',
  number: 'decimal',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamp',
  text: 'varchar',
};

export type RuleSeverity = 'info' | 'warning' | 'error';

export interface QualityRuleOptions {
  /** Smallest number of data rows each endpoint promises (default 1: never empty). */
  minRows?: number;
  /** Severity written on each kind of rule (defaults: error for completeness/uniqueness, warning otherwise). */
  severity?: Partial<Record<'rowCount' | 'nullValues' | 'duplicateValues' | 'invalidValues', RuleSeverity>>;
}

const DEFAULT_SEVERITY = { rowCount: 'error', nullValues: 'error', duplicateValues: 'error', invalidValues: 'warning' } as const;

export const severityOf = (options: QualityRuleOptions | undefined, metric: keyof typeof DEFAULT_SEVERITY): RuleSeverity =>
  options?.severity?.[metric] ?? DEFAULT_SEVERITY[metric];

/** Column classification written to ODCS: our personal-data words; "none" means no label at all. */
export function classificationFor(personal: PersonalData | undefined): string | undefined {
  return personal === 'personal' || personal === 'sensitive' ? personal : undefined;
}

const finiteNumber = (v: number | string | undefined): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
};

/**
 * logicalTypeOptions allowed by the schema for this logical type. Each type has a closed list
 * there (additionalProperties: false), so only fitting keys are written; a pattern on a
 * non-text column becomes a quality rule instead (see qualityFor).
 */
function optionsFor(logical: OdcsLogicalType, meta: ColumnMeta): OdcsLogicalTypeOptions | undefined {
  const o: OdcsLogicalTypeOptions = {};
  if (logical === 'string') {
    if (meta.pattern) o.pattern = meta.pattern;
  } else if (logical === 'integer' || logical === 'number') {
    const min = finiteNumber(meta.min);
    const max = finiteNumber(meta.max);
    if (min !== undefined) o.minimum = min;
    if (max !== undefined) o.maximum = max;
  } else if (logical === 'date' || logical === 'timestamp') {
    if (meta.min !== undefined && String(meta.min) !== '') o.minimum = String(meta.min);
    if (meta.max !== undefined && String(meta.max) !== '') o.maximum = String(meta.max);
  }
  return Object.keys(o).length > 0 ? o : undefined;
}

function qualityFor(logical: OdcsLogicalType, meta: ColumnMeta, isKey: boolean, options: QualityRuleOptions | undefined): OdcsQualityRule[] {
  const rules: OdcsQualityRule[] = [];
  if (meta.required || isKey) {
    rules.push({
      type: 'library', metric: 'nullValues', mustBe: 0, unit: 'rows', dimension: 'completeness',
      severity: severityOf(options, 'nullValues'), description: 'Every row has a value in this column.',
    });
  }
  if (meta.unique || isKey) {
    rules.push({
      type: 'library', metric: 'duplicateValues', mustBe: 0, unit: 'rows', dimension: 'uniqueness',
      severity: severityOf(options, 'duplicateValues'), description: 'No value appears twice in this column.',
    });
  }
  if (meta.allowed && meta.allowed.length > 0) {
    rules.push({
      type: 'library', metric: 'invalidValues', mustBe: 0, unit: 'rows', dimension: 'conformity',
      severity: severityOf(options, 'invalidValues'), arguments: { validValues: [...meta.allowed] },
      description: 'Only the listed values are used.',
    });
  }
  if (meta.pattern && logical !== 'string') {
    rules.push({
      type: 'library', metric: 'invalidValues', mustBe: 0, unit: 'rows', dimension: 'conformity',
      severity: severityOf(options, 'invalidValues'), arguments: { pattern: meta.pattern },
      description: 'Every value matches the pattern.',
    });
  }
  return rules;
}

export interface ColumnPropertyInput {
  column: ColumnProfile;
  meta: ColumnMeta | undefined;
  /** 1-based position among this sheet's primary-key columns, when the column is one. */
  primaryKeyPosition?: number;
  quality?: QualityRuleOptions;
}

export function columnProperty({ column, meta = {}, primaryKeyPosition, quality }: ColumnPropertyInput): OdcsProperty {
  const type = meta.type ?? column.type;
  const logicalType = LOGICAL_TYPES[type];
  const isKey = primaryKeyPosition !== undefined;
  const p: OdcsProperty = {
    name: column.name,
    logicalType,
    physicalType: PHYSICAL_TYPES[type],
    required: Boolean(meta.required || isKey),
    unique: Boolean(meta.unique || isKey),
  };
  if (meta.businessName) p.businessName = meta.businessName;
  if (meta.description) p.description = meta.description;
  if (isKey) {
    p.primaryKey = true;
    p.primaryKeyPosition = primaryKeyPosition;
  }
  const classification = classificationFor(meta.personal);
  if (classification) p.classification = classification;
  const logicalTypeOptions = optionsFor(logicalType, meta);
  if (logicalTypeOptions) p.logicalTypeOptions = logicalTypeOptions;
  // Owner's examples win; otherwise a few values seen in the data (never for personal data).
  const examples = meta.examples ?? (meta.personal && meta.personal !== 'none' ? [] : column.examples);
  if (examples.length > 0) p.examples = [...examples];
  const rules = qualityFor(logicalType, meta, isKey, quality);
  if (rules.length > 0) p.quality = rules;
  const custom: OdcsCustomProperty[] = [{ property: 'sourceColumn', value: column.letter }];
  if (column.header !== column.name) custom.push({ property: 'sourceHeader', value: column.header });
  if (meta.personal) custom.push({ property: 'personalData', value: meta.personal });
  p.customProperties = custom;
  return p;
}
