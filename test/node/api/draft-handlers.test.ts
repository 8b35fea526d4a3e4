// Node only (tests). The draft calls end to end over a real data folder, a real SourceRegistry
// and real files: reopen with the file ok / changed / missing, browser uploads kept alive while a
// draft needs them, duplicate / delete / undo, and no key ever written into a draft.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { inputValidators, type CallContext, type DraftContent } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import { createDraftHandlers, openDraftStore } from '../../../shared/node/api/draft-handlers';
import type { HandlerDeps } from '../../../shared/node/api/handlers';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-draft-handlers-');
const jobs = new JobRunner();
afterAll(async () => {
  await jobs.close();
  rmSync(root, { recursive: true, force: true });
});
const ctx: CallContext = { emit() {} };
let n = 0;

function app(dataDir = join(root, `app${++n}`), registryOpts: Partial<ConstructorParameters<typeof SourceRegistry>[0]> = {}) {
  const secrets = memorySecretStore();
  const settings = new MeshSettingsStore(dataDir, secrets, join(dataDir, 'mesh'));
  const sources = new SourceRegistry({ dataDir, ...registryOpts });
  const deps: HandlerDeps = { mode: 'browser', version: 'test', dataDir, sources, jobs, settings, saveTarget: async () => null };
  return { dataDir, settings, sources, h: createDraftHandlers(deps) };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function errorOf<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

const content = (sourceId?: string): DraftContent => ({
  ...(sourceId ? { sourceId } : {}),
  meta: { name: 'sales', title: 'Monthly sales', description: 'Sales per region and month, from the finance close.', owner: { name: 'Maria', email: 'maria@example.com' } },
  waivers: [{ code: 'check.spaces', column: 'B', reason: 'Names are padded on purpose.', at: '2026-03-01T10:00:00.000Z' }],
  sheet: 'Data',
  bySheet: { Data: { headerRow: 1, typeOverrides: { 2: 'number' } } },
  step: 'describe',
});

function salesFile(dir: string, text = 'region,month,amount\nNorth,2026-01,100\n'): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'sales.csv');
  writeFileSync(path, text);
  return path;
}

describe('draft handlers', () => {
  it('save → list → open: the file is registered again under a new id, the content comes back exactly', async () => {
    const a = app();
    const file = salesFile(join(a.dataDir, 'Finance'));
    const ref = await a.sources.addPath(file);
    const req = { content: content(ref.id) };
    expect(inputValidators['draft.save'](req)).toBe(true);
    const saved = value(await a.h['draft.save'](req, ctx));
    expect(value(await a.h['draft.list']({}, ctx)).map((d) => d.id)).toEqual([saved.id]);

    const opened = value(await a.h['draft.open']({ id: saved.id }, ctx));
    expect(opened.sourceCheck).toEqual({ status: 'ok' });
    expect(opened.source).not.toBeNull();
    expect(opened.source!.id).not.toBe(ref.id);
    expect(opened.source).toMatchObject({ name: 'sales.csv', size: ref.size });
    expect(opened.content).toEqual(content(opened.source!.id));
    expect(a.sources.get(opened.source!.id)?.path).toBe(file);
    expect(opened.summary).toEqual(saved);
    expect(JSON.stringify(opened)).not.toContain(a.dataDir);
  });

  it('a changed file: reopened and registered, with words that the description is kept', async () => {
    const a = app();
    const file = salesFile(join(a.dataDir, 'Finance'));
    const saved = value(await a.h['draft.save']({ content: content((await a.sources.addPath(file)).id) }, ctx));
    writeFileSync(file, 'region,month,amount\nNorth,2026-01,100\nSouth,2026-01,90\n');
    const opened = value(await a.h['draft.open']({ id: saved.id }, ctx));
    expect(opened.sourceCheck.status).toBe('changed');
    expect(opened.sourceCheck.message).toMatch(/^“sales\.csv” has changed since this draft was saved \(.+ UTC\)\. Mesh Desk will read it again and check it; your description is kept\.$/);
    expect(opened.source?.size).toBe(statSync(file).size);
    expect(opened.content.sourceId).toBe(opened.source!.id);
    // Saving with the new id records the new fingerprint: the next open is "ok".
    value(await a.h['draft.save']({ id: saved.id, content: opened.content }, ctx));
    expect(value(await a.h['draft.open']({ id: saved.id }, ctx)).sourceCheck).toEqual({ status: 'ok' });
  });

  it('a moved file: no source, no sourceId, the description intact, words naming the folder only', async () => {
    const a = app();
    const file = salesFile(join(a.dataDir, 'Finance'));
    const saved = value(await a.h['draft.save']({ content: content((await a.sources.addPath(file)).id) }, ctx));
    renameSync(file, join(a.dataDir, 'moved.csv'));
    const opened = value(await a.h['draft.open']({ id: saved.id }, ctx));
    expect(opened.source).toBeNull();
    expect(opened.content).toEqual(content());
    expect(opened.sourceCheck.status).toBe('missing');
    expect(opened.sourceCheck.message).toContain('“sales.csv” is no longer in the folder “Finance”');
    expect(opened.sourceCheck.message).toContain('Locate it');
    expect(opened.sourceCheck.message).not.toContain(a.dataDir);
    // Editing on without the file keeps the old record, so the next open still says where it was.
    value(await a.h['draft.save']({ id: saved.id, content: opened.content }, ctx));
    expect(value(await a.h['draft.open']({ id: saved.id }, ctx)).sourceCheck.status).toBe('missing');
  });

  it('a draft without a file opens with status "none"', async () => {
    const a = app();
    const saved = value(await a.h['draft.save']({ content: content() }, ctx));
    const opened = value(await a.h['draft.open']({ id: saved.id }, ctx));
    expect(opened).toMatchObject({ source: null, sourceCheck: { status: 'none' }, content: content() });
  });

  it('duplicate, delete and undo; unknown and damaged drafts answer in words', async () => {
    const a = app();
    const saved = value(await a.h['draft.save']({ content: content() }, ctx));
    const copy = value(await a.h['draft.duplicate']({ id: saved.id }, ctx));
    expect(copy.title).toBe('Copy of Monthly sales');
    expect(value(await a.h['draft.delete']({ id: saved.id }, ctx))).toEqual({ deleted: true });
    expect(value(await a.h['draft.list']({}, ctx)).map((d) => d.id)).toEqual([copy.id]);
    expect(value(await a.h['draft.restore']({ id: saved.id }, ctx)).id).toBe(saved.id);
    expect(value(await a.h['draft.delete']({ id: 'nope' }, ctx))).toEqual({ deleted: false });
    expect(errorOf(await a.h['draft.restore']({ id: 'nope' }, ctx)).code).toBe('draft.not-in-bin');
    expect(errorOf(await a.h['draft.open']({ id: 'nope' }, ctx))).toMatchObject({ code: 'draft.not-found' });
    expect(errorOf(await a.h['draft.duplicate']({ id: 'nope' }, ctx)).code).toBe('draft.not-found');

    writeFileSync(join(a.dataDir, 'drafts', 'damagedOne.json'), '{"id": "damagedOne", "cont');
    expect(value(await a.h['draft.list']({}, ctx)).find((d) => d.id === 'damagedOne')?.title).toBe('Damaged draft');
    expect(errorOf(await a.h['draft.open']({ id: 'damagedOne' }, ctx)).code).toBe('draft.damaged');
    expect(errorOf(await a.h['draft.duplicate']({ id: 'damagedOne' }, ctx)).code).toBe('draft.damaged');
    expect(value(await a.h['draft.delete']({ id: 'damagedOne' }, ctx))).toEqual({ deleted: true });
  });

  it('handlers and openDraftStore share one store for the data folder', async () => {
    const a = app();
    const saved = value(await a.h['draft.save']({ content: content() }, ctx));
    const store = await openDraftStore(a.dataDir);
    await store.setState(saved.id, { state: 'queued', outboxId: 'job-1' });
    expect(value(await a.h['draft.list']({}, ctx))[0]).toMatchObject({ state: 'queued', outboxId: 'job-1' });
  });

  it('a browser upload a draft refers to survives the clean-up of old uploads, and reopens with its own name', async () => {
    const a = app();
    const modified = Date.UTC(2026, 0, 15, 8, 30);
    const ref = await a.sources.addUpload('Sales: Q1?.csv', modified, Readable.from([Buffer.from('region,amount\nNorth,1\n')]), 1000);
    const unused = await a.sources.addUpload('other.csv', modified, Readable.from([Buffer.from('a\n1\n')]), 1000);
    const binned = await a.sources.addUpload('binned.csv', modified, Readable.from([Buffer.from('b\n2\n')]), 1000);
    const saved = value(await a.h['draft.save']({ content: content(ref.id) }, ctx));
    const gone = value(await a.h['draft.save']({ content: content(binned.id) }, ctx));
    value(await a.h['draft.delete']({ id: gone.id }, ctx));
    const stored = JSON.parse(readFileSync(join(a.dataDir, 'drafts', `${saved.id}.json`), 'utf8'));
    expect(stored.source).toMatchObject({ uploadId: ref.id, name: 'Sales: Q1?.csv', modifiedAt: new Date(modified).toISOString() });

    // Two weeks later, the app starts again (new registry): only the upload nobody refers to goes.
    const old = new Date(Date.now() - 14 * 24 * 3600 * 1000);
    for (const id of [ref.id, unused.id, binned.id]) utimesSync(join(a.dataDir, 'uploads', id), old, old);
    const later = app(a.dataDir);
    expect(await later.sources.cleanOldUploads()).toBe(1);
    expect(readdirSync(join(a.dataDir, 'uploads')).sort()).toEqual([ref.id, binned.id].sort());

    const opened = value(await later.h['draft.open']({ id: saved.id }, ctx));
    expect(opened.sourceCheck).toEqual({ status: 'ok' });
    expect(opened.source).toMatchObject({ name: 'Sales: Q1?.csv', modifiedAt: new Date(modified).toISOString() });
    expect(later.sources.get(opened.source!.id)?.path.startsWith(join(a.dataDir, 'uploads', ref.id))).toBe(true);

    // Once no draft refers to it any more, it is cleaned like any old upload.
    rmSync(join(a.dataDir, 'drafts'), { recursive: true });
    expect(await app(a.dataDir).sources.cleanOldUploads()).toBe(2);
    expect(existsSync(join(a.dataDir, 'uploads', ref.id))).toBe(false);
  });

  it('when the drafts folder cannot be read, no upload is cleaned (keeping beats losing)', async () => {
    const dataDir = join(root, `app${++n}`);
    const a = app(dataDir, { keepUploads: () => Promise.reject(new Error('EACCES')) });
    await a.sources.addUpload('x.csv', undefined, Readable.from([Buffer.from('a\n')]), 100);
    const old = new Date(Date.now() - 14 * 24 * 3600 * 1000);
    for (const id of readdirSync(join(dataDir, 'uploads'))) utimesSync(join(dataDir, 'uploads', id), old, old);
    expect(await new SourceRegistry({ dataDir, keepUploads: () => Promise.reject(new Error('EACCES')) }).cleanOldUploads()).toBe(0);
    expect(await new SourceRegistry({ dataDir, keepUploads: () => [] }).cleanOldUploads(readdirSync(join(dataDir, 'uploads')))).toBe(0);
    expect(await new SourceRegistry({ dataDir, keepUploads: () => [] }).cleanOldUploads()).toBe(1);
  });

  it('no key is ever written into a draft, even with keys saved in the settings', async () => {
    const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
    const a = app();
    value(await a.settings.save({ name: 'Finance', url: 's3://acme-mesh/finance', accessKeyId: KEY_ID, secretAccessKey: SECRET }));
    const file = salesFile(join(a.dataDir, 'Finance'));
    const saved = value(await a.h['draft.save']({ content: content((await a.sources.addPath(file)).id) }, ctx));
    value(await a.h['draft.duplicate']({ id: saved.id }, ctx));
    value(await a.h['draft.delete']({ id: saved.id }, ctx));
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const files = walk(join(a.dataDir, 'drafts'));
    expect(files.length).toBe(2);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const secret of [SECRET, KEY_ID, 'secretAccessKey', 'accessKeyId']) expect(text).not.toContain(secret);
    }
  });
});
