// Node only.
// outbox.add: a draft → an outbox job holding a snapshot of everything the publish needs, so
// editing the draft afterwards does not change what was queued. The base version is the one the
// owner last saw: the draft's base, else the version in the last catalog read from that mesh
// (null: a new product — if someone creates it meanwhile, that is a conflict, never an overwrite).

import { randomUUID } from 'node:crypto';
import type { SheetChoice } from '../../core/publish/prepare';
import type { Bump } from '../../core/publish/version-history';
import { fail, ok, type Result } from '../../core/result';
import { compareVersions } from '../../core/versioning/semver';
import type { StoredDraft } from '../drafts/stored-draft';
import { catalogCopyPath } from '../products/catalog-copy';
import { readJsonFile } from '../store/atomic-json';
import type { StoredJob } from './outbox-job';

const NAME = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface JobMesh {
  id?: string;
  name: string;
  url: string;
}

/** A new job id: url-safe, never guessed. */
export const newJobId = (): string => randomUUID().replace(/-/g, '');

/** The sheet choices of a draft, default sheet first (CSV: its one sheet, stored under "" or alone). */
export function sheetsOfDraft(content: StoredDraft['content']): SheetChoice[] {
  const by = content.bySheet ?? {};
  const choicesOf = (sheet: string | undefined): SheetChoice => {
    const key = sheet ?? '';
    const entries = Object.entries(by);
    const c = Object.hasOwn(by, key) ? by[key] : sheet === undefined && entries.length === 1 ? entries[0]![1] : undefined;
    return {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(c?.headerRow !== undefined ? { headerRow: c.headerRow } : {}),
      ...(c && Object.keys(c.typeOverrides ?? {}).length > 0 ? { typeOverrides: c.typeOverrides } : {}),
    };
  };
  return [choicesOf(content.sheet), ...(content.extraSheets ?? []).filter((s) => s !== content.sheet).map((s) => choicesOf(s))];
}

/** The version of `product` in the last catalog Mesh Desk read from that mesh (its offline copy). */
export async function lastSeenVersion(dataDir: string, meshId: string | undefined, product: string): Promise<string | null> {
  if (!meshId) return null;
  const read = await readJsonFile(catalogCopyPath(dataDir, meshId));
  if (read.kind !== 'ok') return null;
  const products = (read.value as { products?: unknown }).products;
  if (!Array.isArray(products)) return null;
  const entry = products.find((p) => (p as { name?: unknown })?.name === product) as { version?: unknown } | undefined;
  return typeof entry?.version === 'string' && /^\d+\.\d+\.\d+$/.test(entry.version) ? entry.version : null;
}

export async function jobFromDraft(input: { draft: StoredDraft; mesh: JobMesh; bump?: Bump; sequence: number; dataDir: string; now?: () => number }): Promise<Result<StoredJob>> {
  const { draft, mesh } = input;
  const content = draft.content;
  const meta = content.meta;
  const product = meta.name ?? '';
  if (!NAME.test(product)) {
    return fail('publish.no-name', `This draft cannot be queued yet: the product needs a name of 2 to 63 lowercase letters, digits and dashes (for example "price-list"). Set it in the Describe step.`);
  }
  const metadataOnly = content.metadataOnly === true;
  if (!metadataOnly && !draft.source) {
    return fail('outbox.no-file', `This draft has no file yet, so there is nothing to publish. Add your file in the Import step, then publish.`);
  }
  if (metadataOnly && !content.base) {
    return fail('outbox.no-base', `This description is not linked to a published version of "${product}", so it cannot be sent on its own. Open the product in the catalog and choose "Edit description".`);
  }
  // What this draft itself built on or already published (a second publish of the same draft
  // builds on its own first one); only a draft with neither falls back to the catalog copy.
  const own = [content.base && content.base.product === product ? content.base.version : undefined, draft.published?.version].filter((v): v is string => typeof v === 'string');
  const baseVersion = own.length > 0 ? own.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : await lastSeenVersion(input.dataDir, mesh.id, product);
  const publisher = meta.owner?.name || meta.owner?.email;
  const src = draft.source;
  const job: StoredJob = {
    format: 1,
    id: newJobId(),
    draftId: draft.id,
    product,
    ...(meta.title ? { title: meta.title } : {}),
    ...(mesh.id ? { meshId: mesh.id } : {}),
    meshName: mesh.name,
    mesh: mesh.url,
    queuedAt: new Date((input.now ?? Date.now)()).toISOString(),
    queuedBy: 'app',
    state: 'waiting',
    attempts: 0,
    baseVersion,
    ...(input.bump ? { bump: input.bump } : {}),
    metadataOnly,
    sequence: input.sequence,
    publishId: newJobId(),
    ...(!metadataOnly && src
      ? { file: { path: src.path, name: src.name, size: src.size, fingerprint: src.fingerprint, ...(src.modifiedAt ? { modifiedAt: src.modifiedAt } : {}), ...(src.uploadId ? { uploadId: src.uploadId } : {}) } }
      : {}),
    sheets: metadataOnly ? [] : sheetsOfDraft(content),
    meta: JSON.parse(JSON.stringify(meta)),
    waivers: JSON.parse(JSON.stringify(content.waivers ?? [])),
    ...(metadataOnly && content.columns ? { columns: content.columns } : {}),
    ...(publisher ? { publisher } : {}),
  };
  return ok(job);
}
