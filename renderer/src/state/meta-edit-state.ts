// Browser (renderer). "Edit description" of a published product: the pure parts. The draft has
// no file, so its columns come from the draft (as published) instead of a sheet report, the
// request carries only words, and the Publish step prepares with publish.prepareMeta.

import type { PublishMetaPrepareRequest } from '../../../shared/core/api/draft-types';
import { columnLetter } from '../../../shared/core/columns';
import type { ColumnProfile } from '../../../shared/core/inspect/report';
import { metaForRequest } from './describe-state';
import type { ImportState } from './import-state';
import { initialPublishState, type PublishState } from './publish-state';

/** True while the flow on screen edits the description of a published product. */
export function isMetaEdit(s: Pick<ImportState, 'draftInfo'>): boolean {
  return s.draftInfo?.metadataOnly === true;
}

/**
 * The published columns in the shape the Describe forms take. Counts and values are not known
 * here (no data is read): only names and types, which cannot change anyway.
 */
export function metaEditColumns(s: Pick<ImportState, 'draftInfo'>): ColumnProfile[] {
  return (s.draftInfo?.columns ?? []).map((c, i) => ({
    index: i,
    letter: columnLetter(i),
    name: c.name,
    header: c.name,
    type: c.type,
    inferredType: c.type,
    filled: 0,
    empty: 0,
    distinct: 0,
    distinctExact: false,
    min: null,
    max: null,
    top: [],
    nonConforming: 0,
    examples: [],
  }));
}

/** publish.prepareMeta's input (without the job id), or null when the flow is not an "Edit description". */
export function metaPrepareRequest(s: ImportState): Omit<PublishMetaPrepareRequest, 'jobId'> | null {
  const base = s.draftInfo?.base;
  if (!isMetaEdit(s) || !base) return null;
  const meta = metaForRequest(s.draft.meta, { name: base.product, headerRow: 1, columns: s.draftInfo?.columns ?? [] });
  // Sheet and header row belong to a file; a description-only version has none.
  delete meta.sheet;
  delete meta.headerRow;
  return { product: base.product, baseVersion: base.version, meta };
}

/** The Publish step getting ready (like prepareStarted, but there is no file request to keep). */
export function metaPrepareStarted(p: PublishState, jobId: string, settingsRevision: number): PublishState {
  return { ...initialPublishState, stage: 'preparing', job: { id: jobId, kind: 'prepare', progress: null, cancelling: false }, settingsRevision };
}

/** After a description-only version is published, further edits start from it. */
export function metaPublished(s: ImportState, version: string): ImportState {
  const info = s.draftInfo;
  if (!info?.base) return s;
  return { ...s, draftInfo: { ...info, base: { ...info.base, version } } };
}

/** The banner's words: which product and version, and that the data stays. */
export function metaEditBannerText(title: string, version: string): string {
  return `You are editing the description of “${title}” v${version}; the data stays as published.`;
}
