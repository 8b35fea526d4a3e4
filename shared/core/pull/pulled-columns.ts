// Runs anywhere (pure core).
// What a reader of a published endpoint needs to know about its columns (from the version's
// ODCS contract), and how a published value's text becomes a typed value for a spreadsheet.
// Published parts hold normalized text (ISO dates, "." decimals, true/false, "" for missing) —
// except values that did not fit their column's type, which are kept as the owner wrote them.
// So typing is strict about the published forms and leaves everything else as text: a misfit
// must reach the reader as the owner wrote it, never as a guessed number or date.

import type { OdcsContract } from '../contract/odcs-types';
import type { PulledColumn, PulledValue } from './read-endpoint';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const TYPES: Readonly<Record<string, PulledColumn['type']>> = {
  string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', timestamp: 'timestamp',
};

function custom(holder: Obj, property: string): unknown {
  const found = list(holder.customProperties).find((c) => isObj(c) && c.property === property);
  return isObj(found) ? found.value : undefined;
}

function personalOf(p: Obj): PulledColumn['personal'] {
  const own = custom(p, 'personalData');
  if (own === 'personal' || own === 'sensitive') return own;
  const cls = typeof p.classification === 'string' ? p.classification.toLowerCase() : '';
  return cls === 'personal' || cls === 'sensitive' ? cls : undefined;
}

function allowedOf(p: Obj): string[] | undefined {
  for (const rule of list(p.quality)) {
    if (!isObj(rule) || rule.metric !== 'invalidValues' || !isObj(rule.arguments)) continue;
    const valid = rule.arguments.validValues;
    if (!Array.isArray(valid)) continue;
    const values = valid.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
    if (values.length > 0) return values;
  }
  return undefined;
}

/** The schema object of an endpoint: by name (as buildContract writes it), else by id. */
export function endpointSchema(contract: OdcsContract | undefined, endpoint: string): Obj | undefined {
  const schema = isObj(contract) ? list((contract as unknown as Obj).schema) : [];
  return (schema.find((s) => isObj(s) && s.name === endpoint) ?? schema.find((s) => isObj(s) && s.id === endpoint)) as Obj | undefined;
}

/**
 * The endpoint's columns in contract order. A contract may come from another tool, so every
 * field is checked; a logical type we cannot put in a cell (time, object, array) reads as text.
 * An endpoint the contract does not describe has no columns ([]).
 */
export function pulledColumns(contract: OdcsContract | undefined, endpoint: string): PulledColumn[] {
  const obj = endpointSchema(contract, endpoint);
  const out: PulledColumn[] = [];
  for (const p of list(obj?.properties)) {
    if (!isObj(p) || typeof p.name !== 'string') continue;
    const logical = typeof p.logicalType === 'string' ? p.logicalType : '';
    const col: PulledColumn = { name: p.name, type: Object.hasOwn(TYPES, logical) ? TYPES[logical]! : 'string', required: p.required === true };
    const businessName = text(p.businessName);
    const description = text(p.description);
    const personal = personalOf(p);
    const allowed = allowedOf(p);
    if (businessName !== undefined) col.businessName = businessName;
    if (description !== undefined) col.description = description;
    if (personal !== undefined) col.personal = personal;
    if (allowed !== undefined) col.allowed = allowed;
    out.push(col);
  }
  return out;
}

export type ValueReader = (text: string) => PulledValue;

// The published forms, exactly (see publish/normalize-cell.ts). Anything else is a misfit.
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z?$/;

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** "yyyy-mm-dd" or "yyyy-mm-ddThh:mm:ss[.sss][Z]" as a marked date, or undefined. */
function dateValue(s: string): PulledValue | undefined {
  const len = s.length;
  if (len === 10) {
    const m = DATE.exec(s);
    return m && realDay(+m[1]!, +m[2]!, +m[3]!) ? { kind: 'date', iso: s } : undefined;
  }
  if (len < 19) return undefined;
  const m = DATETIME.exec(s);
  if (!m || !realDay(+m[1]!, +m[2]!, +m[3]!) || +m[4]! > 23 || +m[5]! > 59 || +m[6]! > 59) return undefined;
  return { kind: 'datetime', iso: s };
}

const asText: ValueReader = (s) => (s === '' ? null : s);

/**
 * The reader of one column's values, built once per column (it runs for every cell).
 * Integers beyond 2^53 stay text: a float would change their digits (and Excel's as well).
 */
export function valueReader(column: Pick<PulledColumn, 'type'>): ValueReader {
  switch (column.type) {
    case 'integer':
      return (s) => {
        if (s === '') return null;
        if (!INTEGER.test(s)) return s;
        const n = Number(s);
        // "-0" is 0: Excel and every reader show no sign on zero.
        return Number.isSafeInteger(n) ? n + 0 : s;
      };
    case 'number':
      return (s) => {
        if (s === '') return null;
        if (!DECIMAL.test(s)) return s;
        const n = Number(s);
        return Number.isFinite(n) ? n + 0 : s;
      };
    case 'boolean':
      return (s) => (s === '' ? null : s === 'true' ? true : s === 'false' ? false : s);
    case 'date':
    case 'timestamp':
      // A date column may hold a date-time (a time of day that is not midnight is kept in full)
      // and a date-time column a plain date; each value says which it is.
      return (s) => (s === '' ? null : dateValue(s) ?? s);
    default:
      return asText;
  }
}

/** One value: "" → null; numbers, booleans and dates in their published form typed; anything else text. */
export function typedValue(textValue: string, column: Pick<PulledColumn, 'type'>): PulledValue {
  return valueReader(column)(textValue);
}
