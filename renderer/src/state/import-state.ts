// Browser (renderer). The import flow's state and its pure transitions. Every choice the owner
// makes lives here (sheet, header row, column types, per sheet) so that drafts can save and
// restore it later; the async orchestration is in import-store.ts.

import type { AppInfo, InspectRequest, JobProgress, SourceOverview, SourceRef } from '../../../shared/core/api/contract';
import type { SheetInfo } from '../../../shared/core/ingest/types';
import type { ColumnType, InspectReport } from '../../../shared/core/inspect/report';
import type { AppError, Result } from '../../../shared/core/result';
import type { DescribeDraft } from './describe-state';
import { initialDraft } from './describe-state';
import type { PublishState } from './publish-state';
import { initialPublishState } from './publish-state';
import type { SettingsState } from './settings-state';
import { initialSettingsState } from './settings-state';
import type { CatalogState } from './catalog-state';
import { initialCatalogState } from './catalog-state';
import { initialExportState, type ExportState } from './export-state';
import { initialRoundTripState, type RoundTripState } from './roundtrip-state';
import type { DraftColumn } from '../../../shared/core/api/draft-types';
import { initialDraftListState, type DraftListState, type DraftSaveStatus, type DraftSourceProblem } from './draft-list-state';

/** What the owner's draft is, beyond what the flow's own fields hold (set by openDraft). */
export interface DraftInfo {
  /** "Edit description" of a published product: no file; the data stays as published. */
  metadataOnly: boolean;
  /** Metadata-only: the default table's columns as published. */
  columns?: DraftColumn[];
  /** The published version the draft starts from. */
  base?: { product: string; version: string };
}

export interface SheetChoices {
  /** Header row as the spreadsheet shows it; undefined = let Mesh Desk detect it. */
  headerRow?: number;
  /** The owner's column types by 0-based column index (only those differing from inferred). */
  typeOverrides: Record<number, ColumnType>;
}

export interface ImportChoices {
  sheet: string | null;
  /** Kept per sheet so switching sheets back and forth loses nothing. */
  bySheet: Record<string, SheetChoices>;
}

export interface UploadState {
  fileName: string;
  loaded: number;
  total: number;
}

export interface JobState {
  id: string;
  request: InspectRequest;
  progress: JobProgress | null;
  cancelling: boolean;
  /** "check" when the job runs the Check step (its answer goes to checkReport). */
  purpose?: 'check';
}

export type Screen = 'home' | 'import' | 'describe' | 'check' | 'publish';

export interface ImportState {
  appInfo: AppInfo | null;
  screen: Screen;
  /** What the app is waiting for outside of an inspect job. */
  busy: 'idle' | 'adding' | 'opening';
  /** Bumped when a new file is chosen, so answers about an older file are ignored. */
  flow: number;
  upload: UploadState | null;
  source: SourceRef | null;
  overview: SourceOverview | null;
  choices: ImportChoices;
  report: InspectReport | null;
  /** The request the report answers (to tell when it no longer matches the choices). */
  reportRequest: InspectRequest | null;
  job: JobState | null;
  error: AppError | null;
  /** The file the error is about, for the banner's title ("A problem with “x.xlsx”"). */
  errorFile: string | null;
  notice: string | null;
  /** The owner's description and waivers; survives moving between steps and re-checks. */
  draft: DescribeDraft;
  /** The last answer of the Check step (inspect.run with meta and waivers) and its request. */
  checkReport: InspectReport | null;
  checkRequest: InspectRequest | null;
  /** True while "Save report as Excel" runs. */
  saving: boolean;
  /** The Publish step (publish-state.ts); starts over with every new file. */
  publish: PublishState;
  /** The Settings screen (settings-state.ts); kept across files. */
  settings: SettingsState;
  /** The Catalog screen and the product page (catalog-state.ts); kept across files. */
  catalog: CatalogState;
  /** "Open in Excel" / "Save as CSV" on a product page (export-state.ts). */
  exporting: ExportState;
  /** A re-imported pulled workbook: its product's description and "what changed" (roundtrip-state.ts). */
  roundtrip: RoundTripState;
  /** The saved draft this flow edits (null until autosave created it, or openDraft restored it). */
  draftId: string | null;
  draftInfo: DraftInfo | null;
  /** What the autosave is doing (draft-autosave.ts), shown near the step list. */
  draftSave: DraftSaveStatus;
  /** A reopened draft whose file is missing or changed: the banner's facts (draft-actions.ts). */
  draftSource: DraftSourceProblem | null;
  /** Home's list of drafts (draft-list-state.ts); kept across files. */
  drafts: DraftListState;
}

export const initialImportState: ImportState = {
  appInfo: null,
  screen: 'home',
  busy: 'idle',
  flow: 0,
  upload: null,
  source: null,
  overview: null,
  choices: { sheet: null, bySheet: {} },
  report: null,
  reportRequest: null,
  job: null,
  error: null,
  errorFile: null,
  notice: null,
  draft: initialDraft,
  checkReport: null,
  checkRequest: null,
  saving: false,
  publish: initialPublishState,
  settings: initialSettingsState,
  catalog: initialCatalogState,
  exporting: initialExportState,
  roundtrip: initialRoundTripState,
  draftId: null,
  draftInfo: null,
  draftSave: { status: 'idle' },
  draftSource: null,
  drafts: initialDraftListState,
};

export const CANCELLED_NOTICE = 'Stopped reading the file. Nothing was changed.';

/** The sheet Mesh Desk's "Open in Excel" writes the table to (beside About, Columns, Allowed values). */
export const PULLED_DATA_SHEET = 'Data';

/**
 * The first sheet the owner can see; hidden sheets only when there is nothing else. A workbook
 * Mesh Desk pulled puts its table on "Data" after nothing else, but owners reorder sheets, so
 * for a recognized workbook the first visible "Data" wins; other files keep the plain rule.
 */
export function defaultSheet(sheets: readonly SheetInfo[], recognized = false): string | null {
  if (recognized) {
    const data = sheets.find((s) => !s.hidden && s.name.trim().toLowerCase() === PULLED_DATA_SHEET.toLowerCase());
    if (data) return data.name;
  }
  return (sheets.find((s) => !s.hidden) ?? sheets[0])?.name ?? null;
}

export function currentChoices(s: Pick<ImportState, 'choices'>): SheetChoices {
  const sheet = s.choices.sheet;
  return (sheet !== null ? s.choices.bySheet[sheet] : undefined) ?? { typeOverrides: {} };
}

/** A new file: everything about the previous one goes, the app info stays. */
export function startFlow(s: ImportState, upload: UploadState | null): ImportState {
  return {
    ...initialImportState,
    appInfo: s.appInfo,
    settings: s.settings,
    catalog: s.catalog,
    exporting: s.exporting,
    drafts: s.drafts,
    flow: s.flow + 1,
    busy: upload ? 'adding' : 'opening',
    upload,
  };
}

export function uploadProgress(s: ImportState, p: UploadState): ImportState {
  if (s.busy !== 'adding' || s.upload?.fileName !== p.fileName) return s;
  return { ...s, upload: { ...p } };
}

export function sourceAdded(s: ImportState, source: SourceRef): ImportState {
  return { ...s, busy: 'opening', upload: null, source };
}

export function overviewLoaded(s: ImportState, overview: SourceOverview): ImportState {
  if (s.source?.id !== overview.source.id) return s;
  return {
    ...s,
    busy: 'idle',
    screen: 'import',
    overview,
    choices: { sheet: defaultSheet(overview.sheets, !!overview.recognized), bySheet: {} },
  };
}

/** A failed step: the message is shown; before a file is open the owner stays at home. */
export function failed(s: ImportState, error: AppError): ImportState {
  const errorFile = s.source?.name ?? s.upload?.fileName ?? null;
  return { ...s, busy: 'idle', upload: null, error, errorFile, notice: null, screen: s.overview ? (s.screen === 'home' ? 'import' : s.screen) : 'home' };
}

function withSheetChoices(s: ImportState, update: (c: SheetChoices) => SheetChoices): ImportState {
  const sheet = s.choices.sheet;
  if (sheet === null) return s;
  return { ...s, choices: { ...s.choices, bySheet: { ...s.choices.bySheet, [sheet]: update(currentChoices(s)) } } };
}

export function chooseSheet(s: ImportState, name: string): ImportState {
  if (!s.overview?.sheets.some((x) => x.name === name)) return s;
  return { ...s, choices: { ...s.choices, sheet: name } };
}

/** null = back to the detected header row. Out-of-range numbers are ignored. */
export function setHeaderRow(s: ImportState, row: number | null): ImportState {
  if (row !== null && !(Number.isInteger(row) && row >= 1 && row <= 1_048_576)) return s;
  return withSheetChoices(s, (c) => {
    const next: SheetChoices = { typeOverrides: c.typeOverrides };
    if (row !== null) next.headerRow = row;
    return next;
  });
}

/** Choosing the inferred type again removes the override instead of pinning it. */
export function setTypeOverride(s: ImportState, index: number, type: ColumnType, inferred: ColumnType): ImportState {
  if (!Number.isInteger(index) || index < 0 || index > 99_999) return s;
  return withSheetChoices(s, (c) => {
    const typeOverrides = { ...c.typeOverrides };
    if (type === inferred) delete typeOverrides[index];
    else typeOverrides[index] = type;
    return { ...c, typeOverrides };
  });
}

/** The inspect.run input for the current choices (without the job id). */
export function inspectRequestFor(s: ImportState): Omit<InspectRequest, 'jobId'> | null {
  if (!s.source || s.choices.sheet === null) return null;
  const c = currentChoices(s);
  const req: Omit<InspectRequest, 'jobId'> = { sourceId: s.source.id, sheet: s.choices.sheet };
  if (c.headerRow !== undefined) req.headerRow = c.headerRow;
  if (Object.keys(c.typeOverrides).length > 0) req.typeOverrides = { ...c.typeOverrides };
  return req;
}

function sameOverrides(a: Record<number, ColumnType> | undefined, b: Record<number, ColumnType> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  return ka.length === kb.length && ka.every((k) => (a as Record<string, string>)[k] === (b as Record<string, string> | undefined)?.[k]);
}

/** True when the report on screen was made with the choices now in effect. */
export function reportMatchesChoices(s: ImportState): boolean {
  const want = inspectRequestFor(s);
  const got = s.reportRequest;
  if (!want || !got || !s.report) return false;
  return (
    want.sourceId === got.sourceId &&
    want.sheet === got.sheet &&
    want.headerRow === got.headerRow &&
    sameOverrides(want.typeOverrides, got.typeOverrides)
  );
}

export function jobStarted(s: ImportState, request: InspectRequest, purpose?: 'check'): ImportState {
  const job: JobState = { id: request.jobId, request, progress: null, cancelling: false };
  if (purpose) job.purpose = purpose;
  return { ...s, job, error: null, errorFile: null, notice: null };
}

export function jobProgress(s: ImportState, p: JobProgress): ImportState {
  if (!s.job || s.job.id !== p.jobId) return s;
  return { ...s, job: { ...s.job, progress: p } };
}

export function jobCancelling(s: ImportState): ImportState {
  return s.job ? { ...s, job: { ...s.job, cancelling: true } } : s;
}

/** The answer of inspect.run; answers for a job that is no longer current are dropped. */
export function jobFinished(s: ImportState, jobId: string, result: Result<InspectReport>): ImportState {
  if (!s.job || s.job.id !== jobId) return s;
  const request = s.job.request;
  if (result.ok && s.job.purpose === 'check') return { ...s, job: null, checkReport: result.value, checkRequest: request, error: null, errorFile: null };
  if (result.ok) return { ...s, job: null, report: result.value, reportRequest: request, error: null, errorFile: null };
  if (result.error.code === 'cancelled') return { ...s, job: null, notice: CANCELLED_NOTICE };
  return { ...s, job: null, error: result.error, errorFile: s.source?.name ?? null };
}

export function dismissError(s: ImportState): ImportState {
  return { ...s, error: null, errorFile: null };
}

export function dismissNotice(s: ImportState): ImportState {
  return { ...s, notice: null };
}

export function backHome(s: ImportState): ImportState {
  return { ...initialImportState, appInfo: s.appInfo, settings: s.settings, catalog: s.catalog, drafts: s.drafts, flow: s.flow + 1 };
}
