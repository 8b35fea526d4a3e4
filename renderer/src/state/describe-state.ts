// Browser (renderer). The owner's description of the product (Describe step) and the warnings
// they accepted (Check step), as pure transitions on a plain, serializable draft: a later issue
// saves this object as it is typed, so nothing here may hold functions, Maps or class instances.

import type { ColumnType } from '../../../shared/core/inspect/report';
import type { ColumnMeta, ProductMeta, Waiver } from '../../../shared/core/metadata/types';
import { isValidSlug } from '../../../shared/core/metadata/slug';
import { setOwn } from '../../../shared/core/metadata/yaml-reader';

export type SuggestionDecision = 'confirmed' | 'dismissed';

export interface DescribeDraft {
  meta: ProductMeta;
  /** "file\u0000sheet" keys whose suggestions were already merged in (seeding happens once). */
  seeded: string[];
  /** The owner's answer to each personal-data suggestion, keyed by suggestionKey(). */
  decisions: Record<string, SuggestionDecision>;
  waivers: Waiver[];
}

export const initialDraft: DescribeDraft = { meta: {}, seeded: [], decisions: {}, waivers: [] };

export const MIN_WAIVER_REASON = 10;

export function seedKey(fileName: string, sheet: string): string {
  return `${fileName}\u0000${sheet}`;
}

const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Fills only what is still blank in `mine`: what the owner typed always wins. */
function fillBlanks<T extends object>(mine: T, suggested: T): T {
  const out = { ...mine } as Record<string, unknown>;
  for (const [k, v] of Object.entries(suggested)) {
    if (blank(out[k]) && !blank(v)) out[k] = v;
  }
  return out as T;
}

/** Merges Mesh Desk's suggestion for a file+sheet once; later calls for the same key do nothing. */
export function seedDraft(d: DescribeDraft, key: string, suggested: ProductMeta): DescribeDraft {
  if (d.seeded.includes(key)) return d;
  // Sheet and header row follow the Import choices; they are set when the check is sent.
  const { columns: sugCols, owner: sugOwner, source: sugSource, sheet: _sheet, headerRow: _row, ...rest } = suggested;
  const meta: ProductMeta = fillBlanks(d.meta, rest as ProductMeta);
  if (sugOwner) meta.owner = fillBlanks(d.meta.owner ?? {}, sugOwner);
  if (sugSource && !d.meta.source) meta.source = { ...sugSource };
  if (sugCols) {
    const columns: Record<string, ColumnMeta> = { ...d.meta.columns };
    for (const [name, col] of Object.entries(sugCols)) {
      // Column names are data (one may be called "__proto__"): set as own keys.
      setOwn(columns, name, fillBlanks(Object.hasOwn(columns, name) ? columns[name]! : {}, col));
    }
    meta.columns = columns;
  }
  return { ...d, meta, seeded: [...d.seeded, key] };
}

/**
 * "Use its description" on a re-imported pulled workbook: the product's published description
 * replaces the draft's meta. The owner's waivers and personal-data answers stay (they are about
 * this file, not the description); columns are copied as own keys because names are data.
 */
export function replaceMeta(d: DescribeDraft, meta: ProductMeta): DescribeDraft {
  const { columns, owner, source, tags, ...rest } = meta;
  const next: ProductMeta = { ...rest };
  if (owner) next.owner = { ...owner };
  if (source) next.source = { ...source };
  if (tags) next.tags = [...tags];
  if (columns) {
    const copy: Record<string, ColumnMeta> = {};
    for (const [name, col] of Object.entries(columns)) setOwn(copy, name, { ...col });
    next.columns = copy;
  }
  return { ...d, meta: next };
}

/** Product fields the form edits directly (columns, owner and source have their own helpers). */
export type ProductField = Exclude<keyof ProductMeta, 'columns' | 'owner' | 'source' | 'tags'>;

export function setProductField<K extends ProductField>(d: DescribeDraft, field: K, value: ProductMeta[K] | undefined): DescribeDraft {
  const meta = { ...d.meta };
  if (value === undefined) delete meta[field];
  else meta[field] = value;
  return { ...d, meta };
}

export function setOwner(d: DescribeDraft, patch: { name?: string; email?: string }): DescribeDraft {
  return { ...d, meta: { ...d.meta, owner: { ...d.meta.owner, ...patch } } };
}

export function setSource(d: DescribeDraft, kind: 'manual' | 'external', vendor?: string): DescribeDraft {
  const source = kind === 'external' ? { kind, vendor: vendor ?? d.meta.source?.vendor ?? '' } : { kind };
  return { ...d, meta: { ...d.meta, source } };
}

/** Adds tags typed as "a, b" (trimmed, no duplicates regardless of case). */
export function addTags(d: DescribeDraft, text: string): DescribeDraft {
  const tags = [...(d.meta.tags ?? [])];
  for (const raw of text.split(',')) {
    const t = raw.trim().slice(0, 60);
    if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
  }
  return { ...d, meta: { ...d.meta, tags } };
}

export function removeTag(d: DescribeDraft, tag: string): DescribeDraft {
  return { ...d, meta: { ...d.meta, tags: (d.meta.tags ?? []).filter((t) => t !== tag) } };
}

/** A patch to one column's metadata; undefined values remove the field. */
export function setColumnMeta(d: DescribeDraft, column: string, patch: Partial<ColumnMeta>): DescribeDraft {
  const columns = { ...d.meta.columns };
  const next = { ...(Object.hasOwn(columns, column) ? columns[column] : {}) } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  setOwn(columns, column, next as ColumnMeta);
  return { ...d, meta: { ...d.meta, columns } };
}

export function suggestionKey(column: string, kind: string): string {
  return `${column}\u0000${kind}`;
}

/** Yes marks the column personal (or sensitive); No only records the answer so it is not asked again. */
export function decideSuggestion(
  d: DescribeDraft,
  s: { column: string; kind: string; suggested: 'personal' | 'sensitive' },
  decision: SuggestionDecision,
): DescribeDraft {
  const decided = { ...d, decisions: { ...d.decisions, [suggestionKey(s.column, s.kind)]: decision } };
  return decision === 'confirmed' ? setColumnMeta(decided, s.column, { personal: s.suggested }) : decided;
}

/** Why a product name is not accepted, or null when it is fine. */
export function slugProblem(name: string | undefined): string | null {
  const n = name ?? '';
  if (n === '') return 'Give the product a name. It becomes part of its address, so it cannot contain spaces.';
  if (n.length < 2) return 'The name needs at least 2 characters.';
  if (n.length > 63) return `The name is ${n.length} characters long; at most 63 are allowed.`;
  if (/[A-Z]/.test(n)) return 'Use lower-case letters only (for example “price-list”, not “Price-List”).';
  if (/\s/.test(n)) return 'Use dashes instead of spaces (for example “price-list-2025”).';
  if (!/^[a-z0-9]/.test(n)) return 'Start the name with a letter or a digit.';
  if (!isValidSlug(n)) return 'Use only lower-case letters a–z, digits and dashes (-).';
  return null;
}

/** Why a waiver reason is not accepted yet, or null. */
export function waiverReasonProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n === 0) return 'Write why it is fine to publish with this warning. The reason is shown to everyone who uses the data.';
  if (n < MIN_WAIVER_REASON) return `Write a little more: at least ${MIN_WAIVER_REASON} characters (now ${n}).`;
  return null;
}

export interface WaiverTarget {
  code: string;
  sheet?: string;
  column?: string;
}

export function waiverMatches(w: WaiverTarget, f: WaiverTarget): boolean {
  return w.code === f.code && (w.sheet ?? '') === (f.sheet ?? '') && (w.column ?? '') === (f.column ?? '');
}

/** Records a waiver (replacing one for the same finding). Refused when the reason is too short. */
export function addWaiver(d: DescribeDraft, target: WaiverTarget, reason: string, at: string): DescribeDraft {
  if (waiverReasonProblem(reason) !== null) return d;
  const w: Waiver = { code: target.code, reason: reason.trim(), at };
  if (target.sheet !== undefined) w.sheet = target.sheet;
  if (target.column !== undefined) w.column = target.column;
  const by = d.meta.owner?.name?.trim();
  if (by) w.by = by;
  return { ...d, waivers: [...d.waivers.filter((x) => !waiverMatches(x, target)), w] };
}

export function removeWaiver(d: DescribeDraft, target: WaiverTarget): DescribeDraft {
  return { ...d, waivers: d.waivers.filter((x) => !waiverMatches(x, target)) };
}

const strip = (v: unknown): unknown => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v;
  return v;
};

/**
 * The metadata sent with the check: blanks dropped (an empty box means "not given"), and only
 * the columns of the sheet being checked (the draft keeps the others for when the owner switches back).
 */
export function metaForRequest(
  meta: ProductMeta,
  sheet: { name: string; headerRow: number; columns: readonly { name: string; type: ColumnType }[] },
): ProductMeta {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (k === 'columns' || k === 'owner' || k === 'source') continue;
    const s = strip(v);
    if (s !== undefined) out[k] = s;
  }
  if (meta.owner) {
    const owner: Record<string, string> = {};
    if (meta.owner.name?.trim()) owner.name = meta.owner.name.trim();
    if (meta.owner.email?.trim()) owner.email = meta.owner.email.trim();
    if (Object.keys(owner).length) out.owner = owner;
  }
  if (meta.source) out.source = meta.source.kind === 'external' && meta.source.vendor?.trim() ? { kind: 'external', vendor: meta.source.vendor.trim() } : { kind: meta.source.kind };
  out.sheet = sheet.name;
  out.headerRow = sheet.headerRow;
  const columns: Record<string, ColumnMeta> = {};
  for (const { name, type } of sheet.columns) {
    const c = meta.columns && Object.hasOwn(meta.columns, name) ? meta.columns[name]! : {};
    const col: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) {
      const s = strip(v);
      if (s !== undefined) col[k] = s;
    }
    // The type is chosen on the preview (it re-reads the sheet); the suggestion may be older.
    col.type = type;
    // Limits are typed as text; for number columns they travel as numbers.
    if (type === 'integer' || type === 'number') {
      for (const k of ['min', 'max'] as const) {
        const v = col[k];
        if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) col[k] = Number(v.trim());
      }
    }
    setOwn(columns, name, col as ColumnMeta);
  }
  out.columns = columns;
  return out as ProductMeta;
}
