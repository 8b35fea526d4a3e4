// Browser (renderer). Home's list of drafts and products, the autosave status and the banner of a
// reopened draft whose file is gone or changed: plain data and pure transitions (the store and
// draft-actions.ts sequence the calls).

import type { DraftStep, DraftSummary, SourceCheck } from '../../../shared/core/api/draft-types';
import type { SourceRef } from '../../../shared/core/api/contract';
import type { AppError } from '../../../shared/core/result';

/**
 * "idle": nothing to save yet; "saving": a change is waiting or going out; "saved": everything
 * typed is on disk; "retrying": the last save failed and will be tried again (nothing is lost:
 * the newest content stays in memory until a save succeeds).
 */
export interface DraftSaveStatus {
  status: 'idle' | 'saving' | 'saved' | 'retrying';
  /** When the last save succeeded (ISO). */
  savedAt?: string;
  /** Why the last save failed, in the host's words. */
  reason?: string;
  /** Bumped to ask for a save even when nothing changed ("Read it again" records the file anew). */
  force?: number;
  /** A reopened draft on its way to the step it was left on: that step is what a save records. */
  landing?: DraftStep;
}

/** A reopened draft whose file cannot be used as it is: what Home's banner offers. */
export interface DraftSourceProblem {
  /** "missing" or "changed" (or "none": the draft never had a file). */
  check: SourceCheck;
  /** The file registered again in this session ("changed": it can be read again). */
  source: SourceRef | null;
  /** The draft's file as saved, kept so an autosave before "Locate the file…" does not drop it. */
  sourceId?: string;
  /** The step the owner left, to land there once the file is read. */
  step?: DraftStep;
  title: string;
  fileName?: string;
}

export interface DraftListState {
  /** null until draft.list answered once. */
  items: DraftSummary[] | null;
  loading: boolean;
  error: AppError | null;
  /** The draft an Open / Duplicate / Delete is running for. */
  busyId: string | null;
  /** The draft just deleted, for the "Undo" toast. */
  deleted: { id: string; title: string } | null;
}

export const initialDraftListState: DraftListState = { items: null, loading: false, error: null, busyId: null, deleted: null };

export function listLoading(s: DraftListState): DraftListState {
  return { ...s, loading: true, error: null };
}

export function listLoaded(s: DraftListState, items: DraftSummary[]): DraftListState {
  return { ...s, loading: false, error: null, items };
}

export function listFailed(s: DraftListState, error: AppError): DraftListState {
  return { ...s, loading: false, busyId: null, error };
}

export function draftBusy(s: DraftListState, id: string | null): DraftListState {
  return { ...s, busyId: id };
}

/** A duplicate appears at the top at once (the list is newest first); a reload confirms it. */
export function draftAdded(s: DraftListState, summary: DraftSummary): DraftListState {
  const rest = (s.items ?? []).filter((d) => d.id !== summary.id);
  return { ...s, busyId: null, error: null, items: [summary, ...rest] };
}

/** Deleted: gone from the list, remembered for "Undo". */
export function draftRemoved(s: DraftListState, id: string): DraftListState {
  const gone = s.items?.find((d) => d.id === id);
  return {
    ...s,
    busyId: null,
    error: null,
    items: s.items ? s.items.filter((d) => d.id !== id) : s.items,
    deleted: { id, title: gone?.title ?? 'The draft' },
  };
}

/** Restored by "Undo": back in the list where its date puts it. */
export function draftRestored(s: DraftListState, summary: DraftSummary): DraftListState {
  const items = [...(s.items ?? []).filter((d) => d.id !== summary.id), summary].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { ...s, busyId: null, error: null, items, deleted: null };
}

export function toastDismissed(s: DraftListState): DraftListState {
  return s.deleted ? { ...s, deleted: null } : s;
}
