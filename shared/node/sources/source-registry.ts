// Node only.
// The files the owner chose in this session, by id. The renderer only ever sees a SourceRef
// (id, name, size, date): paths stay in this process, so a compromised page cannot ask the host
// to read an arbitrary file — it can only name ids that the owner registered.
// Browser uploads are streamed to <dataDir>/uploads/<id>/<safe name> and are removed at start
// once older than a week — unless a draft or a queued publish still refers to one (keepUploads).

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { SourceRef } from '../../core/api/contract';
import { CancelledError, UserFacingError } from '../../core/result';
import { uploadsDir } from '../app/data-dir';
import { openFileByteSource } from '../files/file-byte-source';
import { uploadIdsInUse } from '../drafts/upload-refs';
import { displayUploadName, sanitizeUploadName } from './upload-name';

export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
export const UPLOAD_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface RegisteredSource {
  ref: SourceRef;
  /** Absolute path on this machine. Never sent to the renderer. */
  path: string;
}

export interface SourceRegistryOptions {
  dataDir: string;
  /** Default size limit of addUpload (4 GB). */
  maxUploadBytes?: number;
  /** Uploads older than this are removed by cleanOldUploads (7 days). */
  uploadMaxAgeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * Upload ids that must survive cleanOldUploads whatever their age. Default: every upload a
   * draft, a deleted draft kept for undo or an outbox job names (upload-refs.ts).
   */
  keepUploads?: () => Promise<Iterable<string>> | Iterable<string>;
}

/** Creates a registry and removes stale uploads from earlier sessions. */
export async function openSourceRegistry(opts: SourceRegistryOptions): Promise<SourceRegistry> {
  const registry = new SourceRegistry(opts);
  await registry.cleanOldUploads();
  return registry;
}

/** 22 url-safe characters from 128 random bits: unguessable, and valid for the API's id check. */
export function newSourceId(): string {
  return randomBytes(16).toString('base64url');
}

export class SourceRegistry {
  readonly uploadsRoot: string;
  readonly maxUploadBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, RegisteredSource>();
  private readonly keepUploads: () => Promise<Iterable<string>> | Iterable<string>;

  constructor(opts: SourceRegistryOptions) {
    const dataDir = resolve(opts.dataDir);
    this.uploadsRoot = uploadsDir(dataDir);
    this.maxUploadBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.maxAgeMs = opts.uploadMaxAgeMs ?? UPLOAD_MAX_AGE_MS;
    this.now = opts.now ?? Date.now;
    this.keepUploads = opts.keepUploads ?? (() => uploadIdsInUse(dataDir));
  }

  get(id: string): RegisteredSource | undefined {
    return this.entries.get(id);
  }

  /**
   * Registers a file already on this machine (Electron's dialog or drop), or registers again a
   * file a draft recorded: `display` then keeps the name and date the owner saw (an upload's copy
   * is stored under a sanitized name and carries the upload's date, not the browser file's).
   */
  async addPath(path: string, display?: { name?: string; modifiedAt?: string }): Promise<SourceRef> {
    const absolute = resolve(path);
    // Opening proves the file exists, is a file and is readable, with the plain-words errors.
    const bytes = await openFileByteSource(absolute);
    await bytes.close();
    const info = await stat(absolute);
    const ref: SourceRef = {
      id: newSourceId(),
      name: display?.name || basename(absolute),
      size: info.size,
      modifiedAt: display?.modifiedAt ?? info.mtime.toISOString(),
    };
    this.entries.set(ref.id, { ref, path: absolute });
    return ref;
  }

  /**
   * Streams an uploaded file to disk and registers it. `name` is the browser's file name
   * (untrusted), `lastModified` its date in ms. A failed, aborted or oversized upload leaves
   * nothing behind.
   */
  async addUpload(
    name: string,
    lastModified: number | undefined,
    body: AsyncIterable<Uint8Array> | Readable,
    maxBytes: number = this.maxUploadBytes,
    signal?: AbortSignal,
  ): Promise<SourceRef> {
    const id = newSourceId();
    const display = displayUploadName(name);
    const dir = join(this.uploadsRoot, id);
    const path = join(dir, sanitizeUploadName(name));
    await mkdir(this.uploadsRoot, { recursive: true }).catch((e) => {
      throw diskError(e, display);
    });
    await mkdir(dir).catch((e) => {
      throw diskError(e, display);
    });
    let size = 0;
    const out = createWriteStream(path, { flags: 'wx' });
    // Remembered rather than thrown from an event: checked between chunks and at the end.
    let writeError: unknown;
    out.on('error', (e) => {
      writeError ??= e;
    });
    // Keep the request stream alive when we stop early, so the host can still answer in words.
    const chunks = body instanceof Readable ? body.iterator({ destroyOnReturn: false }) : body;
    try {
      await once(out, 'open');
      for await (const chunk of chunks) {
        if (signal?.aborted) throw new CancelledError();
        if (writeError) throw writeError;
        size += chunk.byteLength;
        if (size > maxBytes) throw uploadTooLargeError(display, maxBytes);
        if (!out.write(chunk)) await once(out, 'drain', signal ? { signal } : {});
      }
      if (signal?.aborted) throw new CancelledError();
      out.end();
      await finished(out);
    } catch (e) {
      out.destroy();
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      if (signal?.aborted) throw new CancelledError();
      throw e instanceof UserFacingError ? e : diskError(e, display);
    }
    const ref: SourceRef = { id, name: display, size };
    if (lastModified !== undefined && Number.isFinite(lastModified) && Math.abs(lastModified) < 8.64e15) {
      ref.modifiedAt = new Date(lastModified).toISOString();
    }
    this.entries.set(id, { ref, path });
    return ref;
  }

  /** Upload id of a path inside this registry's uploads folder (a browser upload's copy). */
  uploadIdOf(path: string): string | undefined {
    const rel = relative(this.uploadsRoot, resolve(path));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    const first = rel.split(sep)[0];
    return first !== undefined && ID_PATTERN.test(first) && rel.length > first.length ? first : undefined;
  }

  /**
   * Removes uploads older than the age limit, except those in use (this session's, `keep`, and
   * keepUploads'); returns how many were removed.
   */
  async cleanOldUploads(keep: Iterable<string> = []): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.uploadsRoot);
    } catch {
      return 0; // no uploads yet
    }
    let inUse: Set<string>;
    try {
      inUse = new Set([...keep, ...(await this.keepUploads())]);
    } catch {
      // Which uploads drafts still need is unknown (an unreadable folder): keep them all.
      return 0;
    }
    let removed = 0;
    const cutoff = this.now() - this.maxAgeMs;
    for (const name of names) {
      // Only folders this registry could have made; never anything else a user put there.
      if (!ID_PATTERN.test(name) || this.entries.has(name) || inUse.has(name)) continue;
      const dir = join(this.uploadsRoot, name);
      try {
        const info = await stat(dir);
        if (info.mtimeMs < cutoff) {
          await rm(dir, { recursive: true, force: true });
          removed++;
        }
      } catch {
        // Vanished or unreadable: nothing to clean.
      }
    }
    return removed;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${bytes} bytes`;
}

/** The error for an upload over the limit (also used before reading, from Content-Length). */
export function uploadTooLargeError(name: string, maxBytes: number): UserFacingError {
  return new UserFacingError(
    'upload.too-large',
    `"${displayUploadName(name)}" is larger than ${formatBytes(maxBytes)}, the most Mesh Desk accepts in the browser. ` +
      'Split it into smaller files, or use the Mesh Desk desktop app or command line, which read files in place.',
  );
}

function diskError(e: unknown, name: string): UserFacingError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserFacingError(
      'upload.disk-full',
      `There is not enough free disk space to take in "${name}". Free some space and add the file again.`,
    );
  }
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR') {
    return new UserFacingError(
      'upload.interrupted',
      `The upload of "${name}" stopped before the whole file arrived. Add the file again.`,
    );
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new UserFacingError(
    'upload.failed',
    `Mesh Desk could not store "${name}" (${detail}). Check that there is free disk space and add the file again.`,
  );
}
