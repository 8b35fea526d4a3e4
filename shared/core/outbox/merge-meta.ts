// Runs anywhere (pure core).
// Two descriptions of one product meet when someone else published while the owner's job waited
// in the outbox: which fields differ (shown side by side), the owner's field-by-field choice,
// and a three-way rebase (the owner's own changes carried onto their version). Fields are
// addressed by a path ("title", "owner.email", "columns.region.description") so the page can
// send choices back by the same names.

import type { ColumnMeta, ProductMeta } from '../metadata/types';
import type { ConflictField } from '../api/draft-types';

type Getter = (m: ProductMeta) => unknown;
type Setter = (m: ProductMeta, v: unknown) => void;

interface FieldDef {
  path: string;
  label: string;
  get: Getter;
  set: Setter;
}

/** Product-level fields the owner describes, with their names as the Describe form shows them. */
const PRODUCT_FIELDS: readonly [keyof ProductMeta, string][] = [
  ['title', 'Title'],
  ['description', 'Description'],
  ['purpose', 'Purpose'],
  ['usage', 'Usage'],
  ['limitations', 'Limitations'],
  ['domain', 'Domain'],
  ['support', 'Support contact'],
  ['tags', 'Tags'],
  ['frequency', 'Update frequency'],
  ['classification', 'Classification'],
  ['license', 'License or terms of use'],
  ['source', 'Where the data comes from'],
  ['freshnessColumn', 'Column that tells how fresh the data is'],
];

/** Column fields, with words for the label ('Description of column "region"'). */
const COLUMN_FIELDS: readonly [keyof ColumnMeta, string][] = [
  ['businessName', 'Business name'],
  ['description', 'Description'],
  ['personal', 'Personal data'],
  ['required', 'Required'],
  ['unique', 'Unique values'],
  ['primaryKey', 'Primary key'],
  ['allowed', 'Allowed values'],
  ['min', 'Smallest value'],
  ['max', 'Largest value'],
  ['pattern', 'Pattern'],
  // Examples are left out: they are sampled from each side's data, so they differ without anyone
  // having changed anything, and listing them would bury the real differences.
];

function setKey(holder: Record<string, unknown>, key: string, v: unknown): void {
  if (v === undefined) delete holder[key];
  // defineProperty: a column called "__proto__" must stay a plain key.
  else Object.defineProperty(holder, key, { value: v, enumerable: true, writable: true, configurable: true });
}

function columnOf(m: ProductMeta, name: string): ColumnMeta | undefined {
  return m.columns && Object.hasOwn(m.columns, name) ? m.columns[name] : undefined;
}

function fieldDefs(columns: string[]): FieldDef[] {
  const defs: FieldDef[] = PRODUCT_FIELDS.map(([key, label]) => ({
    path: key,
    label,
    get: (m) => m[key],
    set: (m, v) => setKey(m as Record<string, unknown>, key, v),
  }));
  for (const [key, label] of [['name', 'Owner name'], ['email', 'Owner e-mail']] as const) {
    defs.push({
      path: `owner.${key}`,
      label,
      get: (m) => m.owner?.[key],
      set: (m, v) => {
        const owner: Record<string, unknown> = { ...(m.owner ?? {}) };
        setKey(owner, key, v);
        if (Object.keys(owner).length > 0) m.owner = owner;
        else delete m.owner;
      },
    });
  }
  for (const col of columns) {
    for (const [key, label] of COLUMN_FIELDS) {
      defs.push({
        path: `columns.${col}.${key}`,
        label: `${label} of column "${col}"`,
        get: (m) => columnOf(m, col)?.[key],
        set: (m, v) => {
          const cols: Record<string, ColumnMeta> = { ...(m.columns ?? {}) };
          const c: Record<string, unknown> = { ...(columnOf(m, col) ?? {}) };
          setKey(c, key, v);
          setKey(cols as Record<string, unknown>, col, c);
          m.columns = cols;
        },
      });
    }
  }
  return defs;
}

/** A field's value in words for the side-by-side view (undefined = not set). */
export function fieldText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(String).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.kind === 'string') return o.kind === 'external' ? `bought or received from outside${typeof o.vendor === 'string' && o.vendor ? ` (${o.vendor})` : ''}` : 'made by hand';
    return JSON.stringify(v);
  }
  return String(v);
}

/** Empty values (undefined, "", [], false for flags left off) count as "not set", so they compare equal. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === false ? undefined : fieldText(v));
  return norm(a) === norm(b);
}

function columnNames(...metas: (ProductMeta | undefined)[]): string[] {
  const out: string[] = [];
  for (const m of metas) for (const k of Object.keys(m?.columns ?? {})) if (!out.includes(k)) out.push(k);
  return out;
}

/** Every field where the owner's description and theirs differ, product fields first. */
export function conflictFields(base: ProductMeta | undefined, mine: ProductMeta, theirs: ProductMeta): ConflictField[] {
  const out: ConflictField[] = [];
  for (const def of fieldDefs(columnNames(theirs, mine))) {
    const m = def.get(mine);
    const t = def.get(theirs);
    if (same(m, t)) continue;
    const field: ConflictField = { path: def.path, label: def.label };
    const mt = fieldText(m);
    const tt = fieldText(t);
    const bt = base ? fieldText(def.get(base)) : undefined;
    if (tt !== undefined) field.theirs = tt;
    if (mt !== undefined) field.mine = mt;
    if (bt !== undefined) field.base = bt;
    out.push(field);
  }
  return out;
}

const clone = (m: ProductMeta): ProductMeta => JSON.parse(JSON.stringify(m)) as ProductMeta;

/**
 * "Keep mine" field by field: the owner's description, with the fields they chose "theirs" for
 * taken from their version. A field without a choice stays mine.
 */
export function chooseFields(mine: ProductMeta, theirs: ProductMeta, choices: Record<string, 'mine' | 'theirs'> = {}): ProductMeta {
  const out = clone(mine);
  for (const def of fieldDefs(columnNames(theirs, mine))) {
    if (choices[def.path] !== 'theirs') continue;
    const t = def.get(theirs);
    def.set(out, t === undefined ? undefined : JSON.parse(JSON.stringify(t)));
  }
  return out;
}

/**
 * Three-way rebase onto their version: a field the owner changed since the base keeps the
 * owner's value; every other field takes theirs. Without a base (the owner started from nothing
 * or the base is unknown), every field the owner set is kept. Column types stay the owner's
 * (they come from the owner's file), and the product name never changes.
 */
export function rebaseMeta(base: ProductMeta | undefined, mine: ProductMeta, theirs: ProductMeta): ProductMeta {
  const out = clone(theirs);
  if (mine.name !== undefined) out.name = mine.name;
  for (const def of fieldDefs(columnNames(theirs, mine, base))) {
    const m = def.get(mine);
    const changedByMe = base ? !same(m, def.get(base)) : fieldText(m) !== undefined;
    if (changedByMe) def.set(out, m === undefined ? undefined : JSON.parse(JSON.stringify(m)));
  }
  // Column types and the other file-driven choices belong to the owner's file.
  for (const [col, cm] of Object.entries(mine.columns ?? {})) {
    if (cm.type === undefined) continue;
    const cols: Record<string, ColumnMeta> = { ...(out.columns ?? {}) };
    setKey(cols as Record<string, unknown>, col, { ...(columnOf(out, col) ?? {}), type: cm.type });
    out.columns = cols;
  }
  for (const key of ['sheet', 'headerRow'] as const) {
    if (mine[key] !== undefined) setKey(out as Record<string, unknown>, key, mine[key]);
  }
  return out;
}
