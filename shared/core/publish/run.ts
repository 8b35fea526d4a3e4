// Runs anywhere (pure core).
// Step two: send a prepared plan. The order is the atomicity of DESIGN.md §4 — claim the
// product, clear leftovers of an interrupted publish, write data parts, stats and contract, and
// only then product.yaml with a conditional write: readers follow product.yaml alone, so until
// that one write they see the old version whole, and after it the new version whole.

import type { OdcsContract } from '../contract/odcs-types';
import type { StandardValidators } from '../contract/standard-validators';
import { openSource } from '../ingest/open-source';
import type { ByteSource, OpenedSource } from '../ingest/types';
import { partKey } from '../mesh/layout';
import { MeshError, type MeshStore } from '../mesh/mesh-store';
import type { MeshLocation } from '../mesh/mesh-url';
import { ProblemCollector } from '../problems';
import { fail, ok, throwIfCancelled, toAppError, type Result } from '../result';
import { acquireClaim, heartbeat, HEARTBEAT_MS, PublishConflict, releaseClaim, type HeldClaim } from './claim';
import { removeLeftovers } from './cleanup';
import { finishVersion, lostRace, versionDescriptor, writeVersionDocuments } from './commit-version';
import { readCurrentProduct } from './mesh-state';
import { cellNormalizer, type NormalizeColumn } from './normalize-cell';
import { editedCell } from '../pull/diff-values';
import type { Cell } from '../ingest/types';
import { writeCsvPartsFast } from './csv-fast-parts';
import type { ColumnType } from '../inspect/report';
import { writeParts } from './part-writer';
import { decideFor, draftContract, type PlannedSheet, type PublishPlan } from './prepare';
import { meshServer, productAddress } from './servers';
import { buildStats } from './stats';
import type { VersionChange } from '../versioning/schema-diff';
import type { Bump, ColumnWords, EndpointRecord, VersionRecord } from './version-history';

export interface PublishProgress {
  phase: 'uploading' | 'committing';
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  partsDone: number;
  bytesSent: number;
  sheet?: string;
}

export interface RunPublishInput {
  store: MeshStore;
  location: MeshLocation;
  plan: PublishPlan;
  /** The same file the plan was made from, opened again. */
  bytes: ByteSource;
  /** The owner's choice; absent = what the rules require. */
  bump?: Bump;
  /** Stays the same when the same draft is published again (resumes an interrupted publish). */
  publishId: string;
  /** Who publishes (name or e-mail), recorded in the history. */
  publisher?: string;
  validators: StandardValidators;
  now: () => number;
  partConcurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}

export interface PublishOutcome {
  product: string;
  version: string;
  address: string;
  publishedAt: string;
  rows: number;
  parts: number;
  bytes: number;
  catalogUpdated: boolean;
  cleanedUp: number;
  /** The bump applied and why. */
  bump: Bump | 'initial';
  changes: VersionChange[];
  /** Every key written, product.yaml last. */
  keys: string[];
}


export async function runPublish(input: RunPublishInput): Promise<Result<PublishOutcome>> {
  const { store, plan } = input;
  if (!plan.check.canPublish) {
    return fail('publish.blocked', `"${plan.fileName}" has ${plan.check.blocking} finding(s) that the mesh's rules say must be fixed before publishing. Fix them in your file (or change your description), then check again.`);
  }
  let claim: HeldClaim | undefined;
  const written: string[] = [];
  let committed = false;
  /** Set when another publisher took our claim over: the files are theirs now, never delete them. */
  let claimLost = false;
  const stopWriting = new AbortController();
  const onAbort = () => stopWriting.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The version: what the rules demand, or the owner's higher choice.
    const publishedMs = input.now();
    const publishedAt = new Date(publishedMs).toISOString();
    const decided = input.bump && input.bump !== plan.decision.bump ? decideFor(plan.current, draftContract({ ...plan, createdAt: publishedAt }), input.bump) : ok(plan.decision);
    if (!decided.ok) return decided;
    const version = decided.value.version;

    claim = await acquireClaim(store, { publishId: input.publishId, product: plan.product, version, ...(input.publisher ? { by: input.publisher } : {}) }, input.now, input.signal);
    // Someone may have published while the owner was reading the proposal.
    const now = await readCurrentProduct(store, plan.product, input.signal);
    if (!now.ok) return now;
    if ((now.value?.etag ?? null) !== (plan.current?.etag ?? null)) throw lostRace(plan.product, now.value);
    const cleanedUp = await removeLeftovers(store, plan.product, now.value, input.signal);

    // Documents are built and validated before anything is written.
    const contract: OdcsContract = draftContract({ ...plan, createdAt: publishedAt, version });
    contract.servers = [meshServer(input.location, plan.product, version)];
    const contractValid = input.validators.validateContract(contract);
    if (!contractValid.ok) return contractValid;

    // Data parts, sheet by sheet.
    let lastBeat = input.now();
    const endpoints: EndpointRecord[] = [];
    const progress: PublishProgress = { phase: 'uploading', bytesRead: 0, bytesTotal: input.bytes.size * plan.sheets.length, rows: 0, partsDone: 0, bytesSent: 0 };
    let source: OpenedSource | undefined;
    try {
      source = await openSource(input.bytes, plan.fileName, input.signal);
      for (const [i, sheet] of plan.sheets.entries()) {
        const base = { ...progress };
        const header = sheet.report.columns.map((c) => c.name);
        const columns = columnsFor(sheet, i === 0 ? plan.meta : {});
        // A workbook pulled from the mesh guards formula-like text with an apostrophe; the published
        // value is the text without it (exactly where the export added one).
        const normalizers = columns.map((c) => {
          const n = cellNormalizer(c);
          return plan.pulledFrom ? (cell: Cell) => n(editedCell(cell)) : n;
        });
        const sinkOptions = {
          store,
          // Recorded as each part starts, so a cancel or failure half-way can remove it again.
          keyFor: (n: number) => {
            const key = partKey(plan.product, sheet.endpoint, version, n);
            written.push(key);
            return key;
          },
          header,
          partRows: plan.policy.partRows,
          ...(input.partConcurrency ? { concurrency: input.partConcurrency } : {}),
          signal: stopWriting.signal,
          onProgress: (p: { partsDone: number; bytesSent: number; rows: number }) => {
            progress.partsDone = base.partsDone + p.partsDone;
            progress.bytesSent = base.bytesSent + p.bytesSent;
            progress.rows = base.rows + p.rows;
            input.onProgress?.({ ...progress, sheet: sheet.report.name });
            if (input.now() - lastBeat > HEARTBEAT_MS && claim) {
              lastBeat = input.now();
              const held = claim;
              // Fire and check later: a failed heartbeat fails the commit below.
              void heartbeat(store, held, input.now).then(
                (c) => (claim = c),
                (e: unknown) => {
                  if (e instanceof PublishConflict) claimLost = true;
                  stopWriting.abort();
                },
              );
            }
          },
        };
        // A plain UTF-8 CSV goes the fast way; anything it cannot take, the general way.
        const fast = fastPathFits(plan, sheet)
          ? await writeCsvPartsFast({ ...sinkOptions, bytes: input.bytes, headerRow: sheet.report.headerRow, columns, normalizers, onRead: (n) => ((progress.bytesRead = n), input.onProgress?.({ ...progress, sheet: sheet.report.name })) })
          : undefined;
        const result = fast?.ok
          ? fast.written
          : await writeParts({
              ...sinkOptions,
              rows: source.rows(sheet.report.name, {
                problems: new ProblemCollector(),
                ...(input.signal ? { signal: input.signal } : {}),
                onProgress: (p) => {
                  progress.bytesRead = i * input.bytes.size + p.bytesDone;
                  input.onProgress?.({ ...progress, sheet: sheet.report.name });
                },
              }),
              headerRow: sheet.report.headerRow,
              normalizers,
            });
        if (fast && !fast.ok) {
          // Parts the fast attempt started beyond what the general path wrote: not part of this version.
          const keep = new Set(result.keys);
          const stray = written.filter((k) => k.startsWith(`${plan.product}/${sheet.endpoint}/`) && !keep.has(k));
          await Promise.all([...new Set(stray)].map((k) => store.delete(k)));
        }
        if (result.rows !== sheet.report.rows) {
          throw new MeshError('mesh.io', `"${plan.fileName}" changed while it was being published: sheet "${sheet.report.name}" had ${sheet.report.rows} rows when it was checked and ${result.rows} now. Nothing was changed for readers. Check the file again, then publish.`);
        }
        progress.partsDone = base.partsDone + result.parts;
        progress.bytesSent = base.bytesSent + result.bytes;
        progress.rows = base.rows + result.rows;
        endpoints.push({ name: sheet.endpoint, sheet: sheet.report.name, rows: result.rows, parts: result.parts, columns: sheet.report.columns.length, fields: columnWords(contract, sheet.endpoint) });
      }
    } finally {
      await source?.close().catch(() => undefined);
    }
    throwIfCancelled(input.signal);
    input.onProgress?.({ ...progress, phase: 'committing' });

    // Stats and contract, then the commit point.
    const stats = buildStats({ product: plan.product, version, publishedAt, sourceFile: plan.fileName, meta: plan.meta, check: plan.check, sheets: plan.sheets.map((s, i) => ({ endpoint: s.endpoint, report: s.report, parts: endpoints[i]!.parts })) });
    const keys = await writeVersionDocuments(store, { product: plan.product, version, publishedMs, stats, contract, written, ...(input.signal ? { signal: input.signal } : {}) });

    const record: VersionRecord = {
      version,
      publishedAt,
      ...(input.publisher ? { publishedBy: input.publisher } : {}),
      contract: keys.contract,
      stats: keys.stats,
      endpoints,
      bump: decided.value.bump,
      changes: decided.value.changes.map((c) => `${c.text} (${c.level})`),
      sourceFile: plan.fileName,
      publishId: input.publishId,
    };
    const descriptor = versionDescriptor(plan.meta, { version, contractId: contract.id, endpoints: plan.sheets.map((s) => s.endpoint), publishedAt, previous: now.value, record });
    const productValid = input.validators.validateProduct(descriptor);
    if (!productValid.ok) return productValid;
    throwIfCancelled(input.signal);
    const finished = await finishVersion({ store, claim, product: plan.product, descriptor, previousEtag: now.value?.etag, record, now: input.now, ...(input.signal ? { signal: input.signal } : {}), onClaimLost: () => (claimLost = true) });
    claim = finished.claim;
    committed = true;
    written.push(finished.key);
    const { catalogUpdated } = finished;
    const rows = endpoints.reduce((n, e) => n + e.rows, 0);
    const parts = endpoints.reduce((n, e) => n + e.parts, 0);
    return ok({ product: plan.product, version, address: productAddress(input.location, plan.product), publishedAt, rows, parts, bytes: progress.bytesSent, catalogUpdated, cleanedUp, bump: decided.value.bump, changes: decided.value.changes, keys: written });
  } catch (e) {
    if (claimLost) return { ok: false, error: toAppError(new PublishConflict(`Publishing "${plan.product}" stalled for so long that another publisher took over. Nothing of yours reached readers and your draft is kept. Check again, then publish.`)) };
    if (!committed && written.length > 0) {
      // Unreferenced files are harmless to readers, but tidy up what we can now; a retry removes the rest.
      await Promise.allSettled(written.map((k) => store.delete(k)));
    }
    return { ok: false, error: toAppError(e) };
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
    if (claim && !claimLost) await releaseClaim(store, claim);
  }
}

/** The endpoint's columns in words, from the contract (what the catalog searches). */
export function columnWords(contract: OdcsContract, endpoint: string): ColumnWords[] {
  const schema = contract.schema?.find((o) => o.name === endpoint);
  return (schema?.properties ?? []).map((p) => ({ name: p.name, ...(p.businessName ? { businessName: p.businessName } : {}), ...(p.description ? { description: p.description } : {}) }));
}

/** Each column's type (the owner's description first, as in the contract) and how its values are written. */
function columnsFor(sheet: PlannedSheet, meta: { columns?: Record<string, { type?: ColumnType }> }): NormalizeColumn[] {
  const owned = meta.columns ?? {};
  return sheet.report.columns.map((c) => {
    const type = (Object.hasOwn(owned, c.name) ? owned[c.name]?.type : undefined) ?? c.type;
    return { type, ...(c.format ? { format: c.format } : {}) };
  });
}

/** The fast path reads UTF-8, comma-separated text (it checks the rest as it goes). */
function fastPathFits(plan: PublishPlan, sheet: PlannedSheet): boolean {
  return plan.report.format === 'csv' && plan.report.encoding === 'utf-8' && plan.report.delimiter === ',' && sheet === plan.sheets[0];
}

