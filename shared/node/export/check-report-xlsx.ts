// Node only.
// Saves the owner's quality report as an Excel workbook (Summary, Findings, Examples, Rows with
// problems) so they can fix their file in Excel. Written with exceljs's streaming writer, plain
// values only: never a formula or a hyperlink, every text through safeCellText, numbers as
// numbers. The workbook is written to a hidden temporary file beside the target and renamed at
// the end, so a half-written report never appears under the name the owner chose.

import ExcelJS from 'exceljs';
import type { WriteStream } from 'node:fs';
import {
  examplesTable,
  findingsTable,
  problemRowPlan,
  reportFindings,
  summaryTable,
  type ReportCell,
  type ReportTable,
} from '../../core/export/check-report-content';
import { safeCellText } from '../../core/export/spreadsheet-safe';
import type { SourceRow } from '../../core/ingest/types';
import type { InspectReport } from '../../core/inspect/report';
import { ok, throwIfCancelled, toAppError, type Result } from '../../core/result';
import { writeFileAtomically } from './atomic-file';
import { writeProblemRows, type ProblemRowsProgress } from './problem-rows-sheet';

export interface CheckReportXlsxOptions {
  report: InspectReport;
  /** The sheet's rows read again from the owner's file, to copy the rows with problems. */
  rows?: AsyncIterable<SourceRow[]>;
  /** Sheet those rows come from; default: the first inspected sheet. */
  sheet?: string;
  /** Where to save; the folder must exist. An existing file there is replaced. */
  path: string;
  signal?: AbortSignal;
  onProgress?: (p: ProblemRowsProgress) => void;
  /** Time written on the Summary sheet (tests pass a fixed one); default: now. */
  generatedAt?: Date;
}

export interface CheckReportXlsxResult {
  path: string;
  /** Findings listed on the Findings sheet. */
  findings: number;
  /** Rows copied to the "Rows with problems" sheet. */
  problemRows: number;
}

export const REPORT_SHEETS = ['Summary', 'Findings', 'Examples', 'Rows with problems'] as const;

export async function writeCheckReportXlsx(opts: CheckReportXlsxOptions): Promise<Result<CheckReportXlsxResult>> {
  try {
    const done = await writeFileAtomically(opts.path, opts.signal, (stream) => writeWorkbook(stream, opts));
    return ok({ path: opts.path, ...done });
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

async function writeWorkbook(stream: WriteStream, opts: CheckReportXlsxOptions): Promise<{ findings: number; problemRows: number }> {
  const { report } = opts;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Mesh Desk';
  const frozen = (xSplit: number): Partial<ExcelJS.AddWorksheetOptions> => ({ views: [{ state: 'frozen', xSplit, ySplit: 1 }] });

  writeTable(wb.addWorksheet(REPORT_SHEETS[0], frozen(0)), summaryTable(report, opts.generatedAt ?? new Date()), false);
  const findings = findingsTable(report);
  writeTable(wb.addWorksheet(REPORT_SHEETS[1], frozen(0)), findings, true);
  writeTable(wb.addWorksheet(REPORT_SHEETS[2], frozen(0)), examplesTable(report), true);
  throwIfCancelled(opts.signal);

  const sheetName = opts.sheet ?? report.sheets[0]?.name;
  const sheet = report.sheets.find((s) => s.name === sheetName);
  const plan = problemRowPlan(report, sheetName);
  const rowsSheet = wb.addWorksheet(REPORT_SHEETS[3], frozen(1));
  const problemRows = await writeProblemRows(rowsSheet, plan, sheet, opts.rows, opts.signal, opts.onProgress);
  rowsSheet.commit();
  throwIfCancelled(opts.signal);
  await wb.commit();
  return { findings: reportFindings(report).length, problemRows };
}

/** Header row bold; the rows below; widths; an autofilter over the whole table when asked. */
function writeTable(ws: ExcelJS.Worksheet, table: ReportTable, filter: boolean): void {
  // Widths first: the streaming writer emits them with the first committed row.
  table.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const head = ws.addRow(table.header.map(safeCellText));
  head.font = { bold: true };
  head.commit();
  for (const cells of table.rows) {
    const row = ws.addRow(cells.map(plainValue));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  }
  if (filter) {
    const lastColumn = ws.getColumn(table.header.length).letter;
    ws.autoFilter = `A1:${lastColumn}${table.rows.length + 1}`;
  }
  ws.commit();
}

function plainValue(cell: ReportCell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : safeCellText(String(cell));
  return safeCellText(cell);
}
