// Node only (test). A publish killed half-way (SIGKILL, like a crash or a pulled plug): readers
// still see the old version whole, someone else is kept out while the claim is fresh, and the
// same owner running the same publish again finishes it and removes the leftovers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { parseProductYaml } from '../../../shared/core/contract/standard-yaml';
import { readVersionHistory } from '../../../shared/core/publish/version-history';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import { prepareFilePublish, runFilePublish } from '../../../shared/node/publish/publish-file';
import { motoSkipReason, startMotoServer, type MotoServer } from '../../harness/moto-server';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv, salesMeta } from './publish-fixtures';

const repo = resolve(__dirname, '../../..');
const child = join(__dirname, 'publish-child.ts');
const creds = { accessKeyId: 'test', secretAccessKey: 'test' };
const skipS3 = motoSkipReason();
const dir = tempDir('mesh-desk-killed-');
let moto: MotoServer | undefined;
let plain: S3Client | undefined;

beforeAll(async () => {
  if (skipS3 !== null) return;
  moto = await startMotoServer();
  plain = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: creds });
}, 60_000);

afterAll(async () => {
  plain?.destroy();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function meshFor(kind: 'file' | 's3') {
  if (kind === 'file') {
    const root = tempDir('mesh-desk-killed-mesh-');
    const walk = (d: string, pre: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${d}/${e.name}`, `${pre}${e.name}/`) : [`${pre}${e.name}`]));
    return { url: `file://${root}`, keys: async () => walk(root, '').filter((k) => !k.startsWith('.')), read: async (k: string) => readFileSync(join(root, k), 'utf8') };
  }
  const bucket = `killed-${process.pid}`;
  await plain!.send(new CreateBucketCommand({ Bucket: bucket }));
  const store = openMesh(`s3://${bucket}/m?endpoint=${moto!.endpoint}`, { credentials: creds });
  if (!store.ok) throw new Error(store.error.message);
  return {
    url: `s3://${bucket}/m?endpoint=${moto!.endpoint}&pathStyle=true`,
    keys: async () => {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await plain!.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'm/', ContinuationToken: token }));
        for (const o of page.Contents ?? []) out.push(o.Key!.slice(2));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out;
    },
    read: async (k: string) => new TextDecoder().decode((await store.value.store.get(k))!.body),
  };
}

const KINDS = (['file', 's3'] as const).filter((k) => k === 'file' || skipS3 === null);

describe.each(KINDS)('a publish killed half-way (%s mesh)', (kind) => {
  it('leaves readers on the old version; others wait; a retry by the same owner completes and cleans up', async () => {
    const mesh = await meshFor(kind);
    const options = kind === 's3' ? { credentials: creds } : {};
    const small = salesCsv(dir, 500, { name: `small-${kind}.csv` });
    const first = await prepareFilePublish({ mesh: { url: mesh.url, options }, path: small, fileName: 'small.csv', sheets: [{}], meta: salesMeta() });
    if (!first.ok) throw new Error(first.error.message);
    const v1 = await runFilePublish({ mesh: { url: mesh.url, options }, path: small, plan: first.value });
    expect(v1.ok).toBe(true);

    // The second version is big enough (60 parts, sent one at a time) to be caught half-way.
    const big = salesCsv(dir, 60_000, { name: `big-${kind}.csv` });
    const proc = spawn(process.execPath, ['--import', 'tsx', child, mesh.url, big, JSON.stringify(salesMeta())], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...(kind === 's3' ? { TEST_S3_KEY: creds.accessKeyId, TEST_S3_SECRET: creds.secretAccessKey } : {}) },
    });
    let output = '';
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const deadline = Date.now() + 60_000;
    let parts = 0;
    while (Date.now() < deadline) {
      parts = (await mesh.keys()).filter((k) => k.includes('/default/v1.0.1.datapart')).length;
      if (parts >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    proc.kill('SIGKILL');
    await exited;
    expect(output).not.toMatch(/published/);
    expect(parts).toBeGreaterThanOrEqual(3);

    // Readers: product.yaml still names v1.0.0, and every file of v1.0.0 is there.
    const product = parseProductYaml(await mesh.read('sales-demo/product.yaml'));
    if (!product.ok) throw new Error(product.error.message);
    expect(product.value.version).toBe('1.0.0');
    const keys = await mesh.keys();
    const [rec] = readVersionHistory(product.value);
    expect(keys).toContain(`sales-demo/${rec!.contract}`);
    expect(keys).toContain('sales-demo/default/v1.0.0.datapart0001.csv');
    expect(keys).toContain('_publishing/sales-demo.json');

    // Someone else is kept out while the claim is fresh (their draft untouched, told in words).
    const otherFile = salesCsv(dir, 500, { name: `other-${kind}.csv` });
    const other = await prepareFilePublish({ mesh: { url: mesh.url, options }, path: otherFile, fileName: 'other.csv', sheets: [{}], meta: salesMeta() });
    if (!other.ok) throw new Error(other.error.message);
    const blocked = await runFilePublish({ mesh: { url: mesh.url, options }, path: otherFile, plan: other.value });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error.code).toBe('publish.lost-race');
      expect(blocked.error.message).toMatch(/has not finished yet/);
    }

    // The same owner, same file: resumes, removes the leftovers, and completes.
    const again = await prepareFilePublish({ mesh: { url: mesh.url, options }, path: big, fileName: 'big.csv', sheets: [{}], meta: salesMeta() });
    if (!again.ok) throw new Error(again.error.message);
    const done = await runFilePublish({ mesh: { url: mesh.url, options }, path: big, plan: again.value });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value).toMatchObject({ version: '1.0.1', parts: 60, rows: 60_000 });
    expect(done.value.cleanedUp).toBeGreaterThanOrEqual(3);
    const after = await mesh.keys();
    expect(after.filter((k) => k.includes('/default/v1.0.1.datapart'))).toHaveLength(60);
    expect(after).not.toContain('_publishing/sales-demo.json');
  }, 180_000);
});
