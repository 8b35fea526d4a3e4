// Runs anywhere (pure core).
// First draft of the owner's description, made from the file itself, and the rule for combining
// it with what the owner typed: the owner's word always wins, field by field, so re-inspecting
// a file never overwrites anything the owner wrote.

import type { SheetReport } from '../inspect/report';
import { slugFromFileName, titleFromFileName } from './slug';
import type { ColumnMeta, ProductMeta } from './types';
import { emptyRecord, setOwn } from './yaml-reader';

const MAX_EXAMPLES = 3;

/** Name, title, sheet and per-column type and examples from the inspected sheet. */
export function suggestMeta(fileName: string, sheet: SheetReport): ProductMeta {
  const columns = emptyRecord<ColumnMeta>();
  for (const c of sheet.columns) {
    const examples = c.examples.filter((e) => e.trim() !== '').slice(0, MAX_EXAMPLES);
    const col: ColumnMeta = { type: c.type };
    if (examples.length > 0) col.examples = examples;
    setOwn(columns, c.name, col);
  }
  return {
    name: slugFromFileName(fileName),
    title: titleFromFileName(fileName),
    sheet: sheet.name,
    headerRow: sheet.headerRow,
    columns,
  };
}

/** Copies the defined fields of `over` onto `base` (own keys only; "__proto__" stays a key). */
function overlay<T extends object>(base: T | undefined, over: T | undefined): T | undefined {
  if (over === undefined) return base;
  if (base === undefined) return over;
  const out = { ...base } as Record<string, unknown>;
  for (const k of Object.keys(over)) {
    const v = (over as Record<string, unknown>)[k];
    if (v !== undefined) setOwn(out, k, v);
  }
  return out as T;
}

/**
 * Suggested values filled in wherever the owner left a field out. Columns merge one by one and
 * field by field; lists (tags, allowed values, examples) and the source are taken whole from
 * the owner.
 * Columns the owner described that the data no longer has are kept: the checks report them.
 */
export function mergeMeta(suggested: ProductMeta, owner: ProductMeta): ProductMeta {
  const merged = overlay(suggested, owner)!;
  const owner2 = overlay(suggested.owner, owner.owner);
  if (owner2 !== undefined) merged.owner = owner2;
  if (suggested.columns !== undefined || owner.columns !== undefined) {
    const columns = emptyRecord<ColumnMeta>();
    const base = suggested.columns ?? {};
    const mine = owner.columns ?? {};
    for (const name of Object.keys(base)) {
      setOwn(columns, name, overlay(base[name], Object.hasOwn(mine, name) ? mine[name] : undefined) ?? {});
    }
    for (const name of Object.keys(mine)) {
      if (!Object.hasOwn(columns, name)) setOwn(columns, name, mine[name] ?? {});
    }
    merged.columns = columns;
  }
  return merged;
}
