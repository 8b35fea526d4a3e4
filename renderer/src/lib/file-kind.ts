// Browser (renderer). A quick look at a file's name before it is copied to Mesh Desk, so a
// dropped PDF or an old .xls is turned away at once with advice instead of after an upload.

export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.xlsm'] as const;
/** For <input type=file accept=…>. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** null when Mesh Desk can read the file; otherwise what to tell the owner. */
export function unsupportedFileMessage(name: string): string | null {
  const ext = extensionOf(name);
  if ((ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) return null;
  if (ext === '.xls' || ext === '.xlsb' || ext === '.ods' || ext === '.numbers') {
    return `"${name}" is in an older or different spreadsheet format that Mesh Desk cannot read. Open it in your spreadsheet program, save it as an Excel Workbook (.xlsx) or as CSV, and drop that file here.`;
  }
  const shown = ext ? `a ${ext} file` : 'a file without an extension';
  return `"${name}" is ${shown}. Mesh Desk reads CSV and Excel files (${ACCEPTED_EXTENSIONS.join(', ')}). Save your data in one of these formats and try again.`;
}
