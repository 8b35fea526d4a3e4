import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaToYaml, parseMetaYaml, readMetaYaml } from '../../../shared/core/metadata/meta-yaml';
import type { ProductMeta } from '../../../shared/core/metadata/types';

const fixture = readFileSync(join(__dirname, '../../fixtures/metadata/price-list.meta.yaml'), 'utf8');

function errorOf(text: string): string {
  const r = parseMetaYaml(text);
  if (r.ok) throw new Error('expected the meta.yaml to be rejected');
  expect(r.error.code).toBe('meta.invalid');
  return r.error.message;
}

describe('parseMetaYaml: a good file', () => {
  it('reads every field in the owner\'s terms', () => {
    const r = parseMetaYaml(fixture);
    if (!r.ok) throw new Error(r.error.message);
    const m = r.value;
    expect(m.name).toBe('price-list-2025');
    expect(m.description).toContain('Net prices of every article');
    expect(m.owner).toEqual({ name: 'Jörg Müller', email: 'joerg.mueller@example.com' });
    expect(m.support).toBe('#pricing-help');
    expect(m.tags).toEqual(['prices', 'sales']);
    expect(m.frequency).toBe('monthly');
    expect(m.source).toEqual({ kind: 'external', vendor: 'Acme Market Data' });
    expect(m.headerRow).toBe(2);
    expect(m.columns?.Article).toMatchObject({ required: true, unique: true, primaryKey: true, personal: 'none', pattern: '^A-[0-9]{5}$', examples: ['A-00001', 'A-00002'] });
    expect(m.columns?.Price).toEqual({ description: 'Net price in euros.', type: 'number', min: 0, max: 100000 });
    expect(m.columns?.['Valid from']?.min).toBe('2020-01-01');
    expect(m.columns?.Region?.allowed).toEqual(['north', 'south', '0']);
  });

  it('treats __proto__ and constructor as ordinary column names and touches no prototype', () => {
    const r = parseMetaYaml(fixture);
    if (!r.ok) throw new Error(r.error.message);
    const cols = r.value.columns!;
    expect(Object.hasOwn(cols, '__proto__')).toBe(true);
    expect(Object.hasOwn(cols, 'constructor')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(cols, '__proto__')?.value).toEqual({ description: 'A column really called __proto__.' });
    expect(Object.getOwnPropertyDescriptor(cols, 'constructor')?.value).toEqual({});
    expect(Object.keys(cols)).toEqual(['Article', 'Price', 'Valid from', 'Region', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).description).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('description');
  });

  it('keeps numbers written as text exactly (titles like 007, a single tag)', () => {
    const r = parseMetaYaml('title: 007\ntags: sales\ndomain: 2025\n');
    expect(r).toEqual({ ok: true, value: { title: '007', tags: ['sales'], domain: '2025' } });
  });

  it('accepts an empty file and a bare source word', () => {
    expect(parseMetaYaml('')).toEqual({ ok: true, value: {} });
    expect(parseMetaYaml('# nothing yet\n')).toEqual({ ok: true, value: {} });
    expect(parseMetaYaml('source: manual\n')).toEqual({ ok: true, value: { source: { kind: 'manual' } } });
  });
});

describe('parseMetaYaml: problems come back with their line number', () => {
  it('unknown keys, wrong types and bad choices', () => {
    const msg = errorOf(['name: price-list', 'titel: Prices', 'frequency: sometimes', 'headerRow: two', 'tags: {a: 1}'].join('\n'));
    expect(msg).toContain('has 4 problems');
    expect(msg).toMatch(/Line 2: "titel" is not something a meta\.yaml can hold/);
    expect(msg).toMatch(/Line 3: "frequency" must be one of daily, weekly, monthly, quarterly, yearly, one-off — found "sometimes"/);
    expect(msg).toMatch(/Line 4: "headerRow" must be a number/);
    expect(msg).toMatch(/Line 5: "tags" must be a list/);
  });

  it('invalid product names, e-mails, patterns, column fields', () => {
    const msg = errorOf([
      'name: Price List',
      'owner:',
      '  email: joerg at example',
      'columns:',
      '  Amount:',
      '    pattern: "([a-z"',
      '    required: yes please',
      '    personal: maybe',
      '    colour: red',
      '    min: 10',
      '    max: 1',
    ].join('\n'));
    expect(msg).toMatch(/Line 1: "name" must be 2 to 63 lower-case letters/);
    expect(msg).toMatch(/Line 3: "owner email" does not look like an e-mail address/);
    expect(msg).toMatch(/Line 6: The "pattern" of column "Amount" is not a valid text pattern/);
    expect(msg).toMatch(/Line 7: "required" of column "Amount" must be true or false/);
    expect(msg).toMatch(/Line 8: "personal" of column "Amount" must be one of none, personal, sensitive/);
    expect(msg).toMatch(/Line 9: "colour" is not something a column can hold/);
    expect(msg).toMatch(/Line 10: The column "Amount" has "min" 10 above "max" 1/);
  });

  it('broken YAML and duplicate names', () => {
    expect(errorOf('title: a\n  description: b\n')).toMatch(/Line \d: this is not valid YAML/);
    expect(errorOf('title: a\ntitle: b\n')).toMatch(/Line 2: the same name appears twice/);
    expect(errorOf('- a\n- b\n')).toMatch(/Line 1: The meta\.yaml must be a list of "name: value" lines/);
  });

  it('refuses aliases, so an alias bomb cannot expand', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    bomb.push('title: *l');
    const t0 = Date.now();
    const msg = errorOf(bomb.join('\n'));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(msg).toMatch(/Line 2: "\*a" refers back to another part of the file/);
  });

  it('refuses files over 1 MB without parsing them', () => {
    const big = `description: "${'x'.repeat(1_000_001)}"\n`;
    expect(errorOf(big)).toMatch(/Line 1: The file is 1000 KB; a meta\.yaml may be at most 1000 KB/);
  });

  it('readMetaYaml lists the problems one by one and keeps what was good', () => {
    const { meta, issues } = readMetaYaml('title: Prices\nfrequency: often\n');
    expect(meta).toEqual({ title: 'Prices' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(2);
  });
});

describe('metaToYaml', () => {
  it('round-trips the fixture', () => {
    const first = parseMetaYaml(fixture);
    if (!first.ok) throw new Error(first.error.message);
    const again = parseMetaYaml(metaToYaml(first.value));
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toEqual(first.value);
    expect(Object.getOwnPropertyDescriptor(again.value.columns, '__proto__')?.value).toEqual({ description: 'A column really called __proto__.' });
  });

  it('round-trips tricky values: numeric-looking text, booleans as text, line breaks, quotes', () => {
    const meta: ProductMeta = {
      name: 'x1',
      title: 'true',
      description: 'Line one\nLine "two": yes\n',
      tags: ['007', 'null', '- dash'],
      source: { kind: 'manual' },
      columns: { 'a: b': { allowed: ['1', 'yes'], min: -1.5, max: '2025-12-31' }, '007': { type: 'text' }, true: {}, null: { unique: false }, '  spaced ': {} },
    };
    const back = parseMetaYaml(metaToYaml(meta));
    expect(back).toEqual({ ok: true, value: meta });
  });

  it('reads plain keys such as 007, true and null as the column names written', () => {
    const r = parseMetaYaml('columns:\n  007: {}\n  true: {}\n  null: {}\n  2.50: {}\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.columns ?? {})).toEqual(['007', 'true', 'null', '2.50']);
  });

  it('writes an empty description as an empty file', () => {
    expect(metaToYaml({})).toBe('');
  });
});
