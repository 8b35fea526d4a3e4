// Runs anywhere (pure core).
// _governance/policy.yaml: read with line-numbered complaints (the governance guild edits it by
// hand), every field left out taken from DEFAULT_POLICY, and written back in the same layout.

import { stringify } from 'yaml';
import { ok } from '../result';
import type { Result } from '../result';
import { CLASSIFICATIONS } from '../metadata/types';
import type { Classification } from '../metadata/types';
import { emptyRecord, issuesToError, setOwn, YamlReader } from '../metadata/yaml-reader';
import type { YamlEntry, YamlIssue } from '../metadata/yaml-reader';
import { CHECK_SEVERITIES, COLUMN_FIELDS, DEFAULT_POLICY, MAX_PART_ROWS, PRODUCT_FIELDS } from './types';
import type { CheckSeverity, ColumnField, NamingPolicy, PersonalDataPolicy, Policy, ProductField } from './types';

const TOP_KEYS = ['policyVersion', 'requiredProductFields', 'requiredColumnFields', 'naming', 'personalData', 'checks', 'partRows', 'allowedClassifications'] as const;
const NAMING_KEYS = ['productPattern', 'columnPattern', 'maxColumnNameLength'] as const;
const PERSONAL_KEYS = ['sensitiveRequiresClassification', 'personalRequiresClassification', 'personalRequiresDescription'] as const;
const CHECK_CODE = /^[a-z0-9]+(\.[a-z0-9-]+)+$/;

function copyDefault(): Policy {
  return {
    ...DEFAULT_POLICY,
    requiredProductFields: [...DEFAULT_POLICY.requiredProductFields],
    requiredColumnFields: [...DEFAULT_POLICY.requiredColumnFields],
    naming: { ...DEFAULT_POLICY.naming },
    personalData: {
      ...DEFAULT_POLICY.personalData,
      sensitiveRequiresClassification: [...DEFAULT_POLICY.personalData.sensitiveRequiresClassification],
      personalRequiresClassification: [...DEFAULT_POLICY.personalData.personalRequiresClassification],
    },
    checks: Object.assign(emptyRecord<CheckSeverity>(), DEFAULT_POLICY.checks),
    allowedClassifications: [...DEFAULT_POLICY.allowedClassifications],
  };
}

/** A list whose every entry must be one of `allowed`. */
function enumList<T extends string>(r: YamlReader, e: YamlEntry, what: string, allowed: readonly T[]): T[] | undefined {
  const list = r.strList(e, what, 100);
  if (list === undefined) return undefined;
  const bad = list.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) {
    r.problem(e.line, `${what} may only list ${allowed.join(', ')} — found ${bad.map((b) => `"${b}"`).join(', ')}.`);
    return undefined;
  }
  return [...new Set(list)] as T[];
}

function pattern(r: YamlReader, e: YamlEntry, what: string): string | undefined {
  const v = r.str(e, what, 1000);
  if (v === undefined) return undefined;
  try {
    new RegExp(v);
    return v;
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    r.problem(e.line, `${what} is not a valid regular expression (${why}).`);
    return undefined;
  }
}

function readNaming(r: YamlReader, e: YamlEntry, naming: NamingPolicy): void {
  if (e.value === null) return;
  for (const n of r.entries(e.value, '"naming"', e.line) ?? []) {
    if (n.key === 'productPattern') {
      const v = pattern(r, n, '"naming productPattern"');
      if (v !== undefined) naming.productPattern = v;
    } else if (n.key === 'columnPattern') {
      const v = pattern(r, n, '"naming columnPattern"');
      if (v !== undefined) naming.columnPattern = v;
    } else if (n.key === 'maxColumnNameLength') {
      const v = r.int(n, '"naming maxColumnNameLength"', 1, 10_000);
      if (v !== undefined) naming.maxColumnNameLength = v;
    } else r.unknownKey(n, '"naming"', NAMING_KEYS);
  }
}

function readPersonal(r: YamlReader, e: YamlEntry, pd: PersonalDataPolicy): void {
  if (e.value === null) return;
  for (const p of r.entries(e.value, '"personalData"', e.line) ?? []) {
    if (p.key === 'sensitiveRequiresClassification' || p.key === 'personalRequiresClassification') {
      const v = enumList<Classification>(r, p, `"personalData ${p.key}"`, CLASSIFICATIONS);
      if (v !== undefined) pd[p.key] = v;
    } else if (p.key === 'personalRequiresDescription') {
      const v = r.bool(p, '"personalData personalRequiresDescription"');
      if (v !== undefined) pd.personalRequiresDescription = v;
    } else r.unknownKey(p, '"personalData"', PERSONAL_KEYS);
  }
}

function readChecks(r: YamlReader, e: YamlEntry, checks: Record<string, CheckSeverity>): void {
  if (e.value === null) return;
  for (const c of r.entries(e.value, '"checks"', e.line) ?? []) {
    if (!CHECK_CODE.test(c.key) || c.key.length > 100) {
      r.problem(c.keyLine, `"${c.key}" is not a finding code; codes look like "check.required-empty".`);
      continue;
    }
    const v = r.oneOf(c, `"${c.key}" in "checks"`, CHECK_SEVERITIES);
    if (v !== undefined) setOwn(checks, c.key, v);
  }
}

/** Reads a policy and lists every problem with its line. */
export function readPolicyYaml(text: string): { policy: Policy; issues: YamlIssue[] } {
  const r = new YamlReader('policy.yaml');
  const policy = copyDefault();
  const top = r.parseTop(text);
  for (const e of (top ? r.entries(top, 'The policy', 1) : undefined) ?? []) {
    switch (e.key) {
      case 'policyVersion': {
        const v = r.num(e, '"policyVersion"');
        if (v !== undefined && v !== 1) {
          r.problem(e.line, `This policy is written for policy version ${v}; this Mesh Desk understands version 1. Update Mesh Desk, or ask the governance team.`);
        }
        break;
      }
      case 'requiredProductFields': {
        const v = enumList<ProductField>(r, e, '"requiredProductFields"', PRODUCT_FIELDS);
        if (v !== undefined) policy.requiredProductFields = v;
        break;
      }
      case 'requiredColumnFields': {
        const v = enumList<ColumnField>(r, e, '"requiredColumnFields"', COLUMN_FIELDS);
        if (v !== undefined) policy.requiredColumnFields = v;
        break;
      }
      case 'naming':
        readNaming(r, e, policy.naming);
        break;
      case 'personalData':
        readPersonal(r, e, policy.personalData);
        break;
      case 'checks':
        readChecks(r, e, policy.checks);
        break;
      case 'partRows': {
        const v = r.int(e, '"partRows"', 1, MAX_PART_ROWS);
        if (v !== undefined) policy.partRows = v;
        break;
      }
      case 'allowedClassifications': {
        const v = enumList<Classification>(r, e, '"allowedClassifications"', CLASSIFICATIONS);
        if (v !== undefined && v.length === 0) r.problem(e.line, '"allowedClassifications" must list at least one classification.');
        else if (v !== undefined) policy.allowedClassifications = v;
        break;
      }
      default:
        r.unknownKey(e, 'a policy', TOP_KEYS);
    }
  }
  return { policy, issues: r.issues };
}

/** Parses _governance/policy.yaml; fields left out come from DEFAULT_POLICY. */
export function parsePolicyYaml(text: string): Result<Policy> {
  const { policy, issues } = readPolicyYaml(text);
  return issues.length === 0 ? ok(policy) : { ok: false, error: issuesToError(issues, 'policy.invalid', 'governance policy (policy.yaml)') };
}

/** Writes the whole policy (every field, defaults included) so the guild sees what applies. */
export function policyToYaml(policy: Policy): string {
  const naming: Record<string, unknown> = { productPattern: policy.naming.productPattern };
  if (policy.naming.columnPattern !== undefined) naming.columnPattern = policy.naming.columnPattern;
  if (policy.naming.maxColumnNameLength !== undefined) naming.maxColumnNameLength = policy.naming.maxColumnNameLength;
  const checks = emptyRecord<CheckSeverity>();
  for (const k of Object.keys(policy.checks).sort()) setOwn(checks, k, policy.checks[k]!);
  return stringify(
    {
      policyVersion: 1,
      requiredProductFields: policy.requiredProductFields,
      requiredColumnFields: policy.requiredColumnFields,
      naming,
      personalData: policy.personalData,
      checks,
      partRows: policy.partRows,
      allowedClassifications: policy.allowedClassifications,
    },
    { lineWidth: 0, aliasDuplicateObjects: false },
  );
}
