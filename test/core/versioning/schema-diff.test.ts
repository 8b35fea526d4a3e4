import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../shared/core/contract/build-contract';
import type { OdcsContract, OdcsLogicalType, OdcsProperty } from '../../../shared/core/contract/odcs-types';
import type { ColumnType } from '../../../shared/core/inspect/report';
import type { ColumnMeta, ProductMeta } from '../../../shared/core/metadata/types';
import { diffContracts, requiredBump, type VersionChange } from '../../../shared/core/versioning/schema-diff';
import { sheet } from '../contract/fixtures';

const createdAt = '2026-11-21T10:15:00Z';

/** A contract as Mesh Desk writes it: one sheet per endpoint, the first is "default". */
function contract(sheets: [string, [string, ColumnType][]][], columns: Record<string, ColumnMeta> = {}, extra: Partial<ProductMeta> = {}): OdcsContract {
  return buildContract({ meta: { name: 'sales', columns, ...extra }, sheets: sheets.map(([n, cols]) => sheet(n, cols)), createdAt });
}
const one = (cols: [string, ColumnType][], columns: Record<string, ColumnMeta> = {}, extra: Partial<ProductMeta> = {}) =>
  contract([['Sales', cols]], columns, extra);

/** A hand-written contract, for types and flags Mesh Desk itself never writes. */
function byHand(props: OdcsProperty[]): OdcsContract {
  return { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', version: '1.0.0', status: 'active', schema: [{ name: 'default', properties: props }] };
}
const prop = (name: string, logicalType: OdcsLogicalType, more: Partial<OdcsProperty> = {}): OdcsProperty => ({ name, logicalType, ...more });

const brief = (cs: VersionChange[]) => cs.map((c) => `${c.level}: ${c.text}`);
const base: [string, ColumnType][] = [['id', 'integer'], ['region', 'text'], ['amount', 'number'], ['day', 'date']];

describe('diffContracts: nothing but data or metadata', () => {
  it('lists nothing for the same schema', () => {
    expect(diffContracts(one(base), one(base))).toEqual([]);
    expect(requiredBump([])).toBe('patch');
  });

  it('ignores descriptions, business names, examples, quality rules, tags and product metadata', () => {
    const before = one(base, { region: { description: 'old', businessName: 'Region' } }, { title: 'Sales', tags: ['a'] });
    const after = one(base, { region: { description: 'new', businessName: 'Sales region', allowed: ['EU'], examples: ['EU'], pattern: '^[A-Z]+$' } },
      { title: 'Sales 2026', tags: ['b'], description: 'All sales', purpose: 'Plan' });
    expect(after).not.toEqual(before);
    expect(diffContracts(before, after)).toEqual([]);
  });
});

describe('diffContracts: columns', () => {
  it('a removed column is major', () => {
    const cs = diffContracts(one(base), one(base.filter(([n]) => n !== 'region')));
    expect(cs).toEqual([{ level: 'major', text: 'column "region" removed', endpoint: 'default', column: 'region' }]);
    expect(requiredBump(cs)).toBe('major');
  });

  it('an added column is minor, even when it is required', () => {
    const cs = diffContracts(one(base), one([...base, ['note', 'text']], { note: { required: true } }));
    expect(cs).toEqual([{ level: 'minor', text: 'column "note" added', endpoint: 'default', column: 'note' }]);
    expect(requiredBump(cs)).toBe('minor');
  });

  it('a rename is a removal plus an addition, so major', () => {
    const renamed = base.map(([n, t]): [string, ColumnType] => [n === 'region' ? 'area' : n, t]);
    const cs = diffContracts(one(base), one(renamed));
    expect(brief(cs)).toEqual(['major: column "region" removed', 'minor: column "area" added']);
    expect(requiredBump(cs)).toBe('major');
  });

  it('treats names literally, even ones like "__proto__"', () => {
    const cs = diffContracts(byHand([prop('constructor', 'string')]), byHand([prop('__proto__', 'string')]));
    expect(brief(cs)).toEqual(['major: column "constructor" removed', 'minor: column "__proto__" added']);
  });
});

describe('diffContracts: types', () => {
  const change = (from: OdcsLogicalType, to: OdcsLogicalType) => diffContracts(byHand([prop('c', from)]), byHand([prop('c', to)]));

  it.each<[OdcsLogicalType, OdcsLogicalType, string]>([
    ['integer', 'number', 'whole number to decimal number'],
    ['date', 'timestamp', 'date to date and time'],
    ['integer', 'string', 'whole number to text'],
    ['boolean', 'string', 'yes/no to text'],
    ['timestamp', 'string', 'date and time to text'],
  ])('widening %s → %s is minor', (from, to, words) => {
    expect(change(from, to)).toEqual([{ level: 'minor', text: `column "c" changed from ${words}`, endpoint: 'default', column: 'c' }]);
  });

  it.each<[OdcsLogicalType, OdcsLogicalType, string]>([
    ['string', 'integer', 'text to whole number'],
    ['string', 'date', 'text to date'],
    ['number', 'integer', 'decimal number to whole number'],
    ['timestamp', 'date', 'date and time to date'],
    ['boolean', 'integer', 'yes/no to whole number'],
    ['integer', 'boolean', 'whole number to yes/no'],
    ['date', 'number', 'date to decimal number'],
    ['time', 'timestamp', 'time of day to date and time'],
  ])('narrowing or unrelated %s → %s is major', (from, to, words) => {
    expect(change(from, to)).toEqual([{ level: 'major', text: `column "c" changed from ${words}`, endpoint: 'default', column: 'c' }]);
  });

  it('works on contracts built from sheets (column type overridden by the owner)', () => {
    const cs = diffContracts(one(base), one(base, { amount: { type: 'text' }, id: { type: 'number' } }));
    expect(brief(cs)).toEqual(['minor: column "id" changed from whole number to decimal number', 'minor: column "amount" changed from decimal number to text']);
  });
});

describe('diffContracts: promises', () => {
  it('made required or unique is major; relaxed is patch', () => {
    const strict = byHand([prop('a', 'string', { required: true }), prop('b', 'string', { unique: true })]);
    const loose = byHand([prop('a', 'string'), prop('b', 'string', { unique: false })]);
    expect(brief(diffContracts(loose, strict))).toEqual([
      'major: column "a" is now required (every row must have a value)',
      'major: column "b" must now be unique (no value may appear twice)',
    ]);
    expect(brief(diffContracts(strict, loose))).toEqual([
      'patch: column "a" is no longer required (rows may leave it empty)',
      'patch: column "b" no longer has to be unique (values may repeat)',
    ]);
    expect(requiredBump(diffContracts(strict, loose))).toBe('patch');
  });

  it('a new key is major (with the required and unique it brings)', () => {
    const cs = diffContracts(one(base), one(base, { id: { primaryKey: true } }));
    expect(brief(cs)).toEqual([
      'major: column "id" is now required (every row must have a value)',
      'major: column "id" must now be unique (no value may appear twice)',
      'major: key columns set to "id" (there were none)',
    ]);
  });

  it('a key that changes columns or order is major; a dropped key lists the old one', () => {
    const ab = byHand([prop('a', 'string', { primaryKey: true, primaryKeyPosition: 1 }), prop('b', 'string', { primaryKey: true, primaryKeyPosition: 2 })]);
    const ba = byHand([prop('a', 'string', { primaryKey: true, primaryKeyPosition: 2 }), prop('b', 'string', { primaryKey: true, primaryKeyPosition: 1 })]);
    const none = byHand([prop('a', 'string'), prop('b', 'string')]);
    expect(brief(diffContracts(ab, ba))).toEqual(['major: key columns changed from "a", "b" to "b", "a"']);
    expect(brief(diffContracts(ab, none))).toEqual(['major: key columns removed (were "a", "b")']);
    expect(diffContracts(ab, ab)).toEqual([]);
  });

  it('key positions missing (another tool) fall back to column order', () => {
    const noPos = byHand([prop('a', 'string', { primaryKey: true }), prop('b', 'string', { primaryKey: true })]);
    const withPos = byHand([prop('a', 'string', { primaryKey: true, primaryKeyPosition: 1 }), prop('b', 'string', { primaryKey: true, primaryKeyPosition: 2 })]);
    expect(diffContracts(noPos, withPos)).toEqual([]);
  });
});

describe('diffContracts: order and endpoints', () => {
  it('a new column order alone is a listed patch', () => {
    const reordered: [string, ColumnType][] = [base[1]!, base[0]!, base[2]!, base[3]!];
    const cs = diffContracts(one(base), one(reordered));
    expect(brief(cs)).toEqual(['patch: columns are in a different order, now "region", "id", "amount", "day"']);
    expect(requiredBump(cs)).toBe('patch');
  });

  it('an added or removed column alone is not an order change', () => {
    const cs = diffContracts(one(base), one([['new', 'text'], ...base.slice(1)]));
    expect(brief(cs)).toEqual(['major: column "id" removed', 'minor: column "new" added']);
  });

  it('endpoints: removed is major, added is minor, and lines name the table when there are several', () => {
    const before = contract([['Sales', base], ['Regions', [['code', 'text'], ['name', 'text']]]]);
    const after = contract([['Sales', base.slice(0, 3)], ['Targets', [['code', 'text']]]]);
    const cs = diffContracts(before, after);
    expect(brief(cs)).toEqual([
      'major: table "regions" (sheet "Regions") removed',
      'major: column "day" removed in table "default" (sheet "Sales")',
      'minor: table "targets" (sheet "Targets") added',
    ]);
    expect(cs.map((c) => c.endpoint)).toEqual(['regions', 'default', 'targets']);
    expect(requiredBump(cs)).toBe('major');
  });

  it('sorts major, then minor, then patch, keeping reading order within a level', () => {
    const before = byHand([prop('a', 'string', { required: true }), prop('b', 'integer'), prop('c', 'string'), prop('d', 'string')]);
    const after = byHand([prop('a', 'string'), prop('b', 'number'), prop('d', 'string', { required: true }), prop('e', 'date'), prop('c', 'integer')]);
    const cs = diffContracts(before, after);
    expect(brief(cs)).toEqual([
      'major: column "d" is now required (every row must have a value)',
      'major: column "c" changed from text to whole number',
      'minor: column "b" changed from whole number to decimal number',
      'minor: column "e" added',
      'patch: column "a" is no longer required (rows may leave it empty)',
      'patch: columns are in a different order, now "a", "b", "d", "e", "c"',
    ]);
  });

  it('copes with contracts without schema or properties', () => {
    const empty: OdcsContract = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', version: '1.0.0', status: 'active' };
    const bare: OdcsContract = { ...empty, schema: [{ name: 'default' }] };
    expect(diffContracts(empty, empty)).toEqual([]);
    expect(diffContracts(bare, bare)).toEqual([]);
    expect(brief(diffContracts(empty, bare))).toEqual(['minor: table "default" added']);
    expect(brief(diffContracts(bare, byHand([prop('a', 'string')])))).toEqual(['minor: column "a" added']);
  });
});
