// Helpers for the checker tests: rows from plain arrays, a plan with defaults, one-call runs.
import type { Cell, SourceRow } from '../../../shared/core/ingest/types';
import type { ColumnType } from '../../../shared/core/inspect/report';
import type { ColumnMeta } from '../../../shared/core/metadata/types';
import { columnLetter } from '../../../shared/core/columns';
import { ProblemCollector, type Problem } from '../../../shared/core/problems';
import { SheetChecker, type CheckColumn, type CheckPlanInput, type CheckSummary } from '../../../shared/core/checks/sheet-checker';

/** 2026-11-21T12:00:00Z */
export const NOW = Date.UTC(2026, 10, 21, 12);

/** Data rows starting at spreadsheet row 2 (row 1 is the header). */
export function rows(data: Cell[][], firstRow = 2): SourceRow[] {
  return data.map((cells, i) => ({ row: firstRow + i, cells }));
}

export function col(index: number, name: string, type: ColumnType, meta: ColumnMeta = {}, extra: Partial<CheckColumn> = {}): CheckColumn {
  return { index, letter: columnLetter(index), name, type, meta, ...extra };
}

export interface Run {
  problems: Problem[];
  summary: CheckSummary;
  find(code: string): Problem | undefined;
}

export function run(plan: Partial<CheckPlanInput> & { columns: CheckColumn[] }, data: Cell[][]): Run {
  const sink = new ProblemCollector();
  const checker = new SheetChecker({ sheet: 'Sales', format: 'csv', now: NOW, ...plan }, sink);
  const all = rows(data);
  // Two batches, to exercise state carried across batches.
  checker.addRows(all.slice(0, Math.ceil(all.length / 2)));
  checker.addRows(all.slice(Math.ceil(all.length / 2)));
  const summary = checker.finish();
  const problems = sink.list();
  return { problems, summary, find: (code) => problems.find((p) => p.code === code) };
}
