// Node only (tests). The mesh-settings and publish calls end to end: a real JobRunner (worker
// threads), a real SourceRegistry with a CSV written to a temp dir, and the built-in folder mesh
// in a temp dir. Nothing is faked between the handler and the files in the mesh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiEvents, CallContext, EventName, JobProgress } from '../../../shared/core/api/contract';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import type { Result } from '../../../shared/core/result';
import { createPublishHandlers } from '../../../shared/node/api/publish-handlers';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { BUILT_IN_ID, MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';

const root = mkdtempSync(join(tmpdir(), 'mesh-desk-publish-handlers-'));
const jobs = new JobRunner();
afterAll(async () => {
  await jobs.close();
  rmSync(root, { recursive: true, force: true });
});

/** One app's worth of handlers over its own data folder and folder mesh. */
function app(name: string) {
  const dataDir = join(root, name, 'data');
  const meshDir = join(root, name, 'mesh');
  const secrets = memorySecretStore();
  const settings = new MeshSettingsStore(dataDir, secrets, meshDir);
  const sources = new SourceRegistry({ dataDir });
  const handlers = createPublishHandlers({ sources, jobs, settings });
  return { dataDir, meshDir, secrets, settings, sources, handlers };
}

const events: ApiEvents['job.progress'][] = [];
const ctx: CallContext = {
  emit<E extends EventName>(name: E, payload: ApiEvents[E]) {
    if (name === 'job.progress') events.push(payload as JobProgress);
  },
};
const progressOf = (jobId: string) => events.filter((e) => e.jobId === jobId);
let jobCounter = 0;
const nextJob = () => `job-${++jobCounter}`;

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function errorOf<T>(r: Result<T>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

const ROWS = 2500;
function priceListCsv(extraColumn = false): string {
  const lines = [extraColumn ? 'sku,product,price,region' : 'sku,product,price'];
  for (let i = 1; i <= ROWS; i++) lines.push(`SKU-${String(i).padStart(5, '0')},Widget ${i},${(i * 1.25).toFixed(2)}${extraColumn ? ',EU' : ''}`);
  return `${lines.join('\n')}\n`;
}

const COLUMN_META = {
  sku: { description: 'Stock keeping unit, one per article' },
  product: { description: 'Article name as printed in the catalogue' },
  price: { description: 'List price in euros, without VAT' },
};
const META: ProductMeta = {
  name: 'price-list',
  title: 'Price list',
  description: 'List prices of every article we sell, refreshed each month by Finance.',
  domain: 'finance',
  owner: { name: 'Maria Owner', email: 'maria@example.com' },
  frequency: 'monthly',
  classification: 'internal',
  columns: COLUMN_META,
};

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

describe('publish.prepare and publish.run on the folder mesh', { timeout: 90_000 }, () => {
  const a = app('publish');
  let sourceId = '';
  let size = 0;

  beforeAll(async () => {
    mkdirSync(join(root, 'publish'), { recursive: true });
    const file = join(root, 'publish', 'price list.csv');
    writeFileSync(file, priceListCsv());
    const ref = await a.sources.addPath(file);
    sourceId = ref.id;
    size = ref.size;
  });

  it('proposes 1.0.0 for a new product, with progress events ending in "done"', async () => {
    const jobId = nextJob();
    const proposal = value(await a.handlers['publish.prepare']({ jobId, sourceId, meta: META }, ctx));
    expect(proposal).toMatchObject({
      meshName: 'This computer',
      mesh: pathToFileURL(a.meshDir).href,
      product: 'price-list',
      current: null,
      version: '1.0.0',
      required: 'initial',
      choices: [],
      partRows: 1000,
      policySource: 'built-in',
      endpoints: [{ name: 'default', rows: ROWS, columns: 3, parts: 3 }],
    });
    expect(proposal.planId).toMatch(/^[0-9a-f]{32}$/);
    expect(proposal.address).toContain('price-list');
    expect(proposal.check.canPublish).toBe(true);
    expect(proposal.check.blocking).toBe(0);
    const progress = progressOf(jobId);
    expect(progress[0]).toMatchObject({ phase: 'opening', bytesDone: 0, bytesTotal: size });
    expect(progress.at(-1)).toMatchObject({ phase: 'done', bytesDone: size, bytesTotal: size });
    expect(progress.filter((p) => p.phase === 'done')).toHaveLength(1);
    // Preparing writes nothing into the mesh.
    expect(existsSync(join(a.meshDir, 'price-list'))).toBe(false);
  });

  it('publishes 1.0.0: data parts, stats, contract, product.yaml and the catalog are in the mesh', async () => {
    const proposal = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId, meta: META }, ctx));
    const jobId = nextJob();
    const result = value(await a.handlers['publish.run']({ jobId, planId: proposal.planId }, ctx));
    expect(result).toMatchObject({ product: 'price-list', version: '1.0.0', mesh: pathToFileURL(a.meshDir).href, rows: ROWS, parts: 3, catalogUpdated: true, cleanedUp: 0 });
    expect(result.bytes).toBeGreaterThan(0);
    expect(Object.keys(result).sort()).toEqual(['address', 'bytes', 'catalogUpdated', 'cleanedUp', 'mesh', 'parts', 'product', 'publishedAt', 'rows', 'version']);
    expect(progressOf(jobId).at(-1)).toMatchObject({ phase: 'done', bytesDone: size });

    const product = join(a.meshDir, 'price-list');
    const yaml = readFileSync(join(product, 'product.yaml'), 'utf8');
    expect(yaml).toContain('1.0.0');
    expect(yaml).toContain('Price list');
    const part1 = readFileSync(join(product, 'default', 'v1.0.0.datapart0001.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(part1[0]).toBe('sku,product,price');
    expect(part1).toHaveLength(1001);
    expect(part1[1]).toMatch(/^SKU-00001,Widget 1,1\.25$/);
    expect(readdirSync(join(product, 'default')).sort()).toEqual(['v1.0.0.datapart0001.csv', 'v1.0.0.datapart0002.csv', 'v1.0.0.datapart0003.csv']);
    const last = readFileSync(join(product, 'default', 'v1.0.0.datapart0003.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(last).toHaveLength(501);
    expect(last.at(-1)).toMatch(/^SKU-02500,/);
    expect(JSON.parse(readFileSync(join(product, 'stats', 'v1.0.0.json'), 'utf8'))).toBeTypeOf('object');
    expect(readdirSync(join(product, 'schemata'))).toEqual([expect.stringMatching(/^v1\.0\.0\.\d{8}T\d{6}Z\.yaml$/)]);
    const catalog = JSON.parse(readFileSync(join(a.meshDir, '_catalog', 'index.json'), 'utf8'));
    expect(catalog.products).toEqual([expect.objectContaining({ name: 'price-list', version: '1.0.0', title: 'Price list', versions: 1 })]);
    // The plan is used up.
    expect(errorOf(await a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId }, ctx)).code).toBe('publish.plan-expired');
  });

  it('proposes 1.0.1 for the same data again, offering patch, minor and major', async () => {
    const proposal = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId, meta: META }, ctx));
    expect(proposal.current).toMatchObject({ version: '1.0.0', publishedBy: 'Maria Owner' });
    expect(proposal.current!.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(proposal).toMatchObject({ version: '1.0.1', required: 'patch' });
    expect([...proposal.choices].sort((x, y) => x.version.localeCompare(y.version))).toEqual([
      { bump: 'patch', version: '1.0.1' },
      { bump: 'minor', version: '1.1.0' },
      { bump: 'major', version: '2.0.0' },
    ]);
  });

  it('publishes 2.0.0 when the owner chooses a major version', async () => {
    const proposal = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId, meta: META }, ctx));
    const result = value(await a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId, bump: 'major' }, ctx));
    expect(result.version).toBe('2.0.0');
    const product = join(a.meshDir, 'price-list');
    expect(existsSync(join(product, 'default', 'v2.0.0.datapart0001.csv'))).toBe(true);
    expect(existsSync(join(product, 'stats', 'v2.0.0.json'))).toBe(true);
    // Published versions are never changed.
    expect(existsSync(join(product, 'default', 'v1.0.0.datapart0001.csv'))).toBe(true);
    const catalog = JSON.parse(readFileSync(join(a.meshDir, '_catalog', 'index.json'), 'utf8'));
    expect(catalog.products).toEqual([expect.objectContaining({ name: 'price-list', version: '2.0.0', versions: 2 })]);
    const next = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId, meta: META }, ctx));
    expect(next).toMatchObject({ current: { version: '2.0.0' }, version: '2.0.1' });
  });

  it('refuses a bump lower than the rules require (a column added needs minor)', async () => {
    const file = join(root, 'publish', 'price list with region.csv');
    writeFileSync(file, priceListCsv(true));
    const wider = await a.sources.addPath(file);
    const meta = { ...META, columns: { ...COLUMN_META, region: { description: 'Sales region the price applies to' } } };
    const proposal = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId: wider.id, meta }, ctx));
    expect(proposal.required).toBe('minor');
    expect(proposal.choices.map((c) => c.bump).sort()).toEqual(['major', 'minor']);
    const e = errorOf(await a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId, bump: 'patch' }, ctx));
    expect(e.code).toBe('version.bump-too-low');
    expect(e.message).toMatch(/Choose minor or higher/);
    // The refusal keeps the plan: the owner can choose again.
    expect(value(await a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId, bump: 'minor' }, ctx)).version).toBe(proposal.version);
  });

  it('answers an unknown plan id with publish.plan-expired, in words', async () => {
    const e = errorOf(await a.handlers['publish.run']({ jobId: nextJob(), planId: 'f'.repeat(32) }, ctx));
    expect(e.code).toBe('publish.plan-expired');
    expect(e.message).toMatch(/Check again/);
  });

  it('answers an unknown file with source.unknown', async () => {
    const e = errorOf(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId: 'not-registered', meta: META }, ctx));
    expect(e.code).toBe('source.unknown');
    expect(e.message).toMatch(/Add the file again/);
  });

  it('blocks a product whose columns are not described: the proposal says so and run refuses', async () => {
    const meta: ProductMeta = { ...META, name: 'undescribed' };
    delete meta.columns;
    const jobId = nextJob();
    const proposal = value(await a.handlers['publish.prepare']({ jobId, sourceId, meta }, ctx));
    expect(progressOf(jobId).at(-1)?.phase).toBe('done');
    expect(proposal.check.canPublish).toBe(false);
    expect(proposal.check.blocking).toBeGreaterThanOrEqual(3);
    const missing = proposal.check.findings.filter((f) => f.code === 'policy.required-column-field');
    expect(missing.map((f) => f.message).join('\n')).toMatch(/column A \(sku\)/);
    const e = errorOf(await a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId }, ctx));
    expect(e.code).toBe('publish.blocked');
    expect(e.message).toContain('price list.csv');
    expect(existsSync(join(a.meshDir, 'undescribed'))).toBe(false);
  });

  // A second press of Publish while the first still runs is refused in its own words (it must
  // not start a second publish that would then blame "someone else").
  it('a second publish.run of a plan that is still running is refused as already running', async () => {
    const meta: ProductMeta = { ...META, name: 'double-press' };
    const proposal = value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId, meta }, ctx));
    const [one, two] = await Promise.all([
      a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId }, ctx),
      a.handlers['publish.run']({ jobId: nextJob(), planId: proposal.planId }, ctx),
    ]);
    const failed = [one, two].filter((r) => !r.ok);
    expect(failed).toHaveLength(1);
    expect(errorOf(failed[0]!).message).not.toMatch(/Someone else published/);
    expect(errorOf(failed[0]!).code).toBe('publish.running');
  });

  it('keeps only the latest eight prepared plans', async () => {
    const file = join(root, 'publish', 'small.csv');
    writeFileSync(file, 'sku,product,price\nA-1,Widget,1.50\n');
    const small = (await a.sources.addPath(file)).id;
    const meta: ProductMeta = { ...META, name: 'small-list' };
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(value(await a.handlers['publish.prepare']({ jobId: nextJob(), sourceId: small, meta }, ctx)).planId);
    expect(errorOf(await a.handlers['publish.run']({ jobId: nextJob(), planId: ids[0]! }, ctx)).code).toBe('publish.plan-expired');
    // The second one is still held (the eight newest are).
    expect(value(await a.handlers['publish.run']({ jobId: nextJob(), planId: ids[1]! }, ctx))).toMatchObject({ product: 'small-list', version: '1.0.0', rows: 1 });
  }, 120_000);
});

describe('settings calls', () => {
  it('settings.get shows the folder mesh, active, on first start', async () => {
    const a = app('settings-first');
    expect(value(await a.handlers['settings.get']({}, ctx))).toEqual({
      meshes: [{ id: BUILT_IN_ID, name: 'This computer', url: pathToFileURL(a.meshDir).href, kind: 'file', hasSavedKeys: false, builtIn: true }],
      activeMeshId: BUILT_IN_ID,
      keysPersist: false,
    });
  });

  it('mesh.save keeps secrets out of settings.get and settings.json', async () => {
    const a = app('settings-secrets');
    const saved = value(await a.handlers['mesh.save']({ name: 'Finance', url: 's3://acme-mesh/finance', accessKeyId: KEY_ID, secretAccessKey: SECRET }, ctx));
    const id = saved.activeMeshId;
    expect(saved.meshes.find((m) => m.id === id)).toMatchObject({ kind: 's3', hasSavedKeys: true });
    const got = value(await a.handlers['settings.get']({}, ctx));
    for (const text of [JSON.stringify(saved), JSON.stringify(got), readFileSync(join(a.dataDir, 'settings.json'), 'utf8')]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(KEY_ID);
    }
    expect(await a.secrets.get(id)).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
  });

  it('mesh.save refuses keys for a folder mesh, and half a key pair', async () => {
    const a = app('settings-refuse');
    const folder = pathToFileURL(join(root, 'settings-refuse', 'other')).href;
    expect(errorOf(await a.handlers['mesh.save']({ name: 'F', url: folder, accessKeyId: KEY_ID, secretAccessKey: SECRET }, ctx)).code).toBe('mesh.keys-for-folder');
    expect(errorOf(await a.handlers['mesh.save']({ name: 'S', url: 's3://acme-mesh', accessKeyId: KEY_ID }, ctx)).code).toBe('mesh.half-keys');
    expect(errorOf(await a.handlers['mesh.save']({ name: 'S', url: 's3://acme-mesh', secretAccessKey: SECRET }, ctx)).code).toBe('mesh.half-keys');
    expect(value(await a.handlers['settings.get']({}, ctx)).meshes).toHaveLength(1);
    expect(await a.secrets.has(BUILT_IN_ID)).toBe(false);
  });

  it('mesh.remove refuses the built-in mesh; mesh.use and mesh.remove work on others', async () => {
    const a = app('settings-remove');
    const e = errorOf(await a.handlers['mesh.remove']({ id: BUILT_IN_ID }, ctx));
    expect(e.code).toBe('mesh.built-in');
    expect(e.message).toMatch(/cannot be removed/);
    const id = value(await a.handlers['mesh.save']({ name: 'Team', url: 's3://team-mesh' }, ctx)).activeMeshId;
    expect(value(await a.handlers['mesh.use']({ id: BUILT_IN_ID }, ctx)).activeMeshId).toBe(BUILT_IN_ID);
    expect(value(await a.handlers['mesh.use']({ id }, ctx)).activeMeshId).toBe(id);
    expect(errorOf(await a.handlers['mesh.use']({ id: 'unknownmesh' }, ctx)).code).toBe('mesh.unknown');
    const after = value(await a.handlers['mesh.remove']({ id }, ctx));
    expect(after.meshes.map((m) => m.id)).toEqual([BUILT_IN_ID]);
    expect(after.activeMeshId).toBe(BUILT_IN_ID);
  });
});

describe('mesh.test', () => {
  it('says "Connected" for the folder mesh, by id and as a draft', async () => {
    const a = app('test-folder');
    const byId = value(await a.handlers['mesh.test']({ id: BUILT_IN_ID }, ctx));
    expect(byId.message).toMatch(/^Connected\./);
    const draftDir = join(root, 'test-folder', 'draft mesh');
    const draft = value(await a.handlers['mesh.test']({ draft: { name: 'Draft', url: pathToFileURL(draftDir).href } }, ctx));
    expect(draft.message).toMatch(/^Connected\./);
  });

  it('fails in plain words for an S3 server that is not listening, naming the server', async () => {
    const a = app('test-s3');
    const started = Date.now();
    const r = await a.handlers['mesh.test']({ draft: { name: 'Local', url: 's3://test-bucket/mesh?endpoint=http://127.0.0.1:1', accessKeyId: KEY_ID, secretAccessKey: SECRET } }, ctx);
    const e = errorOf(r);
    expect(e.code).toBe('mesh.network');
    expect(e.message).toContain('127.0.0.1:1');
    expect(e.message).toMatch(/could not reach/);
    expect(e.message).not.toMatch(/\n\s+at /);
    expect(e.message).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(30_000);
    // Testing a draft saves nothing.
    expect(value(await a.handlers['settings.get']({}, ctx)).meshes).toHaveLength(1);
  }, 45_000);

  it('answers an unknown saved mesh and a bad draft address in words', async () => {
    const a = app('test-unknown');
    expect(errorOf(await a.handlers['mesh.test']({ id: 'unknownmesh' }, ctx)).code).toBe('mesh.unknown');
    expect(errorOf(await a.handlers['mesh.test']({ draft: { name: 'X', url: 'ftp://example.com/x' } }, ctx)).code).toBe('mesh.bad-url');
    // A folder mesh whose path runs through a file: told in words, naming the folder.
    const file = join(root, 'test-unknown', 'a-file.txt');
    writeFileSync(file, 'not a folder');
    const e = errorOf(await a.handlers['mesh.test']({ draft: { name: 'X', url: pathToFileURL(join(file, 'mesh')).href } }, ctx));
    expect(e.code).toBe('mesh.bad-url');
    expect(e.message).toContain(join(file, 'mesh'));
    expect(e.message).toMatch(/not a folder/);
  });
});
