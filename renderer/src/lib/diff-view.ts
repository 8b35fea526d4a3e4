// Browser (renderer). Words for a re-imported pulled workbook: where it came from, and what
// changed since that version (counts, columns, how rows were matched, examples with the row
// numbers Excel shows). Pure, so the sentences are unit-tested without a screen.

import type { JobProgress } from '../../../shared/core/api/contract';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import type { PulledWorkbookIdentity } from '../../../shared/core/pull/recognize';
import { formatCount, formatDateTime, percent, plural } from './format';

/** Examples shown per kind (the host sends up to 20; five are enough to find the rest). */
export const DIFF_EXAMPLES_SHOWN = 5;

/** "This workbook was pulled from campaign-budgets v1.2.0 (s3://…) on 2026-11-21 10:15." */
export function recognizedText(id: PulledWorkbookIdentity): string {
  const table = id.endpoint && id.endpoint !== 'default' ? `, table “${id.endpoint}”` : '';
  const where = id.address ? ` (${id.address})` : '';
  const when = id.pulledAt ? ` on ${formatDateTime(id.pulledAt)}` : '';
  return `This workbook was pulled from ${id.product} v${id.version}${table}${where}${when}.`;
}

export function whatChangedTitle(version: string): string {
  return `What changed since v${version}`;
}

export interface DiffCount {
  key: 'added' | 'removed' | 'changed' | 'unchanged';
  label: string;
  count: number;
}

export function diffCounts(d: DataDiff): DiffCount[] {
  const row = (key: DiffCount['key'], count: number): DiffCount => ({ key, count, label: `${count === 1 ? 'row' : 'rows'} ${key}` });
  const out = [row('added', d.rows.added), row('removed', d.rows.removed), row('changed', d.rows.changed), row('unchanged', d.rows.unchanged)];
  // Without a key an edit is "one removed, one added": "0 changed" would mislead, so it is left out.
  return d.matchedBy === 'key' ? out : out.filter((c) => c.key !== 'changed');
}

/** One sentence on the whole: nothing changed, or the gist. */
export function diffHeadline(d: DataDiff, version: string): string {
  const { added, removed, changed } = d.rows;
  const cols = d.columns.added.length + d.columns.removed.length;
  if (added + removed + changed === 0 && cols === 0) {
    return `Nothing changed: all ${plural(d.rows.unchanged, 'row')} are as published in v${version}.`;
  }
  return `Your sheet has ${formatCount(d.rows.edited)} data ${d.rows.edited === 1 ? 'row' : 'rows'}; v${version} has ${formatCount(d.rows.published)}.`;
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** "Columns added: “Region”." / "Columns removed: …" — empty when the columns are the same. */
export function columnChanges(d: DataDiff): string[] {
  const out: string[] = [];
  if (d.columns.added.length) {
    out.push(`${d.columns.added.length === 1 ? 'Column' : 'Columns'} added: ${quoted(d.columns.added)}. ${d.columns.added.length === 1 ? 'It is' : 'They are'} new in your sheet.`);
  }
  if (d.columns.removed.length) {
    out.push(`${d.columns.removed.length === 1 ? 'Column' : 'Columns'} removed: ${quoted(d.columns.removed)}. Publishing without ${d.columns.removed.length === 1 ? 'it' : 'them'} makes a new major version.`);
  }
  return out;
}

export function matchedByText(d: DataDiff): string {
  if (d.matchedBy === 'key' && d.key?.length) {
    return `Rows were matched by ${d.key.length === 1 ? 'their key column' : 'their key columns'} ${quoted(d.key)}.`;
  }
  return 'Rows were compared as whole rows, because this product has no key column: an edited row counts as one removed and one added.';
}

const keyText = (key: Record<string, string> | undefined): string => {
  const parts = Object.entries(key ?? {}).map(([k, v]) => `${k} ${v === '' ? '(empty)' : v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
};

export interface DiffExamples {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Up to `limit` examples of each kind, e.g. "row 7 changed: amount". */
export function diffExamples(d: DataDiff, limit = DIFF_EXAMPLES_SHOWN): DiffExamples {
  return {
    changed: d.examples.changed.slice(0, limit).map((c) => {
      const cols = c.columns.length ? `: ${c.columns.join(', ')}` : '';
      return `row ${c.row} changed${cols}${keyText(c.key)}`;
    }),
    added: d.examples.added.slice(0, limit).map((a) => `row ${a.row} added${keyText(a.key)}`),
    removed: d.examples.removed.slice(0, limit).map((r) => `row ${r.pulledRow} of the pulled workbook is gone`),
  };
}

/** "and 12 more" under a shortened list; null when every one is listed. */
export function moreText(total: number, shown: number): string | null {
  return total > shown ? `and ${formatCount(total - shown)} more` : null;
}

/** Progress of the comparison in words. */
export function diffProgressText(p: JobProgress | null, cancelling: boolean): string {
  if (cancelling) return 'Stopping…';
  if (!p || p.phase === 'opening') return 'Reading the published version…';
  if (p.phase === 'done') return 'Finishing the comparison…';
  const pct = p.bytesTotal > 0 ? ` ${percent(p.bytesDone, p.bytesTotal)}%` : '';
  return `Comparing your sheet with the published rows…${pct} (${plural(p.rows, 'row')} so far)`;
}
