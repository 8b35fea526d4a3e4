// Browser (renderer). The MeshDeskApi over HTTP to the loopback web host (see
// shared/core/api/http-protocol.ts). Every request carries the per-launch token; every failure
// comes back as a Result error in plain words.

import type { CallInput, CallName, CallOutput, SourceRef, LocalFile } from '../../../shared/core/api/contract';
import { CALL_PATH, EVENTS_PATH, UPLOAD_PATH } from '../../../shared/core/api/http-protocol';
import type { Result } from '../../../shared/core/result';
import { EventStream } from './event-stream';
import { NETWORK_ERROR, resultFromAnswer } from './http-result';
import type { RendererApi, UploadProgress } from './renderer-api';
import type { UploadFn } from './upload';
import { fetchUpload } from './upload';

export interface HttpApiOptions {
  /** Origin of the web host, e.g. "http://127.0.0.1:4321". */
  baseUrl: string;
  token: () => string | null;
  fetch?: typeof fetch;
  upload?: UploadFn;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function createHttpApi(opts: HttpApiOptions): RendererApi & { readonly events: EventStream } {
  const fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const upload = opts.upload ?? fetchUpload(fetchImpl);
  const url = (path: string) => new URL(path, opts.baseUrl).toString();
  const auth = (): Record<string, string> => {
    const t = opts.token();
    return t ? { Authorization: `Bearer ${t}` } : {};
  };
  const events = new EventStream({ url: url(EVENTS_PATH), headers: auth, fetch: fetchImpl, ...(opts.sleep ? { sleep: opts.sleep } : {}) });
  const progressListeners = new Set<(p: UploadProgress) => void>();

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
    let res: Response;
    try {
      res = await fetchImpl(url(CALL_PATH + name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth() },
        body: JSON.stringify(input),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
    return resultFromAnswer<CallOutput<K>>(res.status, text);
  }

  async function addLocalFile(file: LocalFile): Promise<Result<SourceRef>> {
    if (typeof Blob === 'undefined' || !(file instanceof Blob)) {
      return { ok: false, error: { code: 'upload.not-a-file', message: `"${file.name}" could not be read by this page. Choose the file again.` } };
    }
    const query = new URLSearchParams({ name: file.name, lastModified: String(Math.trunc(file.lastModified || 0)) });
    const report = (loaded: number, total: number) => {
      for (const l of [...progressListeners]) l({ fileName: file.name, loaded, total });
    };
    report(0, file.size);
    const answer = await upload(
      `${url(UPLOAD_PATH)}?${query.toString()}`,
      file,
      { 'Content-Type': 'application/octet-stream', ...auth() },
      report,
    );
    if (answer.status === 0) return { ok: false, error: NETWORK_ERROR };
    return resultFromAnswer<SourceRef>(answer.status, answer.body);
  }

  async function download(path: string): Promise<Result<Blob>> {
    let res: Response;
    try {
      res = await fetchImpl(url(path), { headers: auth(), cache: 'no-store' });
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
    // A failure answers with a JSON Result; success is the file's bytes.
    if (!res.ok) return resultFromAnswer<Blob>(res.status, await res.text().catch(() => ''));
    try {
      return { ok: true, value: await res.blob() };
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
  }

  return {
    call,
    on: (name, listener) => events.on(name, listener),
    addLocalFile,
    download,
    onUploadProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    events,
  };
}
