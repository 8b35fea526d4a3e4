// Node only (tests). Custom document properties and defined names read by our own XLSX reader:
// from workbooks built byte by byte (including damaged and hostile ones) and from one exceljs
// writes; damage in these optional parts never refuses the workbook.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';
import { METADATA_LIMITS } from '../../../../shared/core/ingest/xlsx/workbook-metadata';
import { CancelledError } from '../../../../shared/core/result';
import { readAll } from './read-all';
import { buildZip, minimalWorkbook, sheetXml, type RawEntry } from './zip-builder';

const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');

function customXml(props: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`;
}
const prop = (name: string, value: string, type = 'lpwstr') => `<property fmtid="${FMTID}" pid="2" name="${name}"><vt:${type}>${value}</vt:${type}></property>`;

/** A minimal workbook plus a custom-properties part (linked from the package) and defined names. */
function book(o: { custom?: string; customName?: string; linked?: boolean; names?: string }): Uint8Array {
  const entries: RawEntry[] = minimalWorkbook([{ name: 'Data', xml: sheet }]).map((e) => {
    if (e.name === 'xl/workbook.xml' && o.names !== undefined) return { ...e, data: String(e.data).replace('</workbook>', `${o.names}</workbook>`) };
    if (e.name === '_rels/.rels' && o.custom !== undefined && o.linked !== false) {
      return { ...e, data: String(e.data).replace('</Relationships>', `<Relationship Id="r9" Type="${RNS}/custom-properties" Target="${o.customName ?? 'docProps/custom.xml'}"/></Relationships>`) };
    }
    return e;
  });
  if (o.custom !== undefined) entries.push({ name: o.customName ?? 'docProps/custom.xml', data: o.custom });
  return buildZip(entries);
}

const open = (bytes: Uint8Array) => openXlsx(bytesSource('meta.xlsx', bytes));

describe('custom document properties', () => {
  it('reads every property as text, whatever its value type, first of a repeated name winning', async () => {
    const src = await open(book({
      custom: customXml(prop('MeshDeskProduct', 'campaign-budgets') + prop('Count', '42', 'i4') + prop('Flag', 'true', 'bool') + prop('Amp', 'a &amp; b &lt;c&gt;') + prop('MeshDeskProduct', 'second') + prop('__proto__', 'x')),
    }));
    expect(src.properties).toEqual(Object.fromEntries([['MeshDeskProduct', 'campaign-budgets'], ['Count', '42'], ['Flag', 'true'], ['Amp', 'a & b <c>'], ['__proto__', 'x']]));
    // A property named __proto__ is a plain entry, not a prototype.
    expect(Object.getPrototypeOf(src.properties)).toBe(Object.prototype);
    expect(src.definedNames).toBeUndefined();
  });

  it('finds the part through the package relationship, and at its usual name without one', async () => {
    const moved = await open(book({ custom: customXml(prop('A', '1')), customName: 'props/mine.xml' }));
    expect(moved.properties).toEqual({ A: '1' });
    const unlinked = await open(book({ custom: customXml(prop('B', '2')), linked: false }));
    expect(unlinked.properties).toEqual({ B: '2' });
  });

  it('is absent when the workbook has none', async () => {
    const src = await open(book({}));
    expect(src.properties).toBeUndefined();
    expect('properties' in src).toBe(false);
  });

  it('treats a damaged, hostile or foreign part as absent and still reads the data', async () => {
    const damaged = [
      customXml(prop('A', '1')).slice(0, -20), // cut off
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Properties>&b;</Properties>',
      customXml(prop('A', '&undefined;')),
      '<?xml version="1.0"?><Other><property name="A"><vt:lpwstr xmlns:vt="x">1</vt:lpwstr></property></Other>',
      new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]) as unknown as string,
    ];
    for (const custom of damaged) {
      const r = await readAll(book({ custom, names: '<definedNames><definedName name="N">Data!$A$1</definedName></definedNames>' }));
      expect(r.source.properties).toBeUndefined();
      expect(r.source.definedNames).toEqual({ N: 'Data!$A$1' });
      expect(r.rows['Data']).toEqual([{ row: 1, cells: [1] }]);
    }
  });

  it('leaves out values longer than the bound and stops collecting at the count bound', async () => {
    const long = 'x'.repeat(METADATA_LIMITS.maxValueChars + 1);
    const many = Array.from({ length: METADATA_LIMITS.maxProperties + 50 }, (_, i) => prop(`P${i}`, String(i))).join('');
    const src = await open(book({ custom: customXml(prop('Long', long) + prop('Short', 'ok') + many) }));
    expect(src.properties?.['Long']).toBeUndefined();
    expect(src.properties?.['Short']).toBe('ok');
    expect(Object.keys(src.properties ?? {})).toHaveLength(METADATA_LIMITS.maxProperties);
  });

  it('treats a part bigger than its byte budget as absent', async () => {
    const filler = `<!--${'p'.repeat(1 << 20)}-->`.repeat(5); // 5 MB of comments: over the 4 MB budget
    const src = await open(book({ custom: customXml(filler + prop('A', '1')) }));
    expect(src.properties).toBeUndefined();
  });
});

describe('defined names', () => {
  it('reads workbook-wide names, and sheet-local ones only where no workbook-wide name exists', async () => {
    const names =
      '<definedNames>' +
      '<definedName name="Local" localSheetId="0">Data!$A$1</definedName>' +
      '<definedName name="Both" localSheetId="0">Data!$B$1</definedName>' +
      '<definedName name="Both">Data!$C$1</definedName>' +
      `<definedName name="Quoted">'My sheet'!$B$3</definedName>` +
      '<definedName name="Const">"mesh &amp; desk"</definedName>' +
      '<definedName name="">Data!$A$1</definedName>' +
      '</definedNames>';
    const src = await open(book({ names }));
    expect(src.definedNames).toEqual({ Both: 'Data!$C$1', Quoted: "'My sheet'!$B$3", Const: '"mesh & desk"', Local: 'Data!$A$1' });
  });

  it('reads what exceljs writes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('About').getCell('B3').value = 'campaign-budgets';
    wb.definedNames.add('About!$B$3', 'MeshDesk_Product');
    const src = await open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(src.definedNames).toEqual({ MeshDesk_Product: 'About!$B$3' });
    expect(src.properties).toBeUndefined();
  });

  it('honours cancellation while reading them', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(openXlsx(bytesSource('x.xlsx', book({ names: '<definedNames/>' })), { signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
