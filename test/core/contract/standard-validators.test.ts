import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../shared/core/contract/build-contract';
import { buildProductDescriptor } from '../../../shared/core/contract/build-product';
import { createStandardValidators, readablePath } from '../../../shared/core/contract/standard-validators';
import { officialSchemas, sheet } from './fixtures';

const v = createStandardValidators(officialSchemas());
const createdAt = '2026-11-21T10:15:00Z';
const good = () => buildContract({ meta: { name: 'p', columns: { a: { required: true } } }, sheets: [sheet('S', [['a', 'text'], ['b', 'integer'], ['c', 'date'], ['d', 'number']])], createdAt });

function messageOf(r: { ok: boolean; error?: { message: string } }): string {
  expect(r.ok).toBe(false);
  return r.error?.message ?? '';
}

describe('createStandardValidators', () => {
  it('accepts what Mesh Desk builds', () => {
    expect(v.validateContract(good()).ok).toBe(true);
  });

  it('names the place and the allowed values for a wrong logical type', () => {
    const doc = good();
    (doc.schema![0]!.properties![3] as { logicalType: string }).logicalType = 'decimal';
    const msg = messageOf(v.validateContract(doc));
    expect(msg).toContain('schema[0].properties[3].logicalType must be one of: "string", "date", "timestamp"');
    expect(msg).toContain('Open Data Contract Standard v3.1.0');
  });

  it('says which required field is missing', () => {
    const doc = good() as unknown as Record<string, unknown>;
    delete doc.id;
    expect(messageOf(v.validateContract(doc))).toContain('the document is missing the required field "id"');
    const product = buildProductDescriptor({ meta: {}, version: '1.0.0', contractId: 'c', endpoints: ['default'], createdAt }) as unknown as Record<string, unknown>;
    delete product.status;
    expect(messageOf(v.validateProduct(product))).toContain('missing the required field "status"');
  });

  it('rejects unknown fields, wrong types, option keys the type does not allow, and bad formats', () => {
    const doc = good() as unknown as Record<string, unknown>;
    doc.colour = 'blue';
    expect(messageOf(v.validateContract(doc))).toContain('has a field the standard does not know: "colour"');
    const typed = good();
    (typed as unknown as { version: unknown }).version = 2;
    expect(messageOf(v.validateContract(typed))).toContain('version must be a string');
    const opts = good();
    opts.schema![0]!.properties![1]!.logicalTypeOptions = { pattern: 'x' };
    expect(messageOf(v.validateContract(opts))).toContain('schema[0].properties[1].logicalTypeOptions has a field the standard does not know: "pattern"');
    const ts = good();
    ts.contractCreatedTs = '2026-02-30T10:00:00Z';
    expect(messageOf(v.validateContract(ts))).toContain('contractCreatedTs must be written as a date-time');
    const metric = good();
    (metric.schema![0]!.quality![0] as { metric: string }).metric = 'rows';
    expect(messageOf(v.validateContract(metric))).toContain('schema[0].quality[0].metric must be one of: "nullValues"');
  });

  it('checks uri formats in product descriptors', () => {
    const p = buildProductDescriptor({ meta: { support: 'https://acme.slack.com/archives/C1' }, version: '1.0.0', contractId: 'c', endpoints: ['default'], createdAt });
    expect(v.validateProduct(p).ok).toBe(true);
    p.support![0]!.url = 'not a url';
    expect(messageOf(v.validateProduct(p))).toContain('support[0].url must be written as a uri');
  });

  it('writes paths the way people read them', () => {
    expect(readablePath('')).toBe('');
    expect(readablePath('/schema/0/properties/12/name')).toBe('schema[0].properties[12].name');
    expect(readablePath('/a~1b/c d')).toBe('["a/b"]["c d"]');
  });
});
