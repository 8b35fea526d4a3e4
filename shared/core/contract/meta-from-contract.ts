// Runs anywhere (pure core).
// A contract → the owner's metadata it was built from (the reverse of buildContract for the
// default, first schema object). Used to check a contract file against the governance policy,
// which speaks in ProductMeta terms. The input may be any parsed YAML (a contract from another
// tool, or one that failed schema validation), so every field is checked before it is used:
// odd shapes are skipped, never trusted, and nothing here throws.

import { columnLetter } from '../columns';
import type { ColumnType } from '../inspect/report';
import { UPDATE_FREQUENCIES, PERSONAL_DATA } from '../metadata/types';
import type { Classification, ColumnMeta, PersonalData, ProductMeta, UpdateFrequency } from '../metadata/types';
import type { OdcsContract } from './odcs-types';

export interface MetaFromContract {
  meta: ProductMeta;
  /** Columns of the default schema object, in order, with their letter in the source file. */
  columns: { name: string; letter: string }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Value of a customProperties entry, own entries only (the list may come from anyone). */
function custom(holder: unknown, property: string): unknown {
  if (!isObj(holder)) return undefined;
  const found = list(holder.customProperties).find((c) => isObj(c) && c.property === property);
  return isObj(found) ? found.value : undefined;
}

const COLUMN_TYPES: Readonly<Record<string, ColumnType>> = {
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
  string: 'text',
};

/** SLA frequency (value + unit) → our rhythm words; the same periods people-and-service writes. */
function frequencyFromSla(value: unknown, unit: unknown): UpdateFrequency | undefined {
  const key = `${String(value)} ${String(unit).toLowerCase()}`;
  const map: Record<string, UpdateFrequency> = {
    '1 d': 'daily', '1 day': 'daily', '1 days': 'daily',
    '7 d': 'weekly', '1 week': 'weekly', '1 weeks': 'weekly',
    '1 month': 'monthly', '1 months': 'monthly',
    '3 month': 'quarterly', '3 months': 'quarterly',
    '1 y': 'yearly', '1 year': 'yearly', '1 years': 'yearly',
  };
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function frequencyOf(contract: Obj): UpdateFrequency | undefined {
  // The custom property is exact (it also carries "one-off", which has no SLA period).
  const own = custom(contract, 'updateFrequency');
  if (typeof own === 'string' && (UPDATE_FREQUENCIES as readonly string[]).includes(own)) return own as UpdateFrequency;
  const sla = list(contract.slaProperties).find((s) => isObj(s) && s.property === 'frequency');
  return isObj(sla) ? frequencyFromSla(sla.value, sla.unit) : undefined;
}

function freshnessColumnOf(contract: Obj): string | undefined {
  const sla = list(contract.slaProperties).find((s) => isObj(s) && s.property === 'latency' && typeof s.element === 'string');
  const element = isObj(sla) ? (sla.element as string) : undefined;
  if (!element) return undefined;
  // "endpoint.column": endpoint names are slugs (no dots), so the column is everything after the first dot.
  const dot = element.indexOf('.');
  return text(dot < 0 ? element : element.slice(dot + 1));
}

function ownerOf(contract: Obj): ProductMeta['owner'] {
  const team = contract.team;
  const members = isObj(team) ? list(team.members) : [];
  const member = members.find((m) => isObj(m) && typeof m.role === 'string' && m.role.toLowerCase() === 'owner');
  const username = isObj(member) ? text(member.username) : undefined;
  const ownEmail = text(custom(contract, 'ownerEmail'));
  // The username is the e-mail when one was known (see ownerTeam), else the name.
  const email = ownEmail ?? (username?.includes('@') ? username : undefined);
  const name = (isObj(member) ? text(member.name) : undefined) ?? (username !== undefined && username !== email ? username : undefined);
  if (email === undefined && name === undefined) return undefined;
  return { ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) };
}

function descriptionsOf(contract: Obj, first: Obj | undefined): Pick<ProductMeta, 'description' | 'purpose' | 'usage' | 'limitations'> {
  const d = isObj(contract.description) ? contract.description : {};
  const purpose = text(d.purpose);
  const summary = text(custom(d, 'summary'));
  // buildContract writes the owner's description on the default schema object, and as a "summary"
  // beside the purpose when both were given; with a description alone the purpose repeats it, and
  // a purpose alone has neither.
  const description = summary ?? (first ? text(first.description) : undefined);
  const out: Pick<ProductMeta, 'description' | 'purpose' | 'usage' | 'limitations'> = {};
  if (description !== undefined) out.description = description;
  if (purpose !== undefined && (summary !== undefined || purpose !== description)) out.purpose = purpose;
  const usage = text(d.usage);
  const limitations = text(d.limitations);
  if (usage !== undefined) out.usage = usage;
  if (limitations !== undefined) out.limitations = limitations;
  return out;
}

const scalar = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function bound(v: unknown): number | string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return text(v);
}

function personalOf(p: Obj): PersonalData | undefined {
  const own = custom(p, 'personalData');
  if (typeof own === 'string' && (PERSONAL_DATA as readonly string[]).includes(own)) return own as PersonalData;
  const cls = typeof p.classification === 'string' ? p.classification.toLowerCase() : undefined;
  return cls === 'personal' || cls === 'sensitive' ? cls : undefined;
}

function columnMetaOf(p: Obj): ColumnMeta {
  const m: ColumnMeta = {};
  const businessName = text(p.businessName);
  const description = text(p.description);
  if (businessName !== undefined) m.businessName = businessName;
  if (description !== undefined) m.description = description;
  const logical = typeof p.logicalType === 'string' ? p.logicalType : '';
  if (Object.hasOwn(COLUMN_TYPES, logical)) m.type = COLUMN_TYPES[logical];
  if (p.required === true) m.required = true;
  if (p.unique === true) m.unique = true;
  if (p.primaryKey === true) m.primaryKey = true;
  const personal = personalOf(p);
  if (personal !== undefined) m.personal = personal;
  const options = isObj(p.logicalTypeOptions) ? p.logicalTypeOptions : {};
  let pattern = text(options.pattern);
  const min = bound(options.minimum);
  const max = bound(options.maximum);
  for (const rule of list(p.quality)) {
    if (!isObj(rule) || rule.metric !== 'invalidValues' || !isObj(rule.arguments)) continue;
    const valid = rule.arguments.validValues;
    if (Array.isArray(valid) && m.allowed === undefined) {
      m.allowed = valid.map(scalar).filter((v): v is string => v !== undefined);
    }
    // A pattern on a non-text column travels as a quality rule (logicalTypeOptions cannot hold it).
    pattern ??= text(rule.arguments.pattern);
  }
  if (pattern !== undefined) m.pattern = pattern;
  if (min !== undefined) m.min = min;
  if (max !== undefined) m.max = max;
  const examples = list(p.examples).map(scalar).filter((v): v is string => v !== undefined);
  if (examples.length > 0) m.examples = examples;
  return m;
}

export function metaFromContract(contract: OdcsContract): MetaFromContract {
  const c: Obj = isObj(contract) ? (contract as unknown as Obj) : {};
  const first = list(c.schema)[0];
  const schema = isObj(first) ? first : undefined;
  const meta: ProductMeta = {};

  const name = text(c.name);
  if (name !== undefined) meta.name = name;
  const title = text(custom(c, 'title'));
  if (title !== undefined) meta.title = title;
  Object.assign(meta, descriptionsOf(c, schema));
  const domain = text(c.domain);
  if (domain !== undefined) meta.domain = domain;
  const owner = ownerOf(c);
  if (owner) meta.owner = owner;
  const support = list(c.support).find((s) => isObj(s) && text(s.channel) !== undefined);
  const supportText = isObj(support) ? text(support.channel) : text(custom(c, 'supportChannel'));
  if (supportText !== undefined) meta.support = supportText;
  const tags = list(c.tags).filter((t): t is string => typeof t === 'string');
  if (tags.length > 0) meta.tags = tags;
  const frequency = frequencyOf(c);
  if (frequency !== undefined) meta.frequency = frequency;
  // Any text is kept, even one outside our list, so the policy can say it is not allowed.
  const classification = text(custom(c, 'dataClassification'));
  if (classification !== undefined) meta.classification = classification as Classification;
  const license = text(custom(c, 'license'));
  if (license !== undefined) meta.license = license;
  const source = custom(c, 'source');
  if (isObj(source) && (source.kind === 'manual' || source.kind === 'external')) {
    const vendor = text(source.vendor);
    meta.source = vendor !== undefined ? { kind: source.kind, vendor } : { kind: source.kind };
  }
  const freshness = freshnessColumnOf(c);
  if (freshness !== undefined) meta.freshnessColumn = freshness;

  const columns: MetaFromContract['columns'] = [];
  const columnMeta: Record<string, ColumnMeta> = {};
  list(schema?.properties).forEach((p, i) => {
    if (!isObj(p) || typeof p.name !== 'string') return;
    const letter = text(custom(p, 'sourceColumn'));
    columns.push({ name: p.name, letter: letter ?? columnLetter(i) });
    // defineProperty: a column named "__proto__" must become a key, not the prototype.
    Object.defineProperty(columnMeta, p.name, { value: columnMetaOf(p), enumerable: true, writable: true, configurable: true });
  });
  if (columns.length > 0) meta.columns = columnMeta;
  return { meta, columns };
}
