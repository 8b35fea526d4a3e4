// What a draft saves, checked against the contract's own validator (the host refuses anything
// else), and the words Home uses for drafts.
import { describe, expect, it } from 'vitest';
import { isDraftSaveRequest } from '../../../shared/core/api/validate-drafts';
import type { DraftSummary } from '../../../shared/core/api/draft-types';
import { decodeSeedKey, draftContentOf, encodeSeedKey } from '../../../renderer/src/state/draft-content';
import { addWaiver, seedDraft, seedKey, setColumnMeta, setProductField, decideSuggestion } from '../../../renderer/src/state/describe-state';
import { initialImportState, type ImportState } from '../../../renderer/src/state/import-state';
import { draftBadge, draftFileLine, relativeTime, saveStatusText } from '../../../renderer/src/state/draft-view';

function typedState(): ImportState {
  let draft = seedDraft(initialImportState.draft, seedKey('sales 100%.csv', 'sales'), { name: 'sales', columns: { id: { type: 'integer', examples: ['1'] } } });
  draft = setProductField(draft, 'title', 'Sales');
  draft = setColumnMeta(draft, '__proto__', { description: 'A column really called __proto__' });
  draft = decideSuggestion(draft, { column: 'email', kind: 'email', suggested: 'personal' }, 'confirmed');
  draft = addWaiver(draft, { code: 'check.spaces', sheet: 'sales', column: 'B' }, 'Spaces are part of the codes.', '2026-11-21T10:00:00Z');
  return {
    ...initialImportState,
    screen: 'describe',
    source: { id: 'abc123', name: 'sales 100%.csv', size: 10 },
    choices: { sheet: 'sales', bySheet: { sales: { headerRow: 3, typeOverrides: { 2: 'text' } }, other: { typeOverrides: {} } } },
    publish: { ...initialImportState.publish, extraSheets: ['other'] },
    draft,
  };
}

describe('draft content', () => {
  it('is accepted by the contract’s validator, with the seed keys escaped', () => {
    const content = draftContentOf(typedState());
    expect(isDraftSaveRequest({ content })).toBe(true);
    expect(isDraftSaveRequest({ id: 'd-1', content })).toBe(true);
    expect(content).toMatchObject({ sourceId: 'abc123', sheet: 'sales', extraSheets: ['other'], step: 'describe' });
    expect(content.seeded).toEqual(['sales 100%25.csv%00sales']);
    expect(content.bySheet).toEqual({ sales: { headerRow: 3, typeOverrides: { 2: 'text' } }, other: { typeOverrides: {} } });
    expect(Object.hasOwn(content.meta.columns!, '__proto__')).toBe(true);
    expect(content.decisions).toEqual({ 'email\u0000email': 'confirmed' });
  });

  it('decodes seed keys exactly, percent signs included', () => {
    for (const key of ['a.csv\u0000Sheet1', '100%.csv\u0000%00', '%25\u0000%']) expect(decodeSeedKey(encodeSeedKey(key))).toBe(key);
    expect(encodeSeedKey('a\u0000b')).not.toContain('\u0000');
  });

  it('keeps the saved file and step while a reopened draft waits on Home for its file', () => {
    const s: ImportState = {
      ...typedState(),
      screen: 'home',
      source: null,
      draftId: 'd1',
      draftSource: { check: { status: 'missing', message: 'gone' }, source: null, sourceId: 'old-id', step: 'check', title: 'Sales' },
    };
    expect(draftContentOf(s)).toMatchObject({ sourceId: 'old-id', step: 'check' });
  });
});

describe('draft words', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('says how long ago, in words', () => {
    expect(relativeTime('2026-11-21T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-11-21T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-21T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-20T10:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-18T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2026-10-01T12:00:00Z', now)).toBe('2026-10-01');
  });

  it('names every state, with the reason for failed and conflict', () => {
    const base: DraftSummary = { id: 'd', title: 'T', createdAt: '', updatedAt: '', state: 'draft', metadataOnly: false };
    expect(draftBadge(base).label).toBe('Draft');
    expect(draftBadge({ ...base, state: 'queued' }).label).toBe('Queued');
    expect(draftBadge({ ...base, state: 'sending' }).label).toBe('Sending');
    expect(draftBadge({ ...base, state: 'published', published: { version: '1.2.0', at: '', meshName: 'Team mesh', address: 'x' } }).label).toBe('Published v1.2.0');
    expect(draftBadge({ ...base, state: 'conflict', stateReason: 'Ana published 1.3.0 first.' })).toMatchObject({ label: 'Conflict', tone: 'bad', text: 'Ana published 1.3.0 first.' });
    expect(draftBadge({ ...base, state: 'failed', stateReason: 'The mesh refused the key.' }).text).toBe('The mesh refused the key.');
    expect(draftFileLine({ ...base, source: { name: 'a.csv', size: 2048 } })).toMatch(/^a\.csv · 2(\.0)? KB$/);
    expect(draftFileLine({ ...base, metadataOnly: true, base: { product: 'prices', version: '1.0.0' } })).toContain('“prices” v1.0.0');
    expect(saveStatusText({ status: 'retrying' })).toBe('Not saved — retrying');
  });
});
