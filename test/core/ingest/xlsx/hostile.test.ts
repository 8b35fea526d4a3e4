import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { explainOle, openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';
import { UserFacingError } from '../../../../shared/core/result';
import { buildOle } from './ole-builder';
import { byRow, errorOf, readAll } from './read-all';
import { buildZip, minimalWorkbook, sheetXml, type RawEntry } from './zip-builder';

const open = (bytes: Uint8Array) => openXlsx(bytesSource('hostile.xlsx', bytes));
const row = (n: number, cells: string) => `<row r="${n}">${cells}</row>`;
const num = (ref: string, v: number | string) => `<c r="${ref}"><v>${v}</v></c>`;

describe('declared sizes that would explode naive readers', () => {
  it('reads a 6 KB sheet declaring A1:XFD1048576 and a merge A3:XFD1048576 in well under a second', async () => {
    const pad = '<!-- padding -->'.repeat(300);
    const xml = sheetXml(row(1, num('A1', 1) + num('B1', 2)) + row(2, num('A2', 3)), `<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>${pad}`, '<dimension ref="A1:XFD1048576"/>');
    const bytes = buildZip(minimalWorkbook([{ name: 'Bomb', xml }]).map((e) => ({ ...e, method: 0 })));
    expect(bytes.length).toBeGreaterThan(5000);
    expect(bytes.length).toBeLessThan(8000);
    const t = performance.now();
    const r = await readAll(bytes);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.source.sheets[0]).toMatchObject({ dimension: 'A1:XFD1048576', rowCount: 1048576, columnCount: 16384, merges: ['A3:XFD1048576'] });
    expect(r.rows['Bomb']).toEqual([{ row: 1, cells: [1, 2] }, { row: 2, cells: [3] }]);
    expect(r.problems.find((p) => p.code === 'xlsx.merged-cells')).toMatchObject({ row: 3, column: 'A' });
  });

  it('refuses a value at XFD1048576 without allocating 16,384 columns, naming the cell', async () => {
    const xml = sheetXml(row(1, num('A1', 1)) + row(1048576, num('XFD1048576', 9)), '', '<dimension ref="A1:XFD1048576"/>');
    const bytes = buildZip(minimalWorkbook([{ name: 'Far', xml }]));
    const src = await open(bytes);
    expect(src.sheets[0]).toMatchObject({ rowCount: 1048576, columnCount: 16384 });
    const e = await errorOf(() => readAll(bytes));
    expect(e).toMatchObject({ code: 'xlsx.too-wide', where: { sheet: 'Far', row: 1048576, column: 'XFD' } });
    expect(e.message).toMatch(/column XFD .* row 1048576/);
  });

  it('ignores formatting-only cells far to the right (they are not data)', async () => {
    const xml = sheetXml(row(1, num('A1', 1) + '<c r="XFD1" s="0"/>'));
    const r = await readAll(buildZip(minimalWorkbook([{ name: 'S', xml }])));
    expect(r.rows['S']).toEqual([{ row: 1, cells: [1] }]);
  });

  it('refuses a part whose declared size is huge before inflating it', async () => {
    const entries = minimalWorkbook([{ name: 'S', xml: sheetXml(row(1, num('A1', 1))) }]);
    const sheet = entries.find((e) => e.name.endsWith('sheet1.xml'))!;
    sheet.declaredSize = 0xfffffff0;
    const e = await errorOf(() => readAll(buildZip(entries)));
    expect(e.code).toMatch(/^xlsx\.(too-large|zip-bomb)$/);
  });

  it('stops a part that inflates to far more than it declares', async () => {
    // 8 MB of blank comment compresses ~1000:1; the directory claims 1 KB.
    const body = row(1, num('A1', 1)) + `<!--${' '.repeat(8_000_000)}-->`;
    const entries = minimalWorkbook([{ name: 'S', xml: sheetXml(body) }]);
    entries.find((e) => e.name.endsWith('sheet1.xml'))!.declaredSize = 1024;
    const bytes = buildZip(entries);
    expect(bytes.length).toBeLessThan(20_000);
    const t = performance.now();
    const e = await errorOf(() => readAll(bytes));
    expect(e.code).toBe('xlsx.zip-bomb');
    expect(e.message).toMatch(/overload/);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('stops a part with an honest but bomb-like compression ratio, before and while inflating', async () => {
    const body = row(1, num('A1', 1)) + `<!--${' '.repeat(8_000_000)}-->`;
    const honest = buildZip(minimalWorkbook([{ name: 'S', xml: sheetXml(body) }]));
    const e1 = await errorOf(() => readAll(honest, { ratioFloorBytes: 1_000_000 }));
    expect(e1.code).toBe('xlsx.zip-bomb');
    // Padding after the packed data makes the declared ratio look harmless (~75:1, under the
    // limit of 100 set here): the real ratio (~1000:1) is caught while inflating.
    const entries = minimalWorkbook([{ name: 'S', xml: sheetXml(body) }]);
    entries.find((e) => e.name.endsWith('sheet1.xml'))!.trailingBytes = 100_000;
    const e2 = await errorOf(() => readAll(buildZip(entries), { ratioFloorBytes: 1_000_000, maxRatio: 100 }));
    expect(e2).toMatchObject({ code: 'xlsx.zip-bomb', message: expect.stringMatching(/hundreds of times/) });
  });

  it('bounds cells, strings and columns by the limits given', async () => {
    const xml = sheetXml(row(1, num('A1', 1) + num('B1', 2) + num('C1', 3)) + row(2, num('A2', 1)));
    const bytes = buildZip(minimalWorkbook([{ name: 'S', xml }]));
    expect((await errorOf(() => readAll(bytes, { maxCells: 3 }))).code).toBe('xlsx.too-many-cells');
    expect((await errorOf(() => readAll(bytes, { maxColumns: 2 }))).code).toBe('xlsx.too-wide');
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>abc</t></si>'.repeat(10)}</sst>`;
    const withStrings = buildZip(minimalWorkbook([{ name: 'S', xml: sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c>')) }], { sharedStrings: sst }));
    expect((await errorOf(() => readAll(withStrings, { maxSharedStrings: 5 }))).code).toBe('xlsx.too-many-strings');
    expect((await errorOf(() => readAll(withStrings, { maxSharedStringChars: 20 }))).code).toBe('xlsx.too-many-strings');
    expect((await readAll(withStrings)).rows['S']).toEqual([{ row: 1, cells: ['abc'] }]);
    const sheets = minimalWorkbook([{ name: 'A', xml }, { name: 'B', xml }, { name: 'C', xml }]);
    expect((await errorOf(() => readAll(buildZip(sheets), { maxSheets: 2 }))).code).toBe('xlsx.too-many-sheets');
  });

  it('cuts a text longer than Excel allows and says so', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'x'.repeat(40_000)}</t></si></sst>`;
    const xml = sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c>'));
    const r = await readAll(buildZip(minimalWorkbook([{ name: 'S', xml }], { sharedStrings: sst })));
    expect((r.rows['S']![0]!.cells[0] as string).length).toBe(32_767);
    expect(r.problems.filter((p) => p.code === 'xlsx.text-too-long').map((p) => [p.row, p.column])).toEqual([[1, 'A'], [1, 'B']]);
  });
});

describe('unsafe or broken XML', () => {
  it('refuses a DOCTYPE (entity bomb) and an undefined entity', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>` + sheetXml(row(1, num('A1', 1))).replace(/^<\?xml[^>]*>/, '');
    const e1 = await errorOf(() => readAll(buildZip(minimalWorkbook([{ name: 'S', xml: bomb }]))));
    expect(e1).toMatchObject({ code: 'xlsx.unsafe-xml', where: { sheet: 'S' } });
    const undefinedEntity = sheetXml(row(1, '<c r="A1" t="inlineStr"><is><t>&boom;</t></is></c>'));
    const e2 = await errorOf(() => readAll(buildZip(minimalWorkbook([{ name: 'S', xml: undefinedEntity }]))));
    expect(e2.code).toBe('xlsx.unsafe-xml');
  });

  it('names the part and sheet of malformed XML', async () => {
    const broken = sheetXml(row(1, num('A1', 1)) + row(2, '<c r="A2"><v>2</c>'));
    const e = await errorOf(() => readAll(buildZip(minimalWorkbook([{ name: 'Budget', xml: broken }]))));
    expect(e).toMatchObject({ code: 'xlsx.damaged', where: { sheet: 'Budget' } });
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml.*"Budget".*after row 1/);
  });

  it('reads prefixed element names and cells without references', async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const r = await readAll(buildZip(minimalWorkbook([{ name: 'P', xml }])));
    expect(r.rows['P']).toEqual([{ row: 1, cells: [1, 'b'] }, { row: 2, cells: [true] }]);
  });
});

describe('damaged and foreign files', () => {
  const good = () => buildZip(minimalWorkbook([{ name: 'S', xml: sheetXml(row(1, num('A1', 1)) + row(2, num('A2', 2))) }]));

  it('reads a workbook with bytes in front of the zip (offsets shifted, as unzip allows)', async () => {
    const zip = good();
    const prefixed = new Uint8Array(zip.length + 300);
    prefixed.fill(0x20, 0, 300);
    prefixed[0] = 0x50; // still starts like a zip ("PK")
    prefixed[1] = 0x4b;
    prefixed.set(zip, 300);
    expect((await readAll(prefixed)).rows['S']).toEqual([{ row: 1, cells: [1] }, { row: 2, cells: [2] }]);
  });

  it('refuses a truncated workbook instead of reading 0 rows', async () => {
    const full = good();
    for (const cut of [full.length - 10, Math.floor(full.length / 2), 100]) {
      const e = await errorOf(() => readAll(full.subarray(0, cut)));
      expect(e.code).toMatch(/^xlsx\.(truncated|damaged)$/);
    }
  });

  it('refuses a sheet whose data is cut short inside the zip', async () => {
    const xml = sheetXml(row(1, num('A1', 1)));
    const entries = minimalWorkbook([{ name: 'S', xml: xml.slice(0, xml.length - 30) }]);
    const e = await errorOf(() => readAll(buildZip(entries)));
    expect(e).toMatchObject({ code: 'xlsx.damaged', where: { sheet: 'S' } });
    expect(e.message).toMatch(/cut off/);
  });

  it('refuses a wrong checksum, a missing sheet part, duplicate names, encrypted entries, unknown compression', async () => {
    const entries = (): RawEntry[] => minimalWorkbook([{ name: 'S', xml: sheetXml(row(1, num('A1', 1))) }]);
    const crc = entries();
    crc.find((e) => e.name.endsWith('sheet1.xml'))!.declaredCrc = 12345;
    expect(await errorOf(() => readAll(buildZip(crc)))).toMatchObject({ code: 'xlsx.damaged', where: { sheet: 'S' }, message: expect.stringMatching(/checksum/) });
    const missing = entries().filter((e) => !e.name.endsWith('sheet1.xml'));
    expect(await errorOf(() => readAll(buildZip(missing)))).toMatchObject({ code: 'xlsx.sheet-missing', where: { sheet: 'S' } });
    const dup = [...entries(), { name: 'XL/Worksheets/Sheet1.xml', data: sheetXml('') }];
    expect((await errorOf(() => open(buildZip(dup)))).code).toBe('xlsx.duplicate-part');
    const enc = entries().map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, flags: 1 } : e));
    expect((await errorOf(() => open(buildZip(enc)))).code).toBe('xlsx.encrypted-zip');
    const bz = entries().map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, method: 12 } : e));
    expect((await errorOf(() => open(buildZip(bz)))).code).toBe('xlsx.unsupported-compression');
  });

  it('says what a .docx, an .ods or a plain zip is', async () => {
    const docx = buildZip([
      { name: '_rels/.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
      { name: 'word/document.xml', data: '<w:document xmlns:w="urn:w"/>' },
    ]);
    const e1 = await errorOf(() => open(docx));
    expect(e1).toMatchObject({ code: 'xlsx.not-a-workbook' });
    expect(e1.message).toMatch(/Word document/);
    const ods = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<x/>' }]);
    expect((await errorOf(() => open(ods))).message).toMatch(/OpenDocument spreadsheet/);
    expect((await errorOf(() => open(buildZip([{ name: 'notes.txt', data: 'hi' }])))).message).toMatch(/zip archive/);
  });

  it('says a CSV or empty file is not a workbook', async () => {
    expect((await errorOf(() => open(new TextEncoder().encode('a,b\n1,2\n')))).code).toBe('xlsx.not-a-workbook');
    expect((await errorOf(() => open(new Uint8Array(0)))).code).toBe('xlsx.empty-file');
  });
});

describe('OLE2 files: password-protected workbooks and old .xls', () => {
  it('tells an encrypted workbook from an Excel 97-2003 file', async () => {
    const encrypted = buildOle(['EncryptionInfo', 'EncryptedPackage']);
    const xls = buildOle(['Workbook', '\u0005SummaryInformation']);
    const e1 = await explainOle(bytesSource('a.xlsx', encrypted));
    expect(e1).toBeInstanceOf(UserFacingError);
    expect(e1.code).toBe('xlsx.password-protected');
    expect(e1.message).toMatch(/password/);
    const e2 = await explainOle(bytesSource('a.xls', xls));
    expect(e2.code).toBe('xlsx.old-excel-format');
    expect(e2.message).toMatch(/Save As/);
    // openXlsx refuses them with the same explanation.
    expect((await errorOf(() => open(encrypted))).code).toBe('xlsx.password-protected');
    expect((await errorOf(() => open(xls))).code).toBe('xlsx.old-excel-format');
  });

  it('does not loop or throw on a garbled compound file', async () => {
    const bad = buildOle(['Workbook']);
    new DataView(bad.buffer).setUint32(512 + 4, 1, true); // directory sector chains to itself
    expect((await explainOle(bytesSource('x', bad))).code).toMatch(/^xlsx\./);
    const cut = buildOle(['Workbook']).subarray(0, 600);
    expect((await explainOle(bytesSource('x', cut))).code).toBe('xlsx.old-office-format');
  });
});

describe('values exceljs does not write', () => {
  it('reads t="d" ISO dates, inline strings, _xHHHH_ escapes and out-of-order rows', async () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm"/><numFmt numFmtId="165" formatCode="&quot;Week &quot;0;[Red]dd/mm/yy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const xml = sheetXml(
      row(3, '<c r="A3" t="d"><v>2024-05-06T07:08:09</v></c><c r="B3" t="inlineStr"><is><t>line1_x000D_</t><r><t xml:space="preserve"> two</t></r><rPh><t>ignored</t></rPh></is></c><c r="C3" s="1"><v>1.5</v></c><c r="D3" s="2"><v>45000</v></c><c r="E3" s="3"><v>-1</v></c>') +
        row(2, '<c r="A2" t="str"><v>  text result </v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="n"><v>abc</v></c>'),
    );
    const r = await readAll(buildZip(minimalWorkbook([{ name: 'S', xml }], { styles })));
    const rows = byRow(r.rows['S']!);
    expect(rows.get(3)).toEqual([
      { kind: 'date', epochMs: Date.UTC(2024, 4, 6, 7, 8, 9), hasTime: true },
      'line1\r two',
      1.5, // [h]:mm is a duration: stays a number
      45000, // first section "Week "0 is a number format
      -1, // date-styled but negative: kept as a number, with a warning
    ]);
    expect(rows.get(2)).toEqual(['  text result ', { kind: 'error', code: '#N/A' }, 'abc']);
    const codes = r.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['xlsx.bad-number', 'xlsx.date-out-of-range', 'xlsx.formula-error', 'xlsx.rows-out-of-order']);
  });

  it('reads a UTF-16 sheet part and an inline string whose type is missing', async () => {
    const xml = sheetXml(row(1, '<c r="A1"><is><t>Zürich €</t></is></c><c r="B1"><v>2</v></c>')).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const entries = minimalWorkbook([{ name: 'S', xml: '' }]).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: utf16 } : e));
    expect((await readAll(buildZip(entries))).rows['S']).toEqual([{ row: 1, cells: ['Zürich €', 2] }]);
    // A part declaring ISO-8859-1 (one byte per character) is decoded as such.
    const latin = sheetXml(row(1, '<c r="A1" t="inlineStr"><is><t>caf\u00e9</t></is></c>')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const bytes = Uint8Array.from(latin, (ch) => ch.charCodeAt(0));
    const latinEntries = minimalWorkbook([{ name: 'S', xml: '' }]).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: bytes } : e));
    expect((await readAll(buildZip(latinEntries))).rows['S']).toEqual([{ row: 1, cells: ['café'] }]);
  });

  it('builds an exceljs-written workbook of all-empty rows into no rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blank');
    ws.getCell('C5').style = { font: { bold: true } };
    const r = await readAll(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.rows['Blank']).toEqual([]);
  });
});
