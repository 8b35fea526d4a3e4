// Runs anywhere (tests). The hand-written SpreadsheetML pieces: escaping, cells, sheet frames,
// notes and package parts, each parsed back with a real XML parser (saxes) so a malformed part
// fails here rather than in Excel.
import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { booleanCell, numberCell, plainCell, textCell, textElement, xmlEscape } from '../../../shared/core/export/xlsx-xml';
import { commentsXml, headerRowXml, notesVml, sheetEnd, sheetStart, smallSheetXml } from '../../../shared/core/export/xlsx-sheet-xml';
import { appXml, contentTypesXml, coreXml, rootRelsXml, stylesXml, workbookRelsXml, workbookXml, type PackageFacts } from '../../../shared/core/export/xlsx-package-parts';

/** Parses XML and returns the text of every element named `name`, in order. */
function texts(xml: string, name: string): string[] {
  const parser = new SaxesParser();
  const out: string[] = [];
  let current: string | undefined;
  parser.on('opentag', (t) => t.name === name && (current = ''));
  parser.on('text', (t) => current !== undefined && (current += t));
  parser.on('closetag', (t) => {
    if (t.name === name && current !== undefined) {
      out.push(current);
      current = undefined;
    }
  });
  parser.write(xml).close();
  return out;
}

/** Throws if the text is not well-formed XML. */
function wellFormed(xml: string): void {
  new SaxesParser().write(xml).close();
}

describe('xmlEscape and text cells', () => {
  it('escapes markup and survives a parser unchanged, carriage returns included', () => {
    const hard = 'a & b < c > d "e" \'f\'\r\nline2\ttab';
    const xml = `<x><is>${textElement(hard)}</is></x>`;
    expect(texts(xml, 't')).toEqual([hard]);
    expect(xml).toContain('xml:space="preserve"');
  });

  it('replaces characters XML 1.0 cannot carry, keeps valid surrogate pairs', () => {
    expect(xmlEscape('a\u0000b\u001Fc\uFFFE')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(xmlEscape('x\uD800y')).toBe('x\uFFFDy');
    expect(xmlEscape('emoji 😀')).toBe('emoji 😀');
    expect(xmlEscape('plain text')).toBe('plain text');
  });

  it('only preserves white space where a reader would drop it', () => {
    expect(textElement('ab')).toBe('<t>ab</t>');
    expect(textElement(' ab')).toBe('<t xml:space="preserve"> ab</t>');
    expect(textElement('a\nb')).toBe('<t xml:space="preserve">a\nb</t>');
  });

  it('writes typed cells with references and styles', () => {
    expect(textCell('B2', 'x<y', 4)).toBe('<c r="B2" s="4" t="inlineStr"><is><t>x&lt;y</t></is></c>');
    expect(numberCell('C3', -1.25)).toBe('<c r="C3"><v>-1.25</v></c>');
    expect(booleanCell('D4', true)).toBe('<c r="D4" t="b"><v>1</v></c>');
    expect(plainCell('E5', null)).toBe('');
    expect(plainCell('E5', '')).toBe('');
    expect(plainCell('E5', 7, 4)).toBe('<c r="E5" s="4"><v>7</v></c>');
  });
});

describe('worksheet parts', () => {
  it('frame a data sheet with frozen header, widths, autofilter, dropdowns and notes, in schema order', () => {
    const xml =
      sheetStart({ frozen: { columns: 0, rows: 1 }, widths: [8, undefined, 30] }) +
      headerRowXml(['id', 'a&b', 'c']) +
      sheetEnd({
        autoFilter: 'A1:C10',
        validations: [{ range: 'B2:B1010', source: "'Allowed values'!$A$2:$A$4", allowBlank: true, errorTitle: 'Not allowed', error: '"a&b" only allows…' }],
        notes: true,
      });
    wellFormed(xml);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="1" max="1" width="8" customWidth="1"/><col min="3" max="3" width="30" customWidth="1"/>');
    const order = ['<sheetViews>', '<sheetFormatPr', '<cols>', '<sheetData>', '<autoFilter', '<dataValidations', '<pageMargins', '<legacyDrawing'].map((t) => xml.indexOf(t));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(texts(xml, 'formula1')).toEqual(["'Allowed values'!$A$2:$A$4"]);
    expect(texts(xml, 't')).toEqual(['id', 'a&b', 'c']);
  });

  it('writes a small sheet with a bold header and empty values left out', () => {
    const xml = smallSheetXml({ frozen: { columns: 1, rows: 1 }, widths: [10, 20] }, ['k', 'v'], [['a', 1], ['b', null]], 4);
    wellFormed(xml);
    expect(xml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<row r="1" s="1" customFormat="1"><c r="A1" s="1" t="inlineStr">');
    expect(xml).toContain('<row r="3" s="4" customFormat="1"><c r="A3" s="4" t="inlineStr"><is><t>b</t></is></c></row>');
    expect(xml).toContain('<c r="B2" s="4"><v>1</v></c>');
  });

  it('writes notes as comments and a matching VML drawing', () => {
    const notes = [{ column: 0, text: 'Row number' }, { column: 27, text: "'=cmd & co\nline 2" }];
    const comments = commentsXml(notes);
    wellFormed(comments);
    expect(texts(comments, 't')).toEqual(['Row number', "'=cmd & co\nline 2"]);
    expect(comments).toContain('ref="AB1"');
    const vml = notesVml(notes);
    wellFormed(vml);
    expect(texts(vml, 'x:Column')).toEqual(['0', '27']);
    expect(texts(vml, 'x:Anchor')).toEqual(['1, 6, 0, 14, 3, 2, 4, 16', '28, 6, 0, 14, 30, 2, 4, 16']);
  });
});

describe('package parts', () => {
  const facts: PackageFacts = {
    sheets: [{ name: 'Data', notes: true }, { name: 'A & B', notes: false }],
    definedNames: [['MeshDesk_Product', 'About!$B$3']],
    title: 'Budgets <2026>',
    creator: 'Mesh Desk',
    at: new Date('2026-11-21T10:15:00.123Z'),
    customProperties: true,
  };

  it('declares every part with its content type and relationship', () => {
    const types = contentTypesXml(facts);
    for (const part of ['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml', '/xl/comments1.xml', '/xl/styles.xml', '/docProps/core.xml', '/docProps/app.xml', '/docProps/custom.xml']) {
      expect(types).toContain(`PartName="${part}"`);
    }
    expect(types).toContain('Extension="vml"');
    expect(types).not.toContain('comments2');
    const rels = workbookRelsXml(facts);
    expect(rels).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(workbookXml(facts)).toContain('<sheet name="A &amp; B" sheetId="2" r:id="rId3"/>');
    expect(rootRelsXml(facts)).toContain('Target="docProps/custom.xml"');
    expect(rootRelsXml({ ...facts, customProperties: false })).not.toContain('custom');
  });

  it('writes well-formed workbook, properties and styles', () => {
    for (const xml of [contentTypesXml(facts), rootRelsXml(facts), workbookRelsXml(facts), workbookXml(facts), appXml(facts), coreXml(facts), stylesXml()]) wellFormed(xml);
    expect(texts(workbookXml(facts), 'definedName')).toEqual(['About!$B$3']);
    expect(texts(coreXml(facts), 'dc:title')).toEqual(['Budgets <2026>']);
    expect(texts(coreXml(facts), 'dcterms:created')).toEqual(['2026-11-21T10:15:00Z']);
    expect(texts(appXml(facts), 'vt:lpstr')).toEqual(['Worksheets', 'Data', 'A & B']);
    expect(texts(stylesXml(), 'numFmt')).toHaveLength(2);
  });
});
