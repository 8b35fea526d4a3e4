// Runs in the Electron preload (sandboxed renderer); pure, so it is unit-tested without Electron.
// Builds the one object the page sees as window.meshDesk. It is exactly MeshDeskApi: no
// ipcRenderer, no generic send/invoke, no channel names. Listeners receive only the payload,
// never the IPC event (whose `sender` would hand the page a path back into Electron).
// A file on the disk travels as its path (resolved here, never shown to the page); a file that
// is not on the disk (a mail attachment, a File built in the page) travels as 1 MiB chunks.

import type {
  ApiEvents,
  CallInput,
  CallName,
  CallOutput,
  EventName,
  LocalFile,
  MeshDeskApi,
  SourceRef,
} from '../shared/core/api/contract';
import { EVENT_NAMES, isCallName } from '../shared/core/api/contract';
import { fail, type Result } from '../shared/core/result';
import {
  ADD_PATH_CHANNEL,
  CALL_CHANNEL,
  UPLOAD_ABORT_CHANNEL,
  UPLOAD_BEGIN_CHANNEL,
  UPLOAD_CHUNK_CHANNEL,
  UPLOAD_END_CHANNEL,
} from './ipc-channels';

type InvokeChannel =
  | typeof CALL_CHANNEL
  | typeof ADD_PATH_CHANNEL
  | typeof UPLOAD_BEGIN_CHANNEL
  | typeof UPLOAD_CHUNK_CHANNEL
  | typeof UPLOAD_END_CHANNEL
  | typeof UPLOAD_ABORT_CHANNEL;

/** Bytes per upload message: large enough to be quick, small enough to keep memory flat. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** The few Electron capabilities the API needs, injected so the logic is testable. */
export interface PreloadTransport {
  invoke(channel: InvokeChannel, ...args: unknown[]): Promise<unknown>;
  /** Registers the single listener for host events; called once. */
  listen(listener: (name: unknown, payload: unknown) => void): void;
  /** webUtils.getPathForFile: '' for a File made in JS rather than read from the disk. */
  pathForFile(file: LocalFile): string;
  /** Bytes [start, end) of the file (Blob.slice + arrayBuffer). */
  readSlice(file: LocalFile, start: number, end: number): Promise<Uint8Array>;
  /** Where a throwing page listener is reported (it must not stop other listeners). */
  reportListenerError(error: unknown): void;
}

const isEventName = (x: unknown): x is EventName => typeof x === 'string' && (EVENT_NAMES as readonly string[]).includes(x);

/** A value that looks like a Result; anything else from IPC is turned into a failure. */
function asResult<T>(x: unknown): Result<T> {
  if (typeof x === 'object' && x !== null && 'ok' in x) {
    const r = x as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true) return x as Result<T>;
    if (r.ok === false && typeof r.error === 'object' && r.error !== null) return x as Result<T>;
  }
  return fail('ipc.bad-reply', 'Mesh Desk received an unexpected answer from its own background process. Please try again, or restart Mesh Desk.');
}

function ipcFailure(): Result<never> {
  return fail('ipc.failed', 'Mesh Desk could not reach its background process. Please try again, or restart Mesh Desk if it keeps happening.');
}

export function createPreloadApi(transport: PreloadTransport) {
  type AnyListener = (payload: unknown) => void;
  const listeners = new Map<EventName, Set<AnyListener>>();

  transport.listen((name, payload) => {
    if (!isEventName(name)) return;
    // Copy first: a listener may unsubscribe itself while we iterate.
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (e) {
        transport.reportListenerError(e);
      }
    }
  });

  /** Sends a file that has no path, chunk by chunk; each chunk waits until main has taken the last. */
  async function uploadBytes(file: LocalFile): Promise<Result<SourceRef>> {
    const name = typeof file?.name === 'string' && file.name !== '' ? file.name : 'file';
    const size = typeof file?.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0 ? file.size : -1;
    if (size < 0) return fail('source.not-a-file', 'That item is not a file Mesh Desk can open. Please drop or choose a CSV or Excel file.');
    let uploadId: string | undefined;
    try {
      const begun = asResult<{ uploadId: string }>(await transport.invoke(UPLOAD_BEGIN_CHANNEL, name, file.lastModified));
      if (!begun.ok) return begun;
      uploadId = begun.value.uploadId;
      for (let start = 0; start < size; start += UPLOAD_CHUNK_BYTES) {
        let bytes: Uint8Array;
        try {
          bytes = await transport.readSlice(file, start, Math.min(size, start + UPLOAD_CHUNK_BYTES));
        } catch {
          await transport.invoke(UPLOAD_ABORT_CHANNEL, uploadId).catch(() => undefined);
          return fail(
            'source.unreadable',
            `Mesh Desk could not read "${name.slice(0, 255)}" (it may have been moved or deleted while it was being added). Please add it again.`,
          );
        }
        const sent = asResult<null>(await transport.invoke(UPLOAD_CHUNK_CHANNEL, uploadId, bytes));
        if (!sent.ok) {
          await transport.invoke(UPLOAD_ABORT_CHANNEL, uploadId).catch(() => undefined);
          return sent;
        }
      }
      return asResult<SourceRef>(await transport.invoke(UPLOAD_END_CHANNEL, uploadId));
    } catch {
      if (uploadId !== undefined) await transport.invoke(UPLOAD_ABORT_CHANNEL, uploadId).catch(() => undefined);
      return ipcFailure();
    }
  }

  const api = {
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      // Checked here too so a typo fails fast and in words, without a round trip.
      if (!isCallName(name)) {
        return fail('api.unknown-call', `Mesh Desk does not know the action "${String(name).slice(0, 64)}". Please restart Mesh Desk.`);
      }
      try {
        return asResult<CallOutput<K>>(await transport.invoke(CALL_CHANNEL, name, input));
      } catch {
        return ipcFailure();
      }
    },

    on<E extends EventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void {
      if (!isEventName(name)) throw new TypeError(`meshDesk.on: unknown event "${String(name).slice(0, 64)}"`);
      if (typeof listener !== 'function') throw new TypeError('meshDesk.on: the listener must be a function');
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry: AnyListener = (payload) => listener(payload as ApiEvents[E]);
      set.add(entry);
      return () => {
        listeners.get(name)?.delete(entry);
      };
    },

    async addLocalFile(file: LocalFile): Promise<Result<SourceRef>> {
      let filePath: string;
      try {
        filePath = transport.pathForFile(file);
      } catch {
        return fail('source.not-a-file', 'That item is not a file Mesh Desk can open. Please drop or choose a CSV or Excel file.');
      }
      if (typeof filePath !== 'string' || filePath === '') return uploadBytes(file);
      try {
        return asResult<SourceRef>(await transport.invoke(ADD_PATH_CHANNEL, filePath));
      } catch {
        return ipcFailure();
      }
    },
  } satisfies MeshDeskApi;

  return api;
}
