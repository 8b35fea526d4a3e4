// Runs anywhere (pure core).
// Checks an owner's description against the mesh's governance policy before publishing. Each
// violation says what is missing, where (product field, or column letter and name) and what to
// do, because the owner fixes it in the Describe form, not in the policy.

import { columnLetter } from '../columns';
import type { Severity } from '../problems';
import type { ColumnMeta, ProductMeta } from '../metadata/types';
import type { CheckSeverity, ColumnField, Policy, PolicyViolation, ProductField } from './types';

/** Column names longer than this are not tested against the guild's pattern (bounded work). */
const MAX_PATTERN_INPUT = 1000;

/**
 * What a finding does to publishing. The policy's `checks` map decides; a governance rule
 * ("policy.*") it does not list blocks; any other code follows the finding's own severity: an
 * error (a file that cannot be read as it stands, a broken promise) blocks, a warning warns.
 */
export function severityFor(code: string, policy: Policy, severity: Severity = 'warning'): CheckSeverity {
  if (Object.hasOwn(policy.checks, code)) return policy.checks[code]!;
  if (code.startsWith('policy.')) return 'block';
  return severity === 'error' ? 'block' : severity === 'warning' ? 'warn' : 'info';
}

const PRODUCT_LABELS: Record<ProductField, string> = {
  name: 'a product name', title: 'a title', description: 'a description', purpose: 'a purpose',
  usage: 'usage notes', limitations: 'limitations', domain: 'a domain', owner: "an owner (name and e-mail)",
  support: 'a support contact', tags: 'at least one tag', frequency: 'an update frequency',
  classification: 'a classification', license: 'a license or terms of use', source: 'a source (manual or external)',
  freshnessColumn: 'the column that tells how fresh the data is',
};
const COLUMN_LABELS: Record<ColumnField, string> = {
  businessName: 'a business name', description: 'a description', type: 'a type',
  personal: 'whether it holds personal data', examples: 'examples',
};

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function productFieldMissing(meta: ProductMeta, f: ProductField): boolean {
  switch (f) {
    case 'owner':
      return blank(meta.owner?.name) || blank(meta.owner?.email);
    case 'tags':
      return !meta.tags || meta.tags.every((t) => t.trim() === '');
    case 'source':
      return meta.source === undefined;
    default:
      return blank(meta[f]);
  }
}

function columnFieldMissing(col: ColumnMeta | undefined, f: ColumnField): boolean {
  if (!col) return true;
  if (f === 'examples') return !col.examples || col.examples.length === 0;
  if (f === 'type' || f === 'personal') return col[f] === undefined;
  return blank(col[f]);
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

export function evaluatePolicy(meta: ProductMeta, columns: readonly { name: string; letter?: string }[], policy: Policy): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const add = (code: string, message: string, where: { field?: string; column?: string }): void => {
    const sev = severityFor(code, policy);
    if (sev === 'off') return;
    out.push({ code, blocking: sev === 'block', message, ...where });
  };
  const why = 'the governance policy of this mesh asks for';

  // Product fields.
  for (const f of policy.requiredProductFields) {
    if (productFieldMissing(meta, f)) {
      add('policy.required-field', `Add ${PRODUCT_LABELS[f]} to the product: ${why} it on every data product.`, { field: f });
    }
  }
  if (blank(meta.name)) {
    if (!policy.requiredProductFields.includes('name')) {
      add('policy.product-name', 'Give the product a name (e.g. "price-list-2025"): it becomes the product\'s address in the mesh.', { field: 'name' });
    }
  } else {
    const re = safeRegExp(policy.naming.productPattern);
    if (re && !re.test(meta.name!)) {
      add('policy.product-name', `The product name "${meta.name}" does not follow the naming rule of this mesh (${policy.naming.productPattern}). Choose a name that does, e.g. lower-case words joined by dashes.`, { field: 'name' });
    }
  }
  if (meta.classification !== undefined && !policy.allowedClassifications.includes(meta.classification)) {
    add('policy.classification-not-allowed', `The classification "${meta.classification}" is not used in this mesh. Choose one of: ${policy.allowedClassifications.join(', ')}.`, { field: 'classification' });
  }

  // Columns.
  const colRe = policy.naming.columnPattern === undefined ? undefined : safeRegExp(policy.naming.columnPattern);
  const described = meta.columns ?? {};
  const sensitive: string[] = [];
  const personal: string[] = [];
  columns.forEach((c, i) => {
    const letter = c.letter ?? columnLetter(i);
    const place = `column ${letter} (${c.name})`;
    const col = Object.hasOwn(described, c.name) ? described[c.name] : undefined;
    for (const f of policy.requiredColumnFields) {
      if (columnFieldMissing(col, f)) {
        add('policy.required-column-field', `Add ${COLUMN_LABELS[f]} to ${place}: ${why} it on every column.`, { field: f, column: c.name });
      }
    }
    const max = policy.naming.maxColumnNameLength;
    if (max !== undefined && c.name.length > max) {
      add('policy.column-name-length', `The name of column ${letter} is ${c.name.length} characters long; this mesh allows at most ${max}. Shorten the header in your file.`, { column: c.name });
    }
    if (colRe && (c.name.length > MAX_PATTERN_INPUT || !colRe.test(c.name))) {
      add('policy.column-name', `The name of ${place} does not follow the column naming rule of this mesh (${policy.naming.columnPattern}). Rename the header in your file.`, { column: c.name });
    }
    if (col?.personal === 'sensitive') sensitive.push(place);
    if (col?.personal === 'personal') personal.push(place);
    if ((col?.personal === 'personal' || col?.personal === 'sensitive') && policy.personalData.personalRequiresDescription && blank(col.description)
      && !policy.requiredColumnFields.includes('description')) {
      add('policy.personal-description', `Describe what ${place} holds: it is marked as ${col.personal} data, and ${why} a description of every such column.`, { field: 'description', column: c.name });
    }
  });

  // Personal data needs a strict enough classification for the whole product.
  const cls = meta.classification;
  const rule = (places: string[], kind: string, allowed: readonly string[], code: string): boolean => {
    if (places.length === 0 || allowed.length === 0 || (cls !== undefined && allowed.includes(cls))) return false;
    const list = places.length > 3 ? `${places.slice(0, 3).join(', ')} and ${places.length - 3} more` : places.join(', ');
    const now = cls === undefined ? 'it has no classification yet' : `it is classified "${cls}"`;
    add(code, `This product has ${kind} data in ${list}, but ${now}. Set the classification to ${allowed.map((a) => `"${a}"`).join(' or ')}, or unmark the column if it holds no ${kind} data.`, { field: 'classification' });
    return true;
  };
  const sensitiveFired = rule(sensitive, 'sensitive', policy.personalData.sensitiveRequiresClassification, 'policy.sensitive-classification');
  // Sensitive columns are personal too: unless already reported, the personal rule covers them.
  rule(sensitiveFired ? personal : [...sensitive, ...personal], 'personal', policy.personalData.personalRequiresClassification, 'policy.personal-classification');
  return out;
}
