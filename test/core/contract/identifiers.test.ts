import { describe, expect, it } from 'vitest';
import { contractIdFor, endpointNames, productIdFor, slugify } from '../../../shared/core/contract/identifiers';
import { ownerTeam, slaProperties, supportChannel } from '../../../shared/core/contract/people-and-service';

describe('identifiers', () => {
  it('slugs names to [a-z0-9-], at most 63 characters', () => {
    expect(slugify('  Café Crème / 2026 ')).toBe('cafe-creme-2026');
    expect(slugify('日本')).toBe('');
    expect(slugify('a'.repeat(100))).toHaveLength(63);
  });

  it('keeps the first sheet "default" and the rest distinct, unreserved and schema-safe', () => {
    const names = endpointNames(['Anything', 'default', 'Stats', 'x', 'X', '', 'a'.repeat(80), 'a'.repeat(90)]);
    expect(names.slice(0, 6)).toEqual(['default', 'default-sheet', 'stats-sheet', 'x', 'x-2', 'sheet-6']);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
  });

  it('derives stable ids from the product name', () => {
    expect(contractIdFor('price-list')).toBe('urn:datacontract:price-list');
    expect(productIdFor('price-list')).toBe('urn:dataproduct:price-list');
    expect(contractIdFor(undefined)).toBe('urn:datacontract:unnamed-product');
  });
});

describe('people and service levels', () => {
  it('reads the support line as e-mail, link or chat channel', () => {
    expect(supportChannel('help@acme.example')).toEqual({ channel: 'help@acme.example', tool: 'email', url: 'mailto:help@acme.example' });
    expect(supportChannel('https://teams.microsoft.com/l/channel/1')).toMatchObject({ tool: 'teams', url: 'https://teams.microsoft.com/l/channel/1' });
    expect(supportChannel('#finance-data')).toEqual({ channel: '#finance-data', tool: 'other' });
    expect(supportChannel('   ')).toBeUndefined();
  });

  it('makes the owner the team member with role owner', () => {
    expect(ownerTeam({ name: 'Bo' })).toEqual({ members: [{ username: 'Bo', name: 'Bo', role: 'owner' }] });
    expect(ownerTeam({})).toBeUndefined();
  });

  it('writes frequency and freshness as SLA properties, none for one-off data', () => {
    expect(slaProperties({ frequency: 'quarterly' }, 'default.d')).toEqual([
      expect.objectContaining({ property: 'frequency', value: 3, unit: 'month' }),
      expect.objectContaining({ property: 'latency', value: 3, unit: 'month', element: 'default.d' }),
    ]);
    expect(slaProperties({ frequency: 'one-off' }, 'default.d')).toEqual([]);
  });
});
