// Runs anywhere (pure core).
// Runtime shape checks for the mesh-settings and publish calls (see validate-meta.ts for why
// everything arriving over IPC or HTTP is checked before a handler sees it).

import type { ExtraSheet, MeshInput, PublishPrepareRequest, PublishRunRequest } from './publish-types';
import { isProductMeta, isTypeOverrides, isWaiverList } from './validate-meta';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(x);
const optional = (x: unknown, test: (v: unknown) => boolean) => x === undefined || test(x);
const onlyKeys = (x: Record<string, unknown>, keys: string[]) => Object.keys(x).every((k) => keys.includes(k));
const shortText = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max && !/[\u0000]/.test(v);
const isSheet = shortText(255);
const isHeaderRow = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1_048_576;
const isBump = (v: unknown) => v === 'major' || v === 'minor' || v === 'patch';

export function isMeshInput(x: unknown): x is MeshInput {
  return (
    isObject(x) &&
    onlyKeys(x, ['id', 'name', 'url', 'profile', 'accessKeyId', 'secretAccessKey', 'forgetKeys']) &&
    optional(x.id, isId) &&
    shortText(100)(x.name) &&
    shortText(2_000)(x.url) &&
    optional(x.profile, shortText(128)) &&
    optional(x.accessKeyId, shortText(256)) &&
    optional(x.secretAccessKey, shortText(1_024)) &&
    optional(x.forgetKeys, (v) => typeof v === 'boolean')
  );
}

function isExtraSheet(x: unknown): x is ExtraSheet {
  return isObject(x) && onlyKeys(x, ['sheet', 'headerRow', 'typeOverrides']) && isSheet(x.sheet) && optional(x.headerRow, isHeaderRow) && optional(x.typeOverrides, isTypeOverrides);
}

export function isPublishPrepareRequest(x: unknown): x is PublishPrepareRequest {
  return (
    isObject(x) &&
    onlyKeys(x, ['jobId', 'sourceId', 'sheet', 'headerRow', 'typeOverrides', 'extraSheets', 'meta', 'waivers']) &&
    isId(x.jobId) &&
    isId(x.sourceId) &&
    optional(x.sheet, isSheet) &&
    optional(x.headerRow, isHeaderRow) &&
    optional(x.typeOverrides, isTypeOverrides) &&
    optional(x.extraSheets, (v) => Array.isArray(v) && v.length <= 255 && v.every(isExtraSheet)) &&
    isProductMeta(x.meta) &&
    optional(x.waivers, isWaiverList)
  );
}

export function isPublishRunRequest(x: unknown): x is PublishRunRequest {
  return isObject(x) && onlyKeys(x, ['jobId', 'planId', 'bump']) && isId(x.jobId) && isId(x.planId) && optional(x.bump, isBump);
}
