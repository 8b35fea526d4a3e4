import { describe, expect, it } from 'vitest';
import { mergeMeta, suggestMeta } from '../../../shared/core/metadata/suggest';
import { parseMetaYaml } from '../../../shared/core/metadata/meta-yaml';
import type { ColumnProfile, ColumnType, SheetReport } from '../../../shared/core/inspect/report';
import type { ProductMeta } from '../../../shared/core/metadata/types';

function column(index: number, name: string, type: ColumnType, examples: string[]): ColumnProfile {
  return {
    index, letter: String.fromCharCode(65 + index), name, header: name, type, inferredType: type,
    filled: 10, empty: 0, distinct: 10, distinctExact: true, min: null, max: null, top: [], nonConforming: 0, examples,
  };
}

const sheet: SheetReport = {
  name: 'Prices',
  headerRow: 2,
  headerDetected: true,
  rows: 10,
  columns: [
    column(0, 'Article', 'text', ['A-1', 'A-2', 'A-3', 'A-4']),
    column(1, 'Price', 'number', ['1.5', '', '2']),
    column(2, '__proto__', 'integer', []),
  ],
  preview: { rowNumbers: [], cells: [], truncated: false },
};

describe('suggestMeta', () => {
  it('suggests name, title, sheet and per-column type and up to 3 examples', () => {
    const m = suggestMeta('Preisliste März 2025.xlsx', sheet);
    expect(m.name).toBe('preisliste-maerz-2025');
    expect(m.title).toBe('Preisliste März 2025');
    expect(m.sheet).toBe('Prices');
    expect(m.headerRow).toBe(2);
    expect(m.columns?.Article).toEqual({ type: 'text', examples: ['A-1', 'A-2', 'A-3'] });
    expect(m.columns?.Price).toEqual({ type: 'number', examples: ['1.5', '2'] });
    expect(Object.getOwnPropertyDescriptor(m.columns, '__proto__')?.value).toEqual({ type: 'integer' });
    expect(m.columns?.Article?.required).toBeUndefined();
  });
});

describe('mergeMeta', () => {
  it('lets the owner win field by field, deep for columns and owner contact', () => {
    const suggested = suggestMeta('prices.csv', sheet);
    const owner: ProductMeta = {
      title: 'Our Prices',
      owner: { name: 'Anna' },
      tags: ['a'],
      columns: { Price: { description: 'Net price', type: 'integer' }, Removed: { description: 'gone' } },
    };
    const m = mergeMeta({ ...suggested, owner: { name: 'X', email: 'x@example.com' }, tags: ['s1', 's2'] }, owner);
    expect(m.name).toBe('prices');
    expect(m.title).toBe('Our Prices');
    expect(m.owner).toEqual({ name: 'Anna', email: 'x@example.com' });
    expect(m.tags).toEqual(['a']);
    expect(m.columns?.Price).toEqual({ type: 'integer', examples: ['1.5', '2'], description: 'Net price' });
    expect(m.columns?.Article).toEqual({ type: 'text', examples: ['A-1', 'A-2', 'A-3'] });
    expect(m.columns?.Removed).toEqual({ description: 'gone' });
  });

  it('ignores fields the owner left undefined and keeps __proto__ a column', () => {
    const parsed = parseMetaYaml('columns:\n  __proto__:\n    description: Weird but real\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const m = mergeMeta(suggestMeta('prices.csv', sheet), { ...parsed.value, title: undefined });
    expect(m.title).toBe('Prices');
    expect(Object.getOwnPropertyDescriptor(m.columns, '__proto__')?.value).toEqual({ type: 'integer', description: 'Weird but real' });
    expect(Object.keys(m.columns ?? {})).toEqual(['Article', 'Price', '__proto__']);
  });
});
