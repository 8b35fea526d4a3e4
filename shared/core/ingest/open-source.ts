// Runs anywhere (pure core).
// Decides what kind of file the owner gave us by its first bytes, never by its name: a
// ".csv" that is really an Excel workbook, or an ".xlsx" that is really an old .xls, are common.

import type { ByteSource, OpenedSource } from './types';
import { UserFacingError } from '../result';
import { openCsv } from './csv/open-csv';
import { explainOle, openXlsx } from './xlsx/open-xlsx';

const startsWith = (head: Uint8Array, sig: number[]) => sig.every((b, i) => head[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

export async function openSource(bytes: ByteSource, fileName: string, signal?: AbortSignal): Promise<OpenedSource> {
  if (bytes.size === 0) {
    throw new UserFacingError('file.empty', `"${fileName}" is empty (0 bytes). Choose the file that holds your table; if it should have data, save it again from your spreadsheet program.`);
  }
  const head = await bytes.read(0, 8);
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return openXlsx(bytes, { signal });
  if (startsWith(head, OLE2)) throw await explainOle(bytes);
  if (startsWith(head, PDF)) {
    throw new UserFacingError('file.pdf', `"${fileName}" is a PDF document, not a spreadsheet. Export the table from its source as Excel (.xlsx) or CSV and open that instead.`);
  }
  return openCsv(bytes, fileName, signal);
}
