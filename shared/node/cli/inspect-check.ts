// Node only. The Check step from a terminal: `mesh-desk inspect <file> --meta meta.yaml
// [--policy policy.yaml] [--contract out.yaml]`. Two passes over the file: the first learns
// what the owner left out (types, examples: the same suggestions the Describe form shows), the
// second runs every quality check and the policy with the merged description.

import { readFile, rename, writeFile } from 'node:fs/promises';
import type { ByteSource } from '../../core/ingest/types';
import { inspectFile } from '../../core/inspect/inspect';
import type { InspectReport } from '../../core/inspect/report';
import { parseMetaYaml } from '../../core/metadata/meta-yaml';
import type { ProductMeta } from '../../core/metadata/types';
import { mergeMeta, suggestMeta } from '../../core/metadata/suggest';
import { parsePolicyYaml } from '../../core/policy/policy-yaml';
import { DEFAULT_POLICY, type Policy } from '../../core/policy/types';
import { buildContract } from '../../core/contract/build-contract';
import { contractToYaml } from '../../core/contract/standard-yaml';
import { createStandardValidators } from '../../core/contract/standard-validators';
import { fail, ok, type Result } from '../../core/result';
import { loadStandardSchemas } from '../contract/standard-schemas';

export interface CheckArgs {
  fileName: string;
  metaPath: string;
  policyPath?: string;
  contractPath?: string;
  sheet?: string;
  headerRow?: number;
  signal: AbortSignal;
}

export interface CheckRun {
  report: InspectReport;
  contractPath?: string;
}

async function readText(path: string, what: string): Promise<Result<string>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    return fail('cli.unreadable', `cannot read the ${what} "${path}": ${why}.`);
  }
}

/** The owner's meta.yaml, read and checked. */
export async function readOwnerMeta(path: string): Promise<Result<ProductMeta>> {
  const metaText = await readText(path, 'metadata file');
  if (!metaText.ok) return metaText;
  return parseMetaYaml(metaText.value);
}

/**
 * The first pass: learns what the owner left out (types, examples: the same suggestions the
 * Describe form shows) and merges it under the owner's own description.
 */
export async function describeWithSuggestions(
  bytes: ByteSource,
  args: { fileName: string; owner: ProductMeta; sheet?: string; headerRow?: number; signal: AbortSignal },
): Promise<Result<{ meta: ProductMeta; sheet: string; headerRow?: number }>> {
  const sheet = args.sheet ?? args.owner.sheet;
  const headerRow = args.headerRow ?? args.owner.headerRow;
  const first = await inspectFile(bytes, { fileName: args.fileName, signal: args.signal, previewRows: 0, ...(headerRow !== undefined ? { headerRow } : {}), ...(sheet !== undefined ? { sheet } : {}) });
  if (!first.ok) return first;
  const chosen = first.value.sheets[0];
  if (!chosen) return fail('file.no-rows', `${args.fileName} has no sheet to check.`);
  return ok({ meta: mergeMeta(suggestMeta(args.fileName, chosen), args.owner), sheet: chosen.name, ...(headerRow !== undefined ? { headerRow } : {}) });
}

export async function runCheck(bytes: ByteSource, args: CheckArgs): Promise<Result<CheckRun>> {
  const owner = await readOwnerMeta(args.metaPath);
  if (!owner.ok) return owner;
  let policy: Policy = DEFAULT_POLICY;
  if (args.policyPath !== undefined) {
    const policyText = await readText(args.policyPath, 'policy file');
    if (!policyText.ok) return policyText;
    const parsed = parsePolicyYaml(policyText.value);
    if (!parsed.ok) return parsed;
    policy = parsed.value;
  }
  const described = await describeWithSuggestions(bytes, {
    fileName: args.fileName,
    owner: owner.value,
    signal: args.signal,
    ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}),
  });
  if (!described.ok) return described;
  const { meta, sheet, headerRow } = described.value;

  // Header detection is deterministic: the second pass finds the same row (or the owner's).
  const checked = await inspectFile(bytes, { fileName: args.fileName, signal: args.signal, previewRows: 0, ...(headerRow !== undefined ? { headerRow } : {}), sheet, meta, policy });
  if (!checked.ok) return checked;
  const run: CheckRun = { report: checked.value };
  if (args.contractPath !== undefined) {
    const written = await writeContract(checked.value, meta, args.contractPath);
    if (!written.ok) return written;
    run.contractPath = args.contractPath;
  }
  return ok(run);
}

/** Builds the ODCS contract, validates it against the official schema, and only then writes it. */
async function writeContract(report: InspectReport, meta: Parameters<typeof buildContract>[0]['meta'], path: string): Promise<Result<void>> {
  const contract = buildContract({ meta, sheets: report.sheets, version: '1.0.0', status: 'draft', createdAt: new Date().toISOString() });
  let schemas;
  try {
    schemas = await loadStandardSchemas();
  } catch (e) {
    return fail('contract.no-schemas', `the contract was not written: ${(e as Error).message}`);
  }
  const valid = createStandardValidators(schemas).validateContract(contract);
  if (!valid.ok) return fail('contract.invalid', `the contract was not written because it does not pass the ODCS standard: ${valid.error.message}`);
  const temp = `${path}.part`;
  try {
    await writeFile(temp, contractToYaml(contract), 'utf8');
    await rename(temp, path);
  } catch (e) {
    return fail('contract.write', `cannot write the contract to "${path}": ${(e as Error).message}`);
  }
  return ok(undefined);
}
