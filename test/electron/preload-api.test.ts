// Tests of window.meshDesk as the preload builds it, with a recording transport.
import { describe, expect, it, vi } from 'vitest';
import type { JobProgress, LocalFile, MeshDeskApi } from '../../shared/core/api/contract';
import {
  ADD_PATH_CHANNEL,
  CALL_CHANNEL,
  UPLOAD_ABORT_CHANNEL,
  UPLOAD_BEGIN_CHANNEL,
  UPLOAD_CHUNK_CHANNEL,
  UPLOAD_END_CHANNEL,
} from '../../electron/ipc-channels';
import { createPreloadApi, UPLOAD_CHUNK_BYTES, type PreloadTransport } from '../../electron/preload-api';

function setup(reply: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: 'reply' })) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  let emit: (name: unknown, payload: unknown) => void = () => {};
  const errors: unknown[] = [];
  const paths = new Map<LocalFile, string>();
  const contents = new Map<LocalFile, Uint8Array>();
  const transport: PreloadTransport = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return reply(channel, args);
    },
    listen: (l) => {
      emit = l;
    },
    pathForFile: (file) => {
      const p = paths.get(file);
      if (p === undefined) throw new TypeError('not a File');
      return p;
    },
    readSlice: async (file, start, end) => {
      const bytes = contents.get(file);
      if (!bytes) throw new Error('NotReadableError');
      return bytes.slice(start, end);
    },
    reportListenerError: (e) => errors.push(e),
  };
  const api = createPreloadApi(transport);
  return { api, invoked, emit: (n: unknown, p: unknown) => emit(n, p), errors, paths, contents };
}

const progress: JobProgress = { jobId: 'j1', phase: 'reading', bytesDone: 5, bytesTotal: 10, rows: 3 };
const file = (name: string): LocalFile => ({ name, size: 10, lastModified: 0 });

describe('createPreloadApi', () => {
  it('exposes exactly call, on and addLocalFile', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(['addLocalFile', 'call', 'on']);
    const typed: MeshDeskApi = api;
    expect(typeof typed.call).toBe('function');
  });

  it('sends calls on the call channel and returns the Result', async () => {
    const { api, invoked } = setup();
    const r = await api.call('source.open', { sourceId: 'abc' });
    expect(r).toEqual({ ok: true, value: 'reply' });
    expect(invoked).toEqual([{ channel: CALL_CHANNEL, args: ['source.open', { sourceId: 'abc' }] }]);
  });

  it('refuses unknown call names without a round trip', async () => {
    const { api, invoked } = setup();
    const r = await api.call('fs.readFile' as never, {} as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'api.unknown-call' } });
    expect(invoked).toHaveLength(0);
  });

  it('turns IPC failures and odd replies into Results', async () => {
    const broken = setup(() => {
      throw new Error('Error invoking remote method');
    });
    expect(await broken.api.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'ipc.failed' } });
    const odd = setup(() => 'not a result');
    expect(await odd.api.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'ipc.bad-reply' } });
    const failure = setup(() => ({ ok: false, error: { code: 'x', message: 'm' } }));
    expect(await failure.api.call('app.info', {})).toEqual({ ok: false, error: { code: 'x', message: 'm' } });
  });

  it('delivers only contract events, payload only, until unsubscribed', () => {
    const { api, emit } = setup();
    const seen: unknown[] = [];
    const off = api.on('job.progress', (p) => seen.push(p));
    emit('job.progress', progress);
    emit('ipc.secret', { x: 1 });
    expect(seen).toEqual([progress]);
    off();
    off();
    emit('job.progress', progress);
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to unknown events or with a non-function', () => {
    const { api } = setup();
    expect(() => api.on('mesh:event' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('job.progress', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('keeps other listeners running when one throws, and the same function twice is two subscriptions', () => {
    const { api, emit, errors } = setup();
    const good = vi.fn();
    api.on('job.progress', () => {
      throw new Error('boom');
    });
    const offFirst = api.on('job.progress', good);
    api.on('job.progress', good);
    offFirst();
    emit('job.progress', progress);
    expect(good).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
  });

  it('lets a listener unsubscribe itself while events are delivered', () => {
    const { api, emit } = setup();
    const calls: string[] = [];
    const off = api.on('job.progress', () => {
      calls.push('a');
      off();
    });
    api.on('job.progress', () => calls.push('b'));
    emit('job.progress', progress);
    emit('job.progress', progress);
    expect(calls).toEqual(['a', 'b', 'b']);
  });

  it('addLocalFile sends the resolved path on the add-path channel', async () => {
    const { api, invoked, paths } = setup(() => ({ ok: true, value: { id: 's1', name: 'a.csv', size: 10 } }));
    const f = file('a.csv');
    paths.set(f, '/home/owner/a.csv');
    expect(await api.addLocalFile(f)).toEqual({ ok: true, value: { id: 's1', name: 'a.csv', size: 10 } });
    expect(invoked).toEqual([{ channel: ADD_PATH_CHANNEL, args: ['/home/owner/a.csv'] }]);
  });

  it('addLocalFile explains items that are not files', async () => {
    const { api, invoked } = setup();
    expect(await api.addLocalFile(file('x'))).toMatchObject({ ok: false, error: { code: 'source.not-a-file' } });
    expect(invoked).toHaveLength(0);
  });

  it('addLocalFile sends a file that is not on the disk in 1 MiB chunks, then ends the upload', async () => {
    const size = UPLOAD_CHUNK_BYTES * 2 + 10;
    const { api, invoked, paths, contents } = setup((channel) =>
      channel === UPLOAD_BEGIN_CHANNEL
        ? { ok: true, value: { uploadId: 'u1' } }
        : channel === UPLOAD_END_CHANNEL
          ? { ok: true, value: { id: 's9', name: 'attachment.xlsx', size } }
          : { ok: true, value: null },
    );
    const f: LocalFile = { name: 'attachment.xlsx', size, lastModified: 1234 };
    paths.set(f, '');
    contents.set(f, new Uint8Array(size).map((_, i) => i % 251));
    expect(await api.addLocalFile(f)).toEqual({ ok: true, value: { id: 's9', name: 'attachment.xlsx', size } });
    expect(invoked.map((i) => i.channel)).toEqual([
      UPLOAD_BEGIN_CHANNEL,
      UPLOAD_CHUNK_CHANNEL,
      UPLOAD_CHUNK_CHANNEL,
      UPLOAD_CHUNK_CHANNEL,
      UPLOAD_END_CHANNEL,
    ]);
    expect(invoked[0]!.args).toEqual(['attachment.xlsx', 1234]);
    const sent = invoked.filter((i) => i.channel === UPLOAD_CHUNK_CHANNEL).map((i) => (i.args[1] as Uint8Array).byteLength);
    expect(sent).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 10]);
    const joined = Buffer.concat(invoked.filter((i) => i.channel === UPLOAD_CHUNK_CHANNEL).map((i) => i.args[1] as Uint8Array));
    expect(joined.equals(Buffer.from(contents.get(f)!))).toBe(true);
  });

  it('stops and aborts the upload when main refuses a chunk or the file cannot be read', async () => {
    const refusing = setup((channel) =>
      channel === UPLOAD_BEGIN_CHANNEL
        ? { ok: true, value: { uploadId: 'u2' } }
        : channel === UPLOAD_CHUNK_CHANNEL
          ? { ok: false, error: { code: 'upload.too-large', message: 'too large' } }
          : { ok: true, value: null },
    );
    const big: LocalFile = { name: 'big.csv', size: UPLOAD_CHUNK_BYTES * 3, lastModified: 0 };
    refusing.paths.set(big, '');
    refusing.contents.set(big, new Uint8Array(big.size));
    expect(await refusing.api.addLocalFile(big)).toMatchObject({ ok: false, error: { code: 'upload.too-large' } });
    expect(refusing.invoked.map((i) => i.channel)).toEqual([UPLOAD_BEGIN_CHANNEL, UPLOAD_CHUNK_CHANNEL, UPLOAD_ABORT_CHANNEL]);

    const unreadable = setup((channel) => (channel === UPLOAD_BEGIN_CHANNEL ? { ok: true, value: { uploadId: 'u3' } } : { ok: true, value: null }));
    const gone: LocalFile = { name: 'gone.csv', size: 5, lastModified: 0 };
    unreadable.paths.set(gone, '');
    const r = await unreadable.api.addLocalFile(gone);
    expect(r).toMatchObject({ ok: false, error: { code: 'source.unreadable' } });
    if (!r.ok) expect(r.error.message).toContain('"gone.csv"');
    expect(unreadable.invoked.map((i) => i.channel)).toEqual([UPLOAD_BEGIN_CHANNEL, UPLOAD_ABORT_CHANNEL]);
  });
});
