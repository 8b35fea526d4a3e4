// Node only (bench tooling).
// Writes the bench XLSX with exceljs's streaming writer: typed cells (numbers, dates,
// booleans, text) with number formats and shared strings, the way Excel itself saves them,
// so the reader under test meets the same structures as in an owner's real workbook.

import ExcelJS from 'exceljs';
import { HEADERS, sampleRows } from './sample-data';
import { progress } from './progress';

export async function writeBenchXlsx(path: string, rows: number, label = 'generating XLSX'): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Orders');
  // Number formats per column decide how Excel shows the cell; readers use them to tell a
  // date from a plain number, which is exactly what an inspection must do.
  sheet.columns = HEADERS.map((header, i) => ({
    header,
    key: header,
    width: 14,
    style: { numFmt: NUM_FORMATS[i] ?? 'General' },
  }));
  const next = sampleRows();
  const shown = progress(label, rows);
  for (let id = 1; id <= rows; id++) {
    const r = next(id);
    sheet
      .addRow([
        r.id,
        new Date(r.orderDay),
        new Date(r.createdAt),
        r.amountCents / 100,
        r.quantity,
        r.category,
        r.region,
        r.paid,
        r.email,
        r.note === '' ? null : r.note,
        r.productCode,
        r.discountTenths / 1000,
      ])
      .commit();
    if (id % 5_000 === 0) shown.update(id);
  }
  sheet.commit();
  await workbook.commit();
  shown.finish(`${rows.toLocaleString('en-US')} rows`);
}

const NUM_FORMATS: readonly string[] = [
  '0',
  'yyyy-mm-dd',
  'yyyy-mm-dd hh:mm:ss',
  '#,##0.00',
  '0',
  '@',
  '@',
  'General',
  '@',
  '@',
  '@',
  '0.0%',
];
