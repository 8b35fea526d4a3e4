// Node only (test). The S3 store against a real moto server (an S3 API that honours conditional writes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Store } from '../../../shared/node/mesh/s3-store';
import { MeshError } from '../../../shared/core/mesh/mesh-store';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import { parseMeshUrl } from '../../../shared/core/mesh/mesh-url';
import type { MeshLocation } from '../../../shared/core/mesh/mesh-url';
import { CancelledError } from '../../../shared/core/result';
import { freePort, motoSkipReason, startMotoServer } from '../../harness/moto-server';
import type { MotoServer } from '../../harness/moto-server';

const skip = motoSkipReason();
const creds = { accessKeyId: 'test', secretAccessKey: 'test' };
const BUCKET = 'acme-mesh';
const enc = (s: string) => new TextEncoder().encode(s);

function s3Loc(url: string): Extract<MeshLocation, { kind: 's3' }> {
  const r = parseMeshUrl(url);
  if (!r.ok || r.value.kind !== 's3') throw new Error(`bad test url ${url}`);
  return r.value;
}

async function expectMeshError(p: Promise<unknown>, code: string): Promise<MeshError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(MeshError);
  expect((e as MeshError).code).toBe(code);
  return e as MeshError;
}

async function* chunksOf(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(skip !== null)(`S3 store against moto ${skip ?? ''}`, () => {
  let moto: MotoServer;
  let plain: S3Client;
  let store: MeshStore;

  beforeAll(async () => {
    moto = await startMotoServer();
    plain = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: creds });
    await plain.send(new CreateBucketCommand({ Bucket: BUCKET }));
    store = createS3Store(s3Loc(`s3://${BUCKET}/data-services?endpoint=${moto.endpoint}`), { credentials: creds });
  }, 60_000);

  afterAll(async () => {
    plain?.destroy();
    await moto?.stop();
  });

  it('puts, heads, gets, lists and deletes under the mesh prefix', async () => {
    expect(store.url).toBe(`s3://${BUCKET}/data-services?endpoint=${moto.endpoint}`);
    const { etag } = await store.put('prices/product.yaml', enc('name: prices\n'), { contentType: 'application/yaml' });
    expect(etag).not.toBe('');
    await store.put('prices/default/v1.0.0.datapart0001.csv', enc('a,b\n1,2\n'));
    await store.put('other/product.yaml', enc('name: other\n'));

    const h = await store.head('prices/product.yaml');
    expect(h).toMatchObject({ key: 'prices/product.yaml', size: 13, etag });
    expect(h?.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await store.head('prices/missing.yaml')).toBeNull();

    const got = await store.get('prices/product.yaml');
    expect(new TextDecoder().decode(got?.body)).toBe('name: prices\n');
    expect(got?.etag).toBe(etag);
    expect(await store.get('nope.yaml')).toBeNull();
    expect(await store.getStream('nope.csv')).toBeNull();

    // An independent client sees the object at prefix + key, bytes unchanged.
    const raw = await plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'data-services/prices/product.yaml' }));
    expect(await raw.Body?.transformToString()).toBe('name: prices\n');

    const keys = [];
    for await (const o of store.list('prices/')) keys.push(o.key);
    expect(keys.sort()).toEqual(['prices/default/v1.0.0.datapart0001.csv', 'prices/product.yaml']);
    const all = [];
    for await (const o of store.list('')) all.push(o.key);
    expect(all).toEqual(expect.arrayContaining(['other/product.yaml', 'prices/product.yaml']));

    await store.delete('other/product.yaml');
    await store.delete('other/product.yaml'); // missing: not an error
    expect(await store.head('other/product.yaml')).toBeNull();
  });

  it('lists across pages', async () => {
    const many = createS3Store(s3Loc(`s3://${BUCKET}/paged?endpoint=${moto.endpoint}`), { credentials: creds });
    await Promise.all(Array.from({ length: 1005 }, (_, i) => many.put(`k/${String(i).padStart(4, '0')}`, enc(String(i)))));
    let n = 0;
    for await (const o of many.list('k/')) {
      expect(o.key).toMatch(/^k\/\d{4}$/);
      n++;
    }
    expect(n).toBe(1005);
  });

  it('If-None-Match "*" creates once; the second writer is told', async () => {
    await store.put('new/product.yaml', enc('v1'), { condition: { ifNoneMatch: '*' } });
    const e = await expectMeshError(store.put('new/product.yaml', enc('v2'), { condition: { ifNoneMatch: '*' } }), 'mesh.precondition-failed');
    expect(e.message).toMatch(/new\/product\.yaml.*nothing was overwritten/);
    expect(new TextDecoder().decode((await store.get('new/product.yaml'))?.body)).toBe('v1');
  });

  it('If-Match replaces only the version read', async () => {
    const first = await store.put('cas/product.yaml', enc('one'));
    const second = await store.put('cas/product.yaml', enc('two'), { condition: { ifMatch: first.etag } });
    await expectMeshError(store.put('cas/product.yaml', enc('three'), { condition: { ifMatch: first.etag } }), 'mesh.precondition-failed');
    const third = await store.put('cas/product.yaml', enc('three'), { condition: { ifMatch: second.etag } });
    const got = await store.get('cas/product.yaml');
    expect(new TextDecoder().decode(got?.body)).toBe('three');
    expect(got?.etag).toBe(third.etag);
  });

  it('a conditional streamed put is buffered and still conditional', async () => {
    await store.put('cs/product.yaml', chunksOf(enc('hello stream'), 3), { condition: { ifNoneMatch: '*' } });
    await expectMeshError(store.put('cs/product.yaml', chunksOf(enc('again'), 2), { condition: { ifNoneMatch: '*' } }), 'mesh.precondition-failed');
  });

  it('streams 12 MB through a multipart upload byte for byte, with progress', async () => {
    const data = randomBytes(12 * 1024 * 1024 + 123);
    const seen: number[] = [];
    const { etag } = await store.put('big/default/v1.0.0.datapart0001.csv', chunksOf(data, 256 * 1024), {
      size: data.length,
      onProgress: (n) => seen.push(n),
    });
    expect(etag).toMatch(/-3"?$/); // three parts: 5 + 5 + 2 MiB
    expect(Math.max(...seen)).toBe(data.length);

    const stream = await store.getStream('big/default/v1.0.0.datapart0001.csv');
    const parts: Uint8Array[] = [];
    for await (const c of stream!) parts.push(c);
    const back = Buffer.concat(parts);
    expect(back.length).toBe(data.length);
    expect(sha(back)).toBe(sha(data));

    const raw = await plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'data-services/big/default/v1.0.0.datapart0001.csv' }));
    expect(sha(await raw.Body!.transformToByteArray())).toBe(sha(data));
  });

  it('a missing bucket is named', async () => {
    const gone = createS3Store(s3Loc(`s3://no-such-bucket-here/x?endpoint=${moto.endpoint}`), { credentials: creds });
    const e = await expectMeshError(gone.put('a.yaml', enc('x')), 'mesh.no-bucket');
    expect(e.message).toContain('"no-such-bucket-here"');
    await expectMeshError(gone.check(), 'mesh.no-bucket');
  });

  it('check() lists, writes and removes its probe', async () => {
    const fresh = createS3Store(s3Loc(`s3://${BUCKET}/checked?endpoint=${moto.endpoint}`), { credentials: creds });
    await fresh.check();
    const left = [];
    for await (const o of fresh.list('')) left.push(o.key);
    expect(left).toEqual([]);
  });

  it('honours AbortSignal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(store.put('x.yaml', enc('x'), { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
    await expect(store.get('prices/product.yaml', ac.signal)).rejects.toBeInstanceOf(CancelledError);
  });

  it('reads endpoint, region and credentials from the environment', async () => {
    const fromEnv = createS3Store(s3Loc(`s3://${BUCKET}/env`), {
      env: { AWS_ENDPOINT_URL_S3: moto.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
    });
    await fromEnv.put('a.txt', enc('env'));
    expect(new TextDecoder().decode((await fromEnv.get('a.txt'))?.body)).toBe('env');
  });
});

describe('S3 store without a server', () => {
  it('a closed endpoint gives mesh.network naming it, within a few seconds', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const dead = createS3Store(s3Loc(`s3://acme-mesh/x?endpoint=${endpoint}`), { credentials: { accessKeyId: 'AKIDSECRETLOOKING', secretAccessKey: 'sup3rs3cret' } });
    const t0 = Date.now();
    const e = await expectMeshError(dead.get('a.yaml'), 'mesh.network');
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(e.message).toContain(endpoint);
    expect(e.message).not.toMatch(/sup3rs3cret|AKIDSECRETLOOKING/);
    await expectMeshError(dead.check(), 'mesh.network');
  });

  it('refuses a conditional stream too large to buffer, before sending anything', async () => {
    const dead = createS3Store(s3Loc('s3://acme-mesh/x?endpoint=http://127.0.0.1:9'), { credentials: creds });
    const e = await expectMeshError(dead.put('p.yaml', chunksOf(new Uint8Array(17 * 1024 * 1024), 1024 * 1024), { condition: { ifNoneMatch: '*' } }), 'mesh.io');
    expect(e.message).toMatch(/Nothing was written/);
  });
});
