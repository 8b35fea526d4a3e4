// Node only.
// Builds the S3 client for a mesh location: endpoint, region and credentials come from the mesh
// address first, then the settings, then the usual AWS environment (AWS_ENDPOINT_URL_S3,
// AWS_REGION, AWS_ACCESS_KEY_ID…, shared profile through the SDK's default chain).

import { S3Client } from '@aws-sdk/client-s3';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { MeshLocation } from '../../core/mesh/mesh-url';
import { describeMesh } from '../../core/mesh/mesh-url';
import type { S3Context } from './s3-errors';

export type S3Location = Extract<MeshLocation, { kind: 's3' }>;

export interface S3StoreOptions {
  /** From the mesh settings (the OS keychain); when absent, the AWS environment and profile are used. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A profile of the shared AWS config (~/.aws/credentials), when the owner named one. */
  profile?: string;
  /** Environment to read AWS_* variables from (tests); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Give up connecting after this long (ms). */
  connectTimeoutMs?: number;
  /** Give up when a request's socket stays idle this long (ms). */
  requestTimeoutMs?: number;
}

export interface S3Setup {
  /** Requests we retry ourselves (whole-body operations). */
  client: S3Client;
  /** Multipart uploads: the SDK retries each part, which it holds in memory. */
  uploadClient: S3Client;
  ctx: S3Context;
}

export function setupS3(loc: S3Location, opts: S3StoreOptions = {}): S3Setup {
  const env = opts.env ?? process.env;
  const endpoint = loc.endpoint ?? nonEmpty(env.AWS_ENDPOINT_URL_S3) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  const region = loc.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? 'us-east-1';
  const custom = endpoint !== undefined;
  const credentials =
    opts.credentials ??
    (opts.env && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) }
      : undefined);

  const base: S3ClientConfig = {
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : opts.profile ? { profile: opts.profile } : {}),
    // S3-compatible servers mostly need bucket-in-path addressing; AWS prefers virtual hosts.
    forcePathStyle: loc.pathStyle ?? custom,
    // The SDK's default streaming checksums were stored inside the object by an S3-compatible
    // server (FIELD-NOTES.md); only send checksums when the operation requires them.
    ...(custom ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
    requestHandler: { connectionTimeout: opts.connectTimeoutMs ?? 5_000, requestTimeout: opts.requestTimeoutMs ?? 60_000 },
  };
  const ctx: S3Context = {
    mesh: describeMesh(loc),
    bucket: loc.bucket,
    server: endpoint ? stripUser(endpoint) : `AWS S3 (${region})`,
    region,
  };
  return {
    client: new S3Client({ ...base, maxAttempts: 1 }),
    uploadClient: new S3Client({ ...base, maxAttempts: 4 }),
    ctx,
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/** An endpoint from the environment could carry user:secret@; never show it. */
function stripUser(endpoint: string): string {
  return endpoint.replace(/\/\/[^/@]*@/, '//');
}
