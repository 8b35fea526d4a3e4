// Runs anywhere (pure core).
// Where data products live: one interface for every kind of mesh (a local folder, AWS S3, any
// S3-compatible store), so publishing, the catalog and pulling never know which one they use.
// Keys are relative to the mesh root and use "/" (e.g. "price-list/product.yaml").

import { UserFacingError } from '../result';

export interface StoredObject {
  key: string;
  size: number;
  /** Opaque version tag: S3's ETag, or a content hash for the file store. */
  etag: string;
  /** ISO 8601. */
  lastModified?: string;
}

/**
 * Conditional writes make publishing atomic (DESIGN.md §4): `ifNoneMatch: '*'` creates only when
 * the key does not exist yet; `ifMatch` replaces only the version read earlier.
 */
export type WriteCondition = { ifNoneMatch: '*' } | { ifMatch: string };

export interface PutOptions {
  condition?: WriteCondition;
  contentType?: string;
  /** Bytes, when known in advance (streams). */
  size?: number;
  signal?: AbortSignal;
  /** Bytes sent so far. */
  onProgress?: (bytesSent: number) => void;
}

export interface MeshStore {
  /** The mesh's address as the owner knows it, without secrets (e.g. "s3://acme-mesh/data"). */
  readonly url: string;
  /** Metadata of a key, or null when it does not exist. */
  head(key: string, signal?: AbortSignal): Promise<StoredObject | null>;
  /** The whole object (small files: product.yaml, contracts), or null when it does not exist. */
  get(key: string, signal?: AbortSignal): Promise<{ body: Uint8Array; etag: string } | null>;
  /** The object as a stream (data parts), or null when it does not exist. */
  getStream(key: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array> | null>;
  /** Writes a key; a failed condition throws MeshError 'mesh.precondition-failed'. */
  put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, opts?: PutOptions): Promise<{ etag: string }>;
  /** Every key under a prefix ("" = all), in no particular order. */
  list(prefix: string, signal?: AbortSignal): AsyncIterable<StoredObject>;
  /** Removes a key; removing a missing key is not an error. */
  delete(key: string, signal?: AbortSignal): Promise<void>;
  /** "Test connection": can we read and write here? Errors in plain words. */
  check(signal?: AbortSignal): Promise<void>;
}

export type MeshErrorCode =
  | 'mesh.precondition-failed'
  | 'mesh.auth'
  | 'mesh.forbidden'
  | 'mesh.no-bucket'
  | 'mesh.not-found'
  | 'mesh.network'
  | 'mesh.bad-url'
  | 'mesh.io';

/** A store problem in the owner's words (what happened, which mesh, what to do). */
export class MeshError extends UserFacingError {
  constructor(code: MeshErrorCode, message: string) {
    super(code, message);
    this.name = 'MeshError';
  }
}
