import { describe, expect, it } from 'vitest';
import { buildContract, type BuildContractInput } from '../../../shared/core/contract/build-contract';
import { buildProductDescriptor } from '../../../shared/core/contract/build-product';
import { endpointNames } from '../../../shared/core/contract/identifiers';
import { createStandardValidators } from '../../../shared/core/contract/standard-validators';
import { contractToYaml, parseContractYaml, parseProductYaml, productToYaml } from '../../../shared/core/contract/standard-yaml';
import type { ColumnType } from '../../../shared/core/inspect/report';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { HOSTILE, officialSchemas, sheet } from './fixtures';

const validators = createStandardValidators(officialSchemas());
const createdAt = '2026-11-21T10:15:00Z';

const meta: ProductMeta = {
  name: 'price-list', title: 'Price list 2026', description: 'Prices we charge.', purpose: 'Quote customers.',
  usage: 'Join on sku.', limitations: 'Excludes VAT.', domain: 'sales', owner: { name: 'Ana Ruiz', email: 'ana@acme.example' },
  support: 'pricing@acme.example', tags: ['prices', 'finance'], frequency: 'monthly', classification: 'internal',
  license: 'Internal use only', source: { kind: 'external', vendor: 'Acme Data' }, freshnessColumn: 'valid_from',
  columns: {
    sku: { primaryKey: true, description: 'Stock keeping unit', pattern: '^[A-Z]{3}-\\d+$' },
    price: { required: true, min: 0, max: '10000', businessName: 'Price (EUR)' },
    region: { allowed: ['EU', 'US'] },
    valid_from: { min: '2020-01-01', required: true },
    contact: { personal: 'personal', examples: ['x@y.z'] },
    qty: { pattern: '^\\d+$', unique: true, type: 'integer' },
  },
};
const priceSheet = sheet('Prices', [['sku', 'text'], ['price', 'number'], ['region', 'text'], ['valid_from', 'date'], ['contact', 'text'], ['qty', 'text'], ['on_sale', 'boolean'], ['updated', 'datetime']]);

/** Builds, validates against the official schemas, and round-trips through YAML. */
function buildChecked(input: BuildContractInput) {
  const contract = buildContract(input);
  const valid = validators.validateContract(contract);
  expect(valid.ok ? 'valid' : valid.error.message).toBe('valid');
  const back = parseContractYaml(contractToYaml(contract));
  expect(back.ok && back.value).toStrictEqual(contract);
  const product = buildProductDescriptor({ meta: input.meta, version: contract.version, contractId: contract.id, endpoints: endpointNames(input.sheets.map((s) => s.name)), createdAt });
  const validProduct = validators.validateProduct(product);
  expect(validProduct.ok ? 'valid' : validProduct.error.message).toBe('valid');
  const backProduct = parseProductYaml(productToYaml(product));
  expect(backProduct.ok && backProduct.value).toStrictEqual(product);
  return { contract, product };
}

describe('buildContract', () => {
  it('describes a normal sheet in ODCS v3.1.0', () => {
    const { contract } = buildChecked({ meta, sheets: [priceSheet], createdAt });
    expect(contract).toMatchObject({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'urn:datacontract:price-list', name: 'price-list', version: '1.0.0', status: 'active', domain: 'sales', contractCreatedTs: createdAt });
    expect(contract.description).toEqual({ purpose: 'Quote customers.', usage: 'Join on sku.', limitations: 'Excludes VAT.', customProperties: [{ property: 'summary', value: 'Prices we charge.' }] });
    const [obj] = contract.schema!;
    expect(obj).toMatchObject({ id: 'default', name: 'default', businessName: 'Price list 2026', physicalType: 'file' });
    expect(obj!.quality).toEqual([expect.objectContaining({ type: 'library', metric: 'rowCount', mustBeGreaterOrEqualTo: 1 })]);
    const props = Object.fromEntries(obj!.properties!.map((p) => [p.name, p]));
    expect(props.sku).toMatchObject({ logicalType: 'string', primaryKey: true, primaryKeyPosition: 1, required: true, unique: true, logicalTypeOptions: { pattern: '^[A-Z]{3}-\\d+$' } });
    expect(props.sku!.quality!.map((q) => q.metric)).toEqual(['nullValues', 'duplicateValues']);
    expect(props.price).toMatchObject({ logicalType: 'number', physicalType: 'decimal', required: true, businessName: 'Price (EUR)', logicalTypeOptions: { minimum: 0, maximum: 10000 } });
    expect(props.region!.quality).toEqual([expect.objectContaining({ metric: 'invalidValues', mustBe: 0, arguments: { validValues: ['EU', 'US'] } })]);
    expect(props.valid_from).toMatchObject({ logicalType: 'date', logicalTypeOptions: { minimum: '2020-01-01' } });
    expect(props.contact).toMatchObject({ classification: 'personal', examples: ['x@y.z'] });
    expect(props.contact!.customProperties).toContainEqual({ property: 'personalData', value: 'personal' });
    // The owner's type wins over the inferred one; a pattern on a number becomes a rule.
    expect(props.qty).toMatchObject({ logicalType: 'integer', unique: true });
    expect(props.qty!.quality).toContainEqual(expect.objectContaining({ metric: 'invalidValues', arguments: { pattern: '^\\d+$' } }));
    expect(props.updated!.logicalType).toBe('timestamp');
    expect(props.on_sale!.logicalType).toBe('boolean');
    expect(contract.slaProperties).toEqual([
      expect.objectContaining({ property: 'frequency', value: 1, unit: 'month' }),
      expect.objectContaining({ property: 'latency', value: 1, unit: 'month', element: 'default.valid_from' }),
    ]);
    expect(contract.team).toEqual({ members: [{ username: 'ana@acme.example', name: 'Ana Ruiz', role: 'owner' }] });
    expect(contract.support).toEqual([{ channel: 'pricing@acme.example', tool: 'email', url: 'mailto:pricing@acme.example' }]);
    expect(contract.customProperties).toEqual(expect.arrayContaining([
      { property: 'license', value: 'Internal use only' },
      { property: 'source', value: { kind: 'external', vendor: 'Acme Data' } },
      { property: 'dataClassification', value: 'internal' },
    ]));
  });

  it('maps every column type to a logical type the schema allows', () => {
    const types: ColumnType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'text'];
    const { contract } = buildChecked({ meta: { name: 'all-types' }, sheets: [sheet('T', types.map((t) => [t, t]))], createdAt });
    expect(contract.schema![0]!.properties!.map((p) => p.logicalType)).toEqual(['integer', 'number', 'boolean', 'date', 'timestamp', 'string']);
  });

  it('turns extra sheets into extra endpoints with stable, distinct names', () => {
    const sheets = [sheet('Main', [['a', 'text']]), sheet('Stats', [['b', 'integer']]), sheet('Région Nord', [['c', 'date']]), sheet('région-nord', [['d', 'text']]), sheet('???', [['e', 'text']])];
    const { contract, product } = buildChecked({ meta: { name: 'multi', frequency: 'weekly', freshnessColumn: 'c' }, sheets, version: '2.1.0', createdAt });
    expect(contract.schema!.map((s) => s.name)).toEqual(['default', 'stats-sheet', 'region-nord', 'region-nord-2', 'sheet-5']);
    expect(contract.slaProperties![1]!.element).toBe('region-nord.c');
    expect(product.outputPorts!.map((p) => [p.name, p.contractId, p.version])).toEqual(contract.schema!.map((s) => [s.name, 'urn:datacontract:multi', '2.1.0']));
  });

  it('records waivers as custom properties', () => {
    const waivers = [
      { code: 'check.spaces', sheet: 'Prices', column: 'B', reason: 'Vendor format', by: 'ana@acme.example', at: '2026-11-20T09:00:00Z' },
      { code: 'check.mixed-types', reason: 'Known', at: '2026-11-20T09:01:00Z' },
    ];
    const { contract } = buildChecked({ meta, sheets: [priceSheet], createdAt, waivers, status: 'draft' });
    expect(contract.status).toBe('draft');
    expect(contract.customProperties).toContainEqual({ property: 'waivers', value: waivers });
  });

  it('builds valid documents from empty metadata', () => {
    const { contract, product } = buildChecked({ meta: {}, sheets: [sheet('Sheet1', [['Column A', 'text']], 0)], createdAt });
    expect(contract.id).toBe('urn:datacontract:unnamed-product');
    expect(contract.team).toBeUndefined();
    expect(product.id).toBe('urn:dataproduct:unnamed-product');
  });

  it('keeps hostile text exact everywhere and still validates', () => {
    for (const s of HOSTILE) {
      const hostileMeta: ProductMeta = {
        name: s, title: s, description: s, purpose: s, usage: s, limitations: s, domain: s, tags: [s], license: s, support: s,
        owner: { name: s, email: s }, source: { kind: 'manual', vendor: s }, freshnessColumn: s, frequency: 'daily',
        columns: { [s]: { description: s, businessName: s, examples: [s], allowed: [s], pattern: s, min: s, max: s, personal: 'sensitive' } },
      };
      const sheets = [sheet(s, [[s || 'Column A', 'text'], ['d', 'date']]), sheet(s, [['n', 'number']])];
      const { contract } = buildChecked({ meta: hostileMeta, sheets, createdAt, waivers: [{ code: s, reason: s, column: s, at: createdAt }] });
      if (s) expect(contract.schema![0]!.properties![0]).toMatchObject({ name: s, description: s, examples: [s], classification: 'sensitive' });
    }
  });

  it('handles 500 columns', () => {
    const kinds: ColumnType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'text'];
    const cols = Array.from({ length: 500 }, (_, i): [string, ColumnType] => [`col ${i}`, kinds[i % 6]!]);
    const columns = Object.fromEntries(cols.map(([n], i) => [n, { required: i % 2 === 0, unique: i % 3 === 0, description: `Column ${i}` }]));
    const { contract } = buildChecked({ meta: { name: 'wide', columns }, sheets: [sheet('Wide', cols)], createdAt });
    expect(contract.schema![0]!.properties).toHaveLength(500);
  });

  it('gives the same document for the same input', () => {
    expect(contractToYaml(buildContract({ meta, sheets: [priceSheet], createdAt }))).toBe(contractToYaml(buildContract({ meta, sheets: [priceSheet], createdAt })));
  });
});
