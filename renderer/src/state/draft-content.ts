// Browser (renderer). The bridge between the app's state and a saved draft: what is saved
// (draftContentOf) and how a reopened draft is put back (restoreDraft, overviewRestored). Pure:
// the autosave and openDraft sequence the calls.

import type { SourceOverview } from '../../../shared/core/api/contract';
import type { DraftContent, DraftSheetChoices, DraftStep, OpenedDraft } from '../../../shared/core/api/draft-types';
import { initialDraft } from './describe-state';
import type { DraftInfo, ImportState, SheetChoices } from './import-state';
import { defaultSheet, startFlow } from './import-state';
import { initialPublishState } from './publish-state';

const STEPS: readonly DraftStep[] = ['import', 'describe', 'check', 'publish'];

/** True once there is something worth keeping: a file is open, or a draft was reopened. */
export function hasDraftContent(s: ImportState): boolean {
  return s.draftId !== null || s.source !== null;
}

function stepOf(s: ImportState): DraftStep {
  if (s.draftSave.landing !== undefined) return s.draftSave.landing;
  if ((STEPS as readonly string[]).includes(s.screen)) return s.screen as DraftStep;
  // On Home (a reopened draft waiting for its file) the step it was left on is kept.
  return s.draftSource?.step ?? 'import';
}

function copyChoices(bySheet: Record<string, SheetChoices | DraftSheetChoices>): Record<string, DraftSheetChoices> {
  const out: Record<string, DraftSheetChoices> = {};
  // Sheet names are the owner's data (one may be called "__proto__"): own keys only.
  for (const [name, c] of Object.entries(bySheet)) {
    const copy: DraftSheetChoices = { typeOverrides: { ...c.typeOverrides } };
    if (c.headerRow !== undefined) copy.headerRow = c.headerRow;
    Object.defineProperty(out, name, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Seed keys are "file\u0000sheet" (describe-state.ts), but the contract refuses NUL in saved
 * text: saved with the NUL (and "%", so decoding is exact) percent-escaped.
 */
export function encodeSeedKey(key: string): string {
  return key.replace(/%/g, '%25').replace(/\u0000/g, '%00');
}

export function decodeSeedKey(saved: string): string {
  return saved.replace(/%(25|00)/g, (m) => (m === '%00' ? '\u0000' : '%'));
}

/** Everything the owner chose and typed, as draft.save keeps it. */
export function draftContentOf(s: ImportState): DraftContent {
  const c: DraftContent = {
    meta: s.draft.meta,
    waivers: s.draft.waivers,
    decisions: s.draft.decisions,
    seeded: s.draft.seeded.map(encodeSeedKey),
    step: stepOf(s),
  };
  const sourceId = s.source?.id ?? s.draftSource?.sourceId;
  if (sourceId !== undefined) c.sourceId = sourceId;
  if (s.choices.sheet !== null) c.sheet = s.choices.sheet;
  if (Object.keys(s.choices.bySheet).length > 0) c.bySheet = copyChoices(s.choices.bySheet);
  if (s.publish.extraSheets.length > 0) c.extraSheets = [...s.publish.extraSheets];
  const info = s.draftInfo;
  if (info?.base) c.base = { ...info.base };
  if (info?.metadataOnly) c.metadataOnly = true;
  if (info?.columns) c.columns = info.columns.map((col) => ({ ...col }));
  return c;
}

function infoOf(content: DraftContent, opened: OpenedDraft): DraftInfo | null {
  const base = content.base ?? opened.summary.base;
  if (!content.metadataOnly && !base && !content.columns) return null;
  const info: DraftInfo = { metadataOnly: !!content.metadataOnly };
  if (content.columns) info.columns = content.columns.map((c) => ({ ...c }));
  // meshId rides along (not part of DraftInfo's type) so a re-save keeps the draft's mesh.
  if (base) info.base = { ...base };
  return info;
}

/**
 * A reopened draft, before its file is read: a fresh flow (like a new file) holding the saved
 * choices, description, waivers and answers, and which draft it is. Busy "opening" while the
 * file is opened; idle on Home when the file cannot be used as it is.
 */
export function restoreDraft(s: ImportState, opened: OpenedDraft): ImportState {
  const content = opened.content;
  const fresh = startFlow(s, null);
  const fileOk = opened.sourceCheck.status === 'ok' && opened.source !== null && !content.metadataOnly;
  const restored: ImportState = {
    ...fresh,
    flow: s.flow, // openDraft already started this flow
    busy: fileOk ? 'opening' : 'idle',
    draft: {
      ...initialDraft,
      meta: content.meta,
      waivers: content.waivers,
      decisions: content.decisions ?? {},
      seeded: (content.seeded ?? []).map(decodeSeedKey),
    },
    choices: { sheet: content.sheet ?? null, bySheet: copyChoices(content.bySheet ?? {}) },
    publish: { ...initialPublishState, extraSheets: [...(content.extraSheets ?? [])] },
    draftId: opened.summary.id,
    draftInfo: infoOf(content, opened),
    draftSave: fileOk && content.step ? { status: 'saved', savedAt: opened.summary.updatedAt, landing: content.step } : { status: 'saved', savedAt: opened.summary.updatedAt },
    draftSource: null,
  };
  if (fileOk) return restored;
  // "Edit description" of a published product: no file; Describe renders that case.
  if (content.metadataOnly) return { ...restored, screen: 'describe' };
  const problem: NonNullable<ImportState['draftSource']> = {
    check: opened.sourceCheck,
    source: opened.source,
    title: opened.summary.title,
  };
  if (content.sourceId !== undefined) problem.sourceId = content.sourceId;
  if (content.step !== undefined) problem.step = content.step;
  if (opened.summary.source?.name !== undefined) problem.fileName = opened.summary.source.name;
  return { ...restored, draftSource: problem };
}

/** The step to land on after the file is read ("publish" needs a fresh check first). */
export function landingStep(step: DraftStep | undefined): 'import' | 'describe' | 'check' {
  if (step === 'publish') return 'check';
  return step ?? 'import';
}

/**
 * The reopened draft's file was opened: like overviewLoaded, but the saved sheet choice stays
 * when the file still has that sheet (otherwise the usual default; per-sheet choices are kept).
 */
export function overviewRestored(s: ImportState, overview: SourceOverview): ImportState {
  if (s.source?.id !== overview.source.id) return s;
  const saved = s.choices.sheet;
  const sheet = saved !== null && overview.sheets.some((x) => x.name === saved) ? saved : defaultSheet(overview.sheets, !!overview.recognized);
  const extraSheets = s.publish.extraSheets.filter((name) => overview.sheets.some((x) => x.name === name));
  return {
    ...s,
    busy: 'idle',
    screen: 'import',
    overview,
    choices: { sheet, bySheet: s.choices.bySheet },
    publish: extraSheets.length === s.publish.extraSheets.length ? s.publish : { ...s.publish, extraSheets },
  };
}
