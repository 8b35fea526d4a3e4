// Node only (kept beside the workbook writer; the function itself is plain text building).
// Custom document properties (File > Info > Properties > Custom in Excel) are the place a
// workbook carries machine-readable facts that survive the owner renaming sheets or moving
// cells: a re-import recognizes a Mesh Desk export by them. This is the docProps/custom.xml
// part; the package declares it in its content types and root relationships
// (xlsx-package-parts.ts, customProperties: true).

import { XML_HEAD, xmlEscape } from '../../core/export/xlsx-xml';

/** The format id every custom property carries (fixed by the Office standard). */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

export type CustomProperties = Readonly<Record<string, string>>;

/** The part's name inside the package. */
export const CUSTOM_PROPERTIES_PART = 'docProps/custom.xml';

/** docProps/custom.xml: every value as a text property, in the order given (pids start at 2). */
export function customPropertiesXml(properties: CustomProperties): string {
  const items = Object.entries(properties).map(
    ([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${xmlEscape(name)}"><vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`,
  );
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    items.join('') +
    '</Properties>'
  );
}
