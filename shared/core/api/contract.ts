// Runs anywhere (pure core).
// THE API CONTRACT: every call and event the UI may use, in one place. The Electron main
// process (IPC), the preload (contextBridge), the loopback web host (HTTP) and the renderer are
// all checked against these types by the compiler, and every input is validated at runtime by
// the validators below before a handler sees it.

import type { Result } from '../result';
import type { InspectOptions, InspectReport } from '../inspect/report';
import type { SheetInfo, SourceFormat } from '../ingest/types';
import type { Problem } from '../problems';
import { isProductMeta, isTypeOverrides, isWaiverList } from './validate-meta';
import type { CatalogView, ProductDiffRequest, ProductExportRequest, MeshInput, MeshSettings, PublishPrepareRequest, PublishProposal, PublishResult, PublishRunRequest } from './publish-types';
import type { Preview, ProductPage } from '../pull/product-page';
import type { PulledWorkbookIdentity } from '../pull/recognize';
import type { DataDiff } from '../pull/data-diff';
import type { ProductMeta } from '../metadata/types';
import { isMeshInput, isProductDiffRequest, isProductExportRequest, isProductPreviewInput, isPublishPrepareRequest, isPublishRunRequest } from './validate-publish';
import { isHeaderRow, isId, isObject, isProductName, isSheetName, onlyKeys, optional } from './validate-basics';
import type { DraftSaveRequest, DraftSummary, OpenedDraft, OutboxAddRequest, OutboxJob, OutboxResolveRequest, OutboxSendRequest, OutboxView, PublishMetaPrepareRequest } from './draft-types';
import { isDraftSaveRequest, isIdInput, isOutboxAddRequest, isOutboxResolveRequest, isOutboxSendRequest, isPublishMetaPrepareRequest } from './validate-drafts';

export type * from './publish-types';
export type * from './draft-types';

export interface AppInfo {
  name: string;
  version: string;
  /** "electron" in the desktop app; "browser" when served by the loopback web host. */
  mode: 'electron' | 'browser';
  /** Folder where Mesh Desk keeps its data ($MESH_DESK_HOME or the platform default). */
  dataDir: string;
  /** Whether a native "Open file" dialog is available (Electron only). */
  nativeDialogs: boolean;
}

/** A file the owner chose, registered with the host. Paths never cross to the renderer. */
export interface SourceRef {
  id: string;
  name: string;
  size: number;
  modifiedAt?: string;
}

/** The quick first look at a file: its format and sheets, before any row is profiled. */
export interface SourceOverview {
  source: SourceRef;
  format: SourceFormat;
  encoding?: string;
  delimiter?: string;
  sheets: SheetInfo[];
  problems: Problem[];
  /** A workbook pulled from the mesh by Mesh Desk: which product, version and table it holds. */
  recognized?: PulledWorkbookIdentity;
}

export interface InspectRequest extends InspectOptions {
  /** Chosen by the caller so that it can cancel and match progress events. */
  jobId: string;
  sourceId: string;
}

export interface JobProgress {
  jobId: string;
  /** Publishing adds 'uploading' (data parts) and 'committing' (contract, product.yaml, catalog). */
  phase: 'opening' | 'reading' | 'uploading' | 'committing' | 'done';
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  sheet?: string;
  /** Publishing: data parts stored so far. */
  partsDone?: number;
  /** Publishing: bytes sent to the mesh so far. */
  bytesSent?: number;
}

/** Where a saved file went. */
export interface SavedFile {
  /** The file's name as the owner will see it. */
  name: string;
  /** Desktop: the owner chose the place in a save dialog. */
  savedTo?: string;
  /** Browser mode: where the page fetches the file (with its token) to hand it to the browser. */
  downloadUrl?: string;
}

/** Input and output of each call. */
export interface ApiCalls {
  'app.info': { input: Record<string, never>; output: AppInfo };
  /** Opens the native file dialog (desktop only); null when the owner cancels. */
  'source.pick': { input: Record<string, never>; output: SourceRef | null };
  /** Detects the format and lists sheets with their sizes (fast: no rows profiled). */
  'source.open': { input: { sourceId: string }; output: SourceOverview };
  /** Reads, types and profiles a sheet (or all sheets), with progress events; cancellable. */
  'inspect.run': { input: InspectRequest; output: InspectReport };
  /** Runs the check again and saves the report as an Excel workbook; null when the owner cancels. */
  'report.save': { input: InspectRequest; output: SavedFile | null };
  /** Cancels a running job; true when it was running. */
  'job.cancel': { input: { jobId: string }; output: { cancelled: boolean } };
  /** The meshes the owner has set up and which one Publish uses. */
  'settings.get': { input: Record<string, never>; output: MeshSettings };
  /** Adds or changes a mesh (keys go to the OS keychain, never back to the page). */
  'mesh.save': { input: MeshInput; output: MeshSettings };
  'mesh.remove': { input: { id: string }; output: MeshSettings };
  'mesh.use': { input: { id: string }; output: MeshSettings };
  /** "Test connection": reads and writes a probe; the answer in plain words. */
  'mesh.test': { input: { id?: string; draft?: MeshInput }; output: { message: string } };
  /** Checks the file against the mesh's policy and proposes the version (progress events; cancellable). */
  'publish.prepare': { input: PublishPrepareRequest; output: PublishProposal };
  /** Publishes a prepared plan: data parts, stats, contract, then product.yaml (progress; cancellable). */
  'publish.run': { input: PublishRunRequest; output: PublishResult };
  /** The products of the mesh Publish uses (the last copy seen, marked, when it cannot be reached). */
  'catalog.list': { input: { refresh?: boolean }; output: CatalogView };
  /** One product's page: description, owner, columns, versions, freshness, quality. */
  'product.get': { input: { product: string }; output: ProductPage };
  /** The first rows of a version's endpoint (default: latest, "default"). */
  'product.preview': { input: { product: string; version?: string; endpoint?: string }; output: Preview };
  /** "Open in Excel" / "Save as CSV": a version's table into a file (progress events; cancellable); null when the owner cancels the save dialog. */
  'product.export': { input: ProductExportRequest; output: SavedFile | null };
  /** A product's description as the Describe form holds it (to pre-fill a re-imported workbook's draft). */
  'product.meta': { input: { product: string }; output: ProductMeta };
  /** What changed in an edited, re-imported workbook since the version it was pulled from (progress; cancellable). */
  'product.diff': { input: ProductDiffRequest; output: DataDiff };
  /** Home: every draft, newest first, with its state (draft, queued, published, conflict…). */
  'draft.list': { input: Record<string, never>; output: DraftSummary[] };
  /** Saves a draft atomically (the page calls it, debounced, as the owner types); creates one without id. */
  'draft.save': { input: DraftSaveRequest; output: DraftSummary };
  /** Reopens a draft: its content, and its file registered again (or why the file cannot be used). */
  'draft.open': { input: { id: string }; output: OpenedDraft };
  'draft.duplicate': { input: { id: string }; output: DraftSummary };
  /** Moves a draft to the bin (draft.restore undoes it until the app next starts). */
  'draft.delete': { input: { id: string }; output: { deleted: boolean } };
  'draft.restore': { input: { id: string }; output: DraftSummary };
  /** "Edit description" of a published product: a metadata-only draft from its latest version (offline: the last copy seen). */
  'draft.fromProduct': { input: { product: string }; output: DraftSummary };
  /** A metadata-only publish: checks the edited description and proposes the version (no data is re-read or re-sent). */
  'publish.prepareMeta': { input: PublishMetaPrepareRequest; output: PublishProposal };
  /** The queued publishes and whether their mesh can be reached. */
  'outbox.list': { input: Record<string, never>; output: OutboxView };
  /** Queues a draft's publish for when the mesh can be reached again. */
  'outbox.add': { input: OutboxAddRequest; output: OutboxJob };
  /** Sends waiting jobs in order now (or one: the retry button); progress events; cancellable. */
  'outbox.send': { input: OutboxSendRequest; output: OutboxView };
  'outbox.remove': { input: { id: string }; output: OutboxView };
  /** The owner's answer to a conflict: keep theirs, keep mine (field by field), or rebase the draft. */
  'outbox.resolve': { input: OutboxResolveRequest; output: OutboxView };
}

/** A command from the host's own menus (desktop): the page runs the same flow as its buttons. */
export interface AppCommand {
  command: 'open-file';
}

/** Events the host pushes to the UI. */
export interface ApiEvents {
  'job.progress': JobProgress;
  'app.command': AppCommand;
  /** The outbox changed on its own (a job queued, delivered, failed or in conflict; the mesh came back). */
  'outbox.changed': OutboxView;
}

export type CallName = keyof ApiCalls;
export type EventName = keyof ApiEvents;
export type CallInput<K extends CallName> = ApiCalls[K]['input'];
export type CallOutput<K extends CallName> = ApiCalls[K]['output'];

/** A file handed over by the UI (a DOM File satisfies it structurally). */
export interface LocalFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
}

/**
 * What the UI holds: in Electron the object the preload exposes as `window.meshDesk`, in the
 * browser the HTTP client. Both implement exactly this.
 */
export interface MeshDeskApi {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /**
   * Registers a dropped or chosen file with the host. Electron resolves its path in the
   * preload; the browser uploads its bytes to the loopback host.
   */
  addLocalFile(file: LocalFile): Promise<Result<SourceRef>>;
}

/** Context every handler receives. */
export interface CallContext {
  /** Pushes an event to the caller's window or browser tab. */
  emit<E extends EventName>(name: E, payload: ApiEvents[E]): void;
}

/** The one handler map, written once in the Node corner and served by every shell. */
export type ApiHandlers = {
  [K in CallName]: (input: CallInput<K>, ctx: CallContext) => Promise<Result<CallOutput<K>>>;
};

// ---- runtime validation of inputs (everything crossing IPC or HTTP is untrusted) ----

type Validator<T> = (x: unknown) => x is T;

const isEmpty = (x: unknown): x is Record<string, never> => isObject(x) && Object.keys(x).length === 0;

export const inputValidators: { [K in CallName]: Validator<CallInput<K>> } = {
  'app.info': isEmpty,
  'source.pick': isEmpty,
  'source.open': (x): x is CallInput<'source.open'> => isObject(x) && onlyKeys(x, ['sourceId']) && isId(x.sourceId),
  'inspect.run': (x): x is InspectRequest => isInspectRequest(x),
  'report.save': (x): x is InspectRequest => isInspectRequest(x),
  'job.cancel': (x): x is CallInput<'job.cancel'> => isObject(x) && onlyKeys(x, ['jobId']) && isId(x.jobId),
  'settings.get': isEmpty,
  'mesh.save': isMeshInput,
  'mesh.remove': (x): x is CallInput<'mesh.remove'> => isObject(x) && onlyKeys(x, ['id']) && isId(x.id),
  'mesh.use': (x): x is CallInput<'mesh.use'> => isObject(x) && onlyKeys(x, ['id']) && isId(x.id),
  'mesh.test': (x): x is CallInput<'mesh.test'> =>
    isObject(x) && onlyKeys(x, ['id', 'draft']) && optional(x.id, isId) && optional(x.draft, isMeshInput) && (x.id === undefined) !== (x.draft === undefined),
  'publish.prepare': isPublishPrepareRequest,
  'publish.run': isPublishRunRequest,
  'product.export': isProductExportRequest,
  'product.meta': (x): x is CallInput<'product.meta'> => isObject(x) && onlyKeys(x, ['product']) && isProductName(x.product),
  'product.diff': isProductDiffRequest,
  'catalog.list': (x): x is CallInput<'catalog.list'> => isObject(x) && onlyKeys(x, ['refresh']) && optional(x.refresh, (v) => typeof v === 'boolean'),
  'product.get': (x): x is CallInput<'product.get'> => isObject(x) && onlyKeys(x, ['product']) && isProductName(x.product),
  'product.preview': isProductPreviewInput,
  'draft.list': isEmpty,
  'draft.save': isDraftSaveRequest,
  'draft.open': isIdInput,
  'draft.duplicate': isIdInput,
  'draft.delete': isIdInput,
  'draft.restore': isIdInput,
  'draft.fromProduct': (x): x is CallInput<'draft.fromProduct'> => isObject(x) && onlyKeys(x, ['product']) && isProductName(x.product),
  'publish.prepareMeta': isPublishMetaPrepareRequest,
  'outbox.list': isEmpty,
  'outbox.add': isOutboxAddRequest,
  'outbox.send': isOutboxSendRequest,
  'outbox.remove': isIdInput,
  'outbox.resolve': isOutboxResolveRequest,
};

function isInspectRequest(x: unknown): x is InspectRequest {
  return (
    isObject(x) &&
    onlyKeys(x, ['jobId', 'sourceId', 'sheet', 'headerRow', 'typeOverrides', 'previewRows', 'meta', 'waivers']) &&
    isId(x.jobId) &&
    isId(x.sourceId) &&
    optional(x.sheet, isSheetName) &&
    optional(x.headerRow, isHeaderRow) &&
    optional(x.previewRows, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000) &&
    optional(x.typeOverrides, isTypeOverrides) &&
    optional(x.meta, isProductMeta) &&
    optional(x.waivers, isWaiverList)
  );
}

export const CALL_NAMES = Object.keys(inputValidators) as CallName[];
export const EVENT_NAMES: readonly EventName[] = ['job.progress', 'app.command', 'outbox.changed'];

export function isCallName(x: unknown): x is CallName {
  return typeof x === 'string' && (CALL_NAMES as string[]).includes(x);
}
