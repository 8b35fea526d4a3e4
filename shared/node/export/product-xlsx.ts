// Node only.
// "Open in Excel" for a pulled data product: one workbook with the data ("Data"), what it is
// ("About"), the data dictionary ("Columns") and the lists behind the dropdowns ("Allowed
// values"). The product id, version, table and mesh address are also stored as custom document
// properties and as defined names, so a re-import can recognize where the workbook came from
// even after the reader renamed or moved things.
//
// Written by hand as SpreadsheetML into one streamed zip (xlsx-zip-writer.ts): the big Data
// sheet row by row with backpressure, the small sheets and package parts whole. Plain values
// only (never a formula or a hyperlink; every text through safeCellText). The file is written
// under a hidden temporary name beside the target and renamed at the end, so a half-written workbook never appears under
// the chosen name; cancelling or failing removes the temporary file.

import type { WriteStream } from 'node:fs';
import { columnLetter } from '../../core/columns';
import {
  ABOUT_KEYS,
  aboutRows,
  columnRows,
  COLUMNS_HEADER,
  type ExportedProduct,
} from '../../core/export/product-workbook-content';
import { safeCellText } from '../../core/export/spreadsheet-safe';
import {
  appXml,
  commentsPath,
  contentTypesXml,
  coreXml,
  rootRelsXml,
  sheetNotesRelsXml,
  sheetPath,
  sheetRelsPath,
  stylesXml,
  vmlPath,
  workbookRelsXml,
  workbookXml,
  XLSX_STYLE,
  type PackageFacts,
} from '../../core/export/xlsx-package-parts';
import { commentsXml, notesVml, smallSheetXml } from '../../core/export/xlsx-sheet-xml';
import type { PulledBatch, PulledColumn } from '../../core/pull/read-endpoint';
import { throwIfCancelled, UserFacingError } from '../../core/result';
import { EXCEL_MAX_COLUMNS, writeDataSheet } from './product-data-sheet';
import { CUSTOM_PROPERTIES_PART, customPropertiesXml, type CustomProperties } from './xlsx-custom-properties';
import { XlsxZipWriter } from './xlsx-zip-writer';
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
  const { product, now } = opts;
  const properties: CustomProperties = {
    [PRODUCT_PROPERTIES.format]: PRODUCT_EXPORT_FORMAT,
    [PRODUCT_PROPERTIES.product]: product.name,
    [PRODUCT_PROPERTIES.version]: product.version,
    [PRODUCT_PROPERTIES.endpoint]: opts.endpoint,
    [PRODUCT_PROPERTIES.address]: product.address,
    [PRODUCT_PROPERTIES.pulledAt]: now.toISOString(),
  };
  const zip = new XlsxZipWriter(stream, { level: 1, mtime: now, ...(opts.signal ? { signal: opts.signal } : {}) });
  try {
    return await writeParts(zip, opts, properties);
  } catch (e) {
    zip.abort();
    throw e;
  }
}

async function writeParts(zip: XlsxZipWriter, opts: ProductXlsxOptions, properties: CustomProperties): Promise<number> {
  const { product, columns, now } = opts;

  // Data first: it is the tab the workbook opens on, and it streams straight into the zip; the
  // parts that depend on it (row count, notes) follow.
  const allowed = columns.map((c, i) => ({ i, values: c.allowed ?? [] })).filter((a) => a.values.length > 0);
  const allowedRanges = new Map(
    allowed.map((a, k) => [a.i, `'${PRODUCT_SHEETS.allowed}'!$${columnLetter(k)}$2:$${columnLetter(k)}$${a.values.length + 1}`] as const),
  );
  const data = await writeDataSheet({
    columns,
    batches: opts.batches,
    part: zip.openPart(sheetPath(1)),
    allowedRanges,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  throwIfCancelled(opts.signal);
  const { rows, notes } = data;
  if (notes.length > 0) {
    await zip.addPart(sheetRelsPath(1), sheetNotesRelsXml(1));
    await zip.addPart(commentsPath(1), commentsXml(notes));
    await zip.addPart(vmlPath(1), notesVml(notes));
  }

  const about = aboutRows({ product, endpoint: opts.endpoint, rows, pulledAt: now });
  const safe = (c: string | number): string | number | null => (typeof c === 'number' ? c : c === '' ? null : safeCellText(c));
  await zip.addPart(sheetPath(2), smallSheetXml({ widths: [26, 90] }, ['About this workbook', ''].map(safeCellText), about.map((r) => r.map(safe)), XLSX_STYLE.wrapTop));
  await zip.addPart(
    sheetPath(3),
    smallSheetXml({ frozen: { columns: 1, rows: 1 }, widths: [24, 24, 22, 60, 26, 16, 40] }, COLUMNS_HEADER.map(safeCellText), columnRows(columns).map((r) => r.map(safe)), XLSX_STYLE.wrapTop),
  );
  const sheets: { name: string; notes: boolean }[] = [
    { name: PRODUCT_SHEETS.data, notes: notes.length > 0 },
    { name: PRODUCT_SHEETS.about, notes: false },
    { name: PRODUCT_SHEETS.columns, notes: false },
  ];
  if (allowed.length > 0) {
    await zip.addPart(sheetPath(4), allowedValuesXml(columns, allowed));
    sheets.push({ name: PRODUCT_SHEETS.allowed, notes: false });
  }

  // Names a re-import (or a curious reader: Formulas > Name Manager) can look up.
  const aboutRow = (label: string): number => about.findIndex((r) => r[0] === label) + 2;
  const facts: PackageFacts = {
    sheets,
    definedNames: [
      ['MeshDesk_Product', `${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.product)}`],
      ['MeshDesk_Version', `${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.version)}`],
      ['MeshDesk_Table', `${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.endpoint)}`],
      ['MeshDesk_Address', `${PRODUCT_SHEETS.about}!$B$${aboutRow(ABOUT_KEYS.address)}`],
    ],
    title: safeCellText(product.title ?? product.name),
    creator: 'Mesh Desk',
    at: now,
    customProperties: true,
  };
  await zip.addPart('xl/styles.xml', stylesXml());
  await zip.addPart('xl/workbook.xml', workbookXml(facts));
  await zip.addPart('xl/_rels/workbook.xml.rels', workbookRelsXml(facts));
  await zip.addPart('docProps/app.xml', appXml(facts));
  await zip.addPart('docProps/core.xml', coreXml(facts));
  await zip.addPart(CUSTOM_PROPERTIES_PART, customPropertiesXml(properties));
  await zip.addPart('_rels/.rels', rootRelsXml(facts));
  await zip.addPart('[Content_Types].xml', contentTypesXml(facts));
  throwIfCancelled(opts.signal);
  await zip.finish();
  return rows;
}

/**
 * One column per data column that has allowed values, headed by its name. The values go
 * through safeCellText exactly like the data cells, so what the dropdown offers matches what
 * the data sheet holds (an allowed "-" shows as "'-" in both).
 */
function allowedValuesXml(columns: PulledColumn[], allowed: { i: number; values: string[] }[]): string {
  const longest = Math.max(...allowed.map((a) => a.values.length));
  const rows: (string | null)[][] = [];
  for (let r = 0; r < longest; r++) {
    rows.push(allowed.map((a) => { const v = a.values[r]; return v === undefined || v === '' ? null : safeCellText(v); }));
  }
  return smallSheetXml({ widths: allowed.map(() => 24) }, allowed.map((a) => safeCellText(columns[a.i]!.name)), rows);
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
