// Node only.
// One outbox job as kept in <dataDir>/outbox/<id>.json: the page's OutboxJob plus a snapshot of
// everything needed to publish later (the file's path and fingerprint, sheet choices, the
// description, waivers), so later edits of the draft do not change what was queued. The mesh is
// kept by id and URL only — never its keys, which stay in the SecretStore.

import type { DraftColumn, OutboxJob } from '../../core/api/draft-types';
import type { ProductMeta, Waiver } from '../../core/metadata/types';
import type { SheetChoice } from '../../core/publish/prepare';

export interface JobFile {
  path: string;
  name: string;
  size: number;
  modifiedAt?: string;
  /** From fingerprintFile when queued: a changed file is refused at send time (never sent silently). */
  fingerprint?: string;
  /** A browser upload the job refers to (kept alive while the job exists). */
  uploadId?: string;
}

export interface StoredJob extends Omit<OutboxJob, 'source'> {
  format: 1;
  /** Queue order (oldest first). */
  sequence: number;
  /** Stable across retries: runPublish records it, so a commit whose reply was lost is recognized. */
  publishId: string;
  /** Absent for metadata-only jobs. */
  file?: JobFile;
  /** Default sheet first; one endpoint per further sheet. */
  sheets: SheetChoice[];
  meta: ProductMeta;
  waivers: Waiver[];
  /** Metadata-only: the published columns (the data is not read again). */
  columns?: DraftColumn[];
  /** Who presses Publish (recorded in the version history). */
  publisher?: string;
  /** The description at baseVersion, read when a conflict was found (for "rebase"). */
  baseMeta?: ProductMeta;
}

/** What the page sees: no paths, no snapshots. */
export function jobView(job: StoredJob): OutboxJob {
  const { format: _f, sequence: _s, publishId: _p, file, sheets: _sh, meta: _m, waivers: _w, columns: _c, publisher: _pb, baseMeta: _b, ...rest } = job;
  return { ...rest, ...(file ? { source: { name: file.name, size: file.size } } : {}) };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const STATES = new Set(['waiting', 'sending', 'failed', 'conflict', 'delivered']);

/** A job file read back from disk: the fields every part of the outbox relies on are checked. */
export function isStoredJob(x: unknown): x is StoredJob {
  return (
    isObj(x) && x.format === 1 && typeof x.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(x.id) && typeof x.product === 'string' &&
    typeof x.mesh === 'string' && typeof x.meshName === 'string' && typeof x.queuedAt === 'string' && typeof x.sequence === 'number' &&
    typeof x.publishId === 'string' && typeof x.state === 'string' && STATES.has(x.state) && typeof x.attempts === 'number' &&
    (x.baseVersion === null || typeof x.baseVersion === 'string') && Array.isArray(x.sheets) && isObj(x.meta) && Array.isArray(x.waivers) &&
    (x.file === undefined || (isObj(x.file) && typeof x.file.path === 'string' && typeof x.file.name === 'string' && typeof x.file.size === 'number'))
  );
}
