import { describe, expect, it } from 'vitest';
import { contractToYaml, documentToYaml, MAX_YAML_CHARS, parseContractYaml, parseProductYaml, parseYamlDocument } from '../../../shared/core/contract/standard-yaml';
import type { OdcsContract } from '../../../shared/core/contract/odcs-types';
import { HOSTILE } from './fixtures';

const contractWith = (values: unknown[]): OdcsContract => ({
  apiVersion: 'v3.1.0', kind: 'DataContract', id: 'urn:datacontract:x', version: '1.0.0', status: 'active',
  customProperties: [{ property: 'values', value: values }],
});

describe('standard YAML', () => {
  it('round-trips every hostile string exactly', () => {
    for (const s of HOSTILE) {
      const doc = contractWith([s, { [s]: s }]);
      const back = parseContractYaml(contractToYaml(doc));
      expect(back.ok, JSON.stringify(s)).toBe(true);
      if (back.ok) expect(back.value).toStrictEqual(doc);
    }
  });

  it('quotes strings that YAML 1.1 readers would take for booleans, nulls, numbers or dates', () => {
    const text = documentToYaml({ v: ['yes', 'no', 'on', 'null', '~', '1e5', '0123', '2024-01-01'] });
    for (const line of text.split('\n').filter((l) => l.startsWith('  - '))) expect(line).toMatch(/^ {2}- ["']/);
  });

  it('keeps numbers, booleans, nulls and -0 as they are', () => {
    const doc = contractWith([0, -0, 1.5, 1e21, -7, true, false, null]);
    const back = parseContractYaml(contractToYaml(doc));
    expect(back.ok && back.value).toStrictEqual(doc);
  });

  it('writes no anchors even when the same object is used twice', () => {
    const shared = { a: 1 };
    const text = documentToYaml({ x: shared, y: shared });
    expect(text).not.toMatch(/[&*]a\d*/);
  });

  it('keeps a "__proto__" key as data and does not touch Object.prototype', () => {
    const r = parseYamlDocument('kind: DataContract\n__proto__:\n  polluted: 1\n', 'data contract');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value)).toContain('__proto__');
      expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const started = Date.now();
    const r = parseContractYaml(`kind: DataContract\n${levels.join('\n')}\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('yaml.unreadable');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses oversized text before parsing it', () => {
    const r = parseContractYaml('#'.repeat(MAX_YAML_CHARS + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('yaml.too-large');
  });

  it('refuses duplicate keys, unknown tags and broken syntax with the place', () => {
    for (const text of ['kind: DataContract\nid: a\nid: b\n', 'kind: DataContract\nid: !!binary aGVsbG8=\n', 'kind: DataContract\nid: [a\n']) {
      const r = parseContractYaml(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/line \d+/);
    }
  });

  it('refuses documents of the wrong kind or shape', () => {
    const wrong = parseContractYaml('kind: DataProduct\n');
    expect(!wrong.ok && wrong.error.code).toBe('contract.wrong-kind');
    const list = parseProductYaml('- a\n- b\n');
    expect(!list.ok && list.error.code).toBe('yaml.not-a-document');
    const empty = parseProductYaml('');
    expect(!empty.ok && empty.error.code).toBe('yaml.not-a-document');
    expect(parseProductYaml('kind: DataProduct\nid: x\n').ok).toBe(true);
  });
});
