// Home's draft actions against an in-memory host: list, reopen onto the saved step with every
// choice back, a missing or changed file (locate / read again, metadata kept), metadata-only
// drafts, duplicate, delete and undo.
import { describe, expect, it } from 'vitest';
import type { DraftContent } from '../../../shared/core/api/draft-types';
import { createImportStore } from '../../../renderer/src/state/import-store';
import { draftContentOf } from '../../../renderer/src/state/draft-content';
import { fakeDraftHost } from './draft-fake-api';

function setup() {
  const host = fakeDraftHost();
  let n = 0;
  const store = createImportStore(host.api, { newJobId: () => `job${++n}` });
  return { host, store, s: () => store.getState(), actions: store.getState().actions };
}

const saved: DraftContent = {
  sourceId: 'src-old',
  sheet: 'sales',
  bySheet: { sales: { headerRow: 2, typeOverrides: { 1: 'text' } } },
  extraSheets: [],
  meta: { title: 'Autumn orders', description: 'One row per order.', columns: { region: { description: 'Sales region' } } },
  waivers: [{ code: 'check.type-mismatch', sheet: 'sales', column: 'amount', reason: 'Cancelled orders have no amount.', at: '2026-11-20T10:00:00Z' }],
  decisions: { 'email\u0000personal': 'confirmed' },
  seeded: ['sales.csv%00sales'], // "file\u0000sheet", saved escaped (the contract refuses NUL)
  step: 'check',
};

async function withDraft(t: ReturnType<typeof setup>, content: DraftContent = saved): Promise<string> {
  const res = await t.host.api.call('draft.save', { content });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.id;
}

describe('draft actions', () => {
  it('lists drafts newest first, and tells when the list cannot be read', async () => {
    const t = setup();
    await withDraft(t);
    await withDraft(t, { ...saved, meta: { title: 'Price list' } });
    await t.actions.loadDrafts();
    expect(t.s().drafts.items?.map((d) => d.title)).toEqual(['Price list', 'Autumn orders']);
    t.host.api.call = async () => ({ ok: false, error: { code: 'draft.storage', message: 'The disk is gone.' } });
    await t.actions.loadDrafts();
    expect(t.s().drafts.error?.message).toBe('The disk is gone.');
    expect(t.s().drafts.items).toHaveLength(2); // what was shown stays
  });

  it('reopens a draft with every choice back and lands on the step it was left on', async () => {
    const t = setup();
    const id = await withDraft(t);
    await t.actions.openDraft(id);
    const s = t.s();
    expect(s).toMatchObject({ draftId: id, screen: 'check', busy: 'idle', draftSource: null });
    expect(s.choices).toEqual({ sheet: 'sales', bySheet: { sales: { headerRow: 2, typeOverrides: { 1: 'text' } } } });
    expect(s.draft.meta).toEqual(saved.meta);
    expect(s.draft.waivers).toEqual(saved.waivers);
    expect(s.draft.decisions).toEqual(saved.decisions);
    expect(s.draft.seeded).toEqual(['sales.csv\u0000sales']);
    const inspect = t.host.calls.find((c) => c.name === 'inspect.run');
    expect(inspect?.input).toMatchObject({ sourceId: s.source!.id, sheet: 'sales', headerRow: 2, typeOverrides: { 1: 'text' } });
    // What would be saved now is what was saved (apart from this session's file id).
    const { extraSheets: _none, ...rest } = saved;
    expect(draftContentOf(s)).toEqual({ ...rest, sourceId: s.source!.id });
  });

  it('shows why a missing file cannot be read, keeps the description, and takes a located file as the draft’s file', async () => {
    const t = setup();
    const id = await withDraft(t);
    t.host.state.sourceCheck = { status: 'missing', message: '“sales.csv” is no longer in Downloads. Locate it to go on.' };
    await t.actions.openDraft(id);
    expect(t.s()).toMatchObject({ screen: 'home', busy: 'idle', draftId: id, draftSource: { check: { status: 'missing' }, source: null, step: 'check' } });
    expect(t.s().draft.meta.title).toBe('Autumn orders');
    // Saved meanwhile, the draft keeps its file reference.
    expect(draftContentOf(t.s())).toMatchObject({ sourceId: 'src-old', step: 'check' });

    await t.actions.locateDraftFile({ name: 'sales-moved.csv', size: 100, lastModified: 0 });
    expect(t.s()).toMatchObject({ draftSource: null, screen: 'check', draftId: id });
    expect(t.s().source?.name).toBe('sales-moved.csv');
    expect(draftContentOf(t.s()).sourceId).toBe(t.s().source!.id);
    // What the owner typed stays; Describe only fills blanks from the new file.
    expect(t.s().draft.meta).toMatchObject(saved.meta);
  });

  it('turns away an unsupported located file without losing the banner', async () => {
    const t = setup();
    const id = await withDraft(t);
    t.host.state.sourceCheck = { status: 'missing', message: 'gone' };
    await t.actions.openDraft(id);
    await t.actions.locateDraftFile({ name: 'deck.pptx', size: 5, lastModified: 0 });
    expect(t.s().error?.code).toBe('file.unsupported');
    expect(t.s().draftSource?.check.status).toBe('missing');
  });

  it('reads a changed file again with the saved choices, keeping the metadata', async () => {
    const t = setup();
    const id = await withDraft(t);
    t.host.state.sourceCheck = { status: 'changed', message: '“sales.csv” changed since this draft was saved.' };
    await t.actions.openDraft(id);
    expect(t.s().draftSource?.check.status).toBe('changed');
    expect(t.host.calls.some((c) => c.name === 'inspect.run')).toBe(false);
    await t.actions.rereadDraftFile();
    expect(t.s()).toMatchObject({ draftSource: null, screen: 'check', draftId: id });
    expect(t.s().draft.meta).toEqual(saved.meta);
    expect(t.s().draftSave.force).toBe(1); // the autosave records the file as it is now
  });

  it('opens a metadata-only draft on Describe with its columns and base', async () => {
    const t = setup();
    const id = await withDraft(t, {
      meta: { name: 'prices', title: 'Price list' },
      waivers: [],
      metadataOnly: true,
      base: { product: 'prices', version: '1.2.0' },
      columns: [{ name: 'sku', type: 'text' }],
    });
    await t.actions.openDraft(id);
    expect(t.s()).toMatchObject({
      screen: 'describe',
      busy: 'idle',
      draftId: id,
      draftInfo: { metadataOnly: true, base: { product: 'prices', version: '1.2.0' }, columns: [{ name: 'sku', type: 'text' }] },
    });
    expect(draftContentOf(t.s())).toMatchObject({ metadataOnly: true, base: { product: 'prices', version: '1.2.0' }, step: 'describe' });
    expect(t.host.calls.some((c) => c.name === 'source.open')).toBe(false);
  });

  it('shows the host’s words when a draft cannot be opened', async () => {
    const t = setup();
    await t.actions.openDraft('nope');
    expect(t.s()).toMatchObject({ screen: 'home', busy: 'idle', draftId: null, error: { code: 'draft.not-found' } });
  });

  it('duplicates, deletes and brings a deleted draft back with Undo', async () => {
    const t = setup();
    const id = await withDraft(t);
    await t.actions.loadDrafts();
    await t.actions.duplicateDraft(id);
    expect(t.s().drafts.items?.map((d) => d.title)).toEqual(['Autumn orders (copy)', 'Autumn orders']);
    await t.actions.deleteDraft(id);
    expect(t.s().drafts.items?.map((d) => d.id)).not.toContain(id);
    expect(t.s().drafts.deleted).toEqual({ id, title: 'Autumn orders' });
    expect(t.host.drafts.has(id)).toBe(false);
    await t.actions.undoDeleteDraft();
    expect(t.host.drafts.has(id)).toBe(true);
    expect(t.s().drafts.items?.map((d) => d.id)).toContain(id);
    expect(t.s().drafts.deleted).toBeNull();
  });

  it('forgets the draft on screen when it is deleted, so nothing saves it again', async () => {
    const t = setup();
    const id = await withDraft(t);
    t.host.state.sourceCheck = { status: 'missing', message: 'gone' };
    await t.actions.openDraft(id);
    await t.actions.deleteDraft(id);
    expect(t.s()).toMatchObject({ draftId: null, draftSource: null });
  });
});
