// The Describe draft's pure rules: seeding never overwrites the owner, slugs are explained,
// waivers need a real reason, and what is sent to the check is clean and typed.
import { describe, expect, it } from 'vitest';
import * as D from '../../../renderer/src/state/describe-state';

const at = '2026-11-21T10:00:00.000Z';

describe('seeding the draft', () => {
  it('fills only blanks, once per file and sheet', () => {
    let d = D.setProductField(D.initialDraft, 'title', 'My own title');
    d = D.setColumnMeta(d, 'Price', { description: 'EUR without VAT' });
    const suggested = { name: 'price-list', title: 'Price List', columns: { Price: { type: 'number' as const, description: 'x', examples: ['1.5'] }, Region: { examples: ['North'] } } };
    const seeded = D.seedDraft(d, D.seedKey('price list.csv', 'Sheet1'), suggested);
    expect(seeded.meta.title).toBe('My own title');
    expect(seeded.meta.name).toBe('price-list');
    expect(seeded.meta.columns?.Price).toEqual({ description: 'EUR without VAT', type: 'number', examples: ['1.5'] });
    expect(seeded.meta.columns?.Region).toEqual({ examples: ['North'] });
    // The owner clears the name; coming back to Describe must not put the suggestion back.
    const cleared = D.setProductField(seeded, 'name', '');
    expect(D.seedDraft(cleared, D.seedKey('price list.csv', 'Sheet1'), suggested)).toBe(cleared);
    // Another sheet seeds its own columns but keeps the name the owner typed.
    const other = D.seedDraft(D.setProductField(seeded, 'name', 'mine'), D.seedKey('price list.csv', 'Sheet2'), { name: 'x', columns: { Cost: {} } });
    expect(other.meta.name).toBe('mine');
    expect(Object.keys(other.meta.columns ?? {})).toEqual(['Price', 'Region', 'Cost']);
  });

  it('keeps a column called "__proto__" as data, not as a prototype', () => {
    const d = D.setColumnMeta(D.initialDraft, '__proto__', { required: true });
    expect(Object.hasOwn(d.meta.columns!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(d.meta.columns)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(d)).meta.columns.__proto__).toEqual({ required: true });
  });
});

describe('editing', () => {
  it('adds tags split by commas, without duplicates, and removes them', () => {
    let d = D.addTags(D.initialDraft, ' prices, Sales ,');
    d = D.addTags(d, 'sales, EUR');
    expect(d.meta.tags).toEqual(['prices', 'Sales', 'EUR']);
    expect(D.removeTag(d, 'Sales').meta.tags).toEqual(['prices', 'EUR']);
  });

  it('keeps the vendor name when switching the source back and forth', () => {
    let d = D.setSource(D.initialDraft, 'external', 'Nielsen');
    d = D.setSource(d, 'manual');
    expect(d.meta.source).toEqual({ kind: 'manual' });
    expect(D.setSource(D.setSource(D.initialDraft, 'external', 'Acme'), 'external').meta.source).toEqual({ kind: 'external', vendor: 'Acme' });
  });

  it('removes a column field when set to undefined', () => {
    const d = D.setColumnMeta(D.setColumnMeta(D.initialDraft, 'A', { min: '1', max: '9' }), 'A', { min: undefined });
    expect(d.meta.columns?.A).toEqual({ max: '9' });
  });

  it('records answers to personal-data suggestions; Yes marks the column', () => {
    const s = { column: 'Mail', kind: 'email', suggested: 'personal' as const };
    const yes = D.decideSuggestion(D.initialDraft, s, 'confirmed');
    expect(yes.meta.columns?.Mail?.personal).toBe('personal');
    expect(yes.decisions[D.suggestionKey('Mail', 'email')]).toBe('confirmed');
    const no = D.decideSuggestion(D.initialDraft, s, 'dismissed');
    expect(no.meta.columns).toBeUndefined();
    expect(no.decisions[D.suggestionKey('Mail', 'email')]).toBe('dismissed');
  });
});

describe('product name rule', () => {
  it.each([
    ['price-list-2025', null],
    ['a1', null],
    ['', /Give the product a name/],
    ['a', /at least 2/],
    ['Price-List', /lower-case/],
    ['price list', /dashes instead of spaces/],
    ['-price', /Start the name/],
    ['preis_liste', /only lower-case letters/],
    ['x'.repeat(64), /64 characters long/],
  ])('%j', (name, expected) => {
    const p = D.slugProblem(name);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });
});

describe('waivers', () => {
  const target = { code: 'check.spaces', sheet: 'Sales', column: 'C' };

  it('needs a written reason of at least 10 characters', () => {
    expect(D.waiverReasonProblem('   ')).toMatch(/Write why/);
    expect(D.waiverReasonProblem('too short')).toMatch(/at least 10 characters \(now 9\)/);
    expect(D.waiverReasonProblem('long enough')).toBeNull();
    expect(D.addWaiver(D.initialDraft, target, 'short', at)).toBe(D.initialDraft);
  });

  it('records who and when, replaces an earlier waiver for the same finding, and undoes', () => {
    const owner = D.setOwner(D.initialDraft, { name: 'Anna Weber' });
    const once = D.addWaiver(owner, target, '  The vendor pads codes.  ', at);
    expect(once.waivers).toEqual([{ code: 'check.spaces', sheet: 'Sales', column: 'C', reason: 'The vendor pads codes.', by: 'Anna Weber', at }]);
    const twice = D.addWaiver(once, target, 'Another good reason', at);
    expect(twice.waivers.map((w) => w.reason)).toEqual(['Another good reason']);
    const other = D.addWaiver(twice, { code: 'check.spaces', sheet: 'Sales', column: 'D' }, 'Column D is fine too', at);
    expect(other.waivers).toHaveLength(2);
    expect(D.removeWaiver(other, target).waivers.map((w) => w.column)).toEqual(['D']);
  });

  it('matches a finding by code, sheet and column', () => {
    expect(D.waiverMatches({ code: 'a' }, { code: 'a', sheet: undefined })).toBe(true);
    expect(D.waiverMatches({ code: 'a', column: 'B' }, { code: 'a' })).toBe(false);
    expect(D.waiverMatches({ code: 'a', sheet: 'S' }, { code: 'a', sheet: 'T' })).toBe(false);
  });
});

describe('metadata sent with the check', () => {
  it('drops blanks, follows the sheet and types, and sends number limits as numbers', () => {
    let d = D.setProductField(D.initialDraft, 'title', 'Prices');
    d = D.setProductField(d, 'domain', '   ');
    d = D.setOwner(d, { name: ' Anna ', email: '' });
    d = D.addTags(d, 'x');
    d = D.removeTag(d, 'x');
    d = D.setColumnMeta(d, 'Price', { min: '0', max: '12.5', description: '', type: 'text' });
    d = D.setColumnMeta(d, 'Gone', { description: 'from another sheet' });
    const meta = D.metaForRequest(d.meta, { name: 'Sheet1', headerRow: 3, columns: [{ name: 'Price', type: 'number' }, { name: 'Code', type: 'text' }] });
    expect(meta).toEqual({
      title: 'Prices',
      owner: { name: 'Anna' },
      sheet: 'Sheet1',
      headerRow: 3,
      columns: { Price: { min: 0, max: 12.5, type: 'number' }, Code: { type: 'text' } },
    });
  });
});
