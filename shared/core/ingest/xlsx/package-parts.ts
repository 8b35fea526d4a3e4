// Runs anywhere (pure core).
// The Office "package" layer: parts are found through relationship files (_rels/*.rels), not
// by fixed names, because writers place them differently (xl/workbook.xml, xl/workbook2.xml,
// absolute or "../" targets). Also recognises zips that are not Excel workbooks, so the owner
// hears "this is a Word document" instead of "damaged file".

import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { createXmlReader, localName, type XmlSink } from './xml-stream';
import { xlsxErrors } from './xlsx-errors';
import type { ZipDirectory, ZipEntry } from './zip-directory';
import { readEntryBytes, streamEntry } from './zip-entry-stream';

export interface PartReadOptions {
  limits: XlsxLimits;
  maxBytes: number;
  signal?: AbortSignal;
  sheet?: string;
}

/** Streams one XML part through a sink; the whole part is checked to be well-formed. */
export async function readXmlPart(src: ByteSource, entry: ZipEntry, sink: XmlSink, opts: PartReadOptions): Promise<void> {
  const xml = createXmlReader(sink, { part: entry.name, limits: opts.limits, ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) });
  const streamOpts = { limits: opts.limits, maxBytes: opts.maxBytes, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  for await (const chunk of streamEntry(src, entry, streamOpts)) xml.write(chunk);
  xml.end();
}

export interface Relationship {
  id: string;
  /** Last segment of the relationship type URI, e.g. "worksheet", "officeDocument". */
  type: string;
  /** Resolved part name inside the zip (no leading "/"). */
  target: string;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (package root) → "_rels/.rels". */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that owns the .rels file. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep as written: a stray "%" is a literal
  }
  t = t.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** Reads the relationships of `sourcePart` ("" for the package); undefined when there are none. */
export async function readRelationships(
  src: ByteSource,
  dir: ZipDirectory,
  sourcePart: string,
  opts: PartReadOptions,
): Promise<Map<string, Relationship> | undefined> {
  const entry = dir.get(relsPathFor(sourcePart));
  if (!entry) return undefined;
  const rels = new Map<string, Relationship>();
  let root: string | undefined;
  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (name !== 'Relationship' || root !== 'Relationships') return;
      const id = attrs['Id'];
      const type = attrs['Type'] ?? '';
      const target = attrs['Target'];
      if (id === undefined || target === undefined || attrs['TargetMode'] === 'External') return;
      if (rels.has(id)) return; // first one wins, like Excel
      rels.set(id, { id, type: type.slice(type.lastIndexOf('/') + 1), target: resolveTarget(sourcePart, target) });
    },
    close() {},
    text() {},
  }, opts);
  return rels;
}

/** The value of a namespaced attribute whatever its prefix (r:id, x:id …). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const key in attrs) {
    if (key.includes(':') && localName(key) === local && !key.startsWith('xmlns:')) return attrs[key];
  }
  return undefined;
}

/**
 * When a zip has no workbook part: say what it is instead. Returns the error to throw.
 * Only names are inspected, plus the tiny OpenDocument "mimetype" file.
 */
export async function explainOtherZip(src: ByteSource, dir: ZipDirectory, limits: XlsxLimits) {
  if (dir.get('xl/workbook.bin')) {
    return xlsxErrors.notExcel(
      'an Excel Binary Workbook (.xlsb)',
      'Mesh Desk reads the standard format only: open it in Excel and use File › Save As › "Excel Workbook (*.xlsx)", then use the new file.',
    );
  }
  if (dir.get('word/document.xml')) {
    return xlsxErrors.notExcel('a Word document (.docx)', 'If it holds a table, copy the table into Excel, save it as .xlsx or CSV, and use that file.');
  }
  if (dir.get('ppt/presentation.xml')) {
    return xlsxErrors.notExcel('a PowerPoint presentation (.pptx)', 'Copy the table you need into Excel, save it as .xlsx or CSV, and use that file.');
  }
  if (dir.get('Index/Document.iwa')) {
    return xlsxErrors.notExcel('an Apple Numbers file', 'In Numbers, use File › Export To › Excel, and use the exported file.');
  }
  const mimetype = dir.get('mimetype');
  if (mimetype && mimetype.uncompressedSize < 200) {
    let kind = '';
    try {
      kind = new TextDecoder().decode(await readEntryBytes(src, mimetype, { limits, maxBytes: 200 }));
    } catch {
      kind = '';
    }
    if (kind.includes('opendocument.spreadsheet')) {
      return xlsxErrors.notExcel(
        'an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice)',
        'Open it in LibreOffice Calc or Excel and save it as "Excel 2007-365 (.xlsx)", or as CSV, then use the new file.',
      );
    }
    if (kind.includes('opendocument')) {
      return xlsxErrors.notExcel('an OpenDocument file (from LibreOffice or OpenOffice)', 'Put the data into a spreadsheet and save it as .xlsx or CSV.');
    }
  }
  return xlsxErrors.notExcel('a zip archive', 'If the workbook is inside it, unzip it first and pick the .xlsx file itself.');
}
