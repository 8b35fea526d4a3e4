// Runs anywhere (pure core).
// "What changed?" when a pulled workbook comes back: the edited sheet is compared with the
// published version it was pulled from, streaming both. The published rows are read first and
// kept only as hashes (row-match-table.ts); then each edited row is looked up as it streams by.
//
// With a key (the contract's primary key, present on both sides) rows are matched by key: a key
// not published is an added row, a published key not found is a removed row, a matched key with
// different content is a changed row. Without a usable key, rows are compared as a multiset of
// whole rows: a row not found is added, a published row left over is removed; "changed" cannot be
// told apart from "one removed, one added" without a key, so it stays 0.
//
// Only the columns both sides have are compared (a column added or removed is reported once, in
// `columns`, instead of making every row "changed"). Values are compared as a re-publish would
// write them (see diff-values.ts). Wholly empty edited rows are left out, as publishing does.

import type { OdcsContract } from '../contract/odcs-types';
import type { SourceRow } from '../ingest/types';
import { hashText, TextSeqHasher } from '../checks/hash-index';
import { shorten } from '../problems';
import { throwIfCancelled } from '../result';
import type { CellNormalizer } from '../publish/normalize-cell';
import { ColumnFingerprints, columnNormalizer, editedCell, isEmptyRow, publishedCell } from './diff-values';
import { endpointSchema } from './pulled-columns';
import type { PulledBatch, PulledColumn } from './read-endpoint';
import { RowMatchTable } from './row-match-table';

export const MAX_DIFF_EXAMPLES = 20;

export interface DiffRowsOptions {
  /** The published version's rows (read-endpoint.ts endpointRows / readEndpointRows). */
  published: AsyncIterable<PulledBatch>;
  publishedColumns: PulledColumn[];
  /** The edited sheet's rows from its first row (title lines and header are skipped here). */
  edited: AsyncIterable<SourceRow[]>;
  /** Row number of the edited sheet's header, as Excel shows it; data starts below it. */
  editedHeaderRow: number;
  /** The edited sheet's column names by 0-based column index (its header). */
  editedColumns: readonly string[];
  /** Columns that identify a row (the contract's primary key); used when both sides have them all. */
  key?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (p: { publishedRows: number; editedRows: number }) => void;
}

/** A row of the edited sheet that was not published. */
export interface AddedRow {
  /** Row number in the edited sheet, as Excel shows it. */
  row: number;
  /** The row's key values (matching by key only). */
  key?: Record<string, string>;
}
/** A published row whose content differs in the edited sheet (matching by key only). */
export interface ChangedRow {
  row: number;
  /** Where the row was in the workbook as it was pulled (header on row 1). */
  pulledRow: number;
  key: Record<string, string>;
  /** Compared columns whose value differs (a hint; see ColumnFingerprints). */
  columns: string[];
}
/** A published row the edited sheet no longer holds. */
export interface RemovedRow {
  /** Where the row was in the workbook as it was pulled (header on row 1). */
  pulledRow: number;
}

export interface DataDiff {
  columns: {
    /** In the edited sheet, not published (names as the edited header writes them). */
    added: string[];
    /** Published, not in the edited sheet. */
    removed: string[];
    /** On both sides: the ones compared. */
    compared: string[];
  };
  rows: { added: number; removed: number; changed: number; unchanged: number; published: number; edited: number };
  /** How rows were matched: by the key columns, or as whole rows. */
  matchedBy: 'key' | 'content';
  /** The key columns used (matchedBy "key"). */
  key?: string[];
  examples: { added: AddedRow[]; removed: RemovedRow[]; changed: ChangedRow[] };
}

interface Compared {
  name: string;
  published: number;
  edited: number;
  normalize: CellNormalizer;
}

const nameKey = (s: string) => s.trim().toLowerCase();

function matchColumns(published: PulledColumn[], edited: readonly string[]): { compared: Compared[]; added: string[]; removed: string[] } {
  const editedAt = new Map<string, number>();
  edited.forEach((n, i) => {
    const k = nameKey(n ?? '');
    if (k !== '' && !editedAt.has(k)) editedAt.set(k, i);
  });
  const compared: Compared[] = [];
  const removed: string[] = [];
  const used = new Set<number>();
  published.forEach((c, i) => {
    const at = editedAt.get(nameKey(c.name));
    if (at === undefined || used.has(at)) removed.push(c.name);
    else {
      used.add(at);
      compared.push({ name: c.name, published: i, edited: at, normalize: columnNormalizer(c) });
    }
  });
  const added = edited.filter((n, i) => nameKey(n ?? '') !== '' && !used.has(i) && editedAt.get(nameKey(n)) === i).map((n) => n.trim());
  return { compared, added, removed };
}

/** Keeps the `limit` smallest numbers seen (the first rows make the clearest examples). */
function smallest(values: Iterable<number>, limit: number): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (out.length === limit && v >= out[limit - 1]!) continue;
    let i = out.length;
    while (i > 0 && out[i - 1]! > v) i--;
    out.splice(i, 0, v);
    if (out.length > limit) out.pop();
  }
  return out;
}

/**
 * The primary-key columns of an endpoint, in key order (ODCS primaryKey / primaryKeyPosition);
 * [] when the contract names none. A contract may come from another tool: every field is checked.
 */
export function primaryKeyColumns(contract: OdcsContract | undefined, endpoint: string): string[] {
  const props = endpointSchema(contract, endpoint)?.properties;
  if (!Array.isArray(props)) return [];
  const keys: { name: string; at: number }[] = [];
  props.forEach((p: unknown, i) => {
    if (p === null || typeof p !== 'object') return;
    const { name, primaryKey, primaryKeyPosition } = p as Record<string, unknown>;
    if (typeof name !== 'string' || primaryKey !== true) return;
    keys.push({ name, at: typeof primaryKeyPosition === 'number' && Number.isFinite(primaryKeyPosition) ? primaryKeyPosition : 1e9 + i });
  });
  return keys.sort((a, b) => a.at - b.at).map((k) => k.name);
}

/** Compares the edited sheet with the published version; bounded memory, cancellable. */
export async function diffRows(o: DiffRowsOptions): Promise<DataDiff> {
  const { compared, added: addedColumns, removed: removedColumns } = matchColumns(o.publishedColumns, o.editedColumns);
  const wantedKey = o.key?.filter((k) => k.trim() !== '') ?? [];
  const keyCols = wantedKey.map((k) => compared.find((c) => nameKey(c.name) === nameKey(k)));
  const byKey = wantedKey.length > 0 && keyCols.every((c) => c !== undefined);
  const keys = byKey ? (keyCols as Compared[]) : [];
  /** Positions of the key columns among the compared ones. */
  const keyAt = keys.map((k) => compared.indexOf(k));
  const width = compared.length;
  const prints = byKey && width <= ColumnFingerprints.MAX_COLUMNS ? new ColumnFingerprints(width) : undefined;

  const table = new RowMatchTable();
  const rowHash = new TextSeqHasher();
  const keyHash = new TextSeqHasher();
  const texts: string[] = new Array<string>(width);
  const progress = { publishedRows: 0, editedRows: 0 };

  // Published side: hashes only.
  for await (const batch of o.published) {
    throwIfCancelled(o.signal);
    for (const values of batch.rows) {
      rowHash.reset();
      for (let c = 0; c < width; c++) {
        const col = compared[c]!;
        texts[c] = col.normalize(publishedCell(values[col.published] ?? null));
        rowHash.add(texts[c]!);
      }
      const content = rowHash.result();
      const id = table.add(byKey ? hashOfKey(keyHash, keyAt, texts) : content, content);
      if (prints) for (let c = 0; c < width; c++) prints.set(id, c, texts[c]!);
    }
    progress.publishedRows += batch.rows.length;
    o.onProgress?.({ ...progress });
  }

  const rows = { added: 0, removed: 0, changed: 0, unchanged: 0, published: table.size, edited: 0 };
  const examples: DataDiff['examples'] = { added: [], removed: [], changed: [] };
  const keyValues = (): Record<string, string> => Object.fromEntries(keys.map((k, i) => [k.name, shorten(texts[keyAt[i]!]!)]));

  for await (const batch of o.edited) {
    throwIfCancelled(o.signal);
    for (const r of batch) {
      if (r.row <= o.editedHeaderRow || isEmptyRow(r.cells)) continue;
      rows.edited++;
      rowHash.reset();
      for (let c = 0; c < width; c++) {
        const col = compared[c]!;
        texts[c] = col.normalize(editedCell(r.cells[col.edited]));
        rowHash.add(texts[c]!);
      }
      const content = rowHash.result();
      const slot = table.take(byKey ? hashOfKey(keyHash, keyAt, texts) : content, content);
      if (slot < 0) {
        rows.added++;
        if (examples.added.length < MAX_DIFF_EXAMPLES) examples.added.push(byKey ? { row: r.row, key: keyValues() } : { row: r.row });
      } else if (table.valueAt(slot) === content) {
        rows.unchanged++;
      } else {
        rows.changed++;
        if (examples.changed.length < MAX_DIFF_EXAMPLES) {
          const id = table.idAt(slot);
          const columns = prints ? compared.filter((_, c) => prints.differs(id, c, texts[c]!)).map((c) => c.name) : [];
          examples.changed.push({ row: r.row, pulledRow: id + 2, key: keyValues(), columns });
        }
      }
    }
    progress.editedRows = rows.edited;
    o.onProgress?.({ ...progress });
  }

  let removedCount = 0;
  const unmatched = (function* () {
    for (const id of table.unmatchedIds()) {
      removedCount++;
      yield id;
    }
  })();
  examples.removed = smallest(unmatched, MAX_DIFF_EXAMPLES).map((id) => ({ pulledRow: id + 2 }));
  rows.removed = removedCount;

  return {
    columns: { added: addedColumns, removed: removedColumns, compared: compared.map((c) => c.name) },
    rows,
    matchedBy: byKey ? 'key' : 'content',
    ...(byKey ? { key: keys.map((k) => k.name) } : {}),
    examples,
  };
}

function hashOfKey(h: TextSeqHasher, keyAt: readonly number[], texts: readonly string[]): number {
  if (keyAt.length === 1) return hashText(texts[keyAt[0]!]!);
  h.reset();
  for (const at of keyAt) h.add(texts[at]!);
  return h.result();
}
