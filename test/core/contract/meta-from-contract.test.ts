// metaFromContract is the reverse of buildContract: every field buildContract writes comes back.
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../shared/core/contract/build-contract';
import { metaFromContract } from '../../../shared/core/contract/meta-from-contract';
import { contractToYaml, parseContractYaml } from '../../../shared/core/contract/standard-yaml';
import type { SheetReport } from '../../../shared/core/inspect/report';
import type { ColumnMeta, ProductMeta } from '../../../shared/core/metadata/types';
import type { OdcsContract } from '../../../shared/core/contract/odcs-types';
import { sheet } from './fixtures';

const createdAt = '2026-11-21T10:15:00Z';

const full: ProductMeta = {
  name: 'price-list', title: 'Price list 2026', description: 'Prices we charge.', purpose: 'Quote customers.',
  usage: 'Join on sku.', limitations: 'Excludes VAT.', domain: 'sales', owner: { name: 'Ana Ruiz', email: 'ana@acme.example' },
  support: 'pricing@acme.example', tags: ['prices', 'finance'], frequency: 'monthly', classification: 'internal',
  license: 'Internal use only', source: { kind: 'external', vendor: 'Acme Data' }, freshnessColumn: 'valid_from',
  columns: {
    sku: { primaryKey: true, description: 'Stock keeping unit', pattern: '^[A-Z]{3}-\\d+$' },
    price: { required: true, min: 0, max: '10000', businessName: 'Price (EUR)' },
    region: { allowed: ['EU', 'US'], personal: 'none' },
    valid_from: { min: '2020-01-01', max: '2030-12-31', required: true },
    contact: { personal: 'personal', examples: ['x@y.z'], description: 'Who to call' },
    qty: { pattern: '^\\d+$', unique: true, type: 'integer' },
    secret: { personal: 'sensitive' },
  },
};
const priceSheet = sheet('Prices', [['sku', 'text'], ['price', 'number'], ['region', 'text'], ['valid_from', 'date'], ['contact', 'text'], ['qty', 'text'], ['on_sale', 'boolean'], ['updated', 'datetime'], ['secret', 'text']]);

const cases: { label: string; meta: ProductMeta; sheets: SheetReport[] }[] = [
  { label: 'every field', meta: full, sheets: [priceSheet, sheet('Notes', [['note', 'text']])] },
  { label: 'nothing at all', meta: {}, sheets: [sheet('Only', [['a', 'text']])] },
  { label: 'description only', meta: { name: 'x1', description: 'Just a description.' }, sheets: [sheet('S', [['a', 'integer']])] },
  { label: 'purpose only', meta: { name: 'x2', purpose: 'Just a purpose.' }, sheets: [sheet('S', [['a', 'integer']])] },
  { label: 'same text twice', meta: { name: 'x3', purpose: 'Same.', description: 'Same.' }, sheets: [sheet('S', [['a', 'integer']])] },
  {
    label: 'owner name only, chat support, one-off, manual source, freshness on a later sheet',
    meta: {
      name: 'campaigns', owner: { name: 'Bo' }, support: '#marketing-data', frequency: 'one-off', source: { kind: 'manual' },
      classification: 'confidential', freshnessColumn: 'day',
      columns: { 'odd.name': { type: 'datetime', min: '2024-01-01T00:00:00Z' }, __proto__x: {} },
    },
    sheets: [sheet('Main', [['odd.name', 'text'], ['__proto__x', 'number']]), sheet('Daily', [['day', 'date']])],
  },
  { label: 'owner e-mail only, weekly, link support', meta: { name: 'w', owner: { email: 'w@acme.example' }, frequency: 'weekly', support: 'https://acme.slack.com/x', freshnessColumn: 'd' }, sheets: [sheet('S', [['d', 'date']])] },
  { label: 'daily, quarterly-like keys', meta: { name: 'q', frequency: 'quarterly', columns: { k: { primaryKey: true }, j: { primaryKey: true, required: true } } }, sheets: [sheet('S', [['k', 'integer'], ['j', 'text']])] },
  { label: 'yearly and daily', meta: { name: 'y', frequency: 'yearly', tags: ['a'] }, sheets: [sheet('S', [['a', 'boolean']])] },
];

/** What the contract states about a column, given the owner's meta and the inspected type. */
function expectedColumn(m: ColumnMeta, inferred: ColumnMeta['type']): ColumnMeta {
  const type = m.type ?? inferred!;
  const numeric = type === 'integer' || type === 'number';
  const dated = type === 'date' || type === 'datetime';
  const boundOf = (v: number | string | undefined) =>
    v === undefined || v === '' ? undefined : numeric ? Number(v) : dated ? String(v) : undefined;
  return {
    businessName: m.businessName,
    description: m.description,
    type,
    required: Boolean(m.required || m.primaryKey),
    unique: Boolean(m.unique || m.primaryKey),
    primaryKey: Boolean(m.primaryKey),
    personal: m.personal,
    allowed: m.allowed,
    pattern: m.pattern,
    min: boundOf(m.min),
    max: boundOf(m.max),
  };
}

function recoveredColumn(m: ColumnMeta): ColumnMeta {
  return {
    businessName: m.businessName, description: m.description, type: m.type,
    required: Boolean(m.required), unique: Boolean(m.unique), primaryKey: Boolean(m.primaryKey),
    personal: m.personal, allowed: m.allowed, pattern: m.pattern, min: m.min, max: m.max,
  };
}

const PRODUCT_FIELDS = ['name', 'title', 'description', 'purpose', 'usage', 'limitations', 'domain', 'owner', 'support', 'tags', 'frequency', 'classification', 'license', 'source', 'freshnessColumn'] as const;

describe('metaFromContract(buildContract(x))', () => {
  for (const c of cases) {
    it(`recovers what buildContract wrote: ${c.label}`, () => {
      const contract = buildContract({ meta: c.meta, sheets: c.sheets, createdAt });
      // Through YAML too: the CLI reads contracts from files.
      const parsed = parseContractYaml(contractToYaml(contract));
      expect(parsed.ok).toBe(true);
      for (const doc of [contract, parsed.ok ? parsed.value : contract]) {
        const { meta, columns } = metaFromContract(doc);
        for (const f of PRODUCT_FIELDS) {
          // buildContract drops a product name it cannot use as an id (slugs it); ours are valid slugs.
          // Known loss: the freshness column travels only in the SLA latency, which needs a rhythm
          // with a period ("one-off" and no frequency have none).
          const noPeriod = c.meta.frequency === undefined || c.meta.frequency === 'one-off';
          const want = f === 'name' ? contract.name : f === 'freshnessColumn' && noPeriod ? undefined : c.meta[f];
          expect({ field: f, value: meta[f] }).toStrictEqual({ field: f, value: want });
        }
        const first = c.sheets[0]!;
        expect(columns).toStrictEqual(first.columns.map((col) => ({ name: col.name, letter: col.letter })));
        expect(Object.keys(meta.columns ?? {})).toStrictEqual(first.columns.map((col) => col.name));
        for (const col of first.columns) {
          const given = Object.hasOwn(c.meta.columns ?? {}, col.name) ? c.meta.columns![col.name]! : {};
          const got = meta.columns![col.name]!;
          expect({ column: col.name, ...recoveredColumn(got) }).toStrictEqual({ column: col.name, ...expectedColumn(given, col.type) });
          // Examples: the owner's when given, otherwise those seen in the data (none for personal data).
          const seen = given.personal && given.personal !== 'none' ? undefined : col.examples;
          expect(got.examples).toStrictEqual(given.examples ?? seen);
        }
      }
    });
  }

  it('never throws on shapes other tools write, and reads the standard fields they use', () => {
    const odd = {
      apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', version: '1', status: 'active',
      description: { purpose: 7 }, tags: ['ok', 3, null], team: { members: [{ username: 'lee@acme.example', role: 'Owner' }] },
      support: [{ nochannel: true }, { channel: 'help' }], slaProperties: [{ property: 'frequency', value: 1, unit: 'day' }, { property: 'latency', value: 1, unit: 'd', element: 'orders.updated_at' }],
      customProperties: [{ property: 'dataClassification', value: 'secret' }, 'junk', { property: 'source', value: { kind: 'other' } }],
      schema: [{ name: 'orders', properties: [null, { name: 'id', logicalType: 'time', classification: 'Sensitive', quality: [{ metric: 'invalidValues', arguments: { validValues: ['a', 1, true, {}] } }] }, { noName: 1 }] }],
    } as unknown as OdcsContract;
    const { meta, columns } = metaFromContract(odd);
    expect(meta).toStrictEqual({
      tags: ['ok'], owner: { email: 'lee@acme.example' }, support: 'help', frequency: 'daily', classification: 'secret', freshnessColumn: 'updated_at',
      columns: { id: { personal: 'sensitive', allowed: ['a', '1', 'true'] } },
    });
    expect(columns).toStrictEqual([{ name: 'id', letter: 'B' }]);
    for (const junk of [null, 42, 'text', [], { schema: 'no' }, { schema: [null] }, { team: [], customProperties: {} }]) {
      expect(() => metaFromContract(junk as unknown as OdcsContract)).not.toThrow();
    }
  });

  it('keeps a column named __proto__ as a column', () => {
    const contract = buildContract({ meta: { name: 'p', columns: { __proto__: { description: 'odd' } } as never }, sheets: [sheet('S', [['__proto__', 'text']])], createdAt });
    const { meta } = metaFromContract(contract);
    expect(Object.hasOwn(meta.columns!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(meta.columns)).toBe(Object.prototype);
  });
});
