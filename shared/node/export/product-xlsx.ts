// Node only.
// "Open in Excel" for a pulled data product: one workbook with the data ("Data"), what it is
// ("About"), the data dictionary ("Columns") and the lists behind the dropdowns ("Allowed
// values"). The product id, version, table and mesh address are also stored as custom document
// properties and as defined names, so a re-import can recognize where the workbook came from
// even after the reader renamed or moved things.
//
// Written with exceljs's streaming writer and plain values only (never a formula or a
// hyperlink; every text through safeCellText). The file is written under a hidden temporary
// name beside the target and renamed at the end, so a half-written workbook never appears under
// the chosen name; cancelling or failing removes the temporary file.

import type { WriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import {
  ABOUT_KEYS,
  aboutRows,
  columnRows,
  COLUMNS_HEADER,
  type ExportedProduct,
} from '../../core/export/product-workbook-content';
import { safeCellText } from '../../core/export/spreadsheet-safe';
import type { PulledBatch, PulledColumn } from '../../core/pull/read-endpoint';
import { throwIfCancelled, UserFacingError } from '../../core/result';
import { EXCEL_MAX_COLUMNS, writeDataSheet } from './product-data-sheet';
import { sheetPipeline } from './xlsx-backpressure';
import { WorkbookWriterWithProperties, type CustomProperties } from './xlsx-custom-properties';
import { writeFileAtomically } from './atomic-file';

export type { ExportedProduct } from '../../core/export/product-workbook-content';

export interface ProductXlsxOptions {
  /** Where to save; the folder must exist. An existing file there is replaced. */
  path: string;
  product: ExportedProduct;
  /** The table (endpoint) pulled, e.g. "default". */
  endpoint: string;
  columns: PulledColumn[];
  batches: AsyncIterable<PulledBatch>;
  signal?: AbortSignal;
  /** Called after each batch with the data rows written so far. */
  onProgress?: (p: { rows: number }) => void;
  /** The pull time written on the About sheet and in the properties (tests pass a fixed one). */
  now: Date;
}

export const PRODUCT_SHEETS = { data: 'Data', about: 'About', columns: 'Columns', allowed: 'Allowed values' } as const;

/** Names of the custom document properties a re-import looks for. */
export const PRODUCT_PROPERTIES = {
  format: 'MeshDeskExport',
  product: 'MeshDeskProduct',
  version: 'MeshDeskVersion',
  endpoint: 'MeshDeskEndpoint',
  address: 'MeshDeskAddress',
  pulledAt: 'MeshDeskPulledAt',
} as const;
/** Value of the MeshDeskExport property: which layout this workbook follows. */
export const PRODUCT_EXPORT_FORMAT = 'mesh-desk-product/1';

/**
 * Writes the workbook and returns the number of data rows. Throws CancelledError when
 * cancelled, and a UserFacingError saying what to do when the file cannot be written.
 */
export async function writeProductXlsx(opts: ProductXlsxOptions): Promise<{ rows: number }> {
  checkColumns(opts.columns);
  const rows = await writeFileAtomically(opts.path, opts.signal, (stream) => writeWorkbook(stream, opts));
  return { rows };
}

async function writeWorkbook(stream: WriteStream, opts: ProductXlsxOptions): Promise<number> {
  const { product, columns, now } = opts;
  const properties: CustomProperties = {
    [PRODUCT_PROPERTIES.format]: PRODUCT_EXPORT_FORMAT,
    [PRODUCT_PROPERTIES.product]: product.name,
    [PRODUCT_PROPERTIES.version]: product.version,
    [PRODUCT_PROPERTIES.endpoint]: opts.endpoint,
    [PRODUCT_PROPERTIES.address]: product.address,
    [PRODUCT_PROPERTIES.pulledAt]: now.toISOString(),
  };
  const wb = new WorkbookWriterWithProperties({ stream, useStyles: true, useSharedStrings: false }, properties);
  wb.creator = 'Mesh Desk';
  wb.lastModifiedBy = 'Mesh Desk';
  wb.created = now;
  wb.modified = now;
  wb.title = safeCellText(product.title ?? product.name);

  // Data first: it is the tab the workbook opens on, and the zip writes sheets in the order
  // they are added, so the big sheet streams straight through instead of waiting in memory.
  const data = wb.addWorksheet(PRODUCT_SHEETS.data, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const allowed = columns.map((c, i) => ({ i, values: c.allowed ?? [] })).filter((a) => a.values.length > 0);
  const allowedRanges = new Map(
    allowed.map((a, k) => [a.i, `'${PRODUCT_SHEETS.allowed}'!$${letter(k)}$2:$${letter(k)}$${a.values.length + 1}`] as const),
  );
  const rows = await writeDataSheet(data, {
    columns,
    batches: opts.batches,
    pipeline: sheetPipeline(data, stream),
    allowedRanges,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  throwIfCancelled(opts.signal);

  const about = aboutRows({ product, endpoint: opts.endpoint, rows, pulledAt: now });
  writeTable(wb.addWorksheet(PRODUCT_SHEETS.about), ['About this workbook', ''], about, [26, 90]);
  writeTable(wb.addWorksheet(PRODUCT_SHEETS.columns, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), COLUMNS_HEADER, columnRows(columns), [24, 24, 22, 60, 26, 16, 40]);
  if (allowed.length > 0) writeAllowedValues(wb.addWorksheet(PRODUCT_SHEETS.allowed), columns, allowed);

  // Names a re-import (or a curious reader: Formulas > Name Manager) can look up.
  const aboutRow = (label: string): number => about.findIndex((r) => r[0] === label) + 2;
  wb.definedNames.add(`${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.product)}`, 'MeshDesk_Product');
  wb.definedNames.add(`${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.version)}`, 'MeshDesk_Version');
  wb.definedNames.add(`${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.endpoint)}`, 'MeshDesk_Table');
  wb.definedNames.add(`${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.address)}`, 'MeshDesk_Address');
  throwIfCancelled(opts.signal);
  await wb.commit();
  return rows;
}

/** A small sheet: bold header, rows of safe text (numbers stay numbers), wrapped, widths. */
function writeTable(ws: ExcelJS.Worksheet, header: string[], rows: (string | number)[][], widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const head = ws.addRow(header.map(safeCellText));
  head.font = { bold: true };
  head.commit();
  for (const cells of rows) {
    const row = ws.addRow(cells.map((c) => (typeof c === 'number' ? c : c === '' ? null : safeCellText(c))));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  }
  ws.commit();
}

/**
 * One column per data column that has allowed values, headed by its name. The values go
 * through safeCellText exactly like the data cells, so what the dropdown offers matches what
 * the data sheet holds (an allowed "-" shows as "'-" in both).
 */
function writeAllowedValues(ws: ExcelJS.Worksheet, columns: PulledColumn[], allowed: { i: number; values: string[] }[]): void {
  allowed.forEach((_, k) => (ws.getColumn(k + 1).width = 24));
  const head = ws.addRow(allowed.map((a) => safeCellText(columns[a.i]!.name)));
  head.font = { bold: true };
  head.commit();
  const longest = Math.max(...allowed.map((a) => a.values.length));
  for (let r = 0; r < longest; r++) {
    ws.addRow(allowed.map((a) => { const v = a.values[r]; return v === undefined || v === '' ? null : safeCellText(v); })).commit();
  }
  ws.commit();
}

function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function checkColumns(columns: PulledColumn[]): void {
  if (columns.length === 0) {
    throw new UserFacingError('export.no-columns', 'This table has no columns, so there is nothing to put in a workbook. Check the product page, or ask the owner.');
  }
  if (columns.length > EXCEL_MAX_COLUMNS) {
    throw new UserFacingError(
      'export.too-many-columns',
      `This table has ${columns.length.toLocaleString('en-US')} columns, more than Excel can show (${EXCEL_MAX_COLUMNS.toLocaleString('en-US')}). Nothing was saved. Save it as CSV instead.`,
    );
  }
}





