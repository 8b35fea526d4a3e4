// Node only.
// Maps mesh keys ("price-list/default/v1.0.0.datapart0001.csv") to paths under the store's root
// folder. Keys can come from mesh content other people wrote (a product.yaml naming its parts),
// so a key that could leave the root is refused as bad data (MeshError 'mesh.bad-url'), not
// treated as a programming error: the boundary then shows words instead of "internal error".

import { join, relative, sep, isAbsolute } from 'node:path';
import { MeshError } from '../../core/mesh/mesh-store';

/** Every file the store keeps for itself starts with this; keys may not, listings skip them. */
export const INTERNAL_PREFIX = '.mesh-desk-';
export const TEMP_PREFIX = '.mesh-desk-tmp-';
export const LOCK_PREFIX = '.mesh-desk-lock-';

/** Most file systems cap one name at 255 bytes; the lock file adds its prefix to the name. */
const MAX_SEGMENT_BYTES = 255 - LOCK_PREFIX.length;

// Characters Windows refuses in names (":" would also open an alternate data stream there),
// plus control characters. A mesh folder may be shared between Windows and Mac owners.
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\u0000-\u001f\\:*?"<>|]/;

function refuse(key: string, why: string): never {
  throw new MeshError(
    'mesh.bad-url',
    `The mesh item name "${key.slice(0, 200)}" cannot be used: ${why}. Nothing was read or written; ` +
      'if this name comes from a product description in the mesh, ask its owner to publish it again.',
  );
}

function checkSegment(key: string, segment: string): void {
  if (segment === '') refuse(key, 'it has an empty part (two "/" in a row, or a "/" at the start or end)');
  if (segment === '.' || segment === '..') refuse(key, 'it points outside its folder ("." or "..")');
  if (BAD_CHARS.test(segment)) refuse(key, 'it contains a character that file names cannot hold (such as \\ : * ? " < > | )');
  if (segment.startsWith(INTERNAL_PREFIX)) refuse(key, `names starting with "${INTERNAL_PREFIX}" are reserved for Mesh Desk`);
  if (segment.endsWith('.') || segment.endsWith(' ')) refuse(key, 'a part ends with a dot or a space, which Windows drops');
  if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES) refuse(key, 'a part of it is too long for a file name');
}

/** Validates a key and returns its segments. */
export function checkKey(key: string): string[] {
  if (typeof key !== 'string' || key === '') refuse(String(key), 'it is empty');
  if (key.startsWith('/') || isAbsolute(key) || /^[A-Za-z]:/.test(key)) refuse(key, 'it is an absolute path');
  const segments = key.split('/');
  for (const s of segments) checkSegment(key, s);
  return segments;
}

/** The absolute path of a key; double-checks that it stays under root. */
export function keyToPath(root: string, key: string): string {
  const path = join(root, ...checkKey(key));
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) refuse(key, 'it points outside the mesh folder');
  return path;
}

/**
 * A list prefix ("" = everything, "price-list/", "price-list/def") → the deepest folder that
 * holds every matching key. Only the complete segments are checked; the partial last one only
 * filters names.
 */
export function prefixFolder(root: string, prefix: string): string {
  if (prefix === '') return root;
  if (prefix.startsWith('/') || isAbsolute(prefix)) refuse(prefix, 'it is an absolute path');
  const cut = prefix.lastIndexOf('/');
  if (cut < 0) return root;
  const folderKey = prefix.slice(0, cut);
  return keyToPath(root, folderKey);
}

/** The key of a path found while walking root (always "/"-separated). */
export function pathToKey(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** The lock file that guards writes to one key: next to it, so it lives on the same disk. */
export function lockPathOf(path: string): string {
  const cut = path.lastIndexOf(sep);
  return path.slice(0, cut + 1) + LOCK_PREFIX + path.slice(cut + 1);
}
