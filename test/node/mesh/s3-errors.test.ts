// Node only (test). Error mapping and retries for the S3 store, with SDK-shaped errors built here
// for the cases moto does not produce (it accepts any credentials).
import { describe, expect, it } from 'vitest';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { isRetryable, toMeshError, withRetry } from '../../../shared/node/mesh/s3-errors';
import type { S3Context } from '../../../shared/node/mesh/s3-errors';
import { MeshError } from '../../../shared/core/mesh/mesh-store';
import { CancelledError } from '../../../shared/core/result';

const ctx: S3Context = { mesh: 's3://acme-mesh/data', bucket: 'acme-mesh', server: 'http://127.0.0.1:9000', region: 'eu-central-1' };

function sdkError(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: 'secret-key-AKIDLEAK in request' });
}
function netError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9000`), { code });
}

describe('toMeshError', () => {
  const cases: [unknown, string, RegExp][] = [
    [sdkError('PreconditionFailed', 412), 'mesh.precondition-failed', /"product\.yaml".*nothing was overwritten/],
    [sdkError('InvalidAccessKeyId', 403), 'mesh.auth', /access key or secret is wrong or expired; check the mesh settings/],
    [sdkError('SignatureDoesNotMatch', 403), 'mesh.auth', /wrong or expired/],
    [sdkError('ExpiredToken', 400), 'mesh.auth', /wrong or expired/],
    [sdkError('AccessDenied', 403), 'mesh.forbidden', /may not write "product\.yaml".*"acme-mesh"/],
    [sdkError('NoSuchBucket', 404), 'mesh.no-bucket', /"acme-mesh" does not exist at http:\/\/127\.0\.0\.1:9000/],
    [sdkError('PermanentRedirect', 301), 'mesh.bad-url', /region "eu-central-1"/],
    [sdkError('InternalError', 500), 'mesh.io', /InternalError, HTTP 500/],
    [netError('ECONNREFUSED'), 'mesh.network', /127\.0\.0\.1:9000 \(nothing is listening there\)/],
    [netError('ENOTFOUND'), 'mesh.network', /server name was not found/],
    [new AggregateError([netError('ECONNREFUSED'), netError('ECONNREFUSED')]), 'mesh.network', /nothing is listening/],
    [Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'mesh.network', /did not answer in time/],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'mesh.auth', /No access key was found/],
  ];
  it.each(cases)('%s → %s', (err, code, words) => {
    const m = toMeshError(err, ctx, 'write', 'product.yaml');
    expect(m).toBeInstanceOf(MeshError);
    expect((m as MeshError).code).toBe(code);
    expect(m.message).toMatch(words);
    expect(m.message).not.toContain('AKIDLEAK');
  });

  it('aborts become CancelledError', () => {
    expect(toMeshError(Object.assign(new Error('x'), { name: 'AbortError' }), ctx, 'read')).toBeInstanceOf(CancelledError);
  });
});

describe('retries', () => {
  it('retries 409, 503, throttling and network errors but not 412/403/404', () => {
    for (const e of [sdkError('ConditionalRequestConflict', 409), sdkError('ServiceUnavailable', 503), sdkError('SlowDown', 503), netError('ECONNRESET'), netError('ECONNREFUSED')]) {
      expect(isRetryable(e)).toBe(true);
    }
    for (const e of [sdkError('PreconditionFailed', 412), sdkError('AccessDenied', 403), sdkError('NoSuchBucket', 404), netError('ENOTFOUND')]) {
      expect(isRetryable(e)).toBe(false);
    }
  });

  it('a 409 conflict is retried until it succeeds', async () => {
    let calls = 0;
    const v = await withRetry(async () => {
      if (++calls < 3) throw sdkError('ConditionalRequestConflict', 409);
      return 'done';
    }, ctx, 'write', 'product.yaml');
    expect(v).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after a bounded number of attempts and maps the error', async () => {
    let calls = 0;
    const e = await withRetry(async () => {
      calls++;
      throw sdkError('InternalError', 500);
    }, ctx, 'read', 'a').catch((x: unknown) => x);
    expect(calls).toBe(4);
    expect((e as MeshError).code).toBe('mesh.io');
  });

  it('does not retry a failed condition', async () => {
    let calls = 0;
    const e = await withRetry(async () => {
      calls++;
      throw sdkError('PreconditionFailed', 412);
    }, ctx, 'write', 'a').catch((x: unknown) => x);
    expect(calls).toBe(1);
    expect((e as MeshError).code).toBe('mesh.precondition-failed');
  });

  it('stops waiting when cancelled', async () => {
    const ac = new AbortController();
    const p = withRetry(async () => {
      throw sdkError('InternalError', 500);
    }, ctx, 'read', 'a', ac.signal);
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(CancelledError);
  });
});
