// Node only.
// The mesh on AWS S3 or an S3-compatible store (MinIO, Ceph, R2…). Keys live under the mesh
// prefix; small documents go in one PutObject (so conditional writes work), streams through
// lib-storage's multipart Upload so large data parts never sit in memory whole.

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PutObjectCommandInput } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { MeshStore, PutOptions, StoredObject, WriteCondition } from '../../core/mesh/mesh-store';
import { MeshError } from '../../core/mesh/mesh-store';
import { CancelledError, throwIfCancelled } from '../../core/result';
import { setupS3 } from './s3-client';
import type { S3Location, S3StoreOptions } from './s3-client';
import { isAbort, toMeshError, withRetry } from './s3-errors';

export type { S3StoreOptions } from './s3-client';

/** A streamed body with a write condition is buffered (one PutObject) up to this size. */
export const MAX_CONDITIONAL_STREAM_BYTES = 16 * 1024 * 1024;
/** get() reads whole objects into memory; larger ones must use getStream(). */
export const MAX_GET_BYTES = 64 * 1024 * 1024;
const MIN_PART = 5 * 1024 * 1024;
const PROBE_DIR = '_mesh-desk-probe/';

export function createS3Store(loc: S3Location, opts: S3StoreOptions = {}): MeshStore {
  const { client, uploadClient, ctx } = setupS3(loc, opts);
  const root = loc.prefix === '' ? '' : `${loc.prefix}/`;
  const full = (key: string) => root + checkKey(key);

  async function head(key: string, signal?: AbortSignal): Promise<StoredObject | null> {
    try {
      const out = await withRetry(() => client.send(new HeadObjectCommand({ Bucket: loc.bucket, Key: full(key) }), { abortSignal: signal }), ctx, 'read', key, signal);
      return { key, size: out.ContentLength ?? 0, etag: out.ETag ?? '', ...(out.LastModified ? { lastModified: out.LastModified.toISOString() } : {}) };
    } catch (e) {
      // HEAD has no error body, so a missing bucket also looks like "not found" here.
      if (e instanceof MeshError && e.code === 'mesh.not-found') return null;
      throw e;
    }
  }

  async function openBody(key: string, signal?: AbortSignal) {
    try {
      return await withRetry(() => client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: full(key) }), { abortSignal: signal }), ctx, 'read', key, signal);
    } catch (e) {
      if (e instanceof MeshError && e.code === 'mesh.not-found') return null;
      throw e;
    }
  }

  async function get(key: string, signal?: AbortSignal): Promise<{ body: Uint8Array; etag: string } | null> {
    const out = await openBody(key, signal);
    if (!out) return null;
    if ((out.ContentLength ?? 0) > MAX_GET_BYTES) {
      (out.Body as Readable | undefined)?.destroy?.();
      throw new MeshError('mesh.io', `"${key}" in the mesh ${ctx.mesh} is ${Math.round((out.ContentLength ?? 0) / 1048576)} MB, too large to open as a document. It may not be a Mesh Desk file; ask the mesh administrator.`);
    }
    const chunks: Uint8Array[] = [];
    for await (const c of bodyChunks(out.Body, key, signal)) chunks.push(c);
    return { body: Buffer.concat(chunks), etag: out.ETag ?? '' };
  }

  async function* bodyChunks(body: unknown, key: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const stream = body as Readable;
    const onAbort = () => stream.destroy();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of stream) {
        throwIfCancelled(signal);
        yield chunk instanceof Uint8Array ? chunk : Buffer.from(chunk as string);
      }
      throwIfCancelled(signal);
    } catch (e) {
      throw toMeshError(e, ctx, 'read', key);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      stream.destroy();
    }
  }

  async function getStream(key: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array> | null> {
    const out = await openBody(key, signal);
    return out ? bodyChunks(out.Body, key, signal) : null;
  }

  async function putBytes(key: string, body: Uint8Array, o: PutOptions): Promise<{ etag: string }> {
    const input: PutObjectCommandInput = {
      Bucket: loc.bucket,
      Key: full(key),
      Body: body,
      ContentLength: body.byteLength,
      ...(o.contentType ? { ContentType: o.contentType } : {}),
      ...conditionParams(o.condition),
    };
    const out = await withRetry(() => client.send(new PutObjectCommand(input), { abortSignal: o.signal }), ctx, 'write', key, o.signal);
    o.onProgress?.(body.byteLength);
    return { etag: out.ETag ?? '' };
  }

  async function putStream(key: string, body: AsyncIterable<Uint8Array>, o: PutOptions): Promise<{ etag: string }> {
    // Part size grows with known large sizes: S3 allows at most 10,000 parts.
    const partSize = Math.max(MIN_PART, Math.ceil((o.size ?? 0) / 9_000));
    const upload = new Upload({
      client: uploadClient,
      queueSize: 4,
      partSize,
      leavePartsOnError: false,
      params: { Bucket: loc.bucket, Key: full(key), Body: Readable.from(body, { objectMode: false }), ...(o.contentType ? { ContentType: o.contentType } : {}) },
    });
    if (o.onProgress) upload.on('httpUploadProgress', (p) => p.loaded !== undefined && o.onProgress?.(p.loaded));
    const onAbort = () => void upload.abort().catch(() => undefined);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      throwIfCancelled(o.signal);
      const out = await upload.done();
      return { etag: out.ETag ?? '' };
    } catch (e) {
      if (isAbort(e, o.signal)) throw new CancelledError();
      throw toMeshError(e, ctx, 'write', key);
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, o: PutOptions = {}): Promise<{ etag: string }> {
    checkKey(key);
    throwIfCancelled(o.signal);
    if (body instanceof Uint8Array) return putBytes(key, body, o);
    // Conditional writes are for small documents (product.yaml); multipart uploads cannot carry
    // them reliably on every S3-compatible server, so buffer within a bound instead.
    if (o.condition) return putBytes(key, await collect(body, key, o.signal), o);
    return putStream(key, body, o);
  }

  async function collect(body: AsyncIterable<Uint8Array>, key: string, signal?: AbortSignal): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const c of body) {
      throwIfCancelled(signal);
      size += c.byteLength;
      if (size > MAX_CONDITIONAL_STREAM_BYTES) {
        throw new MeshError('mesh.io', `"${key}" is larger than ${MAX_CONDITIONAL_STREAM_BYTES / 1048576} MB, too large to write as a protected (conditional) document in the mesh ${ctx.mesh}. Nothing was written. This is a Mesh Desk fault; please report it.`);
      }
      chunks.push(c);
    }
    return Buffer.concat(chunks);
  }

  async function* list(prefix: string, signal?: AbortSignal): AsyncGenerator<StoredObject> {
    const from = root + prefix;
    let token: string | undefined;
    do {
      const page = await withRetry(
        () => client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: from, ...(token ? { ContinuationToken: token } : {}) }), { abortSignal: signal }),
        ctx, 'list', prefix === '' ? undefined : prefix, signal,
      );
      for (const o of page.Contents ?? []) {
        if (!o.Key || !o.Key.startsWith(root)) continue;
        yield { key: o.Key.slice(root.length), size: o.Size ?? 0, etag: o.ETag ?? '', ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async function del(key: string, signal?: AbortSignal): Promise<void> {
    try {
      await withRetry(() => client.send(new DeleteObjectCommand({ Bucket: loc.bucket, Key: full(key) }), { abortSignal: signal }), ctx, 'delete', key, signal);
    } catch (e) {
      if (e instanceof MeshError && e.code === 'mesh.not-found') return;
      throw e;
    }
  }

  async function check(signal?: AbortSignal): Promise<void> {
    // Reading: one key is enough to prove the bucket exists and we may list it.
    await withRetry(() => client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: root, MaxKeys: 1 }), { abortSignal: signal }), ctx, 'list', undefined, signal);
    // Writing: a tiny probe, removed again at once.
    const probe = `${PROBE_DIR}${randomUUID()}`;
    await putBytes(probe, new TextEncoder().encode('Mesh Desk connection test; safe to delete.\n'), { contentType: 'text/plain', ...(signal ? { signal } : {}) });
    await del(probe, signal);
  }

  return { url: ctx.mesh, head, get, getStream, put, list, delete: del, check };
}

function conditionParams(c: WriteCondition | undefined): Partial<PutObjectCommandInput> {
  if (!c) return {};
  return 'ifNoneMatch' in c ? { IfNoneMatch: '*' } : { IfMatch: c.ifMatch };
}

/** Keys are relative and "/"-separated; anything else is a programming error, caught early. */
function checkKey(key: string): string {
  if (key === '' || key.startsWith('/') || key.split('/').some((s) => s === '..' || s === '.') || /[\u0000-\u001f]/.test(key)) {
    throw new Error(`Invalid mesh key ${JSON.stringify(key)}`);
  }
  return key;
}
