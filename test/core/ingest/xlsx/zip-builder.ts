// Node only (tests). Builds zip files byte by byte so tests can make the broken and hostile
// workbooks real tools refuse to write: lying sizes, duplicate names, bad checksums, ZIP64.

import { deflateSync } from 'fflate';

export interface RawEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 = stored, 8 = deflate (default). */
  method?: number;
  flags?: number;
  /** Override what the directory declares. */
  declaredSize?: number;
  declaredCrc?: number;
  /** Junk appended after the packed data (counted in the compressed size). */
  trailingBytes?: number;
}

const enc = new TextEncoder();

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i]!;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

class Bytes {
  private parts: number[] = [];
  u16(v: number) { this.parts.push(v & 0xff, (v >>> 8) & 0xff); return this; }
  u32(v: number) { this.parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff); return this; }
  bytes(b: Uint8Array) { for (const x of b) this.parts.push(x); return this; }
  get length() { return this.parts.length; }
  done() { return Uint8Array.from(this.parts); }
}

export function buildZip(entries: RawEntry[]): Uint8Array {
  const out: Uint8Array[] = [];
  let offset = 0;
  const central = new Bytes();
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const method = e.method ?? 8;
    const deflated = method === 8 ? deflateSync(raw) : raw;
    const packed = new Uint8Array(deflated.length + (e.trailingBytes ?? 0));
    packed.set(deflated);
    const name = enc.encode(e.name);
    const crc = e.declaredCrc ?? crc32(raw);
    const usize = e.declaredSize ?? raw.length;
    const local = new Bytes()
      .u32(0x04034b50).u16(20).u16(e.flags ?? 0).u16(method).u16(0).u16(0)
      .u32(crc).u32(packed.length).u32(usize).u16(name.length).u16(0).bytes(name).done();
    central
      .u32(0x02014b50).u16(20).u16(20).u16(e.flags ?? 0).u16(method).u16(0).u16(0)
      .u32(crc).u32(packed.length).u32(usize).u16(name.length).u16(0).u16(0).u16(0).u16(0).u32(0).u32(offset)
      .bytes(name);
    out.push(local, packed);
    offset += local.length + packed.length;
  }
  const cd = central.done();
  const end = new Bytes().u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(cd.length).u32(offset).u16(0).done();
  const total = new Uint8Array(offset + cd.length + end.length);
  let at = 0;
  for (const p of [...out, cd, end]) { total.set(p, at); at += p.length; }
  return total;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The smallest valid workbook around the given sheet XML bodies (one part per sheet). */
export function minimalWorkbook(sheets: { name: string; xml: string }[], extra: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}): RawEntry[] {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const more = [
    extra.sharedStrings ? `<Relationship Id="rS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    extra.styles ? `<Relationship Id="rT" Type="${RNS}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const entries: RawEntry[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${RNS}">${extra.workbookPr ?? ''}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${more}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (extra.sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: extra.sharedStrings });
  if (extra.styles) entries.push({ name: 'xl/styles.xml', data: extra.styles });
  return entries;
}

export function sheetXml(body: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${RNS}">${before}<sheetData>${body}</sheetData>${after}</worksheet>`;
}
