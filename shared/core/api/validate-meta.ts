// Runs anywhere (pure core).
// Runtime shape checks for the owner's metadata and waivers when they cross IPC or HTTP.
// Everything arriving there is untrusted: unknown keys, wrong types and oversized values are
// refused before a handler sees them. Column names are data (a column may be called
// "__proto__"), so objects are only read through Object.hasOwn / Object.entries.

import { COLUMN_TYPES } from '../inspect/report';
import { CLASSIFICATIONS, PERSONAL_DATA, UPDATE_FREQUENCIES, type ProductMeta, type Waiver } from '../metadata/types';

const MAX_TEXT = 20_000;
const MAX_LIST = 1_000;
const MAX_COLUMNS = 16_384;

type Check = (v: unknown) => boolean;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const text: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const list = (item: Check): Check => (v) => Array.isArray(v) && v.length <= MAX_LIST && v.every(item);
const numberOrText: Check = (v) => (typeof v === 'number' && Number.isFinite(v)) || text(v);

function fields(spec: Record<string, Check>): Check {
  return (v) => isRecord(v) && Object.entries(v).every(([k, x]) => Object.hasOwn(spec, k) && (x === undefined || spec[k]!(x)));
}

const columnMeta = fields({
  businessName: text,
  description: text,
  type: oneOf(COLUMN_TYPES),
  required: bool,
  unique: bool,
  primaryKey: bool,
  personal: oneOf(PERSONAL_DATA),
  allowed: list(text),
  min: numberOrText,
  max: numberOrText,
  pattern: (v) => typeof v === 'string' && v.length <= 1_000,
  examples: list(text),
});

const productMeta = fields({
  name: text,
  title: text,
  description: text,
  purpose: text,
  usage: text,
  limitations: text,
  domain: text,
  owner: fields({ name: text, email: text }),
  support: text,
  tags: list(text),
  frequency: oneOf(UPDATE_FREQUENCIES),
  classification: oneOf(CLASSIFICATIONS),
  license: text,
  source: fields({ kind: oneOf(['manual', 'external']), vendor: text }),
  freshnessColumn: text,
  sheet: text,
  headerRow: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1_048_576,
  columns: (v) => isRecord(v) && Object.keys(v).length <= MAX_COLUMNS && Object.values(v).every(columnMeta),
});

const waiver = fields({ code: text, sheet: text, column: text, reason: text, by: text, at: text });

export const isProductMeta = (x: unknown): x is ProductMeta => productMeta(x);
export const isWaiverList = (x: unknown): x is Waiver[] =>
  Array.isArray(x) && x.length <= MAX_LIST && x.every((w) => waiver(w) && typeof (w as Waiver).code === 'string' && typeof (w as Waiver).reason === 'string' && typeof (w as Waiver).at === 'string');

/** Owner's type choices by column index: {"3": "text"}. */
export function isTypeOverrides(x: unknown): boolean {
  if (!isRecord(x)) return false;
  return Object.entries(x).every(
    ([k, v]) => /^\d{1,5}$/.test(k) && typeof v === 'string' && (COLUMN_TYPES as readonly string[]).includes(v),
  );
}
