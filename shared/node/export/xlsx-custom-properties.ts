// Node only.
// exceljs's streaming WorkbookWriter cannot write custom document properties (File > Info >
// Properties > Custom in Excel), yet they are the place a workbook carries machine-readable
// facts that survive the owner renaming sheets or moving cells: a re-import recognizes a Mesh
// Desk export by them. This writer adds docProps/custom.xml plus the two references the package
// needs (the root relationship and the content type). It overrides two methods exceljs declares
// in its typings; a test reads the property part back from the zip so a library upgrade that
// changes them fails loudly.

import ExcelJS from 'exceljs';

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The format id every custom property carries (fixed by the Office standard). */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

interface Zip {
  append(source: string, data: { name: string }): unknown;
}

export type CustomProperties = Readonly<Record<string, string>>;

export class WorkbookWriterWithProperties extends ExcelJS.stream.xlsx.WorkbookWriter {
  constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>, properties: CustomProperties) {
    super(options);
    // The constructor of exceljs has already queued the root relationships (ours, below);
    // the part they point at goes in now, while the values are at hand.
    this.archive().append(customPropertiesXml(properties), { name: CUSTOM_PART });
  }

  override addOfficeRels(): Promise<void> {
    const rels = [
      ['rId1', `${REL}/officeDocument`, 'xl/workbook.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
      ['rId4', `${REL}/custom-properties`, CUSTOM_PART],
    ];
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
      '</Relationships>';
    this.archive().append(xml, { name: '/_rels/.rels' });
    return Promise.resolve();
  }

  override addContentTypes(): Promise<void> {
    // exceljs builds the list from its own model; add our part to the string it appends.
    const zip = this.archive();
    const append = zip.append;
    zip.append = (source, data) => {
      const patched =
        data.name === '[Content_Types].xml' && typeof source === 'string'
          ? source.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`)
          : source;
      return append.call(zip, patched, data);
    };
    try {
      return super.addContentTypes();
    } finally {
      zip.append = append;
    }
  }

  private archive(): Zip {
    return (this as unknown as { zip: Zip }).zip;
  }
}

/** docProps/custom.xml: every value as a text property, in the order given. */
export function customPropertiesXml(properties: CustomProperties): string {
  const items = Object.entries(properties).map(
    ([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${xmlText(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    items.join('') +
    '</Properties>'
  );
}

/**
 * Text as XML content: markup characters escaped, characters XML 1.0 cannot carry (most
 * controls, broken surrogate halves) replaced by "�" so the workbook still opens.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
