// Browser (renderer). The zustand store of the import flow and the actions that talk to the
// API. Transitions are the pure functions of import-state.ts; this file only sequences calls
// and makes sure a late answer about an older file or job never overwrites a newer one.

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { SourceRef } from '../../../shared/core/api/contract';
import type { ColumnType } from '../../../shared/core/inspect/report';
import type { AppError } from '../../../shared/core/result';
import type { RendererApi } from '../api/renderer-api';
import { unsupportedFileMessage } from '../lib/file-kind';
import { newJobId as defaultJobId } from '../lib/job-id';
import * as T from './import-state';
import type { ImportState } from './import-state';

export interface ImportActions {
  loadAppInfo(): Promise<void>;
  /** A dropped or chosen file (a DOM File in the app). */
  addFile(file: { name: string; size: number; lastModified: number }): Promise<void>;
  /** The native "Open file" dialog (desktop only). */
  pickFile(): Promise<void>;
  chooseSheet(name: string): Promise<void>;
  setHeaderRow(row: number | null): Promise<void>;
  setColumnType(index: number, type: ColumnType, inferred: ColumnType): Promise<void>;
  /** Runs inspect.run for the current choices, replacing any job still running. */
  runInspect(): Promise<void>;
  cancelJob(): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
  backHome(): Promise<void>;
  /** Stops listening to the API (tests, hot reload). */
  dispose(): void;
}

export type ImportStore = StoreApi<ImportState & { actions: ImportActions }>;

export interface StoreDeps {
  newJobId?: () => string;
}

export function createImportStore(api: RendererApi, deps: StoreDeps = {}): ImportStore {
  const newJobId = deps.newJobId ?? (() => defaultJobId());

  const store: ImportStore = createStore<ImportState & { actions: ImportActions }>()((set, get) => {
    const apply = (f: (s: ImportState) => ImportState) => set((s) => f(s));
    const fail = (error: AppError) => apply((s) => T.failed(s, error));

    /** Cancels the running job, if any, without waiting for the answer. */
    const cancelRunning = () => {
      const job = get().job;
      if (job) void api.call('job.cancel', { jobId: job.id });
    };

    async function openSource(ref: SourceRef, flow: number): Promise<void> {
      if (get().flow !== flow) return;
      apply((s) => T.sourceAdded(s, ref));
      const res = await api.call('source.open', { sourceId: ref.id });
      if (get().flow !== flow) return;
      if (!res.ok) return fail(res.error);
      apply((s) => T.overviewLoaded(s, res.value));
      await actions.runInspect();
    }

    const actions: ImportActions = {
      async loadAppInfo() {
        const res = await api.call('app.info', {});
        if (res.ok) set({ appInfo: res.value });
        else fail(res.error);
      },

      async addFile(file) {
        const refusal = unsupportedFileMessage(file.name);
        if (refusal) {
          // Whatever is on screen stays; only the message is added.
          set({ error: { code: 'file.unsupported', message: refusal }, errorFile: file.name });
          return;
        }
        cancelRunning();
        apply((s) => T.startFlow(s, { fileName: file.name, loaded: 0, total: file.size }));
        const flow = get().flow;
        const stop = api.onUploadProgress?.((p) => apply((s) => (s.flow === flow ? T.uploadProgress(s, p) : s)));
        const res = await api.addLocalFile(file);
        stop?.();
        if (get().flow !== flow) return;
        if (!res.ok) return fail(res.error);
        await openSource(res.value, flow);
      },

      async pickFile() {
        const res = await api.call('source.pick', {});
        if (!res.ok) return fail(res.error);
        if (res.value === null) return; // the owner closed the dialog
        cancelRunning();
        apply((s) => T.startFlow(s, null));
        await openSource(res.value, get().flow);
      },

      async chooseSheet(name) {
        const before = get().choices.sheet;
        apply((s) => T.chooseSheet(s, name));
        if (get().choices.sheet !== before) await actions.runInspect();
      },

      async setHeaderRow(row) {
        const before = T.inspectRequestFor(get());
        apply((s) => T.setHeaderRow(s, row));
        if (T.inspectRequestFor(get())?.headerRow !== before?.headerRow) await actions.runInspect();
      },

      async setColumnType(index, type, inferred) {
        apply((s) => T.setTypeOverride(s, index, type, inferred));
        await actions.runInspect();
      },

      async runInspect() {
        const base = T.inspectRequestFor(get());
        if (!base) return;
        cancelRunning();
        const request = { ...base, jobId: newJobId() };
        apply((s) => T.jobStarted(s, request));
        const res = await api.call('inspect.run', request);
        apply((s) => T.jobFinished(s, request.jobId, res));
      },

      async cancelJob() {
        const job = get().job;
        if (!job || job.cancelling) return;
        apply(T.jobCancelling);
        const res = await api.call('job.cancel', { jobId: job.id });
        // If the host no longer knows the job it has finished or died: its answer will come (or
        // already came) through inspect.run. A failed cancel call is worth telling, though.
        if (!res.ok) apply((s) => (s.job?.id === job.id ? { ...s, job: { ...s.job, cancelling: false }, error: res.error } : s));
      },

      dismissError: () => apply(T.dismissError),
      dismissNotice: () => apply(T.dismissNotice),

      async backHome() {
        cancelRunning();
        apply(T.backHome);
      },

      dispose: () => {
        stopProgress();
        stopCommands();
      },
    };

    const stopProgress = api.on('job.progress', (p) => apply((s) => T.jobProgress(s, p)));
    // File › Open… in the desktop menu runs the same flow as the page's "Open file…" button.
    const stopCommands = api.on('app.command', (c) => {
      if (c.command === 'open-file') void actions.pickFile();
    });

    return { ...T.initialImportState, actions };
  });

  return store;
}
