// Node only.
// The "Data" sheet of a pulled product: one typed cell per value (numbers as numbers, dates as
// real Excel dates, yes/no as booleans, text made safe), a bold frozen header with the column
// descriptions as notes, widths from the header and the first rows, an autofilter, and the
// allowed values as a dropdown. Rows are streamed: the writer pauses whenever the bytes between
// exceljs and the disk exceed a bound, so memory stays flat however many rows come.

import type ExcelJS from 'exceljs';
import { excelSerial } from '../../core/export/excel-date-serial';
import { headerNote } from '../../core/export/product-workbook-content';
import { safeCellText } from '../../core/export/spreadsheet-safe';
import type { PulledBatch, PulledColumn, PulledValue } from '../../core/pull/read-endpoint';
import { throwIfCancelled, UserFacingError } from '../../core/result';
import type { SheetPipeline } from './xlsx-backpressure';

/** Excel's last row; the header takes the first. */
export const EXCEL_MAX_DATA_ROWS = 1_048_576 - 1;
export const EXCEL_MAX_COLUMNS = 16_384;
/** Rows looked at to size the columns (they must be sized before the first row is written). */
const WIDTH_SAMPLE_ROWS = 200;
/** Rows written between two looks at the pending bytes. */
const ROWS_PER_CHECK = 256;
/** Empty rows below the data that still offer the dropdown, for rows the reader adds. */
export const DROPDOWN_SPARE_ROWS = 1000;

// Shared style objects: exceljs remembers a style by object identity, so one object per kind
// keeps it from working out the same style again for every cell.
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const DATETIME_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd hh:mm:ss' };
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

export interface DataSheetOptions {
  columns: PulledColumn[];
  batches: AsyncIterable<PulledBatch>;
  pipeline: SheetPipeline;
  /** Sheet and first column of each column's allowed values, for the dropdowns. */
  allowedRanges: Map<number, string>;
  signal?: AbortSignal;
  onProgress?: (p: { rows: number }) => void;
}

type CellValue = string | number | boolean | null;

/** Writes the whole sheet and commits it; returns the number of data rows. */
export async function writeDataSheet(ws: ExcelJS.Worksheet, o: DataSheetOptions): Promise<number> {
  const { columns, signal } = o;
  const width = columns.length;
  const iterator = o.batches[Symbol.asyncIterator]();
  let ended = false;
  try {
    // The streaming writer emits column widths with the first row: look at the first rows first.
    const sample: PulledBatch[] = [];
    let sampled = 0;
    while (sampled < WIDTH_SAMPLE_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      sample.push(next.value);
      sampled += next.value.rows.length;
      throwIfCancelled(signal);
    }
    columnWidths(columns, sample).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    writeHeader(ws, columns);

    let rows = 0;
    const writeBatch = async (batch: PulledBatch): Promise<void> => {
      for (const values of batch.rows) {
        if (rows >= EXCEL_MAX_DATA_ROWS) throw tooManyRows();
        writeRow(ws, values, width);
        rows++;
        if (rows % ROWS_PER_CHECK === 0) await o.pipeline.room(signal);
      }
      throwIfCancelled(signal);
      o.onProgress?.({ rows });
    };
    for (const batch of sample) await writeBatch(batch);
    while (!ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else await writeBatch(next.value);
    }

    const last = ws.getColumn(width).letter;
    ws.autoFilter = `A1:${last}${rows + 1}`;
    for (const [index, range] of o.allowedRanges) addDropdown(ws, columns[index]!, index, range, rows);
    ws.commit();
    return rows;
  } finally {
    // Stopped early (cancel, error): let the source close its files and connections.
    if (!ended) await iterator.return?.().catch(() => undefined);
  }
}

function writeHeader(ws: ExcelJS.Worksheet, columns: PulledColumn[]): void {
  const head = ws.addRow(columns.map((c) => safeCellText(c.name)));
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.style = HEADER_STYLE;
    const note = headerNote(c);
    if (note) cell.note = safeCellText(note);
  });
  head.commit();
}

function writeRow(ws: ExcelJS.Worksheet, values: PulledValue[], width: number): void {
  const cells: CellValue[] = new Array<CellValue>(width);
  let dated: number[] | undefined;
  for (let i = 0; i < width; i++) {
    const v = values[i] ?? null;
    if (v !== null && typeof v === 'object') {
      const serial = excelSerial(v.iso);
      if (serial === undefined) cells[i] = safeCellText(v.iso);
      else {
        cells[i] = serial;
        (dated ??= []).push(i);
      }
    } else cells[i] = plainValue(v);
  }
  const row = ws.addRow(cells);
  row.eachCell((cell) => (cell.style = PLAIN_STYLE));
  if (dated) {
    for (const i of dated) {
      const v = values[i] as { kind: 'date' | 'datetime' };
      row.getCell(i + 1).style = v.kind === 'date' ? DATE_STYLE : DATETIME_STYLE;
    }
  }
  row.commit();
}

function plainValue(v: string | number | boolean | null): CellValue {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? null : safeCellText(String(v));
  return v === '' ? null : safeCellText(v);
}

/**
 * A dropdown with the column's allowed values; other values get a warning, not a refusal. It
 * covers the data rows and room for some more, not the whole column: readers (exceljs among
 * them) expand a validation range cell by cell, and a million-row range per column would make
 * the workbook slow to read back.
 */
function addDropdown(ws: ExcelJS.Worksheet, column: PulledColumn, index: number, range: string, rows: number): void {
  const letter = ws.getColumn(index + 1).letter;
  const lastRow = Math.min(EXCEL_MAX_DATA_ROWS + 1, rows + 1 + DROPDOWN_SPARE_ROWS);
  // The streaming sheet has exceljs's validation list (written at commit) but its typings omit it.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: !column.required,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Not an allowed value',
    error: safeCellText(`"${column.name}" only allows the values listed on the "Allowed values" sheet. Choose one from the list.`).slice(0, 255),
  });
}

/** Width in characters from the header and the sampled rows, within reason. */
function columnWidths(columns: PulledColumn[], sample: PulledBatch[]): number[] {
  // Room for the bold header and the autofilter's arrow button.
  const widths = columns.map((c) => c.name.length + 4);
  for (const batch of sample) {
    for (const row of batch.rows) {
      for (let i = 0; i < columns.length; i++) {
        const len = displayLength(row[i] ?? null);
        if (len + 2 > widths[i]!) widths[i] = len + 2;
      }
    }
  }
  return widths.map((w) => Math.min(60, Math.max(8, w)));
}

function displayLength(v: PulledValue): number {
  if (v === null) return 0;
  if (typeof v === 'object') return v.kind === 'date' ? 10 : 19;
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') return String(v).length;
  let longest = 0;
  for (const line of v.slice(0, 200).split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

function tooManyRows(): UserFacingError {
  return new UserFacingError(
    'export.too-many-rows',
    `This table has more rows than Excel can show on one sheet (${EXCEL_MAX_DATA_ROWS.toLocaleString('en-US')}). Nothing was saved. Save it as CSV instead, or ask the owner for a smaller table.`,
  );
}
