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
import { deliverDownload } from '../lib/deliver-download';
import type { ActionContext } from './action-context';
import type { DescribeDraft } from './describe-state';
import * as T from './import-state';
import type { ImportState, Screen } from './import-state';
import * as S from './steps-state';
import type { PublishActions } from './publish-actions';
import { createPublishActions, needsPrepareAfterSettings } from './publish-actions';
import { publishProgress } from './publish-state';
import type { SettingsActions } from './settings-actions';
import { createSettingsActions } from './settings-actions';
import type { CatalogActions } from './catalog-actions';
import { exportProgress } from './export-state';
import { createCatalogActions } from './catalog-actions';
import type { RoundTripActions } from './roundtrip-actions';
import { createRoundTripActions } from './roundtrip-actions';
import { diffProgress } from './roundtrip-state';
import type { DraftActions } from './draft-actions';
import { createDraftActions } from './draft-actions';
import { createMetaEditActions, type MetaEditActions } from './meta-edit-actions';

export const WAIT_FOR_PUBLISH = 'Mesh Desk is still publishing. Wait until it has finished (or cancel it), then open the next file.';

export interface ImportActions extends PublishActions, SettingsActions, CatalogActions, RoundTripActions, DraftActions, MetaEditActions {
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
  /** Moves between Import, Describe and Check; refused while the chosen sheet is not read. */
  goTo(screen: Screen): void;
  /** Applies one of the pure draft edits of describe-state.ts. */
  updateDraft(edit: (d: DescribeDraft) => DescribeDraft): void;
  /** Runs the Check step: inspect.run with the owner's description and waivers. */
  runCheck(): Promise<void>;
  /** Saves the checked report as an Excel workbook (save dialog or browser download). */
  saveReport(): Promise<void>;
  showNotice(text: string): void;
  /** Stops listening to the API (tests, hot reload). */
  dispose(): void;
}

export type ImportStore = StoreApi<ImportState & { actions: ImportActions }>;

export interface StoreDeps {
  newJobId?: () => string;
  /** Browser mode: hands a prepared file to the browser's download. */
  deliver?: (name: string, blob: Blob) => void;
}

export function createImportStore(api: RendererApi, deps: StoreDeps = {}): ImportStore {
  const newJobId = deps.newJobId ?? (() => defaultJobId());
  const deliver = deps.deliver ?? deliverDownload;

  const store: ImportStore = createStore<ImportState & { actions: ImportActions }>()((set, get) => {
    const apply = (f: (s: ImportState) => ImportState) => set((s) => f(s));
    const fail = (error: AppError) => apply((s) => T.failed(s, error));

    /** Cancels the running job, if any, without waiting for the answer. */
    const cancelRunning = () => {
      const job = get().job;
      if (job) void api.call('job.cancel', { jobId: job.id });
      // A prepare about the old file is useless; a running publish is only ever stopped by the owner.
      const pub = get().publish.job;
      if (pub?.kind === 'prepare') void api.call('job.cancel', { jobId: pub.id });
    };

    /** A new file would throw away the publish in flight: refused with a word instead. */
    const publishing = (): boolean => {
      if (get().publish.stage !== 'running') return false;
      set({ notice: WAIT_FOR_PUBLISH });
      return true;
    };

    const ctx: ActionContext = { api, get, apply, newJobId };
    const publishActions = createPublishActions(ctx);
    const settingsActions = createSettingsActions(ctx);
    const catalogActions = createCatalogActions(ctx, deliver);
    const roundTripActions = createRoundTripActions(ctx);
    const draftActions = createDraftActions(ctx, {
      leaveFlow: () => {
        if (publishing()) return false;
        cancelRunning();
        roundTripActions.abandonDiff(false);
        return true;
      },
      runInspect: () => actions.runInspect(),
      goTo: (screen) => actions.goTo(screen),
    });
    // "Edit description": a metadata-only draft, opened like any draft.
    const metaEditActions = createMetaEditActions(ctx, { openDraft: (id) => draftActions.openDraft(id) });

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
      ...publishActions,
      ...settingsActions,
      ...catalogActions,
      ...roundTripActions,
      ...draftActions,
      ...metaEditActions,

      closeSettings() {
        settingsActions.closeSettings();
        if (needsPrepareAfterSettings(get())) void publishActions.preparePublish();
        // Back on the Catalog after choosing another mesh: the list on screen is of the old one.
        const c = get().catalog;
        if (c.open && !c.loading && c.settingsRevision !== get().settings.revision) void catalogActions.loadCatalog();
      },

      async openCatalog() {
        // One screen over the import flow at a time: the Catalog replaces Settings.
        if (get().settings.open) actions.closeSettings();
        await catalogActions.openCatalog();
      },

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
        if (publishing()) return;
        cancelRunning();
        roundTripActions.abandonDiff(false);
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
        if (publishing()) return;
        const res = await api.call('source.pick', {});
        if (!res.ok) return fail(res.error);
        if (res.value === null) return; // the owner closed the dialog
        if (publishing()) return;
        cancelRunning();
        roundTripActions.abandonDiff(false);
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
        // Another sheet or header row: a comparison of the old one is of no use any more.
        roundTripActions.abandonDiff(true);
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
        if (publishing()) return;
        cancelRunning();
        roundTripActions.abandonDiff(false);
        apply(T.backHome);
      },

      goTo(screen) {
        if (screen === 'publish') return publishActions.openPublishStep();
        apply((s) => S.goTo(s, screen));
        if (screen === 'check' && get().screen === 'check' && !get().job && S.checkIsStale(get())) void actions.runCheck();
        // The check may be current while the comparison never ran (or ran on another sheet).
        if (screen === 'check' && get().screen === 'check') roundTripActions.runDiffIfNew();
      },

      updateDraft: (edit) => set((s) => ({ draft: edit(s.draft) })),

      async runCheck() {
        const base = S.checkRequestFor(get());
        if (!base) return;
        cancelRunning();
        const request = { ...base, jobId: newJobId() };
        apply((s) => T.jobStarted(s, request, 'check'));
        // A pulled workbook: "what changed" runs beside the check, once per sheet and header row.
        roundTripActions.runDiffIfNew();
        const res = await api.call('inspect.run', request);
        apply((s) => T.jobFinished(s, request.jobId, res));
      },

      async saveReport() {
        const base = S.checkRequestFor(get());
        if (!base || get().saving) return;
        const flow = get().flow;
        set({ saving: true, notice: null, error: null, errorFile: null });
        const res = await api.call('report.save', { ...base, jobId: newJobId() });
        if (get().flow !== flow) return;
        set({ saving: false });
        if (!res.ok) return res.error.code === 'cancelled' ? undefined : fail(res.error);
        const saved = res.value;
        if (saved === null) return; // the owner closed the save dialog
        if (saved.downloadUrl) {
          if (!api.download) return fail({ code: 'report.no-download', message: 'This window cannot download files. Open Mesh Desk in its own window and save the report again.' });
          const file = await api.download(saved.downloadUrl);
          if (!file.ok) return fail(file.error);
          deliver(saved.name, file.value);
          set({ notice: `The report “${saved.name}” was handed to your browser. Look for it in your Downloads folder.` });
          return;
        }
        set({ notice: saved.savedTo ? `Saved the report as “${saved.name}” in ${saved.savedTo}.` : `Saved the report as “${saved.name}”.` });
      },

      showNotice: (text) => set({ notice: text }),

      dispose: () => {
        stopProgress();
        stopCommands();
      },
    };

    const stopProgress = api.on('job.progress', (p) =>
      apply((s) => {
        const next = T.jobProgress(s, p);
        const pub = publishProgress(next.publish, p);
        const exporting = exportProgress(next.exporting, p);
        const roundtrip = diffProgress(next.roundtrip, p);
        return pub === next.publish && exporting === next.exporting && roundtrip === next.roundtrip ? next : { ...next, publish: pub, exporting, roundtrip };
      }),
    );
    // File › Open… in the desktop menu runs the same flow as the page's "Open file…" button.
    const stopCommands = api.on('app.command', (c) => {
      if (c.command === 'open-file') void actions.pickFile();
    });

    return { ...T.initialImportState, actions };
  });

  return store;
}
