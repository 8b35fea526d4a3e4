// Runs anywhere (pure core).
// meta.yaml: the owner's description of a product as a plain file (CLI, offline edits). Every
// problem comes back with its line number, because the owner edits this file by hand.

import { stringify } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { COLUMN_TYPES } from '../inspect/report';
import { ok } from '../result';
import type { Result } from '../result';
import { isEmail } from './personal-patterns';
import { isValidSlug } from './slug';
import { CLASSIFICATIONS, PERSONAL_DATA, UPDATE_FREQUENCIES } from './types';
import type { ColumnMeta, DataSource, ProductMeta } from './types';
import { emptyRecord, issuesToError, setOwn, YamlReader } from './yaml-reader';
import type { YamlEntry, YamlIssue } from './yaml-reader';

const PRODUCT_KEYS = [
  'name', 'title', 'description', 'purpose', 'usage', 'limitations', 'domain', 'owner', 'support', 'tags',
  'frequency', 'classification', 'license', 'source', 'freshnessColumn', 'sheet', 'headerRow', 'columns',
] as const;
const COLUMN_KEYS = [
  'businessName', 'description', 'type', 'required', 'unique', 'primaryKey', 'personal', 'allowed', 'min', 'max', 'pattern', 'examples',
] as const;
const OWNER_KEYS = ['name', 'email'] as const;
const SOURCE_KEYS = ['kind', 'vendor'] as const;
const SOURCE_KINDS = ['manual', 'external'] as const;
const TEXT_KEYS = ['title', 'description', 'purpose', 'usage', 'limitations', 'domain', 'support', 'license', 'freshnessColumn', 'sheet'] as const;
const COLUMN_TEXT_KEYS = ['businessName', 'description'] as const;
const COLUMN_FLAG_KEYS = ['required', 'unique', 'primaryKey'] as const;

/** Longest regular expression an owner may write; longer ones are almost surely pasted by mistake. */
const MAX_PATTERN_CHARS = 1000;
const MAX_COLUMNS = 16_384; // Excel's column limit

const has = (list: readonly string[], key: string): boolean => list.includes(key);

/** Parses meta.yaml and lists every problem with its line (for screens that show them one by one). */
export function readMetaYaml(text: string): { meta: ProductMeta; issues: YamlIssue[] } {
  const r = new YamlReader('meta.yaml');
  const meta: ProductMeta = {};
  const top = r.parseTop(text);
  if (top) {
    for (const e of r.entries(top, 'The file', 1) ?? []) readProductField(r, e, meta);
  }
  return { meta, issues: r.issues };
}

/** Parses meta.yaml into ProductMeta; an error lists every problem with its line number. */
export function parseMetaYaml(text: string): Result<ProductMeta> {
  const { meta, issues } = readMetaYaml(text);
  return issues.length === 0 ? ok(meta) : { ok: false, error: issuesToError(issues, 'meta.invalid', 'meta.yaml') };
}

function readProductField(r: YamlReader, e: YamlEntry, meta: ProductMeta): void {
  const k = e.key;
  if (!has(PRODUCT_KEYS, k)) return r.unknownKey(e, 'a meta.yaml', PRODUCT_KEYS);
  if (k === 'name') {
    const v = r.str(e, '"name"', 200);
    if (v === undefined) return;
    if (!isValidSlug(v)) {
      r.problem(e.line, `"name" must be 2 to 63 lower-case letters, digits or dashes, starting with a letter or digit (e.g. "price-list-2025") — found "${v}". It becomes part of the product's address.`);
      return;
    }
    meta.name = v;
  } else if ((TEXT_KEYS as readonly string[]).includes(k)) {
    const v = r.str(e, `"${k}"`, k === 'title' ? 200 : 20_000);
    if (v !== undefined) meta[k as (typeof TEXT_KEYS)[number]] = v;
  } else if (k === 'owner') {
    readOwner(r, e, meta);
  } else if (k === 'tags') {
    const v = r.strList(e, '"tags"', 100);
    if (v !== undefined) meta.tags = v;
  } else if (k === 'frequency') {
    const v = r.oneOf(e, '"frequency"', UPDATE_FREQUENCIES);
    if (v !== undefined) meta.frequency = v;
  } else if (k === 'classification') {
    const v = r.oneOf(e, '"classification"', CLASSIFICATIONS);
    if (v !== undefined) meta.classification = v;
  } else if (k === 'source') {
    const v = readSource(r, e);
    if (v !== undefined) meta.source = v;
  } else if (k === 'headerRow') {
    const v = r.int(e, '"headerRow"', 1, 1_048_576);
    if (v !== undefined) meta.headerRow = v;
  } else if (k === 'columns') {
    readColumns(r, e, meta);
  }
}

function readOwner(r: YamlReader, e: YamlEntry, meta: ProductMeta): void {
  if (e.value === null) return;
  const entries = r.entries(e.value, '"owner"', e.line);
  if (!entries) return;
  const owner: { name?: string; email?: string } = {};
  for (const o of entries) {
    if (!has(OWNER_KEYS, o.key)) {
      r.unknownKey(o, '"owner"', OWNER_KEYS);
      continue;
    }
    const v = r.str(o, `"owner ${o.key}"`, 320);
    if (v === undefined) continue;
    if (o.key === 'email' && !isEmail(v)) {
      r.problem(o.line, `"owner email" does not look like an e-mail address (found "${v}"). Write it like name@company.com.`);
      continue;
    }
    owner[o.key as 'name' | 'email'] = v;
  }
  meta.owner = owner;
}

function readSource(r: YamlReader, e: YamlEntry): DataSource | undefined {
  if (e.value === null) return undefined;
  if (r.isScalarEntry(e)) {
    const kind = r.oneOf(e, '"source"', SOURCE_KINDS);
    return kind === undefined ? undefined : { kind };
  }
  const entries = r.entries(e.value, '"source"', e.line);
  if (!entries) return undefined;
  const src: Partial<DataSource> = {};
  for (const s of entries) {
    if (s.key === 'kind') {
      const kind = r.oneOf(s, '"source kind"', SOURCE_KINDS);
      if (kind !== undefined) src.kind = kind;
    } else if (s.key === 'vendor') {
      const v = r.str(s, '"source vendor"', 200);
      if (v !== undefined) src.vendor = v;
    } else {
      r.unknownKey(s, '"source"', SOURCE_KEYS);
    }
  }
  if (src.kind === undefined) {
    // A vendor implies bought or received data, so "external" is the only sensible reading.
    if (src.vendor !== undefined) return { kind: 'external', vendor: src.vendor };
    r.problem(e.line, '"source" needs "kind: manual" or "kind: external".');
    return undefined;
  }
  return src.vendor === undefined ? { kind: src.kind } : { kind: src.kind, vendor: src.vendor };
}

function readColumns(r: YamlReader, e: YamlEntry, meta: ProductMeta): void {
  if (e.value === null) return;
  const entries = r.entries(e.value, '"columns"', e.line);
  if (!entries) return;
  if (entries.length > MAX_COLUMNS) {
    r.problem(e.line, `"columns" lists ${entries.length} columns; a sheet has at most ${MAX_COLUMNS}.`);
    return;
  }
  const columns = emptyRecord<ColumnMeta>();
  for (const c of entries) {
    const col = readColumn(r, c);
    if (col) setOwn(columns, c.key, col);
  }
  meta.columns = columns;
}

function readColumn(r: YamlReader, c: YamlEntry): ColumnMeta | undefined {
  const label = `column "${c.key}"`;
  if (c.value === null) return {};
  const entries = r.entries(c.value as YamlNode, `The ${label}`, c.line);
  if (!entries) return undefined;
  const col: ColumnMeta = {};
  let minLine = c.line;
  for (const f of entries) {
    const k = f.key;
    const what = `"${k}" of ${label}`;
    if (!has(COLUMN_KEYS, k)) {
      r.unknownKey(f, `a column`, COLUMN_KEYS);
    } else if ((COLUMN_TEXT_KEYS as readonly string[]).includes(k)) {
      const v = r.str(f, what, k === 'businessName' ? 200 : 20_000);
      if (v !== undefined) col[k as (typeof COLUMN_TEXT_KEYS)[number]] = v;
    } else if ((COLUMN_FLAG_KEYS as readonly string[]).includes(k)) {
      const v = r.bool(f, what);
      if (v !== undefined) col[k as (typeof COLUMN_FLAG_KEYS)[number]] = v;
    } else if (k === 'type') {
      const v = r.oneOf(f, what, COLUMN_TYPES);
      if (v !== undefined) col.type = v;
    } else if (k === 'personal') {
      const v = r.oneOf(f, what, PERSONAL_DATA);
      if (v !== undefined) col.personal = v;
    } else if (k === 'allowed' || k === 'examples') {
      const v = r.strList(f, what, k === 'allowed' ? 10_000 : 20);
      if (v !== undefined) col[k] = v;
    } else if (k === 'min' || k === 'max') {
      const v = r.isNumberEntry(f) ? r.num(f, what) : r.str(f, what, 100);
      if (v !== undefined) col[k] = v;
      if (k === 'min') minLine = f.line;
    } else if (k === 'pattern') {
      const v = r.str(f, what, MAX_PATTERN_CHARS);
      if (v !== undefined && checkPattern(r, f.line, label, v)) col.pattern = v;
    }
  }
  if (typeof col.min === 'number' && typeof col.max === 'number' && col.min > col.max) {
    r.problem(minLine, `The ${label} has "min" ${col.min} above "max" ${col.max}; no value could pass. Swap them.`);
  }
  return col;
}

function checkPattern(r: YamlReader, line: number, label: string, pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    r.problem(line, `The "pattern" of ${label} is not a valid text pattern (${why}). Check brackets and backslashes, or ask your data team for help.`);
    return false;
  }
}

/** Writes meta.yaml in the field order of the form; parseMetaYaml(metaToYaml(m)) gives m back. */
export function metaToYaml(meta: ProductMeta): string {
  const doc: Record<string, unknown> = emptyRecord();
  for (const k of PRODUCT_KEYS) {
    const v = meta[k];
    if (v === undefined) continue;
    if (k === 'columns') {
      const cols = emptyRecord<unknown>();
      for (const name of Object.keys(v as Record<string, ColumnMeta>)) {
        const c = (v as Record<string, ColumnMeta>)[name]!;
        const out = emptyRecord<unknown>();
        for (const ck of COLUMN_KEYS) if (c[ck] !== undefined) setOwn(out, ck, c[ck]);
        setOwn(cols, name, out);
      }
      setOwn(doc, k, cols);
    } else if (k === 'source' && meta.source && meta.source.vendor === undefined) {
      setOwn(doc, k, meta.source.kind);
    } else {
      setOwn(doc, k, v);
    }
  }
  if (Object.keys(doc).length === 0) return '';
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
