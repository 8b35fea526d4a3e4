// Node only. `mesh-desk validate <contract.yaml> [--policy <policy.yaml>] [--json]`.
// Checks a data contract file against the official ODCS v3.1.0 schema and the mesh's governance
// policy. Exit 0: follows the standard and nothing blocks; 1: the standard or a blocking policy
// rule fails; 2: the contract, the policy or the schema files cannot be read (reason on stderr).

import { parseArgs } from 'node:util';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { metaFromContract } from '../../core/contract/meta-from-contract';
import type { OdcsContract } from '../../core/contract/odcs-types';
import { createStandardValidators } from '../../core/contract/standard-validators';
import { MAX_YAML_CHARS, parseContractYaml, parseYamlDocument } from '../../core/contract/standard-yaml';
import { parsePolicyYaml } from '../../core/policy/policy-yaml';
import { DEFAULT_POLICY, type Policy, type PolicyViolation } from '../../core/policy/types';
import { evaluatePolicy } from '../../core/policy/evaluate';
import { toAppError } from '../../core/result';
import { loadStandardSchemas, type LoadSchemasOptions } from '../contract/standard-schemas';

export interface ValidateJson {
  file: string;
  standard: { valid: boolean; errors: string[] };
  policy: { violations: PolicyViolation[] };
  valid: boolean;
}

/** Seams for tests: where the schema files are looked for. */
export interface ValidateOptions {
  schemas?: LoadSchemasOptions;
}

/** Bytes read at most: UTF-8 needs up to 4 bytes per character of MAX_YAML_CHARS. */
const MAX_BYTES = MAX_YAML_CHARS * 4;

const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();

/** Reads a text file, or throws an Error whose message says why not in plain words. */
async function readText(path: string, what: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `there is no file at ${path}. Check the name and the folder.` : `the ${what} cannot be opened (${code ?? 'unknown error'}). Check that the file exists and that you may read it.`);
  }
  if (!info.isFile()) throw new Error(`${path} is a folder or device, not a ${what} file. Give the path of the file itself.`);
  if (info.size > MAX_BYTES) throw new Error(`the file is ${info.size.toLocaleString('en')} bytes, far larger than any ${what}. Check that you chose the right file.`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new Error(`the ${what} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}). Check that you may read it.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`the file is not UTF-8 text, so it is not a ${what} (YAML). Check that you chose the right file.`);
  }
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** Splits the validator's one sentence back into its listed problems. */
export function standardErrorList(message: string): string[] {
  const body = message.replace(/^This document does not follow the [^:]+: /, '');
  const more = /\s…\s(and \d+ more)\.$/.exec(body);
  const main = more ? body.slice(0, more.index) : body.replace(/\.$/, '');
  const items = main.split('; ').filter((s) => s !== '');
  return more ? [...items, more[1]!] : items;
}

interface Loaded {
  file: string;
  doc: unknown;
  kindError?: string;
  policy: Policy;
  policyName: string;
  validateContract: (doc: unknown) => { ok: boolean; error?: { message: string } };
}

async function load(path: string, policyPath: string | undefined, options: ValidateOptions): Promise<Loaded | number> {
  const file = path;
  let text: string;
  try {
    text = await readText(path, 'data contract');
  } catch (e) {
    return cannot(`cannot read ${basename(path)}: ${(e as Error).message}`);
  }
  let doc: unknown;
  let kindError: string | undefined;
  const parsed = parseContractYaml(text);
  if (parsed.ok) doc = parsed.value;
  else if (parsed.error.code === 'contract.wrong-kind') {
    // Readable YAML, just not (declared as) a contract: report it as a standard failure.
    kindError = parsed.error.message;
    const raw = parseYamlDocument(text, 'data contract');
    doc = raw.ok ? raw.value : {};
  } else return cannot(`cannot read ${basename(path)}: ${oneLine(parsed.error.message)}`);

  let policy = DEFAULT_POLICY;
  let policyName = 'default policy';
  if (policyPath !== undefined) {
    let policyText: string;
    try {
      policyText = await readText(policyPath, 'governance policy');
    } catch (e) {
      return cannot(`cannot read the policy ${basename(policyPath)}: ${(e as Error).message}`);
    }
    const p = parsePolicyYaml(policyText);
    if (!p.ok) return cannot(`cannot use the policy ${basename(policyPath)}: ${oneLine(p.error.message)}`);
    policy = p.value;
    policyName = policyPath;
  }

  let validators;
  try {
    validators = createStandardValidators(await loadStandardSchemas(options.schemas));
  } catch (e) {
    return cannot(oneLine(toAppError(e).message));
  }
  return { file, doc, kindError, policy, policyName, validateContract: validators.validateContract };
}

function checkContract(loaded: Loaded): ValidateJson {
  const errors: string[] = [];
  if (loaded.kindError) errors.push(loaded.kindError);
  const r = loaded.validateContract(loaded.doc);
  if (!r.ok) errors.push(...standardErrorList(r.error?.message ?? 'the document is not valid'));
  // The policy runs even on a contract that fails the standard, so the owner sees everything at once.
  const { meta, columns } = metaFromContract(loaded.doc as OdcsContract);
  const violations = evaluatePolicy(meta, columns, loaded.policy);
  const standardValid = errors.length === 0;
  return {
    file: loaded.file,
    standard: { valid: standardValid, errors },
    policy: { violations },
    valid: standardValid && !violations.some((v) => v.blocking),
  };
}

export function formatValidateText(result: ValidateJson, policyName: string): string {
  const lines: string[] = [];
  if (result.standard.valid) lines.push(`${result.file}: valid ODCS v3.1.0 data contract`);
  else {
    lines.push(`${result.file}: not a valid ODCS v3.1.0 data contract (${result.standard.errors.length} problem${result.standard.errors.length === 1 ? '' : 's'}):`);
    for (const e of result.standard.errors) lines.push(`  - ${e}`);
  }
  const { violations } = result.policy;
  const blocking = violations.filter((v) => v.blocking);
  const other = violations.filter((v) => !v.blocking);
  if (violations.length === 0) lines.push(`Governance policy (${policyName}): no problems.`);
  else {
    lines.push(`Governance policy (${policyName}): ${blocking.length} blocking, ${other.length} not blocking.`);
    for (const v of blocking) lines.push(`  BLOCKS  ${v.message}`);
    for (const v of other) lines.push(`  note    ${v.message}`);
  }
  lines.push(result.valid ? 'Result: ready to publish.' : 'Result: cannot be published until the problems above are fixed.');
  return `${lines.join('\n')}\n`;
}

export async function runValidate(args: string[], options: ValidateOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return cannot(`${(e as Error).message} Usage: mesh-desk validate <contract.yaml> [--policy <policy.yaml>] [--json]`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return cannot('validate needs exactly one contract file, e.g. "mesh-desk validate contract.yaml".');
  const loaded = await load(positionals[0]!, values.policy, options);
  if (typeof loaded === 'number') return loaded;
  const result = checkContract(loaded);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(formatValidateText(result, loaded.policyName));
  return result.valid ? 0 : 1;
}

function cannot(message: string): number {
  process.stderr.write(`mesh-desk: ${oneLine(message)}\n`);
  return 2;
}
