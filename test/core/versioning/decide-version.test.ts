import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../shared/core/contract/build-contract';
import type { OdcsContract } from '../../../shared/core/contract/odcs-types';
import type { ColumnType } from '../../../shared/core/inspect/report';
import type { ColumnMeta } from '../../../shared/core/metadata/types';
import type { Bump } from '../../../shared/core/publish/version-history';
import { decideVersion, type VersionDecision } from '../../../shared/core/versioning/decide-version';
import type { Result } from '../../../shared/core/result';
import { sheet } from '../contract/fixtures';

const base: [string, ColumnType][] = [['id', 'integer'], ['region', 'text'], ['amount', 'number']];
function contract(cols: [string, ColumnType][], columns: Record<string, ColumnMeta> = {}, description?: string): OdcsContract {
  return buildContract({ meta: { name: 'sales', columns, description }, sheets: [sheet('Sales', cols)], createdAt: '2026-11-21T10:15:00Z' });
}
const current = { version: '1.4.2', contract: contract(base) };

function value(r: Result<VersionDecision>): VersionDecision {
  if (!r.ok) throw new Error(`expected a decision, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function error(r: Result<VersionDecision>) {
  if (r.ok) throw new Error(`expected an error, got version ${r.value.version}`);
  return r.error;
}

describe('decideVersion', () => {
  it('the first publish is 1.0.0 whatever the owner picked', () => {
    for (const ownerBump of [undefined, 'patch', 'major'] as const) {
      const d = value(decideVersion({ previous: null, next: contract(base), ownerBump }));
      expect(d).toEqual({ version: '1.0.0', bump: 'initial', required: 'initial', changes: [], reason: 'first version → 1.0.0' });
    }
  });

  it('only data or descriptions changed → patch', () => {
    const d = value(decideVersion({ previous: current, next: contract(base, { region: { description: 'Where we sold' } }, 'Sales') }));
    expect(d).toEqual({ version: '1.4.3', bump: 'patch', required: 'patch', changes: [], reason: 'only the data or descriptions changed → patch' });
  });

  it('a relaxed promise → patch, and it is listed', () => {
    const prev = { version: '1.4.2', contract: contract(base, { region: { required: true } }) };
    const d = value(decideVersion({ previous: prev, next: contract(base) }));
    expect(d.version).toBe('1.4.3');
    expect(d.reason).toBe('column "region" is no longer required (rows may leave it empty) → patch');
    expect(d.changes).toHaveLength(1);
  });

  it('a column added → minor', () => {
    const d = value(decideVersion({ previous: current, next: contract([...base, ['note', 'text']]) }));
    expect(d).toMatchObject({ version: '1.5.0', bump: 'minor', required: 'minor', reason: 'column "note" added → minor' });
  });

  it('a column removed → major, the reason counting the other changes', () => {
    const d = value(decideVersion({ previous: current, next: contract([['id', 'integer'], ['amount', 'text'], ['note', 'text']]) }));
    expect(d).toMatchObject({ version: '2.0.0', bump: 'major', required: 'major', reason: 'column "region" removed, and 2 more changes → major' });
    expect(d.changes.map((c) => c.level)).toEqual(['major', 'minor', 'minor']);
  });

  it('the owner may choose a higher bump', () => {
    const d = value(decideVersion({ previous: current, next: contract([...base, ['note', 'text']]), ownerBump: 'major' }));
    expect(d).toMatchObject({ version: '2.0.0', bump: 'major', required: 'minor', reason: 'column "note" added → minor; you chose major' });
    const same = value(decideVersion({ previous: current, next: contract(base), ownerBump: 'minor' }));
    expect(same).toMatchObject({ version: '1.5.0', bump: 'minor', required: 'patch' });
    const exact = value(decideVersion({ previous: current, next: contract(base), ownerBump: 'patch' }));
    expect(exact.reason).toBe('only the data or descriptions changed → patch');
  });

  it.each<[Bump, string]>([['minor', 'minor'], ['patch', 'patch']])('refuses a %s bump when a column was removed, naming the change', (ownerBump, word) => {
    const e = error(decideVersion({ previous: current, next: contract(base.filter(([n]) => n !== 'region')), ownerBump }));
    expect(e.code).toBe('version.bump-too-low');
    expect(e.message).toContain(`A ${word} update is not enough`);
    expect(e.message).toContain('column "region" removed');
    expect(e.message).toContain('Choose "major" (version 2.0.0) instead.');
  });

  it('refuses a patch when a column was added, asking for minor', () => {
    const e = error(decideVersion({ previous: current, next: contract([...base, ['note', 'text']]), ownerBump: 'patch' }));
    expect(e.code).toBe('version.bump-too-low');
    expect(e.message).toContain('column "note" added');
    expect(e.message).toContain('Choose "minor" (version 1.5.0) instead.');
  });

  it('names the change that forces the bump, not a lesser one listed first in the file', () => {
    const next = contract([['id', 'integer'], ['note', 'text'], ['amount', 'integer'], ['region', 'text']]);
    const e = error(decideVersion({ previous: current, next, ownerBump: 'minor' }));
    expect(e.message).toContain('column "amount" changed from decimal number to whole number, and 2 more changes');
  });

  it('never reuses a published version', () => {
    const e = error(decideVersion({ previous: current, next: contract([...base, ['note', 'text']]), taken: ['1.4.2', 'v1.5.0'] }));
    expect(e.code).toBe('version.taken');
    expect(e.message).toContain('Version 1.5.0 has already been published');
    const first = error(decideVersion({ previous: null, next: contract(base), taken: ['1.0.0'] }));
    expect(first.code).toBe('version.taken');
    // A higher bump avoids the clash; unreadable history entries do not get in the way.
    expect(value(decideVersion({ previous: current, next: contract(base), ownerBump: 'major', taken: ['1.4.2', '1.5.0', 'junk', '1.4.3'] })).version).toBe('2.0.0');
  });

  it('reports an unreadable current version instead of guessing', () => {
    const e = error(decideVersion({ previous: { version: '1.4', contract: current.contract }, next: contract(base) }));
    expect(e.code).toBe('version.unreadable');
    expect(e.message).toContain('"1.4"');
  });

  it('refuses an unknown bump that slipped past the API', () => {
    const e = error(decideVersion({ previous: current, next: contract(base), ownerBump: 'huge' as Bump }));
    expect(e.code).toBe('version.bad-choice');
  });
});
