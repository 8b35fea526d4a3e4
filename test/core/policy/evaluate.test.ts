import { describe, expect, it } from 'vitest';
import { evaluatePolicy, severityFor } from '../../../shared/core/policy/evaluate';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';
import type { Policy } from '../../../shared/core/policy/types';
import type { ProductMeta } from '../../../shared/core/metadata/types';

const complete: ProductMeta = {
  name: 'price-list',
  title: 'Price list',
  description: 'Net prices.',
  domain: 'sales',
  owner: { name: 'Anna', email: 'anna@example.com' },
  frequency: 'monthly',
  classification: 'internal',
  columns: { Article: { description: 'Article number' }, Amount: { description: 'Net amount' } },
};
const cols = [{ name: 'Article' }, { name: 'Amount' }];
const policy = (over: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...over });
const codes = (meta: ProductMeta, p: Policy = DEFAULT_POLICY, c = cols) => evaluatePolicy(meta, c, p).map((v) => v.code);

describe('evaluatePolicy', () => {
  it('passes a complete description', () => {
    expect(evaluatePolicy(complete, cols, DEFAULT_POLICY)).toEqual([]);
  });

  it('required product fields: each missing one, in the owner\'s words', () => {
    const v = evaluatePolicy({ ...complete, description: '  ', owner: { name: 'Anna' }, frequency: undefined }, cols, DEFAULT_POLICY);
    expect(v.map((x) => [x.code, x.field, x.blocking])).toEqual([
      ['policy.required-field', 'description', true],
      ['policy.required-field', 'owner', true],
      ['policy.required-field', 'frequency', true],
    ]);
    expect(v[1]?.message).toBe('Add an owner (name and e-mail) to the product: the governance policy of this mesh asks for it on every data product.');
    expect(codes({ ...complete, tags: [] }, policy({ requiredProductFields: ['tags'] }))).toEqual(['policy.required-field']);
    expect(codes({ ...complete, tags: ['x'] }, policy({ requiredProductFields: ['tags'] }))).toEqual([]);
  });

  it('required column fields name the column letter and name', () => {
    const v = evaluatePolicy({ ...complete, columns: { Article: { description: 'x' } } }, [{ name: 'Article' }, { name: 'Region' }, { name: 'Amount' }], DEFAULT_POLICY);
    expect(v).toEqual([
      { code: 'policy.required-column-field', blocking: true, field: 'description', column: 'Region', message: 'Add a description to column B (Region): the governance policy of this mesh asks for it on every column.' },
      { code: 'policy.required-column-field', blocking: true, field: 'description', column: 'Amount', message: 'Add a description to column C (Amount): the governance policy of this mesh asks for it on every column.' },
    ]);
    expect(evaluatePolicy({ ...complete, columns: {} }, [{ name: 'X', letter: 'F' }], DEFAULT_POLICY)[0]?.message).toContain('column F (X)');
  });

  it('product names must follow the naming rule and be present', () => {
    expect(codes({ ...complete, name: 'Price List' })).toEqual(['policy.product-name']);
    expect(codes({ ...complete, name: 'pl-2025' }, policy({ naming: { productPattern: '^sales-' } }))).toEqual(['policy.product-name']);
    expect(codes({ ...complete, name: 'sales-pl' }, policy({ naming: { productPattern: '^sales-' } }))).toEqual([]);
    expect(codes({ ...complete, name: undefined })).toEqual(['policy.product-name']);
  });

  it('column naming: pattern and length', () => {
    const p = policy({ naming: { productPattern: DEFAULT_POLICY.naming.productPattern, columnPattern: '^[a-z_]+$', maxColumnNameLength: 6 } });
    const meta = { ...complete, columns: { article: { description: 'x' }, 'Net Amount': { description: 'y' } } };
    const v = evaluatePolicy(meta, [{ name: 'article' }, { name: 'Net Amount' }], p);
    expect(v.map((x) => [x.code, x.column])).toEqual([
      ['policy.column-name-length', 'article'],
      ['policy.column-name-length', 'Net Amount'],
      ['policy.column-name', 'Net Amount'],
    ]);
    expect(v[0]?.message).toContain('column A is 7 characters long; this mesh allows at most 6');
  });

  it('classification must be one the mesh allows', () => {
    expect(codes(complete, policy({ allowedClassifications: ['confidential', 'restricted'] }))).toEqual(['policy.classification-not-allowed']);
  });

  it('personal and sensitive columns need a strict classification', () => {
    const personal = { ...complete, columns: { Article: { description: 'x' }, Amount: { description: 'E-mail of buyer', personal: 'personal' as const } } };
    const v = evaluatePolicy(personal, cols, DEFAULT_POLICY);
    expect(v.map((x) => x.code)).toEqual(['policy.personal-classification']);
    expect(v[0]?.message).toBe('This product has personal data in column B (Amount), but it is classified "internal". Set the classification to "confidential" or "restricted", or unmark the column if it holds no personal data.');
    expect(codes({ ...personal, classification: 'confidential' })).toEqual([]);

    const sensitive = { ...personal, classification: 'confidential' as const, columns: { ...personal.columns, Amount: { description: 'IBAN', personal: 'sensitive' as const } } };
    expect(codes(sensitive)).toEqual(['policy.sensitive-classification']);
    expect(codes({ ...sensitive, classification: 'restricted' })).toEqual([]);
    // With no sensitive rule, a sensitive column still needs the personal one.
    const noSensitiveRule = policy({ personalData: { ...DEFAULT_POLICY.personalData, sensitiveRequiresClassification: [] } });
    expect(codes({ ...sensitive, classification: 'internal' }, noSensitiveRule)).toEqual(['policy.personal-classification']);
  });

  it('personal columns need a description even when descriptions are not required elsewhere', () => {
    const p = policy({ requiredColumnFields: [] });
    const meta = { ...complete, classification: 'restricted' as const, columns: { Amount: { personal: 'personal' as const } } };
    const v = evaluatePolicy(meta, cols, p);
    expect(v.map((x) => [x.code, x.column])).toEqual([['policy.personal-description', 'Amount']]);
    expect(codes(meta, policy({ requiredColumnFields: [], personalData: { ...DEFAULT_POLICY.personalData, personalRequiresDescription: false } }))).toEqual([]);
  });

  it('the checks map can soften or switch off a rule', () => {
    const soft = policy({ checks: { ...DEFAULT_POLICY.checks, 'policy.required-field': 'warn', 'policy.product-name': 'off' } });
    const v = evaluatePolicy({ ...complete, title: undefined, name: 'Bad Name' }, cols, soft);
    expect(v.map((x) => [x.code, x.blocking])).toEqual([['policy.required-field', false]]);
  });

  it('works for a column called __proto__', () => {
    const columns = Object.create(null) as Record<string, { description?: string }>;
    Object.defineProperty(columns, '__proto__', { value: { description: 'ok' }, enumerable: true });
    expect(codes({ ...complete, columns }, DEFAULT_POLICY, [{ name: '__proto__' }, { name: 'constructor' }])).toEqual(['policy.required-column-field']);
  });
});

describe('severityFor', () => {
  it('uses the policy, then warns for unknown checks and blocks for unknown policy rules', () => {
    expect(severityFor('check.required-empty', DEFAULT_POLICY)).toBe('block');
    expect(severityFor('check.type-mismatch', DEFAULT_POLICY)).toBe('warn');
    expect(severityFor('check.spaces', DEFAULT_POLICY)).toBe('info');
    expect(severityFor('check.something-new', DEFAULT_POLICY)).toBe('warn');
    expect(severityFor('policy.required-field', DEFAULT_POLICY)).toBe('block');
    expect(severityFor('toString', DEFAULT_POLICY)).toBe('warn');
    expect(severityFor('check.stale', policy({ checks: { 'check.stale': 'off' } }))).toBe('off');
  });
});
