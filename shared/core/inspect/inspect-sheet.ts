// Runs anywhere (pure core).
// One sheet, one streaming pass: the first rows are held back until the header row is known
// (detected, or the owner's choice), then every row flows into the profiler and is dropped.
// Memory is bounded by HEADER_SCAN_ROWS rows plus the profiler's own bounded state.

import { ok, fail, throwIfCancelled, type Result } from '../result';
import type { OpenedSource, ReadProgress, SheetInfo, SourceFormat, SourceRow } from '../ingest/types';
import type { ProblemCollector } from '../problems';
import type { ColumnType, SheetReport } from './report';
import { detectHeaderRow, HEADER_SCAN_ROWS } from '../infer/header-detect';
import { SheetProfiler } from '../profile/sheet-profiler';
import { SheetChecker } from '../checks/sheet-checker';
import type { ProductMeta } from '../metadata/types';
import type { Policy } from '../policy/types';
import { buildSheetCheckPlan } from './sheet-check-plan';

export interface SheetInspectOptions {
  format: SourceFormat;
  /** Header row as the spreadsheet shows it; undefined = detect. */
  headerRow: number | undefined;
  typeOverrides: Record<number, ColumnType> | undefined;
  previewRows: number;
  problems: ProblemCollector;
  signal: AbortSignal | undefined;
  onProgress: ((p: ReadProgress) => void) | undefined;
  /** The Check step: the owner's description, the mesh's policy, and "now" for freshness. */
  check: { meta: ProductMeta; policy: Policy; now: number; previous?: { rows: number; emptyByColumn: Record<string, number> } } | undefined;
}

export interface SheetInspection {
  report: SheetReport;
  /** Every row read, header and title lines included (0 = the sheet had nothing). */
  rowsRead: number;
}

export async function inspectSheet(source: OpenedSource, sheet: SheetInfo, opts: SheetInspectOptions): Promise<Result<SheetInspection>> {
  const head: SourceRow[] = [];
  let profiler: SheetProfiler | undefined;
  let checker: SheetChecker | undefined;
  let headerRow = 0;
  let rowsRead = 0;

  const start = (): void => {
    const chosen = pickHeader(head, opts.headerRow);
    const header = chosen === undefined ? undefined : head[chosen];
    headerRow = header?.row ?? opts.headerRow ?? 1;
    const above = head.filter((r) => r.row < headerRow);
    if (above.length > 0) noteSkippedRows(opts.problems, sheet.name, above, headerRow, opts.headerRow !== undefined);
    profiler = new SheetProfiler({
      sheet: sheet.name,
      format: opts.format,
      header,
      typeOverrides: opts.typeOverrides,
      problems: opts.problems,
      previewRows: opts.previewRows,
    });
    if (opts.check) {
      const plan = buildSheetCheckPlan({ sheet: sheet.name, format: opts.format, names: profiler.headerNames(), typeOverrides: opts.typeOverrides, ...opts.check });
      checker = new SheetChecker(plan, opts.problems);
    }
    const data = head.filter((r) => r.row > headerRow);
    profiler.addRows(data, checker);
    head.length = 0;
  };

  for await (const batch of source.rows(sheet.name, { signal: opts.signal, onProgress: opts.onProgress, problems: opts.problems })) {
    throwIfCancelled(opts.signal);
    rowsRead += batch.length;
    if (profiler) {
      profiler.addRows(batch, checker);
      continue;
    }
    head.push(...batch);
    const last = head[head.length - 1];
    const ready = opts.headerRow !== undefined ? last !== undefined && last.row >= opts.headerRow : head.length >= HEADER_SCAN_ROWS;
    if (ready) start();
  }

  if (rowsRead === 0) {
    opts.problems.add({
      severity: 'warning',
      code: 'sheet.empty',
      sheet: sheet.name,
      message: `Sheet "${sheet.name}" is empty: it has no cells with values.`,
    });
    return ok({ rowsRead, report: { name: sheet.name, headerRow: opts.headerRow ?? 1, headerDetected: opts.headerRow === undefined, rows: 0, columns: [], preview: { rowNumbers: [], cells: [], truncated: false } } });
  }
  if (!profiler) {
    const last = head[head.length - 1];
    if (opts.headerRow !== undefined && last !== undefined && last.row < opts.headerRow) {
      return fail('header.beyond-end', `The header row you chose (row ${opts.headerRow}) is below the last row with values in ${describeSheet(sheet, opts.format)} (row ${last.row}). Choose a row between 1 and ${last.row}.`, { sheet: sheet.name, row: opts.headerRow });
    }
    start();
  }
  const result = profiler!.finish();
  checker?.finish();
  if (result.rows === 0) {
    opts.problems.add({
      severity: 'warning',
      code: 'sheet.no-data-rows',
      sheet: sheet.name,
      row: headerRow,
      message: `${capitalize(describeSheet(sheet, opts.format))} has a header (row ${headerRow}) but no data rows below it. Add rows, or choose another header row.`,
    });
  }
  return ok({
    rowsRead,
    report: {
      name: sheet.name,
      headerRow,
      headerDetected: opts.headerRow === undefined,
      rows: result.rows,
      columns: result.columns,
      preview: result.preview,
    },
  });
}

/** Index into `head` of the header row, or undefined when the chosen row is blank. */
function pickHeader(head: SourceRow[], wanted: number | undefined): number | undefined {
  if (wanted === undefined) return head.length === 0 ? undefined : detectHeaderRow(head);
  const i = head.findIndex((r) => r.row === wanted);
  return i < 0 ? undefined : i;
}

function noteSkippedRows(problems: ProblemCollector, sheet: string, above: SourceRow[], headerRow: number, chosenByOwner: boolean): void {
  const first = above[0]!.row;
  const range = first === headerRow - 1 ? `Row ${first}` : `Rows ${first}–${headerRow - 1}`;
  const verb = above.length === 1 && first === headerRow - 1 ? 'was' : 'were';
  const why = chosenByOwner ? ` because row ${headerRow} was chosen as the header` : ': they look like a title or notes';
  problems.add({
    severity: 'info',
    code: 'header.rows-skipped',
    sheet,
    row: first,
    message: `${range} above the header (row ${headerRow}) ${verb} left out${why}. If your table starts higher, change the header row.`,
  });
}

function describeSheet(sheet: SheetInfo, format: SourceFormat): string {
  return format === 'csv' ? 'the file' : `sheet "${sheet.name}"`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
