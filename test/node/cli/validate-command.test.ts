// `mesh-desk validate` as a user runs it: a real child process (runValidate through tsx, until
// main.ts wires the command in), real files, exit codes, stdout and stderr.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildContract } from '../../../shared/core/contract/build-contract';
import { contractToYaml } from '../../../shared/core/contract/standard-yaml';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { runValidate, standardErrorList } from '../../../shared/node/cli/validate-command';
import { sheet } from '../../core/contract/fixtures';
import { tempDir } from '../../fixtures/make-fixtures';

const repo = resolve(__dirname, '../../..');
const command = join(repo, 'shared/node/cli/validate-command.ts');
const script = `import(${JSON.stringify(command)}).then((m) => m.runValidate(process.argv.slice(1))).then((c) => { process.exitCode = c; })`;

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const goodMeta: ProductMeta = {
  name: 'price-list', title: 'Price list 2026', description: 'Prices we charge.', domain: 'sales',
  owner: { name: 'Ana Ruiz', email: 'ana@acme.example' }, frequency: 'monthly', classification: 'internal',
  columns: { sku: { description: 'Stock keeping unit', primaryKey: true }, price: { description: 'Price in EUR', min: 0 } },
};
const sheets = [sheet('Prices', [['sku', 'text'], ['price', 'number']])];
const contractYaml = (meta: ProductMeta) => contractToYaml(buildContract({ meta, sheets, createdAt: '2026-11-21T10:15:00Z' }));

describe('mesh-desk validate', { timeout: 60_000 }, () => {
  let dir: string;
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  let good: string;
  let noDescription: string;
  beforeAll(() => {
    dir = tempDir();
    good = file('contract.yaml', contractYaml(goodMeta));
    const { description: _dropped, ...rest } = goodMeta;
    noDescription = file('no-description.yaml', contractYaml(rest));
  });

  it('accepts a contract Mesh Desk built from complete metadata (exit 0)', () => {
    const r = validate(good);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${good}: valid ODCS v3.1.0 data contract`);
    expect(r.stdout).toContain('Governance policy (default policy): no problems.');
    const j = validate(good, '--json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toStrictEqual({ file: good, standard: { valid: true, errors: [] }, policy: { violations: [] }, valid: true });
  });

  it('names the missing required field (exit 1)', () => {
    const text = contractYaml(goodMeta).replace(/^version: .*\n/m, '');
    const path = file('no-version.yaml', text);
    const r = validate(path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not a valid ODCS v3.1.0 data contract');
    expect(r.stdout).toContain('the document is missing the required field "version"');
    const j = JSON.parse(validate(path, '--json').stdout);
    expect(j.standard).toStrictEqual({ valid: false, errors: ['the document is missing the required field "version"'] });
    expect(j.valid).toBe(false);
  });

  it('lists each schema problem, including ones deep in a column', () => {
    const text = contractYaml(goodMeta).replace('logicalType: number', 'logicalType: decimal').replace(/^status: .*\n/m, '');
    const j = JSON.parse(validate(file('two-problems.yaml', text), '--json').stdout);
    expect(j.standard.errors).toHaveLength(2);
    expect(j.standard.errors).toContain('the document is missing the required field "status"');
    expect(j.standard.errors.some((e: string) => e.startsWith('schema[0].properties[1].logicalType must be one of'))).toBe(true);
  });

  it('blocks a contract without a description under the default policy (exit 1)', () => {
    const r = validate(noDescription);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('valid ODCS v3.1.0 data contract');
    expect(r.stdout).toMatch(/1 blocking, 0 not blocking[\s\S]*BLOCKS {2}Add a description to the product/);
    const j = JSON.parse(validate(noDescription, '--json').stdout);
    expect(j.standard.valid).toBe(true);
    expect(j.valid).toBe(false);
    expect(j.policy.violations).toStrictEqual([
      { code: 'policy.required-field', blocking: true, field: 'description', message: expect.stringContaining('Add a description') },
    ]);
  });

  it('applies a --policy file: softened rules warn without blocking, stricter ones block', () => {
    const soft = file('soft.yaml', 'policyVersion: 1\nchecks:\n  policy.required-field: warn\n');
    const r = validate(noDescription, '--policy', soft, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.valid).toBe(true);
    expect(j.policy.violations).toEqual([expect.objectContaining({ code: 'policy.required-field', blocking: false, field: 'description' })]);
    const text = validate(noDescription, '--policy', soft);
    expect(text.stdout).toContain(`Governance policy (${soft}): 0 blocking, 1 not blocking.`);

    const strict = file('strict.yaml', 'policyVersion: 1\nrequiredProductFields: [license]\nnaming:\n  productPattern: "^[a-z-]+$"\n  columnPattern: "^[a-z]+$"\n');
    const s = JSON.parse(validate(good, '--policy', strict, '--json').stdout);
    expect(s.valid).toBe(false);
    expect(s.policy.violations.map((v: { code: string }) => v.code)).toStrictEqual(['policy.required-field']);
    expect(s.policy.violations[0].field).toBe('license');
  });

  it('reports personal-data rules with the column letter and name', () => {
    const meta: ProductMeta = { ...goodMeta, columns: { ...goodMeta.columns, price: { personal: 'personal', description: 'x' } } };
    const j = JSON.parse(validate(file('personal.yaml', contractYaml(meta)), '--json').stdout);
    expect(j.valid).toBe(false);
    const v = j.policy.violations.find((x: { code: string }) => x.code === 'policy.personal-classification');
    expect(v.message).toContain('column B (price)');
  });

  it('says in one line why a file cannot be read (exit 2)', () => {
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.yaml')], /cannot read missing\.yaml: there is no file at/],
      [[file('broken.yaml', 'id: x\nschema: [\n')], /cannot read broken\.yaml: The data contract cannot be read/],
      [[file('list.yaml', '- a\n- b\n')], /does not hold a set of named fields/],
      [[file('latin1.yaml', Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))], /not UTF-8 text/],
      [[dir], /is a folder or device/],
      [[good, '--policy', join(dir, 'no-policy.yaml')], /cannot read the policy no-policy\.yaml: there is no file/],
      [[good, '--policy', file('bad-policy.yaml', 'partRows: lots\n')], /cannot use the policy bad-policy\.yaml:/],
      [[], /exactly one contract file/],
      [[good, '--colour'], /Unknown option '--colour'/],
    ];
    for (const [args, reason] of cases) {
      const r = validate(...args);
      expect({ args, code: r.code }).toStrictEqual({ args, code: 2 });
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(reason);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('treats YAML of another kind as not a contract (exit 1), not as unreadable', () => {
    const r = validate(file('product.yaml', 'apiVersion: v1.0.0\nkind: DataProduct\nid: x\n'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.standard.errors[0]).toContain('This is not a data contract');
  });

  it('exits 2 with the reason when the official schemas cannot be found', async () => {
    const empty = join(dir, 'no-schemas', 'a', 'b');
    mkdirSync(empty, { recursive: true });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await runValidate([good], { schemas: { env: {}, repoRoot: empty } });
      expect(code).toBe(2);
      expect(out).not.toHaveBeenCalled();
      expect(String(err.mock.calls[0]?.[0])).toMatch(/official schema files .* were not found/);
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});

describe('standardErrorList', () => {
  it('splits the validator sentence back into its problems', () => {
    expect(standardErrorList('This document does not follow the Open Data Contract Standard v3.1.0: a is wrong; b is missing.')).toStrictEqual(['a is wrong', 'b is missing']);
    expect(standardErrorList('This document does not follow the Open Data Contract Standard v3.1.0: a; b … and 3 more.')).toStrictEqual(['a', 'b', 'and 3 more']);
  });
});
