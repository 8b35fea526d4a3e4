// Tests of the pure merge of two product descriptions (conflict fields, keep mine by field, rebase).
import { describe, expect, it } from 'vitest';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { chooseFields, conflictFields, rebaseMeta } from '../../../shared/core/outbox/merge-meta';

const base: ProductMeta = {
  name: 'sales',
  title: 'Sales',
  description: 'Monthly sales.',
  owner: { name: 'Ana', email: 'ana@acme.example' },
  tags: ['finance'],
  columns: { region: { description: 'Region', type: 'text' }, amount: { description: 'Amount', type: 'number' } },
};

describe('conflictFields', () => {
  it('lists every differing field with words for both sides and the base', () => {
    const mine: ProductMeta = { ...base, title: 'Sales (mine)', columns: { ...base.columns, region: { description: 'Sales region', type: 'text' } } };
    const theirs: ProductMeta = { ...base, owner: { name: 'Ben', email: 'ana@acme.example' }, tags: ['finance', 'eu'] };
    const fields = conflictFields(base, mine, theirs);
    expect(fields.map((f) => f.path)).toEqual(['title', 'tags', 'owner.name', 'columns.region.description']);
    expect(fields[0]).toEqual({ path: 'title', label: 'Title', theirs: 'Sales', mine: 'Sales (mine)', base: 'Sales' });
    expect(fields[1]).toMatchObject({ label: 'Tags', theirs: 'finance, eu', mine: 'finance' });
    expect(fields[3]).toMatchObject({ label: 'Description of column "region"', theirs: 'Region', mine: 'Sales region', base: 'Region' });
  });

  it('finds nothing when both say the same (empty and absent count alike)', () => {
    expect(conflictFields(undefined, { ...base, tags: [] }, { ...base, tags: undefined, columns: { ...base.columns, amount: { ...base.columns!.amount, required: false } } })).toEqual([]);
  });

  it('names a column only one side describes', () => {
    const theirs: ProductMeta = { ...base, columns: { ...base.columns, note: { description: 'A note' } } };
    expect(conflictFields(base, base, theirs)).toEqual([{ path: 'columns.note.description', label: 'Description of column "note"', theirs: 'A note' }]);
  });
});

describe('chooseFields', () => {
  it('keeps mine unless a field is chosen as theirs, and never changes its inputs', () => {
    const mine: ProductMeta = { ...base, title: 'Mine', description: 'My words.' };
    const theirs: ProductMeta = { ...base, title: 'Theirs', description: 'Their words.', owner: { name: 'Ben', email: 'ben@acme.example' } };
    const out = chooseFields(mine, theirs, { description: 'theirs', 'owner.email': 'theirs' });
    expect(out.title).toBe('Mine');
    expect(out.description).toBe('Their words.');
    expect(out.owner).toEqual({ name: 'Ana', email: 'ben@acme.example' });
    expect(mine.description).toBe('My words.');
    expect(chooseFields(mine, theirs)).toEqual(mine);
  });

  it('takes a column field from theirs, and removes a field theirs left empty', () => {
    const mine: ProductMeta = { ...base, license: 'CC-BY' };
    const theirs: ProductMeta = { ...base, columns: { region: { description: 'Their region', type: 'text' }, amount: base.columns!.amount! } };
    const out = chooseFields(mine, theirs, { 'columns.region.description': 'theirs', license: 'theirs' });
    expect(out.columns!.region).toEqual({ description: 'Their region', type: 'text' });
    expect(out.columns!.amount).toEqual(base.columns!.amount);
    expect('license' in out).toBe(false);
  });
});

describe('rebaseMeta', () => {
  it('keeps what the owner changed since the base and takes theirs for the rest', () => {
    const mine: ProductMeta = { ...base, title: 'My title', columns: { ...base.columns, amount: { description: 'Amount in EUR', type: 'number' } } };
    const theirs: ProductMeta = { ...base, title: 'Their title', description: 'Their description.', tags: ['finance', 'eu'], columns: { ...base.columns, region: { description: 'Their region', type: 'text' } } };
    const out = rebaseMeta(base, mine, theirs);
    expect(out.title).toBe('My title');
    expect(out.description).toBe('Their description.');
    expect(out.tags).toEqual(['finance', 'eu']);
    expect(out.columns!.amount!.description).toBe('Amount in EUR');
    expect(out.columns!.region!.description).toBe('Their region');
    expect(out.name).toBe('sales');
  });

  it('without a base, keeps every field the owner set', () => {
    const mine: ProductMeta = { name: 'sales', title: 'Mine', columns: { region: { type: 'text' } } };
    const theirs: ProductMeta = { ...base, title: 'Theirs' };
    const out = rebaseMeta(undefined, mine, theirs);
    expect(out.title).toBe('Mine');
    expect(out.description).toBe('Monthly sales.');
    expect(out.columns!.region).toEqual({ description: 'Region', type: 'text' });
  });

  it('a field the owner cleared since the base stays cleared', () => {
    const mine: ProductMeta = { ...base, tags: undefined };
    const out = rebaseMeta(base, mine, { ...base, title: 'New' });
    expect(out.tags).toBeUndefined();
    expect(out.title).toBe('New');
  });

  it('a column called "__proto__" stays a plain column', () => {
    const mine: ProductMeta = { name: 'sales', columns: JSON.parse('{"__proto__": {"description": "odd"}}') };
    const out = rebaseMeta(undefined, mine, { name: 'sales' });
    expect(Object.keys(out.columns!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).description).toBeUndefined();
  });
});
