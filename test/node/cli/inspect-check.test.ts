// `mesh-desk inspect --meta … --policy … --contract …` as a user runs it: the Check step from a
// terminal, with the exit code saying whether anything stops publishing.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseContractYaml } from '../../../shared/core/contract/standard-yaml';
import { createStandardValidators } from '../../../shared/core/contract/standard-validators';
import { europeanCsv, tempDir } from '../../fixtures/make-fixtures';

const repo = resolve(__dirname, '../../..');
const bin = join(repo, 'shared/node/cli/bin.mjs');
const schemas = {
  odcs: JSON.parse(readFileSync(resolve(repo, '../shared/schemas/odcs-json-schema-v3.1.0.json'), 'utf8')),
  odps: JSON.parse(readFileSync(resolve(repo, '../shared/schemas/odps-json-schema-v1.0.0.json'), 'utf8')),
};

function meshDesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD_META = `name: umsatz-q3
title: Umsatz Q3
description: Quarterly sales by customer, exported from the ERP.
domain: finance
owner: {name: Ana Muster, email: ana@acme.example}
frequency: quarterly
classification: internal
columns:
  Kunden-Nr: {description: Customer number, required: true, unique: true, primaryKey: true}
  Datum: {description: Invoice date}
  Betrag: {description: Amount in EUR, min: 0}
  Region: {description: Sales region, allowed: [Nord, Süd, Ost]}
  Aktiv: {description: Customer still active}
`;

describe('mesh-desk inspect --meta', () => {
  let dir: string;
  let csv: string;
  beforeAll(() => {
    dir = tempDir();
    csv = europeanCsv(dir);
    writeFileSync(join(dir, 'meta.yaml'), GOOD_META);
  });

  it('checks the file with the description and writes a contract that passes the ODCS schema', () => {
    const out = join(dir, 'contract.yaml');
    const r = meshDesk('inspect', csv, '--meta', join(dir, 'meta.yaml'), '--contract', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.check).toMatchObject({ canPublish: true, blocking: 0, partRows: 1000 });
    const notAllowed = json.check.findings.find((f: { code: string }) => f.code === 'check.not-allowed');
    expect(notAllowed).toMatchObject({ severity: 'warning', blocking: false, column: 'D', columnName: 'Region', count: 60 });
    expect(notAllowed.message).toMatch(/Row \d+, column D \(Region\).*'West'/);
    expect(json.contract).toBe(out);
    const contract = parseContractYaml(readFileSync(out, 'utf8'));
    expect(contract.ok).toBe(true);
    if (!contract.ok) return;
    expect(createStandardValidators(schemas).validateContract(contract.value)).toEqual({ ok: true, value: undefined });
    expect(contract.value.name).toBe('umsatz-q3');
    expect(contract.value.schema?.[0]?.properties?.map((p) => p.name)).toEqual(['Kunden-Nr', 'Datum', 'Betrag', 'Region', 'Aktiv']);
  });

  it('exits 1 and lists what blocks: a policy rule and a check the policy makes blocking', () => {
    writeFileSync(join(dir, 'thin.yaml'), 'name: umsatz-q3\ncolumns:\n  Region: {allowed: [Nord, Süd, Ost]}\n');
    writeFileSync(join(dir, 'strict.yaml'), 'checks:\n  check.not-allowed: block\n');
    const r = meshDesk('inspect', csv, '--meta', join(dir, 'thin.yaml'), '--policy', join(dir, 'strict.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/problem\(s\) stop publishing/);
    expect(r.stdout).toMatch(/Stops publishing:[\s\S]*check\.not-allowed/);
    expect(r.stdout).toMatch(/policy\.required-field/);
  });

  it('does not write a contract when the description cannot be read, and says why', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'name: Not A Slug\nowner: nobody\n');
    const out = join(dir, 'never.yaml');
    const r = meshDesk('inspect', csv, '--meta', join(dir, 'bad.yaml'), '--contract', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Line 1/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(meshDesk('inspect', csv, '--contract', out).code).toBe(2); // --contract needs --meta
  });
});
