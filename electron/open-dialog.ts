// Runs anywhere (pure; imports Electron's types only).
// What the native "Open file" dialog offers. The formats the inspector reads come first; "All
// files" stays so an owner with "export.dat" can still try it and get a clear message.

import type { OpenDialogOptions, SaveDialogOptions } from 'electron';

export const OPEN_FILE_FILTERS: NonNullable<OpenDialogOptions['filters']> = [
  { name: 'Spreadsheets and data files (CSV, TSV, TXT, XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
  { name: 'CSV or text (CSV, TSV, TXT)', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'Excel workbook (XLSX)', extensions: ['xlsx'] },
  { name: 'All files', extensions: ['*'] },
];

export function openFileDialogOptions(defaultPath?: string): OpenDialogOptions {
  return {
    title: 'Open a spreadsheet',
    buttonLabel: 'Open',
    // One file at a time: the publish flow works on one source.
    properties: ['openFile'],
    filters: OPEN_FILE_FILTERS,
    ...(defaultPath !== undefined ? { defaultPath } : {}),
  };
}

/** The chosen path, or null when the owner cancelled. */
export function chosenPath(result: { canceled: boolean; filePaths: string[] }): string | null {
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

/** The native "Save" dialog for a workbook Mesh Desk made (a quality report). */
/** The save dialog for a file of the kind its name says (.csv or .xlsx). */
export function saveFileDialogOptions(defaultPath: string): SaveDialogOptions {
  if (!/\.csv$/i.test(defaultPath)) return saveWorkbookDialogOptions(defaultPath);
  return {
    title: 'Save the data',
    buttonLabel: 'Save',
    defaultPath,
    filters: [{ name: 'CSV file', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function saveWorkbookDialogOptions(defaultPath: string): SaveDialogOptions {
  return {
    title: 'Save the report',
    buttonLabel: 'Save',
    defaultPath,
    filters: [{ name: 'Excel workbook (XLSX)', extensions: ['xlsx'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
