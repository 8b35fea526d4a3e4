// Runs anywhere (pure core).
// "Edit description": the owner's edited words on top of what a published version promises.
// Words (title, descriptions, owner, tags, personal-data marks …) are the owner's to change;
// what the data IS (the columns, their types, required / unique / key, allowed values, ranges,
// patterns) was checked against the published rows and cannot change without new rows, so such
// a change is refused in words rather than silently dropped or published unchecked.

import type { ColumnMeta, ProductMeta } from '../metadata/types';
import { fail, ok, type Result } from '../result';

/** Product fields an owner may change in a metadata-only version. */
export const DESCRIPTIVE_FIELDS = [
  'title', 'description', 'purpose', 'usage', 'limitations', 'domain', 'owner', 'support', 'tags',
  'frequency', 'classification', 'license', 'source', 'freshnessColumn',
] as const satisfies readonly (keyof ProductMeta)[];

/** Column fields that describe the data itself (checked against the rows when they were published). */
const STRUCTURAL: readonly { key: 'type' | 'required' | 'unique' | 'primaryKey' | 'allowed' | 'min' | 'max' | 'pattern'; words: string }[] = [
  { key: 'type', words: 'type' },
  { key: 'required', words: '"Required"' },
  { key: 'unique', words: '"Unique"' },
  { key: 'primaryKey', words: '"Key column"' },
  { key: 'allowed', words: 'allowed values' },
  { key: 'min', words: 'smallest allowed value' },
  { key: 'max', words: 'largest allowed value' },
  { key: 'pattern', words: 'text pattern' },
];

/** Plain JSON values (the metadata is JSON), copied so the plan never shares objects with the input. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const own = <T>(rec: Record<string, T> | undefined, key: string): T | undefined => (rec && Object.hasOwn(rec, key) ? rec[key] : undefined);

/** The same promise? Missing flags mean "no"; lists and bounds compare by value. */
function same(key: string, a: unknown, b: unknown): boolean {
  if (key === 'required' || key === 'unique' || key === 'primaryKey') return (a === true) === (b === true);
  if (key === 'allowed') return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  if (a === undefined || a === '' || b === undefined || b === '') return (a ?? '') === (b ?? '');
  return String(a) === String(b);
}

const shown = (v: unknown): string => (v === undefined || v === '' ? 'none' : Array.isArray(v) ? v.join(', ') : String(v));

export interface MergedMeta {
  meta: ProductMeta;
  /** Columns whose personal-data mark the owner set now (their values leave the public stats). */
  newlyPersonal: string[];
}

/**
 * The new version's metadata: the base version's (as metaFromContract reads it) with the owner's
 * words. `columns` are the default table's columns in order. A structural change, a column that
 * is not in the published data, or another product name is refused, saying what to do.
 */
export function mergeMetaEdit(product: string, base: ProductMeta, edited: ProductMeta, columns: readonly string[]): Result<MergedMeta> {
  if (edited.name !== undefined && edited.name !== product) {
    return fail('publish.meta-structural', `This description belongs to "${product}" and cannot rename it to "${edited.name}". A product's name is its address. Put the name back, or publish your file as a new product.`);
  }
  const meta: ProductMeta = { name: product };
  for (const f of DESCRIPTIVE_FIELDS) {
    const v = edited[f];
    if (v !== undefined) (meta as Record<string, unknown>)[f] = copy(v);
  }
  const refused: string[] = [];
  if (meta.freshnessColumn !== undefined && !columns.includes(meta.freshnessColumn)) {
    refused.push(`the freshness column "${meta.freshnessColumn}" is not a column of the published data`);
  }
  for (const name of Object.keys(edited.columns ?? {})) {
    if (!columns.includes(name)) refused.push(`column "${name}" is not in the published data (columns cannot be added without new data)`);
  }

  const merged: Record<string, ColumnMeta> = {};
  const newlyPersonal: string[] = [];
  for (const name of columns) {
    const was = own(base.columns, name) ?? {};
    const now = own(edited.columns, name);
    const col: ColumnMeta = {};
    // What the data is: always the published promise.
    for (const { key } of STRUCTURAL) if (was[key] !== undefined) (col as Record<string, unknown>)[key] = copy(was[key]);
    for (const { key, words } of STRUCTURAL) {
      const asked = now?.[key];
      if (asked !== undefined && !same(key, was[key], asked)) refused.push(`column "${name}": ${words} ${shown(was[key])} → ${shown(asked)}`);
    }
    // The owner's words (an absent column keeps the published words).
    const words = now ?? was;
    if (words.businessName) col.businessName = words.businessName;
    if (words.description) col.description = words.description;
    if (words.personal !== undefined) col.personal = words.personal;
    const examples = now?.examples ?? was.examples;
    const personalNow = col.personal === 'personal' || col.personal === 'sensitive';
    const personalBefore = was.personal === 'personal' || was.personal === 'sensitive';
    if (personalNow && !personalBefore) newlyPersonal.push(name);
    // Examples seen in a column now marked personal must not be published again.
    if (examples && examples.length > 0 && !(personalNow && !personalBefore)) col.examples = [...examples];
    Object.defineProperty(merged, name, { value: col, enumerable: true, writable: true, configurable: true });
  }
  if (refused.length > 0) {
    const list = refused.length > 6 ? `${refused.slice(0, 6).join('; ')}; and ${refused.length - 6} more` : refused.join('; ');
    return fail('publish.meta-structural', `A new description cannot change what the published data is: ${list}. These need the data published again from your file (Refresh). Undo these changes to publish only the description.`);
  }
  if (columns.length > 0) meta.columns = merged;
  return ok({ meta, newlyPersonal });
}
