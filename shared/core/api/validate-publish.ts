// Runs anywhere (pure core).
// Runtime shape checks for the mesh-settings, publish and product calls (see validate-meta.ts for why
// everything arriving over IPC or HTTP is checked before a handler sees it).

import type { ExtraSheet, MeshInput, ProductDiffRequest, ProductExportRequest, PublishPrepareRequest, PublishRunRequest } from './publish-types';
import { isEndpointName, isHeaderRow, isId, isObject, isProductName, isSheetName, isVersionText, onlyKeys, optional, shortText } from './validate-basics';
import { isProductMeta, isTypeOverrides, isWaiverList } from './validate-meta';

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
  return isObject(x) && onlyKeys(x, ['sheet', 'headerRow', 'typeOverrides']) && isSheetName(x.sheet) && optional(x.headerRow, isHeaderRow) && optional(x.typeOverrides, isTypeOverrides);
}

export function isPublishPrepareRequest(x: unknown): x is PublishPrepareRequest {
  return (
    isObject(x) &&
    onlyKeys(x, ['jobId', 'sourceId', 'sheet', 'headerRow', 'typeOverrides', 'extraSheets', 'meta', 'waivers']) &&
    isId(x.jobId) &&
    isId(x.sourceId) &&
    optional(x.sheet, isSheetName) &&
    optional(x.headerRow, isHeaderRow) &&
    optional(x.typeOverrides, isTypeOverrides) &&
    optional(x.extraSheets, (v) => Array.isArray(v) && v.length <= 255 && v.every(isExtraSheet)) &&
    isProductMeta(x.meta) &&
    optional(x.waivers, isWaiverList)
  );
}

export function isPublishRunRequest(x: unknown): x is PublishRunRequest {
  return isObject(x) && onlyKeys(x, ['jobId', 'planId', 'bump', 'draftId']) && isId(x.jobId) && isId(x.planId) && optional(x.bump, isBump) && optional(x.draftId, isId);
}

export function isProductExportRequest(x: unknown): x is ProductExportRequest {
  return (
    isObject(x) && onlyKeys(x, ['jobId', 'product', 'version', 'endpoint', 'format', 'delimiter', 'bom']) && isId(x.jobId) && isProductName(x.product) &&
    optional(x.version, isVersionText) && optional(x.endpoint, isEndpointName) &&
    (x.format === 'xlsx' || x.format === 'csv') && optional(x.delimiter, (v) => v === ',' || v === ';') && optional(x.bom, (v) => typeof v === 'boolean')
  );
}

export function isProductDiffRequest(x: unknown): x is ProductDiffRequest {
  return (
    isObject(x) && onlyKeys(x, ['jobId', 'sourceId', 'sheet', 'headerRow', 'product', 'version', 'endpoint']) && isId(x.jobId) && isId(x.sourceId) &&
    optional(x.sheet, isSheetName) && optional(x.headerRow, isHeaderRow) && isProductName(x.product) && isVersionText(x.version) && optional(x.endpoint, isEndpointName)
  );
}

export function isProductPreviewInput(x: unknown): x is { product: string; version?: string; endpoint?: string } {
  return isObject(x) && onlyKeys(x, ['product', 'version', 'endpoint']) && isProductName(x.product) && optional(x.version, isVersionText) && optional(x.endpoint, isEndpointName);
}
