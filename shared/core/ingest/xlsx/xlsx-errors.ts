// Runs anywhere (pure core).
// Every refusal of an .xlsx file in one place, so the wording stays plain and consistent:
// what happened, why Mesh Desk stops, and what the owner can do in Excel. Codes are 'xlsx.<reason>'.

import { UserFacingError } from '../../result';

const RESAVE = 'Open it in Excel and use File › Save As › "Excel Workbook (*.xlsx)", then try again.';

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

export function sheetWhere(sheet?: string): { sheet?: string } {
  return sheet === undefined ? {} : { sheet };
}

function inSheet(sheet?: string): string {
  return sheet === undefined ? '' : ` (sheet "${sheet}")`;
}

export const xlsxErrors = {
  emptyFile: () => new UserFacingError('xlsx.empty-file', 'The file is empty (0 bytes), so there is nothing to read. Check that you picked the right file, or save it again from Excel.'),

  notZip: () =>
    new UserFacingError(
      'xlsx.not-a-workbook',
      'This file is not an Excel workbook (.xlsx): its contents do not have the layout of one, even though the name may end in .xlsx. ' +
        `If it opens in Excel, ${RESAVE} If it is a CSV or text file, rename it to .csv.`,
    ),

  damagedZip: (detail: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.damaged',
      `This workbook is damaged and cannot be read safely (${detail}${sheet === undefined ? '' : `, in sheet "${sheet}"`}). ` +
        'It may have been cut off or changed while downloading or copying. Get a fresh copy, or open it in Excel (which may offer to repair it) and save it again.',
      sheetWhere(sheet),
    ),

  truncated: (what: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.truncated',
      `This workbook is incomplete: ${what}${inSheet(sheet)} stops before its end. The file was probably cut off while downloading, copying or saving. ` +
        'Get a complete copy of the file (download or copy it again) and try again.',
      sheetWhere(sheet),
    ),

  missingDirectory: () =>
    new UserFacingError(
      'xlsx.truncated',
      'This workbook is incomplete or damaged: the list of its contents, kept at the end of the file, is missing. ' +
        'The file was probably cut off while downloading, copying or saving. Get a complete copy of the file and try again.',
    ),

  encryptedEntry: () =>
    new UserFacingError(
      'xlsx.encrypted-zip',
      'Parts of this workbook are locked with a zip password, which Excel workbooks never use, so Mesh Desk cannot read it. ' +
        `Open the original in Excel and save it again without a password.`,
    ),

  unknownCompression: (part: string) =>
    new UserFacingError(
      'xlsx.unsupported-compression',
      `This workbook was packed with a compression method Excel does not use (in the part "${part}"), so Mesh Desk cannot read it safely. ${RESAVE}`,
    ),

  duplicateEntry: (a: string, b: string) =>
    new UserFacingError(
      'xlsx.duplicate-part',
      `This workbook contains the part "${a}" twice${a === b ? '' : ` (also as "${b}")`}, so it is unclear which one is the real data. ` +
        `Files like this are damaged or deliberately crafted. ${RESAVE}`,
    ),

  tooManyEntries: (n: number, max: number) =>
    new UserFacingError(
      'xlsx.too-many-parts',
      `This workbook is packed as ${n.toLocaleString('en-US')} separate files inside, more than the ${max.toLocaleString('en-US')} Mesh Desk accepts; ` +
        `real workbooks have far fewer. ${RESAVE} If it is really this large, save the sheet you need as CSV.`,
    ),

  notExcel: (kind: string, advice: string) =>
    new UserFacingError('xlsx.not-a-workbook', `This file is ${kind}, not an Excel workbook, so it has no sheets to read. ${advice}`),

  partTooLarge: (part: string, bytes: number, max: number, sheet?: string) =>
    new UserFacingError(
      'xlsx.too-large',
      `Part of this workbook${inSheet(sheet)} unpacks to ${mb(bytes)}, more than the ${mb(max)} Mesh Desk reads from one workbook part ("${part}"). ` +
        'Save the sheet you need as CSV in Excel (File › Save As › CSV) and publish that, or split the data into smaller files.',
      sheetWhere(sheet),
    ),

  totalTooLarge: (bytes: number, max: number) =>
    new UserFacingError(
      'xlsx.too-large',
      `This workbook unpacks to ${mb(bytes)} of data, more than the ${mb(max)} Mesh Desk reads from one workbook. ` +
        'Save the sheet you need as CSV in Excel (File › Save As › CSV), or split the data into smaller files.',
    ),

  zipBomb: (part: string, why: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.zip-bomb',
      `This workbook looks built to overload the computer that opens it: the part "${part}"${inSheet(sheet)} ${why}. ` +
        'Mesh Desk stopped reading to keep your computer safe. Do not open it in Excel either; ask whoever sent it for a clean copy.',
      sheetWhere(sheet),
    ),

  xmlDoctype: (part: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.unsafe-xml',
      `This workbook contains a document type declaration in "${part}"${inSheet(sheet)}. Excel never writes one; it is a known way to ` +
        'attack programs that open files (entity expansion, reading other files). Mesh Desk refused it to keep your computer safe. ' +
        'Ask whoever sent it for a copy saved directly from Excel.',
      sheetWhere(sheet),
    ),

  xmlEntity: (part: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.unsafe-xml',
      `This workbook uses a named reference ("entity") in "${part}"${inSheet(sheet)} that is not defined, which Excel never writes. ` +
        `The file is damaged or crafted to attack programs that open it. Ask whoever sent it for a copy saved directly from Excel.`,
      sheetWhere(sheet),
    ),

  damagedXml: (part: string, detail: string, sheet?: string) =>
    new UserFacingError(
      'xlsx.damaged',
      `This workbook is damaged: the part "${part}"${inSheet(sheet)} cannot be read (${detail}). ` +
        'Open it in Excel (it may offer to repair it) and save it again, or get a fresh copy from whoever sent it.',
      sheetWhere(sheet),
    ),

  sheetMissing: (sheet: string, part: string) =>
    new UserFacingError(
      'xlsx.sheet-missing',
      `The sheet "${sheet}" is listed in this workbook but its data ("${part}") is missing, so it cannot be read. ` +
        'The file is damaged. Open it in Excel and save it again, or get a fresh copy.',
      { sheet },
    ),

  sheetNotFound: (sheet: string, names: string[]) =>
    new UserFacingError(
      'xlsx.sheet-not-found',
      `There is no sheet called "${sheet}" in this workbook. Its sheets are: ${names.map((n) => `"${n}"`).join(', ') || 'none'}.`,
      { sheet },
    ),

  tooManyStrings: (what: string, max: number) =>
    new UserFacingError(
      'xlsx.too-many-strings',
      `This workbook holds more than ${max.toLocaleString('en-US')} ${what} of text, more than Mesh Desk keeps in memory for one workbook. ` +
        'Save the sheet you need as CSV in Excel (File › Save As › CSV) and publish that, or split the data into smaller files.',
    ),

  tooManyCells: (sheet: string, row: number, max: number) =>
    new UserFacingError(
      'xlsx.too-many-cells',
      `The sheet "${sheet}" holds more than ${max.toLocaleString('en-US')} filled cells (reached at row ${row}), more than Mesh Desk reads from one sheet. ` +
        'Split the data into smaller files, or save it as CSV in Excel and publish that.',
      { sheet, row },
    ),

  tooWide: (sheet: string, row: number, column: string, columnNumber: number, max: number) =>
    new UserFacingError(
      'xlsx.too-wide',
      `The sheet "${sheet}" has a value in column ${column} (column number ${columnNumber.toLocaleString('en-US')}) at row ${row}. ` +
        `Mesh Desk reads tables up to ${max.toLocaleString('en-US')} columns wide. If that cell is a stray value, delete it in Excel ` +
        '(select the columns right of your table, right-click › Delete) and save; otherwise split the table.',
      { sheet, row, column },
    ),

  tooManySheets: (max: number) =>
    new UserFacingError(
      'xlsx.too-many-sheets',
      `This workbook lists more than ${max.toLocaleString('en-US')} sheets, more than Mesh Desk opens at once. ` +
        'Copy the sheets you want to publish into a new workbook in Excel, save it, and use that file.',
    ),

  noSheets: () =>
    new UserFacingError(
      'xlsx.no-sheets',
      'This workbook has no worksheets with data (it may contain only charts). Add the data to a worksheet in Excel, save, and try again.',
    ),
};
