// The import flow against a scripted stand-in for the host: each call waits until the test
// answers it, so races (a new job before the old one answers) can be played out exactly.
import { describe, expect, it } from 'vitest';
import type { ApiEvents, CallInput, CallName, CallOutput, JobProgress, SourceOverview } from '../../../shared/core/api/contract';
import type { InspectReport } from '../../../shared/core/inspect/report';
import type { Result } from '../../../shared/core/result';
import type { RendererApi, UploadProgress } from '../../../renderer/src/api/renderer-api';
import { createImportStore } from '../../../renderer/src/state/import-store';

interface Pending {
  name: CallName;
  input: unknown;
  answer(r: Result<unknown>): void;
}

function scriptedApi() {
  const pending: Pending[] = [];
  const listeners = new Map<string, Set<(p: never) => void>>();
  const listenersOf = (name: string) => listeners.get(name) ?? listeners.set(name, new Set()).get(name)!;
  const uploads = new Set<(p: UploadProgress) => void>();
  const uploadAnswers: ((r: Result<unknown>) => void)[] = [];
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      return new Promise<Result<CallOutput<K>>>((resolve) => {
        pending.push({ name, input, answer: (r) => resolve(r as Result<CallOutput<K>>) });
      });
    },
    on<E extends keyof ApiEvents>(name: E, l: (p: ApiEvents[E]) => void) {
      const set = listenersOf(name);
      set.add(l as (p: never) => void);
      return () => set.delete(l as (p: never) => void);
    },
    addLocalFile(file) {
      for (const u of uploads) u({ fileName: file.name, loaded: file.size / 2, total: file.size });
      return new Promise((resolve) => {
        uploadAnswers.push((r) => resolve(r as never));
      });
    },
    onUploadProgress(l) {
      uploads.add(l);
      return () => uploads.delete(l);
    },
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));
  /** Waits for the next unanswered call of that name and removes it from the queue. */
  async function next(name: CallName): Promise<Pending> {
    for (let i = 0; i < 50; i++) {
      const at = pending.findIndex((p) => p.name === name);
      if (at >= 0) return pending.splice(at, 1)[0]!;
      await tick();
    }
    throw new Error(`no ${name} call; pending: ${pending.map((p) => p.name).join(', ')}`);
  }
  return {
    api,
    next,
    pending,
    tick,
    emit: (p: JobProgress) => listenersOf('job.progress').forEach((l) => (l as (p: JobProgress) => void)(p)),
    command: (c: ApiEvents['app.command']) => listenersOf('app.command').forEach((l) => (l as (c: ApiEvents['app.command']) => void)(c)),
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    /** Answers the oldest upload still waiting. */
    answerUpload: (r: Result<unknown>) => uploadAnswers.shift()?.(r),
  };
}

const overview: SourceOverview = {
  source: { id: 'src1', name: 'sales.csv', size: 100 },
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  sheets: [{ name: 'sales', index: 0, rowCount: 4, columnCount: 2 }],
  problems: [],
};

const report: InspectReport = {
  file: 'sales.csv',
  format: 'csv',
  sheetList: overview.sheets,
  sheets: [{ name: 'sales', headerRow: 1, headerDetected: true, rows: 3, columns: [], preview: { rowNumbers: [2, 3, 4], cells: [[], [], []], truncated: false } }],
  problems: [],
  elapsedMs: 1,
};

function setup() {
  const h = scriptedApi();
  let n = 0;
  const store = createImportStore(h.api, { newJobId: () => `job${++n}` });
  return { ...h, store, s: () => store.getState(), actions: store.getState().actions };
}

async function openFile(t: ReturnType<typeof setup>) {
  const done = t.actions.addFile({ name: 'sales.csv', size: 100, lastModified: 0 });
  expect(t.s().busy).toBe('adding');
  expect(t.s().upload).toEqual({ fileName: 'sales.csv', loaded: 50, total: 100 });
  t.answerUpload({ ok: true, value: overview.source });
  const open = await t.next('source.open');
  expect(open.input).toEqual({ sourceId: 'src1' });
  open.answer({ ok: true, value: overview });
  const run = await t.next('inspect.run');
  return { done, run };
}

describe('import store flow', () => {
  it('goes from a dropped file to a report, following progress on the way', async () => {
    const t = setup();
    const { done, run } = await openFile(t);
    expect(run.input).toEqual({ jobId: 'job1', sourceId: 'src1', sheet: 'sales' });
    expect(t.s()).toMatchObject({ screen: 'import', job: { id: 'job1' } });
    t.emit({ jobId: 'job1', phase: 'reading', bytesDone: 40, bytesTotal: 100, rows: 2 });
    t.emit({ jobId: 'someone-else', phase: 'reading', bytesDone: 99, bytesTotal: 100, rows: 99 });
    expect(t.s().job?.progress?.rows).toBe(2);
    run.answer({ ok: true, value: report });
    await done;
    expect(t.s()).toMatchObject({ job: null, report, error: null });
  });

  it('turns away an unsupported file before uploading anything', async () => {
    const t = setup();
    await t.actions.addFile({ name: 'deck.pptx', size: 5, lastModified: 0 });
    expect(t.s().error?.code).toBe('file.unsupported');
    expect(t.s().errorFile).toBe('deck.pptx');
    expect(t.s().screen).toBe('home');
    expect(t.pending).toHaveLength(0);
  });

  it('shows an upload failure and stays home', async () => {
    const t = setup();
    const done = t.actions.addFile({ name: 'a.csv', size: 10, lastModified: 0 });
    t.answerUpload({ ok: false, error: { code: 'network.unreachable', message: 'Mesh Desk is not answering.' } });
    await done;
    expect(t.s()).toMatchObject({ screen: 'home', busy: 'idle', error: { message: 'Mesh Desk is not answering.' }, errorFile: 'a.csv' });
  });

  it('re-runs with type overrides, cancels the older job and ignores its late answer', async () => {
    const t = setup();
    const { done, run } = await openFile(t);
    run.answer({ ok: true, value: report });
    await done;

    const first = t.actions.setColumnType(1, 'text', 'integer');
    const run2 = await t.next('inspect.run');
    expect(run2.input).toEqual({ jobId: 'job2', sourceId: 'src1', sheet: 'sales', typeOverrides: { 1: 'text' } });
    const second = t.actions.setHeaderRow(2);
    const cancel = await t.next('job.cancel');
    expect(cancel.input).toEqual({ jobId: 'job2' });
    const run3 = await t.next('inspect.run');
    expect(run3.input).toMatchObject({ jobId: 'job3', headerRow: 2, typeOverrides: { 1: 'text' } });

    const late = { ...report, elapsedMs: 222 };
    run2.answer({ ok: true, value: late });
    await first;
    expect(t.s().job?.id).toBe('job3');
    expect(t.s().report?.elapsedMs).toBe(1);
    run3.answer({ ok: true, value: { ...report, elapsedMs: 333 } });
    await second;
    expect(t.s().report?.elapsedMs).toBe(333);
  });

  it('cancels on request and says so without an error', async () => {
    const t = setup();
    const { done, run } = await openFile(t);
    const cancelling = t.actions.cancelJob();
    expect(t.s().job?.cancelling).toBe(true);
    const cancel = await t.next('job.cancel');
    expect(cancel.input).toEqual({ jobId: 'job1' });
    cancel.answer({ ok: true, value: { cancelled: true } });
    await cancelling;
    run.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was changed.' } });
    await done;
    expect(t.s()).toMatchObject({ job: null, error: null, notice: expect.stringContaining('Nothing was changed') });
  });

  it('uses the native dialog and does nothing when the owner closes it', async () => {
    const t = setup();
    const closed = t.actions.pickFile();
    (await t.next('source.pick')).answer({ ok: true, value: null });
    await closed;
    expect(t.s()).toMatchObject({ screen: 'home', busy: 'idle', error: null });

    const picked = t.actions.pickFile();
    (await t.next('source.pick')).answer({ ok: true, value: overview.source });
    (await t.next('source.open')).answer({ ok: true, value: overview });
    (await t.next('inspect.run')).answer({ ok: true, value: report });
    await picked;
    expect(t.s().report).toBe(report);
  });

  it('ignores answers about a file the owner has already replaced', async () => {
    const t = setup();
    const first = t.actions.addFile({ name: 'old.csv', size: 10, lastModified: 0 });
    const second = t.actions.addFile({ name: 'new.csv', size: 10, lastModified: 0 });
    t.answerUpload({ ok: true, value: { id: 'old', name: 'old.csv', size: 10 } });
    await first; // the older file's answer arrives after the new drop: it must change nothing
    expect(t.pending).toHaveLength(0);
    expect(t.s()).toMatchObject({ busy: 'adding', upload: { fileName: 'new.csv' } });
    t.answerUpload({ ok: true, value: { id: 'new', name: 'new.csv', size: 10 } });
    const open = await t.next('source.open');
    expect(open.input).toEqual({ sourceId: 'new' });
    expect(t.s().upload).toBeNull();
    open.answer({ ok: false, error: { code: 'csv.empty', message: 'The file "new.csv" is empty.' } });
    await second;
    expect(t.s()).toMatchObject({ screen: 'home', error: { code: 'csv.empty' }, errorFile: 'new.csv' });
  });

  it('runs the open-file flow when the desktop menu asks for it', async () => {
    const t = setup();
    t.command({ command: 'open-file' });
    (await t.next('source.pick')).answer({ ok: true, value: overview.source });
    (await t.next('source.open')).answer({ ok: true, value: overview });
    (await t.next('inspect.run')).answer({ ok: true, value: report });
    await t.tick();
    expect(t.s().report).toBe(report);
  });

  it('stops listening when disposed', () => {
    const t = setup();
    expect(t.listenerCount()).toBe(2); // job progress and menu commands
    t.actions.dispose();
    expect(t.listenerCount()).toBe(0);
  });
});
