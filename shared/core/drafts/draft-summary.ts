// Runs anywhere (pure core).
// A stored draft as Home lists it (DraftSummary). The host keeps more than this (the file's
// path and fingerprint); only what the page may see is copied across, field by field, so a new
// host-side field can never leak to the page by accident.

import type { DraftContent, DraftState, DraftSummary } from '../api/draft-types';
import { draftTitle } from './draft-title';

/** The parts of a stored draft a summary is made from (the host's StoredDraft has more). */
export interface DraftSummarySource {
  id: string;
  createdAt: string;
  updatedAt: string;
  content: Omit<DraftContent, 'sourceId'>;
  source?: { name: string; size: number; modifiedAt?: string };
  state: DraftState;
  stateReason?: string;
  outboxId?: string;
  published?: DraftSummary['published'];
}

export function summarizeDraft(d: DraftSummarySource): DraftSummary {
  const { content } = d;
  const summary: DraftSummary = {
    id: d.id,
    title: draftTitle(content, d.source?.name),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    state: d.state,
    metadataOnly: content.metadataOnly === true,
  };
  const product = content.meta.name?.trim() || content.base?.product;
  if (product) summary.product = product;
  if (d.stateReason) summary.stateReason = d.stateReason;
  if (d.source) {
    summary.source = { name: d.source.name, size: d.source.size };
    if (d.source.modifiedAt) summary.source.modifiedAt = d.source.modifiedAt;
  }
  if (content.base) summary.base = { product: content.base.product, version: content.base.version };
  if (d.published) {
    const { version, at, meshName, address } = d.published;
    summary.published = { version, at, meshName, address };
  }
  if (d.outboxId) summary.outboxId = d.outboxId;
  return summary;
}

/** Home's order: the draft touched last comes first; ties by id so the order is stable. */
export function newestFirst(a: DraftSummary, b: DraftSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
