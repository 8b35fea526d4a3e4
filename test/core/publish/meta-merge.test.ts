// Runs anywhere (test). The owner's edited words on top of a published version's promises:
// words change, what the data is never does (refused in words, naming the column).

import { describe, expect, it } from 'vitest';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { mergeMetaEdit } from '../../../shared/core/publish/meta-merge';

const base: ProductMeta = {
  name: 'sales',
  title: 'Sales',
  description: 'Old words',
  domain: 'finance',
  owner: { name: 'Anna', email: 'anna@example.com' },
  columns: {
    id: { type: 'integer', required: true, unique: true, primaryKey: true, description: 'Sale number' },
    region: { type: 'text', allowed: ['North', 'South'], description: 'Region', examples: ['North'] },
    amount: { type: 'number', min: 0, max: 100, businessName: 'Amount' },
    email: { type: 'text', examples: ['a@example.com'] },
  },
};
const columns = ['id', 'region', 'amount', 'email'];

describe('mergeMetaEdit', () => {
  it('takes the owner words and keeps every promise about the data', () => {
    const edited: ProductMeta = {
      name: 'sales',
      title: 'Sales by day',
      description: undefined,
      domain: 'sales',
      tags: ['weekly'],
      columns: {
        id: { description: 'The sale', type: 'integer', required: true, unique: false, primaryKey: true },
        region: { description: 'Where', businessName: 'Sales region' },
      },
    };
    // "unique: false" differs from the base's "unique: true": refused (checked below); here without it.
    delete edited.columns!.id!.unique;
    const r = mergeMetaEdit('sales', base, edited, columns);
    if (!r.ok) throw new Error(r.error.message);
    const m = r.value.meta;
    expect(m).toMatchObject({ name: 'sales', title: 'Sales by day', domain: 'sales', tags: ['weekly'] });
    // A field the owner emptied is gone; the owner is not carried from the base when not sent.
    expect(m.description).toBeUndefined();
    expect(m.owner).toBeUndefined();
    expect(m.columns!.id).toEqual({ type: 'integer', required: true, unique: true, primaryKey: true, description: 'The sale' });
    expect(m.columns!.region).toEqual({ type: 'text', allowed: ['North', 'South'], description: 'Where', businessName: 'Sales region', examples: ['North'] });
    // A column the owner did not send keeps its published words and promises.
    expect(m.columns!.amount).toEqual({ type: 'number', min: 0, max: 100, businessName: 'Amount' });
    expect(r.value.newlyPersonal).toEqual([]);
  });

  it('refuses structural changes in words that name the column and what changed', () => {
    const edited: ProductMeta = {
      name: 'sales',
      columns: {
        id: { unique: false },
        region: { type: 'integer', allowed: ['North'] },
        amount: { max: 200 },
        extra: { description: 'new' },
      },
    };
    const r = mergeMetaEdit('sales', base, edited, columns);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('publish.meta-structural');
    expect(r.error.message).toContain('column "id": "Unique" true → false');
    expect(r.error.message).toContain('column "region": type text → integer');
    expect(r.error.message).toContain('column "region": allowed values North, South → North');
    expect(r.error.message).toContain('column "amount": largest allowed value 100 → 200');
    expect(r.error.message).toContain('column "extra" is not in the published data');
    expect(r.error.message).toMatch(/Undo these changes/);
  });

  it('treats a missing flag and false as the same promise, and equal bounds written differently as equal', () => {
    const edited: ProductMeta = { columns: { region: { required: false, unique: false }, amount: { min: '0', max: 100 } } };
    const r = mergeMetaEdit('sales', base, edited, columns);
    expect(r.ok).toBe(true);
  });

  it('refuses another product name and an unknown freshness column', () => {
    const renamed = mergeMetaEdit('sales', base, { name: 'other' }, columns);
    expect(renamed.ok).toBe(false);
    if (!renamed.ok) expect(renamed.error.message).toMatch(/cannot rename it to "other"/);
    const fresh = mergeMetaEdit('sales', base, { freshnessColumn: 'when' }, columns);
    expect(fresh.ok).toBe(false);
    if (!fresh.ok) expect(fresh.error.message).toMatch(/freshness column "when" is not a column/);
  });

  it('drops the examples of a column newly marked personal and lists it', () => {
    const r = mergeMetaEdit('sales', base, { columns: { email: { personal: 'personal', description: 'Buyer e-mail' } } }, columns);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.newlyPersonal).toEqual(['email']);
    expect(r.value.meta.columns!.email).toEqual({ type: 'text', personal: 'personal', description: 'Buyer e-mail' });
  });

  it('handles a column called __proto__ as a column', () => {
    const b: ProductMeta = { columns: JSON.parse('{"__proto__": {"type": "text", "description": "odd"}}') as ProductMeta['columns'] };
    const r = mergeMetaEdit('sales', b, { columns: JSON.parse('{"__proto__": {"description": "still odd"}}') as ProductMeta['columns'] }, ['__proto__']);
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.hasOwn(r.value.meta.columns!, '__proto__')).toBe(true);
    expect(r.value.meta.columns!['__proto__']).toEqual({ type: 'text', description: 'still odd' });
  });
});
