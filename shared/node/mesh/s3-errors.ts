// Node only.
// Turns what the AWS SDK and the network throw into MeshErrors in the owner's words, and retries
// what is worth retrying. Messages use only our own words plus the error's code name: SDK
// messages can echo request details, and no secret may ever reach the screen.

import { CancelledError, throwIfCancelled } from '../../core/result';
import { MeshError } from '../../core/mesh/mesh-store';

export interface S3Context {
  /** The mesh as shown to the owner (describeMesh, no secrets). */
  mesh: string;
  bucket: string;
  /** Where requests go, e.g. "http://127.0.0.1:9000" or "AWS S3 (eu-central-1)". */
  server: string;
  region: string;
}

export type S3Action = 'read' | 'write' | 'list' | 'delete';

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  ENOTFOUND: 'the server name was not found',
  EAI_AGAIN: 'the server name could not be looked up',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ECONNABORTED: 'the connection was cut',
};
const AUTH = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired']);
const WRONG_REGION = new Set(['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException']);
const THROTTLE = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable']);

interface Inspected {
  name: string;
  status?: number;
  networkReason?: string;
}

function inspect(e: unknown): Inspected {
  const err = (e ?? {}) as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown }; errors?: unknown; cause?: unknown };
  const name = typeof err.name === 'string' ? err.name : 'Error';
  const status = typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
  // Node 20 may wrap a refused connection in an AggregateError (one error per address tried).
  const codes = [err.code, ...(Array.isArray(err.errors) ? err.errors.map((x: { code?: unknown }) => x?.code) : []), (err.cause as { code?: unknown })?.code];
  const code = codes.find((c): c is string => typeof c === 'string' && c in NETWORK_CODES);
  let networkReason = code ? NETWORK_CODES[code] : undefined;
  if (!networkReason && (name === 'TimeoutError' || name === 'RequestTimeout') && status === undefined) networkReason = 'it did not answer in time';
  return { name, status, networkReason };
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const name = (e as { name?: unknown })?.name;
  return name === 'AbortError' || e instanceof CancelledError;
}

/** Network trouble, conflicting conditional requests (409), throttling and server errors. */
export function isRetryable(e: unknown): boolean {
  const { name, status, networkReason } = inspect(e);
  if (networkReason && networkReason !== 'the server name was not found') return true;
  if (status === 409 || status === 429 || (status !== undefined && status >= 500)) return true;
  return THROTTLE.has(name);
}

export function toMeshError(e: unknown, ctx: S3Context, action: S3Action, key?: string): MeshError | CancelledError {
  if (e instanceof MeshError || e instanceof CancelledError) return e;
  if (isAbort(e)) return new CancelledError();
  const { name, status, networkReason } = inspect(e);
  const what = key === undefined ? `the mesh ${ctx.mesh}` : `"${key}" in the mesh ${ctx.mesh}`;
  if (status === 412 || name === 'PreconditionFailed') {
    return new MeshError('mesh.precondition-failed', `Someone else changed ${what} after you opened it (or it already exists), so nothing was overwritten. Reload to see the current version, then try again.`);
  }
  if (name === 'CredentialsProviderError') {
    return new MeshError('mesh.auth', `No access key was found for ${ctx.mesh}. Enter the access key and secret in the mesh settings, or set up an AWS profile.`);
  }
  if (AUTH.has(name) || status === 401) {
    return new MeshError('mesh.auth', `The storage at ${ctx.server} refused to sign in to ${ctx.mesh}: the access key or secret is wrong or expired; check the mesh settings.`);
  }
  if (name === 'NoSuchBucket') {
    return new MeshError('mesh.no-bucket', `The bucket "${ctx.bucket}" does not exist at ${ctx.server}. Check the bucket name in the mesh address (${ctx.mesh}), or ask the mesh administrator to create it.`);
  }
  if (WRONG_REGION.has(name) || status === 301) {
    return new MeshError('mesh.bad-url', `The bucket "${ctx.bucket}" is not in the region "${ctx.region}" that Mesh Desk used. Set the bucket's region in the mesh settings (or add "?region=…" to the mesh address).`);
  }
  if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403) {
    return new MeshError('mesh.forbidden', `This account may not ${action} ${what}. Ask the mesh administrator for read and write access to the bucket "${ctx.bucket}".`);
  }
  if (name === 'NoSuchKey' || name === 'NotFound') {
    return new MeshError('mesh.not-found', `${key === undefined ? 'The item' : `"${key}"`} is not in the mesh ${ctx.mesh}. It may have been removed; reload and try again.`);
  }
  if (networkReason || name === 'TimeoutError') {
    return new MeshError('mesh.network', `Mesh Desk could not reach the storage at ${ctx.server} (${networkReason ?? 'it did not answer in time'}). Check your network connection and the endpoint in the mesh settings, then try again.`);
  }
  const answer = status === undefined ? name : `${name}, HTTP ${status}`;
  return new MeshError('mesh.io', `The storage at ${ctx.server} failed to ${action} ${what} (${answer}). Try again later; if it keeps happening, tell the mesh administrator.`);
}

export const MAX_ATTEMPTS = 4;

/** Runs op, retrying transient failures with growing, jittered pauses; maps the final error. */
export async function withRetry<T>(op: () => Promise<T>, ctx: S3Context, action: S3Action, key: string | undefined, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(signal);
    try {
      return await op();
    } catch (e) {
      if (isAbort(e, signal)) throw new CancelledError();
      if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) throw toMeshError(e, ctx, action, key);
      await pause(200 * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5), signal);
    }
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
