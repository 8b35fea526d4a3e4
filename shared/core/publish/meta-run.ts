// Runs anywhere (pure core).
// Step two of a metadata-only publish: the same commit protocol as runPublish (claim, leftovers
// cleared, documents validated before any write, product.yaml last with If-Match, the catalog
// after) but no data parts are written: the new version's record points at the parts of the
// version whose data it reuses (dataVersion), and its stats are that version's, copied.

import type { StandardValidators } from '../contract/standard-validators';
import type { MeshStore } from '../mesh/mesh-store';
import type { MeshLocation } from '../mesh/mesh-url';
import { fail, throwIfCancelled, toAppError, ok, type Result } from '../result';
import { acquireClaim, releaseClaim, type HeldClaim } from './claim';
import { removeLeftovers } from './cleanup';
import { readCurrentProduct } from './mesh-state';
import { metaContract, metaDecision, type MetaPublishPlan } from './meta-prepare';
import { columnWords, type PublishOutcome, type PublishProgress } from './run';
import { finishVersion, lostRace, versionDescriptor, writeVersionDocuments } from './commit-version';
import { meshServer, productAddress } from './servers';
import { statsColumn, type VersionStats } from './stats';
import type { Bump, EndpointRecord, VersionRecord } from './version-history';

export interface RunMetaInput {
  store: MeshStore;
  location: MeshLocation;
  plan: MetaPublishPlan;
  bump?: Bump;
  /** Stays the same when the same queued job is sent again. */
  publishId: string;
  publisher?: string;
  validators: StandardValidators;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}


export async function runMetaOnlyPublish(input: RunMetaInput): Promise<Result<PublishOutcome>> {
  const { store, plan } = input;
  if (!plan.check.canPublish) {
    return fail('publish.blocked', `The description of "${plan.product}" has ${plan.check.blocking} finding(s) that the mesh's rules say must be fixed before publishing. Change the description as the findings say, then check again.`);
  }
  const base = plan.base;
  const baseStats = plan.current.stats;
  if (!baseStats) {
    return fail('publish.meta-no-base', `The profile of "${plan.product}" v${base.version} (${base.stats}) cannot be read, so a description-only version cannot reuse it. Publish the product again from its file.`);
  }
  let claim: HeldClaim | undefined;
  const written: string[] = [];
  let committed = false;
  let claimLost = false;
  try {
    const publishedMs = input.now();
    const publishedAt = new Date(publishedMs).toISOString();
    const decided = metaDecision(plan, input.bump, publishedAt);
    if (!decided.ok) return decided;
    const version = decided.value.version;
    const progress: PublishProgress = { phase: 'committing', bytesRead: 0, bytesTotal: 0, rows: 0, partsDone: 0, bytesSent: 0 };
    input.onProgress?.(progress);

    claim = await acquireClaim(store, { publishId: input.publishId, product: plan.product, version, ...(input.publisher ? { by: input.publisher } : {}) }, input.now, input.signal);
    const now = await readCurrentProduct(store, plan.product, input.signal);
    if (!now.ok) return now;
    if ((now.value?.etag ?? null) !== plan.current.etag) throw lostRace(plan.product, now.value);
    const cleanedUp = await removeLeftovers(store, plan.product, now.value, input.signal);

    // The parts stay where they are: those of the version that last sent data.
    const endpoints: EndpointRecord[] = base.endpoints.map((e) => ({ ...e, dataVersion: e.dataVersion ?? base.version }));
    const dataVersion = endpoints[0]?.dataVersion ?? base.version;
    const contract = metaContract({ ...plan, createdAt: publishedAt, version });
    contract.servers = [meshServer(input.location, plan.product, dataVersion)];
    const contractValid = input.validators.validateContract(contract);
    if (!contractValid.ok) return contractValid;
    for (const e of endpoints) e.fields = columnWords(contract, e.name);

    const stats = copiedStats(baseStats, plan, version, publishedAt);
    throwIfCancelled(input.signal);
    const keys = await writeVersionDocuments(store, { product: plan.product, version, publishedMs, stats, contract, written, ...(input.signal ? { signal: input.signal } : {}) });

    const record: VersionRecord = {
      version,
      publishedAt,
      ...(input.publisher ? { publishedBy: input.publisher } : {}),
      contract: keys.contract,
      stats: keys.stats,
      endpoints,
      bump: decided.value.bump,
      changes: [`only the description changed; the rows are those of v${dataVersion}`, ...decided.value.changes.map((c) => `${c.text} (${c.level})`)],
      ...(base.sourceFile !== undefined ? { sourceFile: base.sourceFile } : {}),
      publishId: input.publishId,
      metadataOnly: true,
    };
    const descriptor = versionDescriptor(plan.meta, { version, contractId: contract.id, endpoints: endpoints.map((e) => e.name), publishedAt, previous: now.value, record });
    const productValid = input.validators.validateProduct(descriptor);
    if (!productValid.ok) return productValid;
    throwIfCancelled(input.signal);
    const finished = await finishVersion({ store, claim, product: plan.product, descriptor, previousEtag: now.value?.etag, record, now: input.now, ...(input.signal ? { signal: input.signal } : {}), onClaimLost: () => (claimLost = true) });
    claim = finished.claim;
    committed = true;
    written.push(finished.key);
    const { catalogUpdated } = finished;
    const rows = endpoints.reduce((n, e) => n + e.rows, 0);
    input.onProgress?.({ ...progress, rows });
    return ok({ product: plan.product, version, address: productAddress(input.location, plan.product), publishedAt, rows, parts: 0, bytes: 0, catalogUpdated, cleanedUp, bump: decided.value.bump, changes: decided.value.changes, keys: written });
  } catch (e) {
    if (!committed && !claimLost && written.length > 0) await Promise.allSettled(written.map((k) => store.delete(k)));
    return { ok: false, error: toAppError(e) };
  } finally {
    if (claim && !claimLost) await releaseClaim(store, claim);
  }
}

/** The base version's profile under the new version; values of columns marked personal now are left out. */
function copiedStats(base: VersionStats, plan: MetaPublishPlan, version: string, publishedAt: string): VersionStats {
  const hidden = new Set(plan.newlyPersonal);
  const personalOf = (name: string) => (plan.meta.columns && Object.hasOwn(plan.meta.columns, name) ? plan.meta.columns[name]?.personal : undefined);
  return {
    ...base,
    version,
    publishedAt,
    endpoints: base.endpoints.map((e, i) => ({
      ...e,
      columns: e.columns.map((c) => (i === 0 && hidden.has(c.name) ? statsColumn(c, personalOf(c.name)) : { ...c })),
    })),
  };
}
