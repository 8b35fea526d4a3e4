// Node only (tests). The draft store on a real temp data folder: save, list, duplicate, the bin
// and undo, damaged files, the outbox's state changes, and what a stored document holds.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DraftContent } from '../../../shared/core/api/draft-types';
import { DraftStore, openDraftStore } from '../../../shared/node/drafts/draft-store';
import { isStoredDraft } from '../../../shared/node/drafts/stored-draft';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-drafts-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${++n}`);

/** A clock the test moves by hand, so "newest first" and the bin's age are exact. */
function clock(start = Date.UTC(2026, 2, 1, 9, 0, 0)) {
  let t = start;
  return { now: () => t, tick: (ms = 1000) => (t += ms) };
}

const content = (title: string, extra: Partial<DraftContent> = {}): DraftContent => ({
  meta: { title, name: 'price-list', description: 'List prices of every article we sell.', columns: { sku: { description: 'Article number' } } },
  waivers: [],
  sheet: 'Prices',
  bySheet: { Prices: { headerRow: 2, typeOverrides: { 3: 'text' } } },
  step: 'describe',
  ...extra,
});

async function setup(opts: { binMaxAgeMs?: number } = {}) {
  const dataDir = freshDir();
  const c = clock();
  const store = await new DraftStore(dataDir, { now: c.now, ...opts }).open();
  const sources = new SourceRegistry({ dataDir });
  const file = join(dataDir, 'Reports', 'prices.csv');
  mkdirSync(join(dataDir, 'Reports'), { recursive: true });
  writeFileSync(file, 'sku,price\nA-1,10\n');
  return { dataDir, store, sources, file, clock: c };
}

const storedFile = (dataDir: string, id: string) => JSON.parse(readFileSync(join(dataDir, 'drafts', `${id}.json`), 'utf8')) as Record<string, unknown>;

describe('DraftStore', () => {
  it('creates a draft (no id), stores it without the session file id, with the file recorded host-side', async () => {
    const { dataDir, store, sources, file } = await setup();
    const ref = await sources.addPath(file);
    const summary = await store.save({ content: content('Price list', { sourceId: ref.id }) }, sources);
    expect(summary).toMatchObject({ title: 'Price list', product: 'price-list', state: 'draft', metadataOnly: false, source: { name: 'prices.csv', size: 17 } });
    expect(summary.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(JSON.stringify(summary)).not.toContain(dataDir);

    const doc = storedFile(dataDir, summary.id);
    expect(isStoredDraft(doc)).toBe(true);
    expect(doc.content).not.toHaveProperty('sourceId');
    expect(doc.content).toEqual(content('Price list'));
    expect(doc.source).toMatchObject({ path: file, name: 'prices.csv', size: 17 });
    expect((doc.source as { fingerprint: string }).fingerprint).toMatch(/^v1:17:\d+:[0-9a-f]{64}$/);
    expect(doc.source).not.toHaveProperty('uploadId');
    expect(await store.get(summary.id)).toEqual(doc);
  });

  it('updates in place: createdAt kept, updatedAt moves, list is newest first', async () => {
    const { store, sources, clock: c } = await setup();
    const a = await store.save({ content: content('A') }, sources);
    c.tick();
    const b = await store.save({ content: content('B') }, sources);
    c.tick();
    const a2 = await store.save({ id: a.id, content: content('A, edited') }, sources);
    expect(a2.id).toBe(a.id);
    expect(a2.createdAt).toBe(a.createdAt);
    expect(a2.updatedAt > a.updatedAt).toBe(true);
    expect((await store.list()).map((d) => d.title)).toEqual(['A, edited', 'B']);
    expect(b.id).not.toBe(a.id);
  });

  it('an unknown or absent session file id keeps the file recorded before', async () => {
    const { store, sources, file } = await setup();
    const ref = await sources.addPath(file);
    const s = await store.save({ content: content('P', { sourceId: ref.id }) }, sources);
    const recorded = (await store.get(s.id))!.source;
    await store.save({ id: s.id, content: content('P2', { sourceId: 'not-this-session' }) }, sources);
    expect((await store.get(s.id))!.source).toEqual(recorded);
    await store.save({ id: s.id, content: content('P3') }, sources);
    expect((await store.get(s.id))!.source).toEqual(recorded);
  });

  it('a save naming an id that is gone re-creates it: nothing typed is lost', async () => {
    const { store, sources } = await setup();
    const s = await store.save({ id: 'typedInAnotherTab', content: content('Still here') }, sources);
    expect(s.id).toBe('typedInAnotherTab');
    expect((await store.get('typedInAnotherTab'))?.content.meta.title).toBe('Still here');
  });

  it('duplicates as "Copy of …" with a new id and the same file, without outbox or publish state', async () => {
    const { store, sources, file } = await setup();
    const ref = await sources.addPath(file);
    const s = await store.save({ content: content('Price list', { sourceId: ref.id }) }, sources);
    await store.setState(s.id, { state: 'published', outboxId: 'job-1', published: { version: '1.0.0', at: '2026-03-01T10:00:00.000Z', meshName: 'Acme', address: 'file:///m/price-list' } });
    const copy = (await store.duplicate(s.id))!;
    expect(copy.id).not.toBe(s.id);
    expect(copy).toMatchObject({ title: 'Copy of Price list', state: 'draft' });
    expect(copy).not.toHaveProperty('outboxId');
    expect(copy).not.toHaveProperty('published');
    const [orig, dup] = [(await store.get(s.id))!, (await store.get(copy.id))!];
    expect(dup.source).toEqual(orig.source);
    expect(dup.content.bySheet).toEqual(orig.content.bySheet);
    expect(orig.content.meta.title).toBe('Price list');
    // Untitled: the copy is named after the file.
    const untitled = await store.save({ content: { meta: {}, waivers: [], sourceId: ref.id } }, sources);
    expect((await store.duplicate(untitled.id))!.title).toBe('Copy of prices.csv');
    expect(await store.duplicate('nope')).toBeUndefined();
  });

  it('delete moves to the bin, restore brings it back; unknown ids say so', async () => {
    const { dataDir, store, sources } = await setup();
    const s = await store.save({ content: content('Budget') }, sources);
    expect(await store.remove(s.id)).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(existsSync(join(dataDir, 'drafts', '.bin', `${s.id}.json`))).toBe(true);
    expect(await store.remove(s.id)).toBe(false);
    const back = (await store.restore(s.id))!;
    expect(back).toEqual(s);
    expect((await store.list()).map((d) => d.id)).toEqual([s.id]);
    expect(await store.restore(s.id)).toBeUndefined();
  });

  it('restoring over a draft re-created meanwhile gives the restored one a new id (both kept)', async () => {
    const { store, sources } = await setup();
    const s = await store.save({ content: content('Old text') }, sources);
    await store.remove(s.id);
    await store.save({ id: s.id, content: content('New text') }, sources);
    const restored = (await store.restore(s.id))!;
    expect(restored.id).not.toBe(s.id);
    expect((await store.list()).map((d) => d.title).sort()).toEqual(['New text', 'Old text']);
  });

  it('the bin keeps deleted drafts a day; the next start removes older ones', async () => {
    const { dataDir, store, sources, clock: c } = await setup();
    const old = await store.save({ content: content('Old') }, sources);
    const young = await store.save({ content: content('Young') }, sources);
    await store.remove(old.id);
    c.tick(20 * 60 * 60 * 1000);
    await store.remove(young.id);
    c.tick(5 * 60 * 60 * 1000); // old: 25 h in the bin, young: 5 h
    const reopened = await new DraftStore(dataDir, { now: c.now }).open();
    expect(readdirSync(join(dataDir, 'drafts', '.bin'))).toEqual([`${young.id}.json`]);
    expect(await reopened.restore(old.id)).toBeUndefined();
    expect((await reopened.restore(young.id))?.title).toBe('Young');
  });

  it('lists a damaged file as damaged (never hidden, never a crash); it can be deleted; a save sets it aside', async () => {
    const { dataDir, store, sources } = await setup();
    const good = await store.save({ content: content('Good') }, sources);
    writeFileSync(join(dataDir, 'drafts', 'brokenDraft1.json'), '{"id":"brokenDraft1","content":{"meta":{"ti');
    writeFileSync(join(dataDir, 'drafts', 'strangeDraft.json'), JSON.stringify({ id: 'strangeDraft', hello: 'world' }));
    writeFileSync(join(dataDir, 'drafts', 'not ours.json'), '{}');
    writeFileSync(join(dataDir, 'drafts', 'notes.txt'), 'hello');
    const list = await store.list();
    expect(list.map((d) => d.id).sort()).toEqual(['brokenDraft1', good.id, 'strangeDraft'].sort());
    const broken = list.find((d) => d.id === 'brokenDraft1')!;
    expect(broken).toMatchObject({ title: 'Damaged draft', state: 'failed', metadataOnly: false });
    expect(broken.stateReason).toContain('“brokenDraft1.json” in the drafts folder is damaged');
    expect(broken.stateReason).toContain('Delete it');
    expect(await store.get('brokenDraft1')).toBeUndefined();
    expect((await store.read('brokenDraft1')).kind).toBe('damaged');
    expect(await store.duplicate('brokenDraft1')).toBeUndefined();

    expect(await store.remove('brokenDraft1')).toBe(true);
    expect((await store.list()).map((d) => d.id)).not.toContain('brokenDraft1');
    expect((await store.restore('brokenDraft1'))?.title).toBe('Damaged draft');

    await store.save({ id: 'strangeDraft', content: content('Typed again') }, sources);
    expect((await store.get('strangeDraft'))?.content.meta.title).toBe('Typed again');
    const aside = readdirSync(join(dataDir, 'drafts', '.damaged'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'drafts', '.damaged', aside[0]!), 'utf8')).toContain('hello');
  });

  it('setState: sets and clears the outbox fields; only content moves updatedAt', async () => {
    const { store, sources, clock: c } = await setup();
    const s = await store.save({ content: content('Q') }, sources);
    c.tick();
    const queued = (await store.setState(s.id, { state: 'queued', outboxId: 'job-7' }))!;
    expect(queued).toMatchObject({ state: 'queued', outboxId: 'job-7', updatedAt: s.updatedAt });
    const failed = (await store.setState(s.id, { state: 'failed', stateReason: 'The mesh refused the keys.' }))!;
    expect(failed).toMatchObject({ state: 'failed', stateReason: 'The mesh refused the keys.', outboxId: 'job-7' });
    const back = (await store.setState(s.id, { state: 'draft', stateReason: undefined, outboxId: undefined }))!;
    expect(back).not.toHaveProperty('outboxId');
    expect(back).not.toHaveProperty('stateReason');
    c.tick();
    const withSessionId: DraftContent = { ...content('Rebased'), sourceId: 'dropped' };
    const rebased = (await store.setState(s.id, { content: withSessionId }))!;
    expect(rebased.title).toBe('Rebased');
    expect(rebased.updatedAt > s.updatedAt).toBe(true);
    expect((await store.get(s.id))!.content).not.toHaveProperty('sourceId');
    expect(await store.setState('nope', { state: 'queued' })).toBeUndefined();
    await expect(store.setState(s.id, { state: 'bogus' as never })).rejects.toThrow(/could not save this draft/);
    expect((await store.get(s.id))!.state).toBe('draft');
  });

  it('editing a published draft makes it a draft again, keeping its last publish', async () => {
    const { store, sources } = await setup();
    const s = await store.save({ content: content('P') }, sources);
    const published = { version: '1.0.0', at: '2026-03-01T10:00:00.000Z', meshName: 'Acme', address: 'file:///m/price-list' };
    await store.setState(s.id, { state: 'published', published });
    expect((await store.save({ id: s.id, content: content('P') }, sources)).state).toBe('published');
    const edited = await store.save({ id: s.id, content: content('P, better title') }, sources);
    expect(edited).toMatchObject({ state: 'draft', published });
  });

  it('saves and state changes to one draft at once all land (none undoes another)', async () => {
    const { store, sources } = await setup();
    const s = await store.save({ content: content('v0') }, sources);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => store.save({ id: s.id, content: content(`v${i + 1}`) }, sources)),
      store.setState(s.id, { state: 'queued', outboxId: 'job-1' }),
    ]);
    const d = (await store.get(s.id))!;
    expect(d.content.meta.title).toBe('v20');
    expect(d).toMatchObject({ state: 'queued', outboxId: 'job-1' });
  });

  it('create() from host-side parts validates before writing', async () => {
    const { store } = await setup();
    const s = await store.create({ meta: { name: 'price-list' }, waivers: [], metadataOnly: true, base: { product: 'price-list', version: '1.2.0' }, columns: [{ name: 'sku', type: 'text' }] });
    expect(s).toMatchObject({ metadataOnly: true, base: { product: 'price-list', version: '1.2.0' }, title: 'price-list' });
    await expect(store.create({ meta: {}, waivers: [], columns: [{ name: 'sku', type: 'banana' as never }] })).rejects.toThrow(/could not save this draft/);
    expect((await store.list()).length).toBe(1);
  });

  it('opening removes temporary files of killed saves, but not a live writer\'s', async () => {
    const { dataDir, store, sources } = await setup();
    const s = await store.save({ content: content('T') }, sources);
    const dir = join(dataDir, 'drafts');
    const dead = join(dir, `${s.id}.json.999999999-0123abcd.tmp`);
    const live = join(dir, `${s.id}.json.${process.pid}-0123abcd.tmp`);
    const oldLive = join(dir, `x.json.${process.pid}-89abcdef.tmp`);
    for (const f of [dead, live, oldLive]) writeFileSync(f, '{"half');
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(oldLive, longAgo, longAgo);
    expect((await store.list()).length).toBe(1); // temp files are never listed
    await new DraftStore(dataDir).open();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).map((f) => relative(dir, join(dir, f)))).toEqual([`${s.id}.json.${process.pid}-0123abcd.tmp`]);
  });

  it('openDraftStore gives one store per data folder', async () => {
    const dataDir = freshDir();
    const a = await openDraftStore(dataDir);
    const b = await openDraftStore(join(dataDir, '.', 'x', '..'));
    expect(a).toBe(b);
    expect(await openDraftStore(freshDir())).not.toBe(a);
    expect(existsSync(join(dataDir, 'drafts', '.bin'))).toBe(true);
  });
});
