// Node only.
// The document kept for each draft in <dataDir>/drafts/<id>.json, and the check every document
// passes when read back. The content is what the page sent minus its session file id; the file
// itself is recorded host-side (path + fingerprint), because paths never go to the page and a
// session id means nothing after a restart. No credentials ever go in here.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DraftContent, DraftState, DraftSummary } from '../../core/api/draft-types';
import { isDraftContent } from '../../core/api/validate-drafts';
import { isId, isObject, onlyKeys, optional, shortText } from '../../core/api/validate-basics';

export interface StoredSource {
  path: string;
  name: string;
  size: number;
  modifiedAt?: string;
  fingerprint: string;
  /** browser upload id when the path is an upload copy */
  uploadId?: string;
  /** When the fingerprint was taken (the "changed since …" of the source check). */
  checkedAt?: string;
}

export interface StoredDraft {
  id: string;
  createdAt: string;
  updatedAt: string;
  content: Omit<DraftContent, 'sourceId'>;
  source?: StoredSource;
  state: DraftState;
  stateReason?: string;
  outboxId?: string;
  published?: DraftSummary['published'];
}

export const DRAFT_STATES: readonly DraftState[] = ['draft', 'queued', 'sending', 'published', 'conflict', 'failed'];

/** Folders of the drafts and of deleted drafts (kept for undo), named once. */
export const draftsDir = (dataDir: string): string => join(dataDir, 'drafts');
export const draftsBinDir = (dataDir: string): string => join(draftsDir(dataDir), '.bin');
export const draftFileName = (id: string): string => `${id}.json`;
/** A draft's id from its file name; undefined for anything that is not one of ours. */
export function idFromFileName(name: string): string | undefined {
  if (!name.endsWith('.json')) return undefined;
  const id = name.slice(0, -'.json'.length);
  return isId(id) ? id : undefined;
}

/** 16 url-safe characters from 96 random bits: valid for the API's id check, never guessed. */
export function newDraftId(): string {
  return randomBytes(12).toString('base64url');
}

const isTime = (v: unknown) => typeof v === 'string' && v.length <= 40 && Number.isFinite(Date.parse(v));
const isSize = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

export const isStoredSource = (v: unknown): v is StoredSource =>
  isObject(v) &&
  onlyKeys(v, ['path', 'name', 'size', 'modifiedAt', 'fingerprint', 'uploadId', 'checkedAt']) &&
  typeof v.path === 'string' && v.path.length > 0 && shortText(32_768)(v.path) &&
  typeof v.name === 'string' && shortText(1_000)(v.name) &&
  isSize(v.size) &&
  optional(v.modifiedAt, isTime) &&
  typeof v.fingerprint === 'string' && shortText(200)(v.fingerprint) &&
  optional(v.uploadId, isId) &&
  optional(v.checkedAt, isTime);

const isPublished = (v: unknown) =>
  isObject(v) &&
  onlyKeys(v, ['version', 'at', 'meshName', 'address']) &&
  shortText(100)(v.version) && isTime(v.at) && shortText(1_000)(v.meshName) && shortText(10_000)(v.address);

/** True for a whole, well-formed draft document (what the kill test demands of every file). */
export function isStoredDraft(x: unknown): x is StoredDraft {
  return (
    isObject(x) &&
    onlyKeys(x, ['id', 'createdAt', 'updatedAt', 'content', 'source', 'state', 'stateReason', 'outboxId', 'published']) &&
    isId(x.id) &&
    isTime(x.createdAt) &&
    isTime(x.updatedAt) &&
    isDraftContent(x.content) &&
    (x.content as DraftContent).sourceId === undefined &&
    optional(x.source, isStoredSource) &&
    (DRAFT_STATES as readonly unknown[]).includes(x.state) &&
    optional(x.stateReason, shortText(10_000)) &&
    optional(x.outboxId, isId) &&
    optional(x.published, isPublished)
  );
}

/** The content as stored: the session's file id is dropped (it is meaningless after a restart). */
export function withoutSourceId(content: DraftContent): Omit<DraftContent, 'sourceId'> {
  const { sourceId: _dropped, ...rest } = content;
  return rest;
}
