// Runs anywhere (pure core) — but note Ajv compiles schemas with `new Function`, so this runs
// where code generation is allowed (Node, Electron main, workers), not under the renderer's CSP.
// Checks documents against the official ODCS v3.1.0 / ODPS v1.0.0 JSON Schemas (draft 2019-09),
// which the caller loads and passes in; errors come back as plain sentences with the field path.

import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import { fail, ok, type Result } from '../result';

/**
 * The schemas use three formats: date-time, date and uri. ajv-formats is not a dependency, so
 * these small checks stand in (same rules as RFC 3339 / RFC 3986 at the level that matters
 * here: a real calendar date and time with offset, and "scheme:" followed by no spaces or
 * control characters). Unknown formats would otherwise be silently ignored with strict: false.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}]*$/u;

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  return m !== null && isDate(m[1]!) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 60;
}

export interface StandardSchemas {
  odcs: object;
  odps: object;
}

export interface StandardValidators {
  validateContract(doc: unknown): Result<void>;
  validateProduct(doc: unknown): Result<void>;
}

/** "/schema/0/properties/3/logicalType" → "schema[0].properties[3].logicalType". */
export function readablePath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? (acc ? `${acc}.${part}` : part) : `${acc}[${JSON.stringify(part)}]`), '');
}

function sentence(e: ErrorObject): string | undefined {
  const path = readablePath(e.instancePath);
  const at = path ? `${path} ` : 'the document ';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${path ? `${path} is` : 'the document is'} missing the required field "${String(p.missingProperty)}"`;
    case 'enum':
      return `${at}must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${at}must be ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `${at}must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type)}`;
    case 'additionalProperties':
      return `${at}has a field the standard does not know: "${String(p.additionalProperty)}"`;
    case 'unevaluatedProperties':
      return `${at}has a field the standard does not know: "${String(p.unevaluatedProperty)}"`;
    case 'format':
      return `${at}must be written as a ${String(p.format)}`;
    case 'pattern':
      return `${at}may only contain the characters allowed by ${String(p.pattern)}`;
    // Wrapper keywords only restate that a branch failed; the branch's own errors say why.
    case 'if': case 'oneOf': case 'anyOf': case 'allOf': case 'not':
      return undefined;
    default:
      return `${at}${e.message ?? 'is not valid'}`;
  }
}

const MAX_LISTED = 8;

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  const all = (errors ?? []).map(sentence).filter((s): s is string => s !== undefined);
  const lines = [...new Set(all)];
  // If only wrapper keywords failed, still say something concrete.
  return lines.length > 0 ? lines : (errors ?? []).map((e) => `${readablePath(e.instancePath) || 'the document'} ${e.message ?? 'is not valid'}`);
}

function check(validate: ValidateFunction, doc: unknown, code: string, standard: string): Result<void> {
  if (validate(doc)) return ok(undefined);
  const lines = describeErrors(validate.errors);
  const more = lines.length > MAX_LISTED ? ` … and ${lines.length - MAX_LISTED} more.` : '.';
  return fail(code, `This document does not follow the ${standard}: ${lines.slice(0, MAX_LISTED).join('; ')}${more}`);
}

export function createStandardValidators(schemas: StandardSchemas): StandardValidators {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('date', isDate);
  ajv.addFormat('date-time', isDateTime);
  ajv.addFormat('uri', (s: string) => URI.test(s));
  const contract = ajv.compile(schemas.odcs);
  const product = ajv.compile(schemas.odps);
  return {
    validateContract: (doc) => check(contract, doc, 'contract.not-standard', 'Open Data Contract Standard v3.1.0'),
    validateProduct: (doc) => check(product, doc, 'product.not-standard', 'Open Data Product Standard v1.0.0'),
  };
}
