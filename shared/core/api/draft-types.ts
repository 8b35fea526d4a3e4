// Runs anywhere (pure core).
// The API shapes of drafts, the outbox and sync (part of THE API contract, contract.ts): what
// Home, the Describe form's autosave, the Outbox panel and the conflict view send and receive.
// Paths of the owner's files never cross to the page: a draft names its file by a session
// SourceRef id, and the host keeps the path and the file's fingerprint.

import type { ColumnType } from '../inspect/report';
import type { ProductMeta, Waiver } from '../metadata/types';
import type { Bump } from '../publish/version-history';
import type { SourceRef } from './contract';

export type DraftStep = 'import' | 'describe' | 'check' | 'publish';

/** The owner's choices for one sheet of the file. */
export interface DraftSheetChoices {
  /** Header row as the spreadsheet shows it; absent = detected. */
  headerRow?: number;
  /** Column types the owner changed, by 0-based column index. */
  typeOverrides: Record<number, ColumnType>;
}

/** A column of a published product, for a metadata-only draft (no file to read the columns from). */
export interface DraftColumn {
  name: string;
  type: ColumnType;
}

/** Everything the owner chose and typed: saved as they type, restored exactly. */
export interface DraftContent {
  /** The file, as registered in this session (absent before a file is chosen and for metadata-only drafts). */
  sourceId?: string;
  /** The default endpoint's sheet (CSV: absent). */
  sheet?: string;
  /** Choices per sheet name, so switching sheets loses nothing. */
  bySheet?: Record<string, DraftSheetChoices>;
  /** More sheets of the same file published as their own tables. */
  extraSheets?: string[];
  meta: ProductMeta;
  waivers: Waiver[];
  /** Personal-data suggestions already answered, and files/sheets already seeded (Describe form state). */
  decisions?: Record<string, 'confirmed' | 'dismissed'>;
  seeded?: string[];
  /** The published version this draft starts from (a pulled workbook, or "Edit description"). */
  base?: { product: string; version: string; meshId?: string };
  /** True for "Edit description" of a published product: no file, the data stays as published. */
  metadataOnly?: boolean;
  /** Metadata-only drafts: the default table's columns as published (types cannot change). */
  columns?: DraftColumn[];
  /** The step the owner was on, to reopen there. */
  step?: DraftStep;
}

/**
 * Where a draft stands. "queued": waiting in the outbox; "sending": going out now; "conflict":
 * someone else published first and the owner must choose; "failed": the outbox could not send it.
 */
export type DraftState = 'draft' | 'queued' | 'sending' | 'published' | 'conflict' | 'failed';

export interface DraftSummary {
  id: string;
  /** What Home shows: the title, else the product name, else the file name. */
  title: string;
  product?: string;
  createdAt: string;
  updatedAt: string;
  state: DraftState;
  /** In plain words, for "failed" and "conflict". */
  stateReason?: string;
  source?: { name: string; size: number; modifiedAt?: string };
  metadataOnly: boolean;
  base?: { product: string; version: string };
  /** The last version published from this draft. */
  published?: { version: string; at: string; meshName: string; address: string };
  /** The outbox job carrying this draft, while there is one. */
  outboxId?: string;
  /** Its file cannot be read (state "failed", stateReason says why): it can only be deleted. */
  damaged?: boolean;
}

/** Whether the draft's file is still where it was, and still the same file. */
export interface SourceCheck {
  /** "none": the draft has no file (not chosen yet, or metadata-only). */
  status: 'ok' | 'missing' | 'changed' | 'none';
  /** What happened and what to do, in words (missing/changed). */
  message?: string;
}

export interface OpenedDraft {
  summary: DraftSummary;
  /** The content as saved; sourceId is this session's id of the file when it could be opened. */
  content: DraftContent;
  /** The file, registered again in this session (null when missing or none). */
  source: SourceRef | null;
  sourceCheck: SourceCheck;
}

export interface DraftSaveRequest {
  /** Absent = a new draft. */
  id?: string;
  content: DraftContent;
}

// ---- outbox ----

export type OutboxState = 'waiting' | 'sending' | 'failed' | 'conflict' | 'delivered';

/** One side of a conflict: the version someone else published, or the owner's queued one. */
export interface ConflictSide {
  /** null: the product did not exist (the owner's side of a first publish). */
  version: string | null;
  publishedAt?: string;
  publishedBy?: string;
  meta: ProductMeta;
  columns: DraftColumn[];
}

/** One field that differs between the two sides, for "keep mine" field by field. */
export interface ConflictField {
  /** "title", "owner.email", "tags", "columns.region.description". */
  path: string;
  /** In the owner's words: 'Title', 'Description of column "region"'. */
  label: string;
  theirs?: string;
  mine?: string;
  /** The value both started from, when known. */
  base?: string;
}

export interface OutboxConflict {
  /** The version the owner started from (null: a new product). */
  baseVersion: string | null;
  theirs: ConflictSide;
  mine: ConflictSide;
  fields: ConflictField[];
  /** Column differences in words ('column "region" added by them'). */
  schemaChanges: string[];
}

export interface OutboxJob {
  id: string;
  draftId?: string;
  product: string;
  title?: string;
  /** The mesh it goes to: an app mesh id (settings) when queued by the app; the URL always. */
  meshId?: string;
  meshName: string;
  mesh: string;
  queuedAt: string;
  queuedBy: 'app' | 'cli';
  state: OutboxState;
  /** Why it failed or what the conflict is, in words. */
  reason?: string;
  attempts: number;
  lastTriedAt?: string;
  /** The product's version the owner saw when queuing (null: new product). */
  baseVersion: string | null;
  bump?: Bump;
  metadataOnly: boolean;
  source?: { name: string; size: number };
  delivered?: { version: string; at: string; address: string };
  conflict?: OutboxConflict;
}

export interface OutboxView {
  jobs: OutboxJob[];
  /** Whether the meshes of waiting jobs answered the last probe (null: not probed yet / nothing waiting). */
  reachable: boolean | null;
  checkedAt?: string;
  /** Why the last probe failed, in words. */
  reason?: string;
}

export interface OutboxAddRequest {
  draftId: string;
  bump?: Bump;
}

export interface OutboxSendRequest {
  /** Progress events of the sending carry this id; job.cancel stops it. */
  jobId: string;
  /** One job (retry button); absent = every waiting or failed job, oldest first. */
  id?: string;
}

/**
 * The owner's answer to a conflict. "theirs": drop the queued job, keep their version (the
 * draft stays). "mine": send again on top of their version, with `fields` choosing per field
 * (absent field = mine). "rebase": take their version as the draft's new base, carry over the
 * owner's changes, and reopen the draft for review (the job leaves the outbox).
 */
export interface OutboxResolveRequest {
  id: string;
  choice: 'theirs' | 'mine' | 'rebase';
  fields?: Record<string, 'mine' | 'theirs'>;
}

/** A metadata-only publish: a new patch (or higher) version that reuses the published data. */
export interface PublishMetaPrepareRequest {
  jobId: string;
  product: string;
  /** The version the owner edited; refused as a conflict when it is no longer the latest. */
  baseVersion: string;
  meta: ProductMeta;
}
