// Browser (renderer). Home's drafts: list, open (restore everything and land on the step the
// owner left), duplicate, delete with undo, and the way back when a draft's file moved or
// changed (locate it, or read it again). Saving as the owner types is draft-autosave.ts.

import type { SourceRef } from '../../../shared/core/api/contract';
import type { DraftStep } from '../../../shared/core/api/draft-types';
import type { AppError } from '../../../shared/core/result';
import { unsupportedFileMessage } from '../lib/file-kind';
import type { ActionContext } from './action-context';
import { flushDraftAutosave } from './draft-autosave';
import { landingStep, overviewRestored, restoreDraft } from './draft-content';
import * as L from './draft-list-state';
import * as T from './import-state';
import type { Screen } from './import-state';

export interface DraftActions {
  /** Home's list (draft.list); a late answer never overwrites a newer one. */
  loadDrafts(): Promise<void>;
  /** Reopens a draft: choices, description, waivers, answers and step come back; its file is read again. */
  openDraft(id: string): Promise<void>;
  duplicateDraft(id: string): Promise<void>;
  /** After the owner confirmed: moves the draft to the bin and offers "Undo". */
  deleteDraft(id: string): Promise<void>;
  undoDeleteDraft(): Promise<void>;
  dismissDraftToast(): void;
  /** "Locate the file…": the added file becomes the draft's file (no file given = the native dialog). */
  locateDraftFile(file?: { name: string; size: number; lastModified: number }): Promise<void>;
  /** "Read it again": reads the changed file with the saved choices; the description stays. */
  rereadDraftFile(): Promise<void>;
  /** Closes the banner of a draft whose file is missing or changed (the draft stays saved). */
  dismissDraftSource(): void;
}

/** What only the import store can do, lent to the draft actions. */
export interface DraftHooks {
  /** Stops what runs for the current file; false (with a notice) while a publish is running. */
  leaveFlow(): boolean;
  runInspect(): Promise<void>;
  goTo(screen: Screen): void;
}

function withoutLanding(d: L.DraftSaveStatus): L.DraftSaveStatus {
  const { landing: _landing, ...rest } = d;
  return rest;
}

export function createDraftActions(ctx: ActionContext, hooks: DraftHooks): DraftActions {
  const { api, get, apply } = ctx;
  const fail = (error: AppError) => apply((s) => T.failed(s, error));
  const onList = (f: (d: L.DraftListState) => L.DraftListState) => apply((s) => ({ ...s, drafts: f(s.drafts) }));
  let listRequest = 0;

  /** The draft's file is registered: open it, read it with the saved choices, go to the saved step. */
  async function openRestored(ref: SourceRef, flow: number, step: DraftStep | undefined): Promise<void> {
    if (get().flow !== flow) return;
    apply((s) => ({
      ...T.sourceAdded(s, ref),
      draftSource: null,
      error: null,
      errorFile: null,
      draftSave: step !== undefined ? { ...s.draftSave, landing: step } : s.draftSave,
    }));
    const res = await api.call('source.open', { sourceId: ref.id });
    if (get().flow !== flow) return;
    if (!res.ok) return apply((s) => ({ ...T.failed(s, res.error), draftSave: withoutLanding(s.draftSave) }));
    apply((s) => overviewRestored(s, res.value));
    await hooks.runInspect();
    if (get().flow !== flow) return;
    const target = landingStep(step);
    if (target !== 'import') hooks.goTo(target);
    // Landed (or stopped on Import with a message): from now on the screen is the saved step.
    apply((s) => (s.flow === flow && s.draftSave.landing !== undefined ? { ...s, draftSave: withoutLanding(s.draftSave) } : s));
  }

  const actions: DraftActions = {
    async loadDrafts() {
      const mine = ++listRequest;
      onList(L.listLoading);
      const res = await api.call('draft.list', {});
      if (mine !== listRequest) return;
      onList((d) => (res.ok ? L.listLoaded(d, res.value) : L.listFailed(d, res.error)));
    },

    async openDraft(id) {
      if (!hooks.leaveFlow()) return;
      apply((s) => ({ ...T.startFlow(s, null), drafts: L.draftBusy(L.toastDismissed(s.drafts), id) }));
      const flow = get().flow;
      // A change typed just before leaving that draft is on disk before it is read back.
      await flushDraftAutosave();
      if (get().flow !== flow) return;
      const res = await api.call('draft.open', { id });
      if (get().flow !== flow) return;
      onList((d) => L.draftBusy(d, null));
      if (!res.ok) return fail(res.error);
      const opened = res.value;
      apply((s) => restoreDraft(s, opened));
      if (opened.content.metadataOnly) return; // on Describe already (restoreDraft)
      if (opened.sourceCheck.status === 'ok' && opened.source) await openRestored(opened.source, flow, opened.content.step);
    },

    async duplicateDraft(id) {
      onList((d) => L.draftBusy(d, id));
      const res = await api.call('draft.duplicate', { id });
      onList((d) => (res.ok ? L.draftAdded(d, res.value) : L.listFailed(d, res.error)));
    },

    async deleteDraft(id) {
      onList((d) => L.draftBusy(d, id));
      const res = await api.call('draft.delete', { id });
      if (!res.ok) return onList((d) => L.listFailed(d, res.error));
      // The draft on screen (its file banner) goes too, so the autosave cannot bring it back.
      if (get().draftId === id) apply(T.backHome);
      onList((d) => L.draftRemoved(d, id));
    },

    async undoDeleteDraft() {
      const deleted = get().drafts.deleted;
      if (!deleted) return;
      onList((d) => L.draftBusy(d, deleted.id));
      const res = await api.call('draft.restore', { id: deleted.id });
      onList((d) => (res.ok ? L.draftRestored(d, res.value) : L.listFailed(d, res.error)));
    },

    dismissDraftToast: () => onList(L.toastDismissed),

    async locateDraftFile(file) {
      const problem = get().draftSource;
      const id = get().draftId;
      if (!problem || id === null) return;
      const flow = get().flow;
      let ref: SourceRef;
      if (file) {
        const refusal = unsupportedFileMessage(file.name);
        if (refusal) return apply((s) => ({ ...s, error: { code: 'file.unsupported', message: refusal }, errorFile: file.name }));
        apply((s) => ({ ...s, busy: 'adding', upload: { fileName: file.name, loaded: 0, total: file.size }, error: null, errorFile: null }));
        const stop = api.onUploadProgress?.((p) => apply((s) => (s.flow === flow ? T.uploadProgress(s, p) : s)));
        const res = await api.addLocalFile(file);
        stop?.();
        if (get().flow !== flow || get().draftId !== id) return;
        if (!res.ok) return fail(res.error);
        ref = res.value;
      } else {
        const res = await api.call('source.pick', {});
        if (get().flow !== flow || get().draftId !== id) return;
        if (!res.ok) return fail(res.error);
        if (res.value === null) return; // the owner closed the dialog
        ref = res.value;
      }
      // The new file's session id is saved with the draft by the autosave (its content changed).
      await openRestored(ref, flow, problem.step);
    },

    async rereadDraftFile() {
      const problem = get().draftSource;
      if (!problem?.source || get().draftId === null) return;
      // Saved once read, even when no choice changed, so the host records the file as it is now.
      apply((s) => ({ ...s, draftSave: { ...s.draftSave, force: (s.draftSave.force ?? 0) + 1 } }));
      await openRestored(problem.source, get().flow, problem.step);
    },

    dismissDraftSource: () => apply(T.backHome),
  };
  return actions;
}
