// Runs anywhere (pure core).
// A worksheet part as text: what comes before the rows (frozen panes, column widths), after
// them (autofilter, dropdown lists, page margins, the link to the notes drawing), a whole small
// sheet at once, and the two parts behind header notes (comments + the VML drawing Excel still
// needs to show them). Element order follows the schema's sequence (CT_Worksheet): Excel
// rejects a sheet whose elements are out of order.

import { columnLetter } from '../columns';
import { XLSX_STYLE } from './xlsx-package-parts';
import { plainCell, textCell, textElement, XML_HEAD, xmlEscape } from './xlsx-xml';

const NAMESPACES = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface SheetLayout {
  /** Frozen columns and rows at the top left (0 = none). */
  frozen?: { columns: number; rows: number };
  /** Width in characters of each column from A; undefined leaves a column at the default. */
  widths: (number | undefined)[];
}

/** A list dropdown on a range; other values are warned about, not refused. */
export interface ListValidation {
  range: string;
  /** The list's cells, e.g. 'Allowed values'!$A$2:$A$4. */
  source: string;
  allowBlank: boolean;
  errorTitle: string;
  error: string;
}

export interface SheetEnd {
  autoFilter?: string;
  validations?: ListValidation[];
  /** The sheet has notes: its relationship rId2 is the VML drawing. */
  notes?: boolean;
}

/** Everything up to and including `<sheetData>`. */
export function sheetStart(layout: SheetLayout): string {
  let views = '';
  const f = layout.frozen;
  if (f && (f.columns > 0 || f.rows > 0)) {
    const pane = f.columns > 0 && f.rows > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
    views =
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${columnLetter(f.columns)}${f.rows + 1}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}"/></sheetView></sheetViews>`;
  }
  const cols = layout.widths
    .map((w, i) => (w === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`))
    .join('');
  return `${XML_HEAD}<worksheet ${NAMESPACES}>${views}<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
}

/** Everything from `</sheetData>` to the end of the part. */
export function sheetEnd(end: SheetEnd = {}): string {
  let xml = '</sheetData>';
  if (end.autoFilter) xml += `<autoFilter ref="${end.autoFilter}"/>`;
  const v = end.validations ?? [];
  if (v.length) {
    xml += `<dataValidations count="${v.length}">`;
    for (const d of v) {
      xml +=
        `<dataValidation type="list"${d.allowBlank ? ' allowBlank="1"' : ''} showErrorMessage="1" errorStyle="warning" ` +
        `errorTitle="${xmlEscape(d.errorTitle)}" error="${xmlEscape(d.error)}" sqref="${d.range}"><formula1>${xmlEscape(d.source)}</formula1></dataValidation>`;
    }
    xml += '</dataValidations>';
  }
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (end.notes) xml += '<legacyDrawing r:id="rId2"/>';
  return `${xml}</worksheet>`;
}

/** A whole small sheet: a bold header row, then rows whose cells all get `style`. */
export function smallSheetXml(layout: SheetLayout, header: string[], rows: (string | number | null)[][], style: number = XLSX_STYLE.plain): string {
  const parts = [sheetStart(layout), rowXml(1, header, XLSX_STYLE.bold)];
  rows.forEach((cells, i) => parts.push(rowXml(i + 2, cells, style)));
  parts.push(sheetEnd());
  return parts.join('');
}

/** One row; a styled row also carries its style for the cells left empty. */
function rowXml(n: number, cells: (string | number | null)[], style: number): string {
  const body = cells.map((c, i) => plainCell(`${columnLetter(i)}${n}`, c, style)).join('');
  return `<row r="${n}"${style ? ` s="${style}" customFormat="1"` : ''}>${body}</row>`;
}

/** The header row of a sheet: bold text cells. */
export function headerRowXml(names: string[]): string {
  return `<row r="1">${names.map((name, i) => textCell(`${columnLetter(i)}1`, name, XLSX_STYLE.bold)).join('')}</row>`;
}

export interface HeaderNote {
  /** 0-based column of the note's cell in row 1. */
  column: number;
  text: string;
}

/** xl/commentsN.xml: the notes' texts, one author. */
export function commentsXml(notes: HeaderNote[]): string {
  const list = notes.map((n) => `<comment ref="${columnLetter(n.column)}1" authorId="0"><text><r>${textElement(n.text)}</r></text></comment>`).join('');
  return `${XML_HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Mesh Desk</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * xl/drawings/vmlDrawingN.vml: one hidden note box per note, anchored beside its cell. Excel
 * shows a note only when both this shape and the comment exist.
 */
export function notesVml(notes: HeaderNote[]): string {
  const shapes = notes.map((n, k) => {
    const c = n.column;
    return (
      `<v:shape id="_x0000_s${1025 + k}" type="#_x0000_t202" style="position:absolute;margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:${k + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 6, 0, 14, ${c + 3}, 2, 4, 16</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}
