// `mesh-desk publish --queue`, `mesh-desk outbox` and `mesh-desk sync` as a user runs them: real
// child processes sharing one data folder ($MESH_DESK_HOME), a folder mesh on a "network drive"
// that is missing and then back, a real S3 API (moto_server) that is down and then up, exit codes.

import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, motoSkipReason } from '../../harness/moto-server';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv } from '../publish/publish-fixtures';
import { createBucket, filesContaining, startMotoOn, versionsOf, type MotoOnPort } from '../outbox/outbox-fixtures';

const repo = resolve(__dirname, '../../..');
const bin = join(repo, 'shared/node/cli/bin.mjs');
const root = tempDir('mesh-desk-outbox-cli-');
let moto: MotoOnPort | undefined;
afterAll(async () => {
  await moto?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Runs the CLI in a child (async: a moto_server child of this process keeps answering meanwhile). */
function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

function metaFile(dir: string, name: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, [
    `name: ${name}`, 'title: Weekly sales', 'description: Sales by day', 'domain: finance',
    'owner: {name: Anna Berg, email: anna@example.com}', 'frequency: weekly', 'classification: internal',
    'columns:', '  id: {description: Sale number}', '  region: {description: Sales region}', '  amount: {description: Amount in EUR}',
    '  day: {description: Day of sale}', '  code: {description: Product code}', '',
  ].join('\n'));
  return path;
}

describe('mesh-desk publish --queue, outbox, sync', () => {
  it('a folder mesh on a drive that is gone: queued (exit 0), listed, sync waits (exit 1), then delivers once (exit 0)', async () => {
    const dir = join(root, 'folder');
    mkdirSync(dir, { recursive: true });
    const env = { MESH_DESK_HOME: join(dir, 'home') };
    const drive = join(dir, 'drive');
    const mesh = pathToFileURL(join(drive, 'mesh')).href;
    const file = salesCsv(dir, 120);
    const meta = metaFile(dir, 'queued-sales');

    const plain = await cli(env, 'publish', file, '--mesh', mesh, '--meta', meta);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/cannot be reached/);

    const queued = await cli(env, 'publish', file, '--mesh', mesh, '--meta', meta, '--queue');
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/^queued: "queued-sales" waits in the outbox/);

    const listed = await cli(env, 'outbox', '--json');
    expect(listed.code).toBe(0);
    const { jobs } = JSON.parse(listed.stdout) as { jobs: { product: string; state: string; queuedBy: string; mesh: string; baseVersion: string | null }[] };
    expect(jobs).toEqual([expect.objectContaining({ product: 'queued-sales', state: 'waiting', queuedBy: 'cli', mesh, baseVersion: null })]);
    expect(listed.stdout).not.toContain(file);
    const text = await cli(env, 'outbox');
    expect(text.stdout).toMatch(/^waiting\s+queued-sales \(sales\.csv\) → file:/);

    const still = await cli(env, 'sync', '--json');
    expect(still.code).toBe(1);
    expect(JSON.parse(still.stdout)).toMatchObject({ sent: 0, notSent: 1, jobs: [{ state: 'waiting', attempts: 1 }] });

    mkdirSync(drive);
    const sent = await cli(env, 'sync', '--json');
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ sent: 1, notSent: 0, jobs: [{ state: 'delivered', delivered: { version: '1.0.0' } }] });
    const again = await cli(env, 'sync');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing to send/);
    expect((await versionsOf(mesh, 'queued-sales')).map((v) => v.version)).toEqual(['1.0.0']);
  }, 300_000);

  it('someone else publishes first: sync reports the conflict (exit 1) and overwrites nothing', async () => {
    const dir = join(root, 'conflict');
    mkdirSync(dir, { recursive: true });
    const env = { MESH_DESK_HOME: join(dir, 'home') };
    const drive = join(dir, 'drive');
    const mesh = pathToFileURL(join(drive, 'mesh')).href;
    const file = salesCsv(dir, 80);
    const meta = metaFile(dir, 'contested');
    expect((await cli(env, 'publish', file, '--mesh', mesh, '--meta', meta, '--queue', '--json')).code).toBe(0);
    mkdirSync(drive);
    const other = await cli({ MESH_DESK_HOME: join(dir, 'other-home') }, 'publish', file, '--mesh', mesh, '--meta', meta, '--by', 'Ben Other');
    expect(other.code, other.stderr).toBe(0);
    const sync = await cli(env, 'sync');
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/CONFLICT\s+contested/);
    expect(sync.stdout).toMatch(/Ben Other created the product "contested"/);
    expect((await versionsOf(mesh, 'contested')).length).toBe(1);
  }, 300_000);

  it.skipIf(motoSkipReason() !== null)('S3 down: queued; S3 up: delivered exactly once; the keys from the environment are in no file', async () => {
    const dir = join(root, 's3');
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const secret = 'cli-outbox-secret-Hk2Lp9Qw4Zx7';
    const keyId = 'AKIACLIOUTBOX0001';
    const env = { MESH_DESK_HOME: join(dir, 'home'), AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, AWS_REGION: 'us-east-1' };
    const mesh = `s3://cli-bucket/mesh?endpoint=${endpoint}&region=us-east-1&pathStyle=true`;
    const file = salesCsv(dir, 90);
    const meta = metaFile(dir, 's3-sales');

    const queued = await cli(env, 'publish', file, '--mesh', mesh, '--meta', meta, '--queue', '--json');
    expect(queued.code, queued.stderr).toBe(0);
    expect(JSON.parse(queued.stdout)).toMatchObject({ published: false, queued: true, product: 's3-sales', mesh });

    moto = await startMotoOn(port);
    await createBucket(endpoint, 'cli-bucket', { accessKeyId: keyId, secretAccessKey: secret });
    const sent = await cli(env, 'sync', '--json');
    expect(sent.code, sent.stderr + sent.stdout).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ sent: 1, jobs: [{ state: 'delivered' }] });
    expect((await cli(env, 'sync', '--json')).stdout).toContain('"sent":0');
    expect((await versionsOf(mesh, 's3-sales', { credentials: { accessKeyId: keyId, secretAccessKey: secret } })).length).toBe(1);
    expect(filesContaining(join(dir, 'home'), [secret, keyId])).toEqual([]);
  }, 300_000);
});
