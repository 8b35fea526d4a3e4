// Node only.
// The "Data" sheet of a pulled product: one typed cell per value (numbers as numbers, dates as
// real Excel dates, yes/no as booleans, text made safe), a bold frozen header with the column
// descriptions as notes, widths from the header and the first rows, an autofilter, and the
// allowed values as a dropdown. Rows are written as SpreadsheetML text straight into the zip
// (xlsx-zip-writer.ts): building a cell object per value in a spreadsheet library cost more
// than half of a million-row export, and the writer waits for the disk every few hundred rows,
// so memory stays flat however many rows come.

import { columnLetter } from '../../core/columns';
import { headerNote } from '../../core/export/product-workbook-content';
import { safeCellText } from '../../core/export/spreadsheet-safe';
import { safeTextElement } from '../../core/export/xlsx-cell-text';
import { ExcelSerials } from '../../core/export/xlsx-date-serials';
import { XLSX_STYLE } from '../../core/export/xlsx-package-parts';
import { headerRowXml, sheetEnd, sheetStart, type HeaderNote, type ListValidation } from '../../core/export/xlsx-sheet-xml';
import type { PulledBatch, PulledColumn, PulledValue } from '../../core/pull/read-endpoint';
import { throwIfCancelled, UserFacingError } from '../../core/result';
import type { ZipPart } from './xlsx-zip-writer';

/** Excel's last row; the header takes the first. */
export const EXCEL_MAX_DATA_ROWS = 1_048_576 - 1;
export const EXCEL_MAX_COLUMNS = 16_384;
/** Rows looked at to size the columns (they must be sized before the first row is written). */
const WIDTH_SAMPLE_ROWS = 200;
/** Rows written between two looks at the file stream. */
const ROWS_PER_CHECK = 256;
/** Empty rows below the data that still offer the dropdown, for rows the reader adds. */
export const DROPDOWN_SPARE_ROWS = 1000;

export interface DataSheetOptions {
  columns: PulledColumn[];
  batches: AsyncIterable<PulledBatch>;
  /** The zip part of the sheet (xl/worksheets/sheet1.xml), ended here. */
  part: ZipPart;
  /** Sheet and first column of each column's allowed values, for the dropdowns. */
  allowedRanges: Map<number, string>;
  signal?: AbortSignal;
  onProgress?: (p: { rows: number }) => void;
}

export interface DataSheetResult {
  rows: number;
  /** Header notes to write beside the sheet (comments + drawing); the sheet links to them if any. */
  notes: HeaderNote[];
}

/** Writes the whole sheet and ends its part; returns the number of data rows and the header notes. */
export async function writeDataSheet(o: DataSheetOptions): Promise<DataSheetResult> {
  const { columns, signal, part } = o;
  const width = columns.length;
  const letters = columns.map((_, i) => columnLetter(i));
  const serials = new ExcelSerials();
  const iterator = o.batches[Symbol.asyncIterator]();
  let ended = false;
  try {
    // Column widths come before the rows in the sheet: look at the first rows first.
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
    const notes = headerNotes(columns);
    part.write(sheetStart({ frozen: { columns: 0, rows: 1 }, widths: columnWidths(columns, sample) }));
    part.write(headerRowXml(columns.map((c) => safeCellText(c.name))));

    let rows = 0;
    const writeBatch = async (batch: PulledBatch): Promise<void> => {
      for (const values of batch.rows) {
        if (rows >= EXCEL_MAX_DATA_ROWS) throw tooManyRows();
        rows++;
        part.write(rowXml(rows + 1, values, width, letters, serials));
        if (rows % ROWS_PER_CHECK === 0) await part.room();
      }
      throwIfCancelled(signal);
      o.onProgress?.({ rows });
    };
    for (const batch of sample) await writeBatch(batch);
    sample.length = 0;
    while (!ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else await writeBatch(next.value);
    }

    const validations = [...o.allowedRanges].map(([index, source]) => dropdown(columns[index]!, letters[index]!, source, rows));
    part.write(sheetEnd({ autoFilter: `A1:${letters[width - 1]}${rows + 1}`, validations, notes: notes.length > 0 }));
    await part.end();
    return { rows, notes };
  } finally {
    // Stopped early (cancel, error): let the source close its files and connections.
    if (!ended) await iterator.return?.().catch(() => undefined);
  }
}

/**
 * One data row as XML. Empty values get no cell at all. Written with plain concatenation: this
 * runs for every one of a million rows and is most of the export's own work.
 */
function rowXml(n: number, values: PulledValue[], width: number, letters: string[], serials: ExcelSerials): string {
  let xml = `<row r="${n}">`;
  for (let i = 0; i < width; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = letters[i]! + n;
    if (typeof v === 'string') xml += `<c r="${ref}" t="inlineStr"><is>${safeTextElement(v)}</is></c>`;
    else if (typeof v === 'number') {
      if (Number.isFinite(v)) xml += `<c r="${ref}"><v>${v}</v></c>`;
      else if (!Number.isNaN(v)) xml += `<c r="${ref}" t="inlineStr"><is>${safeTextElement(String(v))}</is></c>`;
    } else if (typeof v === 'boolean') xml += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    else {
      const serial = serials.serial(v.iso);
      if (serial === undefined) xml += `<c r="${ref}" t="inlineStr"><is>${safeTextElement(v.iso)}</is></c>`;
      else xml += `<c r="${ref}" s="${v.kind === 'date' ? XLSX_STYLE.date : XLSX_STYLE.datetime}"><v>${serial}</v></c>`;
    }
  }
  return `${xml}</row>`;
}

function headerNotes(columns: PulledColumn[]): HeaderNote[] {
  const notes: HeaderNote[] = [];
  columns.forEach((c, column) => {
    const note = headerNote(c);
    if (note) notes.push({ column, text: safeCellText(note) });
  });
  return notes;
}

/**
 * A dropdown with the column's allowed values; other values get a warning, not a refusal. It
 * covers the data rows and room for some more, not the whole column: readers (exceljs among
 * them) expand a validation range cell by cell, and a million-row range per column would make
 * the workbook slow to read back.
 */
function dropdown(column: PulledColumn, letter: string, source: string, rows: number): ListValidation {
  const lastRow = Math.min(EXCEL_MAX_DATA_ROWS + 1, rows + 1 + DROPDOWN_SPARE_ROWS);
  return {
    range: `${letter}2:${letter}${lastRow}`,
    source,
    allowBlank: !column.required,
    errorTitle: 'Not an allowed value',
    // Excel refuses an error message longer than 255 characters.
    error: safeCellText(`"${column.name}" only allows the values listed on the "Allowed values" sheet. Choose one from the list.`).slice(0, 255),
  };
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
