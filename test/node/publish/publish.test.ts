// Node only (test). Publishing end to end against both kinds of mesh: a folder, and a real S3
// API (moto_server, which honours If-Match / If-None-Match like AWS). Keys, versions, the commit
// protocol under concurrency, and what an independent reader finds.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { readCatalog } from '../../../shared/core/catalog/catalog-store';
import { parseContractYaml, parseProductYaml } from '../../../shared/core/contract/standard-yaml';
import { CATALOG_KEY } from '../../../shared/core/mesh/layout';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { policyToYaml } from '../../../shared/core/policy/policy-yaml';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';
import { preparePublish } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import { readVersionHistory } from '../../../shared/core/publish/version-history';
import type { Bump } from '../../../shared/core/publish/version-history';
import type { AppError, Result } from '../../../shared/core/result';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { openMesh, type OpenedMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { motoSkipReason, startMotoServer, type MotoServer } from '../../harness/moto-server';
import { tempDir } from '../../fixtures/make-fixtures';
import { expectedRecords, parseCsv, salesCsv, salesMeta } from './publish-fixtures';

const creds = { accessKeyId: 'test', secretAccessKey: 'test' };
const skipS3 = motoSkipReason();
const dir = tempDir('mesh-desk-publish-');
let moto: MotoServer | undefined;
let plain: S3Client | undefined;
let bucketNo = 0;

beforeAll(async () => {
  if (skipS3 !== null) return;
  moto = await startMotoServer();
  plain = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: creds, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
}, 60_000);

afterAll(async () => {
  plain?.destroy();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface MeshUnderTest extends OpenedMesh {
  url: string;
  /** Every key in the mesh, read without the app's store (plain fs / plain S3 SDK). */
  keys(): Promise<string[]>;
  read(key: string): Promise<string>;
}

async function newMesh(kind: 'file' | 's3'): Promise<MeshUnderTest> {
  if (kind === 'file') {
    const root = tempDir('mesh-desk-mesh-');
    const url = `file://${root}`;
    const opened = openMesh(url);
    if (!opened.ok) throw new Error(opened.error.message);
    const { readdirSync } = await import('node:fs');
    const walk = (d: string, pre: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${d}/${e.name}`, `${pre}${e.name}/`) : [`${pre}${e.name}`]));
    return { ...opened.value, url, keys: async () => walk(root, '').filter((k) => !k.startsWith('.')).sort(), read: async (k) => readFileSync(`${root}/${k}`, 'utf8') };
  }
  const bucket = `publish-test-${process.pid}-${++bucketNo}`;
  await plain!.send(new CreateBucketCommand({ Bucket: bucket }));
  const url = `s3://${bucket}/mesh?endpoint=${moto!.endpoint}&region=us-east-1&pathStyle=true`;
  const opened = openMesh(url, { credentials: creds });
  if (!opened.ok) throw new Error(opened.error.message);
  return {
    ...opened.value,
    url,
    async keys() {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await plain!.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'mesh/', ContinuationToken: token }));
        for (const o of page.Contents ?? []) out.push(o.Key!.slice('mesh/'.length));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out.sort();
    },
    async read(k) {
      const got = await plain!.send(new GetObjectCommand({ Bucket: bucket, Key: `mesh/${k}` }));
      return got.Body!.transformToString('utf-8');
    },
  };
}

async function publish(mesh: OpenedMesh, file: string, meta: ProductMeta, o: { bump?: Bump; publishId?: string; now?: () => number } = {}): Promise<Result<Awaited<ReturnType<typeof runPublish>> extends Result<infer T> ? T : never>> {
  const plan = await prepareAt(mesh.store, file, meta, o.now);
  if (!plan.ok) return plan;
  return send(mesh, file, plan.value, o);
}

async function prepareAt(store: MeshStore, file: string, meta: ProductMeta, now = Date.now) {
  const bytes = await openFileByteSource(file, file.split('/').pop()!);
  try {
    return await preparePublish({ store, bytes, fileName: file.split('/').pop()!, sheets: [{}], meta, now });
  } finally {
    await bytes.close();
  }
}

async function send(mesh: OpenedMesh, file: string, plan: Extract<Awaited<ReturnType<typeof prepareAt>>, { ok: true }>['value'], o: { bump?: Bump; publishId?: string; now?: () => number } = {}) {
  const bytes = await openFileByteSource(file, plan.fileName);
  try {
    return await runPublish({ store: mesh.store, location: mesh.location, plan, bytes, publishId: o.publishId ?? 'test-publisher', publisher: 'Anna Berg', validators: await standardValidators(), now: o.now ?? Date.now, ...(o.bump ? { bump: o.bump } : {}) });
  } finally {
    await bytes.close();
  }
}

function okValue<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const KINDS = (['file', 's3'] as const).filter((k) => k === 'file' || skipS3 === null);

describe.each(KINDS)('publishing to a %s mesh', (kind) => {
  it('first publish writes exactly the layout, parts of at most partRows rows, normalized', async () => {
    const mesh = await newMesh(kind);
    const file = salesCsv(dir, 2_500);
    const fixed = Date.parse('2026-11-21T10:15:00Z');
    const out = okValue(await publish(mesh, file, salesMeta(), { now: () => fixed }));
    expect(out).toMatchObject({ product: 'sales-demo', version: '1.0.0', rows: 2_500, parts: 3, catalogUpdated: true, cleanedUp: 0, bump: 'initial' });
    expect(await mesh.keys()).toEqual([
      CATALOG_KEY,
      'sales-demo/default/v1.0.0.datapart0001.csv',
      'sales-demo/default/v1.0.0.datapart0002.csv',
      'sales-demo/default/v1.0.0.datapart0003.csv',
      'sales-demo/product.yaml',
      'sales-demo/schemata/v1.0.0.20261121T101500Z.yaml',
      'sales-demo/stats/v1.0.0.json',
    ]);
    // Product.yaml is the last write: the commit point.
    expect(out.keys.at(-1)).toBe('sales-demo/product.yaml');

    // Independent reader: every part has the header and at most 1000 rows; together they are the file.
    const all: string[][] = [];
    for (const n of ['0001', '0002', '0003']) {
      const records = parseCsv(await mesh.read(`sales-demo/default/v1.0.0.datapart${n}.csv`));
      expect(records[0]).toEqual(['id', 'region', 'amount', 'day', 'code']);
      expect(records.length - 1).toBeLessThanOrEqual(1000);
      all.push(...records.slice(1));
    }
    expect(all).toEqual(expectedRecords(2_500));

    const product = okValue(parseProductYaml(await mesh.read('sales-demo/product.yaml')));
    expect(product.version).toBe('1.0.0');
    const [v1] = readVersionHistory(product);
    expect(v1).toMatchObject({ version: '1.0.0', contract: 'schemata/v1.0.0.20261121T101500Z.yaml', stats: 'stats/v1.0.0.json', endpoints: [{ name: 'default', rows: 2_500, parts: 3, columns: 5 }] });
    const contract = okValue(parseContractYaml(await mesh.read('sales-demo/schemata/v1.0.0.20261121T101500Z.yaml')));
    const server = contract.servers?.[0] as Record<string, string>;
    expect(server.type).toBe(kind === 'file' ? 'local' : 's3');
    expect(server[kind === 'file' ? 'path' : 'location']).toMatch(/sales-demo\/\{model\}\/v1\.0\.0\.datapart\*\.csv$/);
    // Both documents pass the official schemas.
    const v = await standardValidators();
    expect(v.validateContract(contract).ok).toBe(true);
    expect(v.validateProduct(product).ok).toBe(true);
    const stats = JSON.parse(await mesh.read('sales-demo/stats/v1.0.0.json'));
    expect(stats.endpoints[0]).toMatchObject({ name: 'default', rows: 2_500, parts: 3 });
  }, 120_000);

  it('versions follow the schema diff: patch, minor, major; the owner may go higher, never lower', async () => {
    const mesh = await newMesh(kind);
    const file = salesCsv(dir, 300, { name: `v-${kind}.csv` });
    okValue(await publish(mesh, file, salesMeta()));
    expect(okValue(await publish(mesh, file, salesMeta())).version).toBe('1.0.1');
    const wider = salesCsv(dir, 300, { name: `wider-${kind}.csv`, extraColumn: true });
    const minor = okValue(await publish(mesh, wider, salesMeta('sales-demo', { extraColumn: true })));
    expect(minor).toMatchObject({ version: '1.1.0', bump: 'minor' });
    expect(minor.changes.map((c) => c.text).join()).toMatch(/note/);
    const narrower = salesCsv(dir, 300, { name: `narrow-${kind}.csv`, dropRegion: true });
    const tooLow = await publish(mesh, narrower, salesMeta('sales-demo', { dropRegion: true }), { bump: 'minor' });
    expect(tooLow.ok).toBe(false);
    expect((tooLow as { error: AppError }).error.code).toBe('version.bump-too-low');
    expect((tooLow as { error: AppError }).error.message).toMatch(/region/);
    const major = okValue(await publish(mesh, narrower, salesMeta('sales-demo', { dropRegion: true })));
    expect(major).toMatchObject({ version: '2.0.0', bump: 'major' });
    expect(okValue(await publish(mesh, narrower, salesMeta('sales-demo', { dropRegion: true }), { bump: 'major' })).version).toBe('3.0.0');
    const product = okValue(parseProductYaml(await mesh.read('sales-demo/product.yaml')));
    expect(readVersionHistory(product).map((h) => h.version)).toEqual(['3.0.0', '2.0.0', '1.1.0', '1.0.1', '1.0.0']);
    // Published versions are never changed: v1.0.0's part is still there, as written.
    expect(parseCsv(await mesh.read('sales-demo/default/v1.0.0.datapart0001.csv')).slice(1)).toEqual(expectedRecords(300));
  }, 120_000);

  it('of two concurrent publishers exactly one wins; the other is told in words and wrote nothing', async () => {
    const mesh = await newMesh(kind);
    const file = salesCsv(dir, 1_200, { name: `race-${kind}.csv` });
    okValue(await publish(mesh, file, salesMeta()));
    const before = await mesh.keys();
    const a = okValue(await prepareAt(mesh.store, file, salesMeta()));
    const b = okValue(await prepareAt(mesh.store, file, salesMeta()));
    const results = await Promise.all([send(mesh, file, a, { publishId: 'anna' }), send(mesh, file, b, { publishId: 'ben', bump: 'major' })]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok) as { ok: false; error: AppError }[];
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.error.code).toBe('publish.lost-race');
    expect(losers[0]!.error.message).toMatch(/sales-demo/);
    expect(losers[0]!.error.message).toMatch(/draft is kept/);
    const won = (winners[0] as { value: { version: string } }).value.version;
    const product = okValue(parseProductYaml(await mesh.read('sales-demo/product.yaml')));
    expect(product.version).toBe(won);
    // Only the winner's version was added; no claim is left behind.
    const added = (await mesh.keys()).filter((k) => !before.includes(k) && k !== CATALOG_KEY);
    expect(added.every((k) => k.includes(`v${won}.`))).toBe(true);
    expect(added.some((k) => k.startsWith('_publishing/'))).toBe(false);
    // The loser prepared on the old version: publishing the same plan again is refused, not merged.
    const again = await send(mesh, file, results[0]!.ok ? b : a, { publishId: results[0]!.ok ? 'ben' : 'anna' });
    expect(again.ok).toBe(false);
    expect((again as { error: AppError }).error.message).toMatch(new RegExp(`v${won.replace(/\./g, '\\.')}`));
  }, 120_000);

  it('uses the mesh policy: partRows from _governance/policy.yaml', async () => {
    const mesh = await newMesh(kind);
    await mesh.store.put('_governance/policy.yaml', new TextEncoder().encode(policyToYaml({ ...DEFAULT_POLICY, partRows: 400 })));
    const out = okValue(await publish(mesh, salesCsv(dir, 1_000, { name: `pol-${kind}.csv` }), salesMeta()));
    expect(out.parts).toBe(3);
    const last = parseCsv(await mesh.read('sales-demo/default/v1.0.0.datapart0003.csv'));
    expect(last.length - 1).toBe(200);
  }, 120_000);

  it('rebuilds a missing or stale catalog from every product.yaml', async () => {
    const mesh = await newMesh(kind);
    okValue(await publish(mesh, salesCsv(dir, 50, { name: `c1-${kind}.csv` }), salesMeta('alpha-sales')));
    okValue(await publish(mesh, salesCsv(dir, 50, { name: `c2-${kind}.csv` }), salesMeta('beta-sales')));
    await mesh.store.delete(CATALOG_KEY);
    const { index, rebuilt } = await readCatalog(mesh.store, { now: Date.now });
    expect(rebuilt).toBe(true);
    expect(index.products.map((p) => `${p.name}@${p.version}`)).toEqual(['alpha-sales@1.0.0', 'beta-sales@1.0.0']);
    expect(JSON.parse(await mesh.read(CATALOG_KEY)).products).toHaveLength(2);
  }, 120_000);
});

describe.skipIf(skipS3 !== null)(`S3 faults in words ${skipS3 ?? ''}`, () => {
  it('a missing bucket', async () => {
    const opened = openMesh(`s3://no-such-bucket-here/mesh?endpoint=${moto!.endpoint}&pathStyle=true`, { credentials: creds });
    const r = await publish(okValue(opened), salesCsv(dir, 10, { name: 'nb.csv' }), salesMeta());
    expect(r.ok).toBe(false);
    const e = (r as { error: AppError }).error;
    expect(e.code).toBe('mesh.no-bucket');
    expect(e.message).toMatch(/no-such-bucket-here/);
  }, 60_000);

  it('wrong credentials (a server that checks keys)', async () => {
    const strict = await startMotoServer(30_000, { INITIAL_NO_AUTH_ACTION_COUNT: '0' });
    try {
      const opened = openMesh(`s3://acme-mesh/mesh?endpoint=${strict.endpoint}&pathStyle=true`, { credentials: { accessKeyId: 'AKIAWRONGWRONG', secretAccessKey: 'nope' } });
      const r = await publish(okValue(opened), salesCsv(dir, 10, { name: 'wc.csv' }), salesMeta());
      expect(r.ok).toBe(false);
      const e = (r as { error: AppError }).error;
      expect(e.code).toBe('mesh.auth');
      expect(e.message).not.toMatch(/nope/);
      expect(e.message).toMatch(/key/i);
    } finally {
      await strict.stop();
    }
  }, 60_000);
});
