// The autosave against an in-memory draft host: created once a file is open, debounced, one
// save in flight per draft with the newest content next, retried after a failure without losing
// typing, flushed when the page hides, and quiet when a draft is merely reopened.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setProductField, setColumnMeta } from '../../../renderer/src/state/describe-state';
import { startDraftAutosave, type Autosave } from '../../../renderer/src/state/draft-autosave';
import { createImportStore } from '../../../renderer/src/state/import-store';
import { fakeDraftHost } from './draft-fake-api';

function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    hidden: false,
    addEventListener: (t: string, l: () => void) => void (listeners.get(t) ?? listeners.set(t, new Set()).get(t)!).add(l),
    removeEventListener: (t: string, l: () => void) => void listeners.get(t)?.delete(l),
    fire: (t: string) => listeners.get(t)?.forEach((l) => l()),
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

let autosave: Autosave | null = null;
afterEach(() => {
  autosave?.stop();
  autosave = null;
  vi.useRealTimers();
});
beforeEach(() => {
  vi.useFakeTimers();
});

async function setup() {
  const host = fakeDraftHost();
  let n = 0;
  const store = createImportStore(host.api, { newJobId: () => `job${++n}` });
  const page = fakePage();
  autosave = startDraftAutosave(store, host.api, { delayMs: 500, retryMs: 1000, page, isHidden: () => page.hidden });
  const actions = store.getState().actions;
  const s = () => store.getState();
  const type = (title: string) => actions.updateDraft((d) => setProductField(d, 'title', title));
  return { host, store, page, actions, s, type };
}

async function openFile(t: Awaited<ReturnType<typeof setup>>) {
  await t.actions.addFile({ name: 'sales.csv', size: 100, lastModified: 0 });
  expect(t.s().report).not.toBeNull();
}

describe('draft autosave', () => {
  it('saves nothing before a file is open, then creates the draft once and remembers its id', async () => {
    const t = await setup();
    t.type('typed on Home');
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.host.savesOf()).toHaveLength(0);

    await openFile(t);
    await vi.advanceTimersByTimeAsync(499);
    expect(t.host.savesOf()).toHaveLength(0);
    expect(t.s().draftSave.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(10);
    const saves = t.host.savesOf();
    expect(saves).toHaveLength(1);
    expect(saves[0]!.input).not.toHaveProperty('id');
    expect(saves[0]!.input).toMatchObject({ content: { sourceId: t.s().source!.id, sheet: 'sales', step: 'import' } });
    expect(t.s().draftId).toBe('d1');
    expect(t.s().draftSave.status).toBe('saved');
    expect(t.host.drafts.size).toBe(1);
  });

  it('debounces typing into one save that holds the last keystroke, under the same id', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    for (const title of ['S', 'Sa', 'Sal', 'Sales 2026']) {
      t.type(title);
      await vi.advanceTimersByTimeAsync(200);
    }
    t.actions.updateDraft((d) => setColumnMeta(d, 'region', { description: 'Sales region' }));
    await vi.advanceTimersByTimeAsync(600);
    const saves = t.host.savesOf();
    expect(saves).toHaveLength(2);
    expect(saves[1]!.input).toMatchObject({ id: 'd1', content: { meta: { title: 'Sales 2026', columns: { region: { description: 'Sales region' } } } } });
    expect(t.host.drafts.get('d1')!.content.meta.title).toBe('Sales 2026');
  });

  it('never has two saves in flight for one draft: the newest content waits and goes next', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    t.host.state.holdSaves = true;
    t.type('first');
    await vi.advanceTimersByTimeAsync(600);
    expect(t.host.savesOf()).toHaveLength(2); // the create, and "first" (held)
    t.type('second');
    await vi.advanceTimersByTimeAsync(600);
    t.type('third');
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.host.savesOf()).toHaveLength(2);
    t.host.state.holdSaves = false;
    t.host.release();
    await vi.advanceTimersByTimeAsync(600);
    const saves = t.host.savesOf();
    expect(saves).toHaveLength(3);
    expect((saves[2]!.input as { content: { meta: { title: string } } }).content.meta.title).toBe('third');
    expect(t.s().draftSave.status).toBe('saved');
  });

  it('keeps what was typed through failed saves and retries until one succeeds', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    t.host.state.saveError = 'The disk is full.';
    t.type('Budget');
    await vi.advanceTimersByTimeAsync(600);
    expect(t.s().draftSave).toMatchObject({ status: 'retrying', reason: 'The disk is full.' });
    t.type('Budget 2027'); // typed while the retry waits
    await vi.advanceTimersByTimeAsync(1100);
    expect(t.s().draftSave.status).toBe('retrying');
    t.host.state.saveError = null;
    await vi.advanceTimersByTimeAsync(2100);
    expect(t.s().draftSave.status).toBe('saved');
    expect(t.host.drafts.get('d1')!.content.meta.title).toBe('Budget 2027');
  });

  it('sends a waiting change at once when the page is hidden or left', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    t.type('Before the tab closes');
    t.page.fire('visibilitychange'); // still visible: nothing yet
    await vi.advanceTimersByTimeAsync(0);
    expect(t.host.savesOf()).toHaveLength(1);
    t.page.hidden = true;
    t.page.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.host.savesOf()).toHaveLength(2);
    t.type('pagehide too');
    t.page.fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.host.drafts.get('d1')!.content.meta.title).toBe('pagehide too');
    autosave!.stop();
    expect(t.page.count()).toBe(0);
  });

  it('sends the last change of a draft at once when the owner goes back Home', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    t.type('Typed just before leaving');
    await t.actions.backHome();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.s().draftId).toBeNull();
    expect(t.host.drafts.get('d1')!.content.meta.title).toBe('Typed just before leaving');
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.host.drafts.size).toBe(1); // Home itself is never saved as a draft
  });

  it('reloads Home’s list when the outbox moves a draft on, and stops listening when stopped', async () => {
    const t = await setup();
    const listeners = new Set<() => void>();
    t.host.api.on = ((name: string, l: () => void) => {
      if (name === 'outbox.changed') listeners.add(l);
      return () => listeners.delete(l);
    }) as unknown as typeof t.host.api.on;
    autosave!.stop();
    autosave = startDraftAutosave(t.store, t.host.api, { delayMs: 500 });
    expect(listeners.size).toBe(1);
    listeners.forEach((l) => l()); // list never loaded: nothing to refresh
    expect(t.host.calls.filter((c) => c.name === 'draft.list')).toHaveLength(0);
    await t.actions.loadDrafts();
    listeners.forEach((l) => l());
    expect(t.host.calls.filter((c) => c.name === 'draft.list')).toHaveLength(2);
    autosave.stop();
    expect(listeners.size).toBe(0);
  });

  it('saves a change typed just before leaving before the draft is read back', async () => {
    const t = await setup();
    await openFile(t);
    await vi.advanceTimersByTimeAsync(600);
    t.actions.goTo('describe');
    t.type('Typed a moment ago');
    t.host.state.holdSaves = true; // the save of that change is slow to land
    await t.actions.backHome();
    const opening = t.actions.openDraft('d1'); // no time passes for the debounce
    await vi.advanceTimersByTimeAsync(100);
    expect(t.host.calls.filter((c) => c.name === 'draft.open')).toHaveLength(0);
    t.host.state.holdSaves = false;
    t.host.release();
    await opening;
    expect(t.s().draft.meta.title).toBe('Typed a moment ago');
    expect(t.s().draftId).toBe('d1');
  });

  it('does not save a draft that was only reopened, and saves the next change under its id', async () => {
    const t = await setup();
    await openFile(t);
    t.type('Kept');
    await vi.advanceTimersByTimeAsync(600);
    t.actions.goTo('describe');
    await vi.advanceTimersByTimeAsync(600);
    const before = t.host.savesOf().length;
    await t.actions.backHome();
    await t.actions.openDraft('d1');
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.s().screen).toBe('describe');
    expect(t.host.savesOf()).toHaveLength(before);
    t.type('Kept and changed');
    await vi.advanceTimersByTimeAsync(600);
    expect(t.host.savesOf()).toHaveLength(before + 1);
    expect(t.host.savesOf().at(-1)!.input).toMatchObject({ id: 'd1', content: { step: 'describe' } });
  });
});
