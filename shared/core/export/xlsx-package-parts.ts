// Runs anywhere (pure core).
// The fixed parts of an .xlsx package around the sheets: content types, relationships, document
// properties, the workbook (sheet list, defined names) and the styles. Part names, content
// types and relationship types follow ECMA-376 exactly as Excel (and exceljs) write them;
// Excel refuses a package whose parts and declarations disagree, so every part a workbook
// contains is declared here from the same list.

import { XML_HEAD, xmlEscape } from './xlsx-xml';

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Cell style ids (indexes into cellXfs of stylesXml()). */
export const XLSX_STYLE = { plain: 0, bold: 1, date: 2, datetime: 3, wrapTop: 4 } as const;

export interface PackageSheet {
  name: string;
  /** Whether the sheet has header notes (comments + VML drawing). */
  notes: boolean;
}

export interface PackageFacts {
  sheets: PackageSheet[];
  /** Name → reference, e.g. MeshDesk_Product → About!$B$3. */
  definedNames: [string, string][];
  title: string;
  creator: string;
  at: Date;
  /** Whether docProps/custom.xml is in the package. */
  customProperties: boolean;
}

/** Path of the n-th sheet (1-based), of its relationships and of its notes parts. */
export const sheetPath = (n: number): string => `xl/worksheets/sheet${n}.xml`;
export const sheetRelsPath = (n: number): string => `xl/worksheets/_rels/sheet${n}.xml.rels`;
export const commentsPath = (n: number): string => `xl/comments${n}.xml`;
export const vmlPath = (n: number): string => `xl/drawings/vmlDrawing${n}.vml`;

export function contentTypesXml(f: PackageFacts): string {
  const over = (part: string, type: string): string => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const parts = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
  ];
  if (f.sheets.some((s) => s.notes)) parts.push(`<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>`);
  parts.push(over('xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`));
  f.sheets.forEach((s, i) => {
    parts.push(over(sheetPath(i + 1), `${CT}.spreadsheetml.worksheet+xml`));
    if (s.notes) parts.push(over(commentsPath(i + 1), `${CT}.spreadsheetml.comments+xml`));
  });
  parts.push(over('xl/styles.xml', `${CT}.spreadsheetml.styles+xml`));
  parts.push(over('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'));
  parts.push(over('docProps/app.xml', `${CT}.extended-properties+xml`));
  if (f.customProperties) parts.push(over('docProps/custom.xml', `${CT}.custom-properties+xml`));
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${parts.join('')}</Types>`;
}

function relationships(rels: [type: string, target: string][]): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`;
}

/** _rels/.rels: the workbook and the three property parts. */
export function rootRelsXml(f: PackageFacts): string {
  const rels: [string, string][] = [
    [`${DOC_REL}/officeDocument`, 'xl/workbook.xml'],
    [`${PKG_REL}/metadata/core-properties`, 'docProps/core.xml'],
    [`${DOC_REL}/extended-properties`, 'docProps/app.xml'],
  ];
  if (f.customProperties) rels.push([`${DOC_REL}/custom-properties`, 'docProps/custom.xml']);
  return relationships(rels);
}

/** xl/_rels/workbook.xml.rels: styles first (rId1), then the sheets (rId2…) in order. */
export function workbookRelsXml(f: PackageFacts): string {
  return relationships([[`${DOC_REL}/styles`, 'styles.xml'], ...f.sheets.map((_, i): [string, string] => [`${DOC_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`])]);
}

/** The relationships of a sheet with notes: its comments part (rId1) and VML drawing (rId2). */
export function sheetNotesRelsXml(n: number): string {
  return relationships([
    [`${DOC_REL}/comments`, `../comments${n}.xml`],
    [`${DOC_REL}/vmlDrawing`, `../drawings/vmlDrawing${n}.vml`],
  ]);
}

export function workbookXml(f: PackageFacts): string {
  const sheets = f.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('');
  const names = f.definedNames.length
    ? `<definedNames>${f.definedNames.map(([name, ref]) => `<definedName name="${xmlEscape(name)}">${xmlEscape(ref)}</definedName>`).join('')}</definedNames>`
    : '';
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>${names}<calcPr calcId="171027"/></workbook>`
  );
}

/** docProps/app.xml: the application and the sheet titles (File > Info shows them). */
export function appXml(f: PackageFacts): string {
  const n = f.sheets.length;
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${f.sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

/** docProps/core.xml: creator, title and times (UTC, to the second). */
export function coreXml(f: PackageFacts): string {
  const at = f.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlEscape(f.creator)}</dc:creator><dc:title>${xmlEscape(f.title)}</dc:title><cp:lastModifiedBy>${xmlEscape(f.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * xl/styles.xml with exactly the cell formats of XLSX_STYLE: plain, bold (headers), date,
 * date and time, and top-aligned wrapped text (the side sheets). Fonts are named directly
 * (Calibri 11) rather than through a theme, so the package needs no theme part.
 */
export function stylesXml(): string {
  const font = '<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/>';
  const xf = (numFmt: number, fontId: number, extra = ''): string =>
    `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${extra}`;
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
    `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="5">' +
    `${xf(0, 0, '/>')}${xf(0, 1, '/>')}${xf(164, 0, '/>')}${xf(165, 0, '/>')}${xf(0, 0, ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>')}` +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
  );
}
