// Runs anywhere (pure core).
// Step one of a metadata-only publish ("Edit description"): read the product as readers see it,
// refuse when the version the owner edited is no longer the latest, put the owner's words on
// the latest version's tables, run the governance rules that are about words, and propose the
// version (a patch unless the owner asks for more). Nothing is written and no data is read.

import { buildContract } from '../contract/build-contract';
import { metaFromContract } from '../contract/meta-from-contract';
import type { OdcsContract } from '../contract/odcs-types';
import { buildCheckOutcome } from '../inspect/check-outcome';
import type { CheckOutcome, SheetReport } from '../inspect/report';
import type { MeshStore } from '../mesh/mesh-store';
import type { ProductMeta, Waiver } from '../metadata/types';
import type { Policy } from '../policy/types';
import { fail, ok, toAppError, type Result } from '../result';
import type { VersionDecision } from '../versioning/decide-version';
import { PublishConflict } from './claim';
import { baseTables } from './meta-base';
import { mergeMetaEdit } from './meta-merge';
import { readCurrentProduct, readMeshPolicy, type CurrentProduct } from './mesh-state';
import { decideFor } from './prepare';
import type { Bump, VersionRecord } from './version-history';

export interface MetaPublishPlan {
  kind: 'metadata-only';
  product: string;
  /** The version the owner edited (the latest when the plan was made). */
  baseVersion: string;
  /** The new description in full: the owner's words on the base version's promises. */
  meta: ProductMeta;
  /** Kept from the base version: they were decisions about its data, which stays. */
  waivers: Waiver[];
  /** The base version's tables (as published; nothing is re-read). */
  sheets: SheetReport[];
  /** Default-table columns the owner marked personal now (left out of the copied stats). */
  newlyPersonal: string[];
  check: CheckOutcome;
  policy: Policy;
  policySource: 'mesh' | 'built-in';
  current: CurrentProduct;
  base: VersionRecord;
  decision: VersionDecision;
  /** Epoch ms. */
  preparedAt: number;
}

export interface PrepareMetaInput {
  store: MeshStore;
  product: string;
  baseVersion: string;
  meta: ProductMeta;
  now: () => number;
  signal?: AbortSignal;
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The conflict the outbox and the Publish step show when someone published after the owner's base. */
export function baseMovedOn(product: string, baseVersion: string, current: CurrentProduct): PublishConflict {
  const top = current.history[0];
  const who = top?.publishedBy ? ` by ${top.publishedBy}` : '';
  const at = top ? ` on ${when(top.publishedAt)}` : '';
  return new PublishConflict(`You edited the description of "${product}" v${baseVersion}, but v${current.version} was published since${at}${who}. Nothing was published and your edits are kept. Look at their version, then apply your changes on top of it.`);
}

export async function prepareMetaOnly(input: PrepareMetaInput): Promise<Result<MetaPublishPlan>> {
  try {
    const { store, product } = input;
    const policy = await readMeshPolicy(store, input.signal);
    if (!policy.ok) return policy;
    const read = await readCurrentProduct(store, product, input.signal);
    if (!read.ok) return read;
    const current = read.value;
    if (!current) return fail('product.not-found', `There is no product "${product}" in ${store.url} any more, so its description cannot be updated. It may have been removed; publish it again from its file.`);
    if (current.version !== input.baseVersion.replace(/^v/, '')) return { ok: false, error: toAppError(baseMovedOn(product, input.baseVersion, current)) };
    const base = current.history[0];
    if (!base || !current.contract) {
      return fail('publish.meta-no-base', `The published description of "${product}" v${current.version} cannot be read (it was written by another tool, or its contract is missing), so a description-only version cannot be built on it. Publish the product again from its file.`);
    }
    const tables = baseTables(current.contract, base, current.stats);
    if (!tables.ok) return fail('publish.meta-no-base', `"${product}" v${current.version} cannot get a description-only version: ${tables.reason}. Publish it again from its file.`);
    const { sheets, waivers } = tables.value;
    const main = sheets[0]!;
    const merged = mergeMetaEdit(product, metaFromContract(current.contract).meta, input.meta, main.columns.map((c) => c.name));
    if (!merged.ok) return merged;

    // Only the rules about words apply: the data's findings were settled when it was published.
    const check = buildCheckOutcome({ problems: [], meta: merged.value.meta, columns: main.columns, sheet: main.name, policy: policy.value.policy, waivers });
    const preparedAt = input.now();
    const draft = metaContract({ meta: merged.value.meta, waivers, sheets, createdAt: new Date(preparedAt).toISOString() });
    const odd = structureDiffers(current.contract, draft);
    if (odd) return fail('publish.meta-no-base', `"${product}" v${current.version} cannot get a description-only version: ${odd}. Publish it again from its file.`);
    const decision = decideFor(current, draft, undefined);
    if (!decision.ok) return decision;
    return ok({
      kind: 'metadata-only',
      product,
      baseVersion: current.version,
      meta: merged.value.meta,
      waivers,
      sheets,
      newlyPersonal: merged.value.newlyPersonal,
      check,
      policy: policy.value.policy,
      policySource: policy.value.source,
      current,
      base,
      decision: decision.value,
      preparedAt,
    });
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

/** The new version's contract, built like every other one (no servers yet). */
export function metaContract(input: { meta: ProductMeta; waivers: Waiver[]; sheets: SheetReport[]; createdAt: string; version?: string }): OdcsContract {
  return buildContract({ meta: input.meta, sheets: input.sheets, waivers: input.waivers, createdAt: input.createdAt, ...(input.version ? { version: input.version } : {}) });
}

/** The version an owner's bump gives on this plan (the rules' own when absent). */
export function metaDecision(plan: MetaPublishPlan, bump: Bump | undefined, createdAt: string): Result<VersionDecision> {
  if (!bump || bump === plan.decision.bump) return ok(plan.decision);
  return decideFor(plan.current, metaContract({ ...plan, createdAt }), bump);
}

/**
 * The promises about the data, table by table and column by column, must come out of the
 * rebuild exactly as they were published; otherwise the base contract holds something Mesh Desk
 * would not reproduce, and a "description-only" version would quietly change it.
 */
function structureDiffers(published: OdcsContract, rebuilt: OdcsContract): string | undefined {
  const shape = (c: OdcsContract) =>
    (c.schema ?? []).map((o) => ({
      name: o.name,
      columns: (o.properties ?? []).map((p) => [p.name, p.logicalType, p.physicalType, p.required === true, p.unique === true, p.primaryKey === true, p.primaryKeyPosition ?? null, p.logicalTypeOptions ?? null,
        (p.quality ?? []).map((q) => [q.metric, q.mustBe ?? null, q.arguments ?? null])]),
    }));
  const a = shape(published);
  const b = shape(rebuilt);
  for (const [i, t] of a.entries()) {
    const u = b[i];
    if (!u || u.name !== t.name) return `its table "${t.name}" is not one Mesh Desk can rebuild`;
    for (const [j, col] of t.columns.entries()) {
      if (JSON.stringify(col) !== JSON.stringify(u.columns[j])) return `the promises of column "${String(col[0])}" in table "${t.name}" are not ones Mesh Desk can rebuild`;
    }
    if (u.columns.length !== t.columns.length) return `table "${t.name}" has columns Mesh Desk cannot rebuild`;
  }
  return a.length === b.length ? undefined : 'its tables are not ones Mesh Desk can rebuild';
}
