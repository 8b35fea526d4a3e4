// Runs anywhere (pure core).
// Runtime shape checks for the draft, outbox and metadata-only publish calls (see validate-meta.ts
// for why everything arriving over IPC or HTTP is checked before a handler sees it). Sheet and
// column names are data: objects keyed by them are read through Object.entries only.

import { COLUMN_TYPES } from '../inspect/report';
import type { DraftContent, DraftSaveRequest, OutboxAddRequest, OutboxResolveRequest, OutboxSendRequest, PublishMetaPrepareRequest } from './draft-types';
import { isHeaderRow, isId, isObject, isProductName, isSheetName, isVersionText, onlyKeys, optional, shortText } from './validate-basics';
import { isProductMeta, isTypeOverrides, isWaiverList } from './validate-meta';

const isBump = (v: unknown) => v === 'major' || v === 'minor' || v === 'patch';
const STEPS = ['import', 'describe', 'check', 'publish'];
const MAX_SHEETS = 1_000;
const MAX_COLUMNS = 16_384;

const isSheetChoices = (v: unknown) =>
  isObject(v) && onlyKeys(v, ['headerRow', 'typeOverrides']) && optional(v.headerRow, isHeaderRow) && isTypeOverrides(v.typeOverrides);

const isBySheet = (v: unknown) =>
  isObject(v) && Object.keys(v).length <= MAX_SHEETS && Object.entries(v).every(([k, x]) => isSheetName(k) && isSheetChoices(x));

const isDecisions = (v: unknown) =>
  isObject(v) && Object.keys(v).length <= 100_000 && Object.entries(v).every(([k, x]) => k.length <= 2_000 && (x === 'confirmed' || x === 'dismissed'));

const isColumns = (v: unknown) =>
  Array.isArray(v) && v.length <= MAX_COLUMNS &&
  v.every((c) => isObject(c) && onlyKeys(c, ['name', 'type']) && shortText(1_000)(c.name) && (COLUMN_TYPES as readonly unknown[]).includes(c.type));

const isBase = (v: unknown) =>
  isObject(v) && onlyKeys(v, ['product', 'version', 'meshId']) && isProductName(v.product) && isVersionText(v.version) && optional(v.meshId, isId);

export function isDraftContent(x: unknown): x is DraftContent {
  return (
    isObject(x) &&
    onlyKeys(x, ['sourceId', 'sheet', 'bySheet', 'extraSheets', 'meta', 'waivers', 'decisions', 'seeded', 'base', 'metadataOnly', 'columns', 'step']) &&
    optional(x.sourceId, isId) &&
    optional(x.sheet, isSheetName) &&
    optional(x.bySheet, isBySheet) &&
    optional(x.extraSheets, (v) => Array.isArray(v) && v.length <= 255 && v.every(isSheetName)) &&
    isProductMeta(x.meta) &&
    isWaiverList(x.waivers) &&
    optional(x.decisions, isDecisions) &&
    optional(x.seeded, (v) => Array.isArray(v) && v.length <= MAX_SHEETS && v.every(shortText(2_000))) &&
    optional(x.base, isBase) &&
    optional(x.metadataOnly, (v) => typeof v === 'boolean') &&
    optional(x.columns, isColumns) &&
    optional(x.step, (v) => STEPS.includes(v as string))
  );
}

export const isDraftSaveRequest = (x: unknown): x is DraftSaveRequest =>
  isObject(x) && onlyKeys(x, ['id', 'content']) && optional(x.id, isId) && isDraftContent(x.content);

export const isIdInput = (x: unknown): x is { id: string } => isObject(x) && onlyKeys(x, ['id']) && isId(x.id);

export const isOutboxAddRequest = (x: unknown): x is OutboxAddRequest =>
  isObject(x) && onlyKeys(x, ['draftId', 'bump']) && isId(x.draftId) && optional(x.bump, isBump);

export const isOutboxSendRequest = (x: unknown): x is OutboxSendRequest =>
  isObject(x) && onlyKeys(x, ['jobId', 'id']) && isId(x.jobId) && optional(x.id, isId);

export const isOutboxResolveRequest = (x: unknown): x is OutboxResolveRequest =>
  isObject(x) &&
  onlyKeys(x, ['id', 'choice', 'fields']) &&
  isId(x.id) &&
  (x.choice === 'theirs' || x.choice === 'mine' || x.choice === 'rebase') &&
  optional(x.fields, (v) => isObject(v) && Object.keys(v).length <= 100_000 && Object.entries(v).every(([k, c]) => k.length <= 2_000 && (c === 'mine' || c === 'theirs')));

export const isPublishMetaPrepareRequest = (x: unknown): x is PublishMetaPrepareRequest =>
  isObject(x) && onlyKeys(x, ['jobId', 'product', 'baseVersion', 'meta']) && isId(x.jobId) && isProductName(x.product) && isVersionText(x.baseVersion) && isProductMeta(x.meta);
