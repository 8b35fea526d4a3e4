// Runs anywhere (pure core).
// Opens an .xlsx workbook for streaming: checks the zip directory and the workbook part, lists
// the worksheets (with the used range each declares), and reads rows on demand. Styles and
// shared strings are loaded on the first rows() call, not at open, so listing the sheets of a
// large workbook stays quick. Our own reader instead of exceljs because exceljs expanded
// hostile merges and strings into gigabytes and reported a corrupt file as "0 rows, OK".

import { CancelledError } from '../../result';
import type { ByteSource, OpenedSource, ReadContext, SheetInfo, SourceRow } from '../types';
import { resolveLimits, type XlsxLimits } from './limits';
import { explainOle, hasOleSignature } from './ole-explain';
import { NO_SHARED_STRINGS, readSharedStrings, type SharedStrings } from './shared-strings-part';
import { peekDimension } from './sheet-dimension';
import { readSheetRows } from './sheet-reader';
import { NO_STYLES, readStyles, type StyleTable } from './styles-part';
import { readWorkbookMetadata } from './workbook-metadata';
import { readWorkbookInfo, type WorkbookInfo, type WorkbookSheet } from './workbook-part';
import { xlsxErrors } from './xlsx-errors';
import { readZipDirectory, type ZipDirectory } from './zip-directory';

export { explainOle } from './ole-explain';
export type { XlsxLimits } from './limits';
export { DEFAULT_XLSX_LIMITS } from './limits';

export interface OpenXlsxOptions {
  limits?: Partial<XlsxLimits>;
  signal?: AbortSignal;
}

interface SharedParts {
  styles: StyleTable;
  strings: SharedStrings;
}

function checkTotalSize(dir: ZipDirectory, wb: WorkbookInfo, limits: XlsxLimits): void {
  const parts = new Set<string>([wb.part]);
  if (wb.stylesPart) parts.add(wb.stylesPart);
  if (wb.sharedStringsPart) parts.add(wb.sharedStringsPart);
  for (const s of wb.sheets) if (s.part) parts.add(s.part);
  let total = 0;
  for (const p of parts) total += dir.get(p)?.uncompressedSize ?? 0;
  if (total > limits.maxTotalBytes) throw xlsxErrors.totalTooLarge(total, limits.maxTotalBytes);
}

export async function openXlsx(bytes: ByteSource, options?: OpenXlsxOptions): Promise<OpenedSource> {
  const limits = resolveLimits(options?.limits);
  const signal = options?.signal;
  if (signal?.aborted) throw new CancelledError();
  if (bytes.size === 0) throw xlsxErrors.emptyFile();
  const head = await bytes.read(0, 8);
  if (hasOleSignature(head)) throw await explainOle(bytes);
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw xlsxErrors.notZip();

  const dir = await readZipDirectory(bytes, limits);
  const wb = await readWorkbookInfo(bytes, dir, limits, signal);
  if (wb.sheets.length === 0) throw xlsxErrors.noSheets();
  checkTotalSize(dir, wb, limits);

  const sheets: SheetInfo[] = [];
  for (const [index, s] of wb.sheets.entries()) {
    if (signal?.aborted) throw new CancelledError();
    const info: SheetInfo = { name: s.name, index, hidden: s.hidden };
    const entry = s.part === undefined ? undefined : dir.get(s.part);
    if (entry) Object.assign(info, await peekDimension(bytes, entry, limits, signal));
    sheets.push(info);
  }
  // Small parts, read at open: a re-import recognizes a workbook pulled from the mesh by them.
  const metadata = await readWorkbookMetadata(bytes, dir, wb.part, limits, signal);

  let shared: Promise<SharedParts> | undefined;
  const loadShared = (sig?: AbortSignal): Promise<SharedParts> => {
    if (!shared) {
      const styleEntry = wb.stylesPart ? dir.get(wb.stylesPart) : undefined;
      const stringsEntry = wb.sharedStringsPart ? dir.get(wb.sharedStringsPart) : undefined;
      shared = (async () => ({
        styles: styleEntry ? await readStyles(bytes, styleEntry, limits, sig) : NO_STYLES,
        strings: stringsEntry ? await readSharedStrings(bytes, stringsEntry, limits, sig) : NO_SHARED_STRINGS,
      }))();
      // A cancelled or failed load must not poison later calls: they try again.
      shared.catch(() => {
        shared = undefined;
      });
    }
    return shared;
  };

  const findSheet = (name: string): { sheet: WorkbookSheet; info: SheetInfo } => {
    let i = wb.sheets.findIndex((s) => s.name === name);
    if (i < 0) i = wb.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw xlsxErrors.sheetNotFound(name, wb.sheets.map((s) => s.name));
    return { sheet: wb.sheets[i]!, info: sheets[i]! };
  };

  async function* rows(sheetName: string, ctx: ReadContext): AsyncGenerator<SourceRow[]> {
    if (ctx.signal?.aborted) throw new CancelledError();
    const { sheet, info } = findSheet(sheetName);
    const entry = sheet.part === undefined ? undefined : dir.get(sheet.part);
    if (!entry) throw xlsxErrors.sheetMissing(sheet.name, sheet.part ?? 'no part named');
    const { styles, strings } = await loadShared(ctx.signal);
    const env = { sheet: sheet.name, part: entry.name, strings, styles, date1904: wb.date1904, limits, problems: ctx.problems };
    // Merges are only known after the sheet's cells (they follow them in the file).
    yield* readSheetRows(bytes, entry, env, ctx, (merges) => {
      if (merges.length) info.merges = merges;
    });
  }

  return {
    format: 'xlsx',
    sheets,
    ...metadata,
    rows,
    // The caller opened the bytes and closes them (overview and inspect may share one source).
    async close() {},
  };
}
