// Node only.
// A mesh address (and, for S3, the owner's credentials) → the store behind the one MeshStore
// interface. Every caller — CLI, app, tests, bench — opens meshes here.

import { parseMeshUrl, type MeshLocation } from '../../core/mesh/mesh-url';
import type { MeshStore } from '../../core/mesh/mesh-store';
import { fail, ok, type Result } from '../../core/result';
import { createFileStore } from './file-store';
import { createS3Store, type S3StoreOptions } from './s3-store';

export interface OpenedMesh {
  store: MeshStore;
  location: MeshLocation;
}

export function openMesh(url: string, opts: S3StoreOptions = {}): Result<OpenedMesh> {
  const parsed = parseMeshUrl(url);
  if (!parsed.ok) return parsed;
  const location = parsed.value;
  try {
    const store = location.kind === 'file' ? createFileStore(location.path) : createS3Store(location, opts);
    return ok({ store, location });
  } catch (e) {
    return fail('mesh.bad-url', `The mesh "${url}" cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}
