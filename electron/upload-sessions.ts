// Node only (no Electron import).
// Files that are not on the disk — an attachment dragged from a mail program, a file from a
// website, a File built by the page — have no path for webUtils to find. The preload then sends
// their bytes in chunks, and this turns those chunks into the stream the source registry writes
// to <dataDir>/uploads, like the browser mode's upload.
// Memory stays bounded: the preload sends the next chunk only after the previous one was taken
// by the writer (each chunk call resolves when the writer asks for the next). A page that
// stops half-way is timed out and what was written is removed by the registry.

import { randomBytes } from 'node:crypto';
import type { SourceRef } from '../shared/core/api/contract';
import { fail, ok, toAppError, type AppError, type Result } from '../shared/core/result';

/** Largest chunk accepted in one IPC message; the preload sends 1 MiB. */
export const MAX_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

export interface UploadSessionsDeps {
  /** SourceRegistry.addUpload: writes the stream, enforces the size limit, cleans up on failure. */
  addUpload(name: string, lastModified: number | undefined, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<SourceRef>;
  /** An upload with no chunk for this long is abandoned (default 60 s). */
  idleMs?: number;
  /** Uploads open at once (default 4). */
  maxOpen?: number;
}

interface Session {
  controller: AbortController;
  queue: { bytes: Uint8Array; taken: () => void }[];
  wake: (() => void) | null;
  ended: boolean;
  failure: AppError | null;
  result: Promise<Result<SourceRef>>;
  timer: ReturnType<typeof setTimeout> | null;
}

const unknownUpload = (): Result<never> =>
  fail('upload.unknown', 'The file transfer was interrupted (it took too long or was cancelled). Please add the file again.');

export function createUploadSessions(deps: UploadSessionsDeps) {
  const idleMs = deps.idleMs ?? 60_000;
  const maxOpen = deps.maxOpen ?? 4;
  const sessions = new Map<string, Session>();

  function wake(s: Session): void {
    const w = s.wake;
    s.wake = null;
    w?.();
  }

  function releaseAll(s: Session): void {
    for (const c of s.queue.splice(0)) c.taken();
  }

  function touch(id: string, s: Session): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => abort(id), idleMs);
    s.timer.unref?.();
  }

  async function* body(s: Session): AsyncGenerator<Uint8Array> {
    try {
      for (;;) {
        const next = s.queue[0];
        if (next) {
          yield next.bytes;
          // The writer asked for more: this chunk is on its way to the disk.
          s.queue.shift();
          next.taken();
          continue;
        }
        if (s.ended || s.controller.signal.aborted) return;
        await new Promise<void>((resolve) => {
          s.wake = resolve;
        });
      }
    } finally {
      releaseAll(s);
    }
  }

  function begin(name: unknown, lastModified: unknown): Result<{ uploadId: string }> {
    if (typeof name !== 'string' || name.length === 0 || name.length > 1024) {
      return fail('upload.bad-name', 'Mesh Desk could not read the name of this file. Please rename it and add it again.');
    }
    const modified = typeof lastModified === 'number' && Number.isFinite(lastModified) ? lastModified : undefined;
    if (sessions.size >= maxOpen) {
      return fail('upload.busy', 'Mesh Desk is still taking in other files. Wait until they are done, then add this one again.');
    }
    const id = randomBytes(16).toString('base64url');
    const s: Session = {
      controller: new AbortController(),
      queue: [],
      wake: null,
      ended: false,
      failure: null,
      timer: null,
      result: Promise.resolve(unknownUpload()),
    };
    s.result = deps.addUpload(name, modified, body(s), s.controller.signal).then(
      (ref) => ok(ref),
      (e: unknown) => {
        s.failure = toAppError(e);
        releaseAll(s);
        return { ok: false as const, error: s.failure };
      },
    );
    sessions.set(id, s);
    touch(id, s);
    return ok({ uploadId: id });
  }

  async function chunk(id: unknown, bytes: unknown): Promise<Result<null>> {
    const s = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!s || s.ended) return unknownUpload();
    if (s.failure) return { ok: false, error: s.failure };
    if (!(bytes instanceof Uint8Array) || bytes.byteLength > MAX_UPLOAD_CHUNK_BYTES) {
      abort(id as string);
      return fail('upload.bad-chunk', 'Part of the file arrived damaged, so it was not kept. Please add the file again.');
    }
    touch(id as string, s);
    await new Promise<void>((taken) => {
      s.queue.push({ bytes, taken });
      wake(s);
    });
    return s.failure ? { ok: false, error: s.failure } : ok(null);
  }

  async function end(id: unknown): Promise<Result<SourceRef>> {
    const s = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!s) return unknownUpload();
    s.ended = true;
    if (s.timer) clearTimeout(s.timer);
    wake(s);
    const result = await s.result;
    sessions.delete(id as string);
    return result;
  }

  function abort(id: unknown): Result<null> {
    const s = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!s) return ok(null);
    sessions.delete(id as string);
    if (s.timer) clearTimeout(s.timer);
    s.controller.abort();
    wake(s);
    releaseAll(s);
    return ok(null);
  }

  return { begin, chunk, end, abort, get open(): number { return sessions.size; } };
}
