// Test helpers for the SheetProfiler tests (not a test file itself).
import type { SourceRow } from '../../../shared/core/ingest/types';
import type { ColumnType } from '../../../shared/core/inspect/report';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetProfiler } from '../../../shared/core/profile/sheet-profiler';

export const DAY = 86_400_000;
export const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Rows from simple separated lines (no quotes); the first line is the header (row 1). */
export function table(lines: string[], sep = ','): { header: SourceRow; rows: SourceRow[] } {
  const all = lines.map((l, i): SourceRow => ({ row: i + 1, line: i + 1, cells: l.split(sep) }));
  return { header: all[0]!, rows: all.slice(1) };
}

export function profile(
  lines: string[],
  opts: { format?: 'csv' | 'xlsx'; typeOverrides?: Record<number, ColumnType>; previewRows?: number; batch?: number; noHeader?: boolean; sep?: string } = {},
) {
  const { header, rows } = opts.noHeader ? { header: undefined, rows: table(['', ...lines], opts.sep).rows } : table(lines, opts.sep);
  const problems = new ProblemCollector();
  const p = new SheetProfiler({ sheet: 'Sheet1', format: opts.format ?? 'csv', header, typeOverrides: opts.typeOverrides, problems, previewRows: opts.previewRows ?? 10_000 });
  const batch = opts.batch ?? 3;
  for (let i = 0; i < rows.length; i += batch) p.addRows(rows.slice(i, i + batch));
  return { ...p.finish(), problems: problems.list() };
}
