// Runs anywhere (pure core).
// Step one of a publish, before the owner presses the button: read the mesh (its policy, the
// product's current version), check the file against that policy, and propose the version the
// rules give. Nothing is written. The plan it returns is what runPublish sends.

import { buildContract } from '../contract/build-contract';
import { endpointNames } from '../contract/identifiers';
import type { OdcsContract } from '../contract/odcs-types';
import { inspectFile, type InspectProgress } from '../inspect/inspect';
import type { CheckOutcome, ColumnType, InspectReport, SheetReport } from '../inspect/report';
import type { ByteSource } from '../ingest/types';
import type { MeshStore } from '../mesh/mesh-store';
import type { ProductMeta, Waiver } from '../metadata/types';
import type { Policy } from '../policy/types';
import type { Problem } from '../problems';
import { fail, ok, toAppError, type Result } from '../result';
import { bumpVersion } from '../versioning/semver';
import { decideVersion, type VersionDecision } from '../versioning/decide-version';
import { readCurrentProduct, readMeshPolicy, type CurrentProduct } from './mesh-state';
import { openSource } from '../ingest/open-source';
import { recognizePulledWorkbook, type PulledWorkbookIdentity } from '../pull/recognize';
import { driftBaseline } from './stats';
import type { Bump } from './version-history';

export interface SheetChoice {
  /** Absent for CSV (its one sheet). */
  sheet?: string;
  headerRow?: number;
  typeOverrides?: Record<number, ColumnType>;
}

export interface PlannedSheet {
  choice: SheetChoice;
  endpoint: string;
  report: SheetReport;
}

export interface PublishPlan {
  product: string;
  fileName: string;
  meta: ProductMeta;
  waivers: Waiver[];
  /** The default endpoint first. */
  sheets: PlannedSheet[];
  /** The default sheet's inspection, with the check outcome. */
  report: InspectReport;
  /** Problems of the further sheets (shown; the default sheet's check decides). */
  otherProblems: Problem[];
  check: CheckOutcome;
  policy: Policy;
  policySource: 'mesh' | 'built-in';
  current: CurrentProduct | null;
  decision: VersionDecision;
  /** The file is a workbook Mesh Desk pulled from the mesh (its apostrophe guards are undone at publish). */
  pulledFrom?: PulledWorkbookIdentity;
  /** Epoch ms. */
  preparedAt: number;
}

export interface PrepareInput {
  store: MeshStore;
  bytes: ByteSource;
  fileName: string;
  /** First = the default endpoint; one endpoint per further sheet. */
  sheets: SheetChoice[];
  meta: ProductMeta;
  waivers?: Waiver[];
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (p: InspectProgress) => void;
}

const NAME = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function preparePublish(input: PrepareInput): Promise<Result<PublishPlan>> {
  try {
    const product = input.meta.name ?? '';
    if (!NAME.test(product)) {
      return fail('publish.no-name', `The product needs a name of 2 to 63 lowercase letters, digits and dashes (for example "price-list") before it can be published${product ? `; "${product}" is not one` : ''}. Set it in the Describe step.`);
    }
    if (input.sheets.length === 0) return fail('publish.no-sheet', 'Choose at least one sheet to publish.');
    const policy = await readMeshPolicy(input.store, input.signal);
    if (!policy.ok) return policy;
    const current = await readCurrentProduct(input.store, product, input.signal);
    if (!current.ok) return current;
    const previous = current.value?.stats ? driftBaseline(current.value.stats) : undefined;

    const waivers = input.waivers ?? [];
    const sheets: PlannedSheet[] = [];
    let report: InspectReport | undefined;
    const otherProblems: Problem[] = [];
    const seen = new Set<string>();
    for (const [i, choice] of input.sheets.entries()) {
      const first = i === 0;
      const inspected = await inspectFile(input.bytes, {
        fileName: input.fileName,
        ...(choice.sheet !== undefined ? { sheet: choice.sheet } : {}),
        ...(choice.headerRow !== undefined ? { headerRow: choice.headerRow } : {}),
        ...(choice.typeOverrides ? { typeOverrides: choice.typeOverrides } : {}),
        previewRows: 0,
        // The owner's column descriptions belong to the default sheet; further sheets are read as they are.
        ...(first ? { meta: input.meta, waivers, policy: policy.value.policy, now: input.now(), ...(previous ? { previous } : {}) } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
      if (!inspected.ok) return inspected;
      const sheetReport = inspected.value.sheets[0];
      if (!sheetReport) return fail('publish.no-sheet', `"${input.fileName}" has no sheet to publish.`);
      if (seen.has(sheetReport.name)) return fail('publish.same-sheet', `Sheet "${sheetReport.name}" was chosen twice. Choose each sheet once.`);
      seen.add(sheetReport.name);
      if (first) report = inspected.value;
      else otherProblems.push(...inspected.value.problems);
      sheets.push({ choice, endpoint: '', report: sheetReport });
    }
    const pulledFrom = await recognized(input);
    const names = endpointNames(sheets.map((s) => s.report.name));
    sheets.forEach((s, i) => (s.endpoint = names[i]!));
    const check = report!.check!;

    const preparedAt = input.now();
    const draft = draftContract({ meta: input.meta, waivers, sheets, createdAt: new Date(preparedAt).toISOString() });
    const decision = decideFor(current.value, draft, undefined);
    if (!decision.ok) return decision;
    return ok({
      product,
      fileName: input.fileName,
      meta: input.meta,
      waivers,
      sheets,
      report: report!,
      otherProblems,
      check,
      policy: policy.value.policy,
      policySource: policy.value.source,
      current: current.value,
      decision: decision.value,
      preparedAt,
      ...(pulledFrom ? { pulledFrom } : {}),
    });
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

async function recognized(input: PrepareInput): Promise<PulledWorkbookIdentity | undefined> {
  const source = await openSource(input.bytes, input.fileName, input.signal);
  try {
    return await recognizePulledWorkbook(source, input.signal ? { signal: input.signal } : {});
  } finally {
    await source.close().catch(() => undefined);
  }
}

/** The contract as it would be published (no servers yet); the schema diff compares these. */
export function draftContract(input: { meta: ProductMeta; waivers: Waiver[]; sheets: PlannedSheet[]; createdAt: string; version?: string }): OdcsContract {
  return buildContract({ meta: input.meta, sheets: input.sheets.map((s) => s.report), waivers: input.waivers, createdAt: input.createdAt, ...(input.version ? { version: input.version } : {}) });
}

/** The version rules against what readers see now; an owner's bump may only go higher. */
export function decideFor(current: CurrentProduct | null, next: OdcsContract, ownerBump: Bump | undefined): Result<VersionDecision> {
  const taken = current ? [current.version, ...current.history.map((h) => h.version)] : [];
  if (current && !current.contract) {
    // A product written by another tool, or whose contract is gone: nothing to compare with.
    const text = 'the current contract could not be read, so Mesh Desk cannot tell what changed';
    return ok({ version: bumpVersion(current.version, 'major'), bump: 'major', required: 'major', changes: [{ level: 'major', text, endpoint: 'default' }], reason: `${text} → major` });
  }
  return decideVersion({
    previous: current && current.contract ? { version: current.version, contract: current.contract } : null,
    next,
    ...(ownerBump ? { ownerBump } : {}),
    taken,
  });
}
