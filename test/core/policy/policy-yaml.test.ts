import { describe, expect, it } from 'vitest';
import { parsePolicyYaml, policyToYaml, readPolicyYaml } from '../../../shared/core/policy/policy-yaml';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';

function errorOf(text: string): string {
  const r = parsePolicyYaml(text);
  if (r.ok) throw new Error('expected the policy to be rejected');
  expect(r.error.code).toBe('policy.invalid');
  return r.error.message;
}

describe('parsePolicyYaml', () => {
  it('an empty policy is the default policy', () => {
    expect(parsePolicyYaml('')).toEqual({ ok: true, value: DEFAULT_POLICY });
    expect(DEFAULT_POLICY.partRows).toBe(1000);
    expect(DEFAULT_POLICY.allowedClassifications).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(DEFAULT_POLICY.naming.productPattern).toBe('^[a-z0-9][a-z0-9-]{1,62}$');
  });

  it('reads every field and fills the rest from the defaults', () => {
    const r = parsePolicyYaml([
      'policyVersion: 1',
      'requiredProductFields: [title, owner, license]',
      'requiredColumnFields: [description, businessName]',
      'naming:',
      '  columnPattern: "^[A-Za-z][A-Za-z0-9 _]*$"',
      '  maxColumnNameLength: 40',
      'personalData:',
      '  personalRequiresDescription: false',
      'checks:',
      '  check.type-mismatch: block',
      '  check.custom-rule: info',
      'partRows: 50000',
      'allowedClassifications: [internal, confidential]',
    ].join('\n'));
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    expect(p.requiredProductFields).toEqual(['title', 'owner', 'license']);
    expect(p.requiredColumnFields).toEqual(['description', 'businessName']);
    expect(p.naming).toEqual({ productPattern: DEFAULT_POLICY.naming.productPattern, columnPattern: '^[A-Za-z][A-Za-z0-9 _]*$', maxColumnNameLength: 40 });
    expect(p.personalData).toEqual({ ...DEFAULT_POLICY.personalData, personalRequiresDescription: false });
    expect(p.checks['check.type-mismatch']).toBe('block');
    expect(p.checks['check.custom-rule']).toBe('info');
    expect(p.checks['check.required-empty']).toBe('block');
    expect(p.partRows).toBe(50000);
    expect(p.allowedClassifications).toEqual(['internal', 'confidential']);
    // The defaults themselves are never changed by a parse.
    expect(DEFAULT_POLICY.checks['check.type-mismatch']).toBe('warn');
    expect(DEFAULT_POLICY.checks['check.custom-rule']).toBeUndefined();
  });

  it('reports each problem in plain words with its line', () => {
    const msg = errorOf([
      'policyVersion: 2',
      'requiredProductFields: [title, colour]',
      'naming:',
      '  productPattern: "([a-z"',
      '  maxLength: 3',
      'checks:',
      '  check.type-mismatch: stop',
      '  Not A Code: warn',
      'partRows: 0',
      'allowedClassifications: [secret]',
      'approvers: [anna]',
    ].join('\n'));
    expect(msg).toContain('has 9 problems');
    expect(msg).toMatch(/Line 1: This policy is written for policy version 2; this Mesh Desk understands version 1/);
    expect(msg).toMatch(/Line 2: "requiredProductFields" may only list .* — found "colour"/);
    expect(msg).toMatch(/Line 4: "naming productPattern" is not a valid regular expression/);
    expect(msg).toMatch(/Line 5: "maxLength" is not something "naming" can hold/);
    expect(msg).toMatch(/Line 7: "check.type-mismatch" in "checks" must be one of block, warn, info, off — found "stop"/);
    expect(msg).toMatch(/Line 8: "Not A Code" is not a finding code/);
    expect(msg).toMatch(/Line 9: "partRows" must be a whole number from 1 to 1,000,000 — found 0/);
    expect(msg).toMatch(/Line 10: "allowedClassifications" may only list public, internal, confidential, restricted — found "secret"/);
    expect(msg).toMatch(/Line 11: "approvers" is not something a policy can hold/);
    const { issues } = readPolicyYaml('partRows: 2000000\napprovers: x\n');
    expect(issues.map((i) => i.line)).toEqual([1, 2]);
  });

  it('round-trips through policyToYaml, defaults included', () => {
    const custom = parsePolicyYaml('naming:\n  columnPattern: "^[a-z_]+$"\n  maxColumnNameLength: 30\nchecks:\n  check.stale: off\npartRows: 5\n');
    if (!custom.ok) throw new Error(custom.error.message);
    for (const p of [DEFAULT_POLICY, custom.value]) {
      const again = parsePolicyYaml(policyToYaml(p));
      expect(again).toEqual({ ok: true, value: p });
    }
    expect(policyToYaml(DEFAULT_POLICY)).toMatch(/^policyVersion: 1\n/);
  });
});
