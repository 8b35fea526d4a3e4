// Runs anywhere (pure core).
// The workbook's table of sheets: _rels/.rels names the main part (usually xl/workbook.xml),
// which lists the sheets in tab order with their names and hidden state and says which date
// system the workbook uses; its own relationships give each sheet's part and the styles and
// shared-strings parts.

import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { explainOtherZip, prefixedAttr, readRelationships, readXmlPart } from './package-parts';
import { xlsxErrors } from './xlsx-errors';
import type { ZipDirectory } from './zip-directory';

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** Part holding the sheet's cells; undefined when the workbook points nowhere (damaged). */
  part?: string;
}

export interface WorkbookInfo {
  /** Main part name, e.g. "xl/workbook.xml". */
  part: string;
  /** Worksheets in tab order (chart sheets and macro sheets left out: they hold no table). */
  sheets: WorkbookSheet[];
  date1904: boolean;
  stylesPart?: string;
  sharedStringsPart?: string;
}

const NON_TABLE_SHEETS = new Set(['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet']);

export async function readWorkbookInfo(src: ByteSource, dir: ZipDirectory, limits: XlsxLimits, signal?: AbortSignal): Promise<WorkbookInfo> {
  const opts = { limits, maxBytes: limits.maxMetaPartBytes, ...(signal ? { signal } : {}) };
  const pkgRels = await readRelationships(src, dir, '', opts);
  let part: string | undefined;
  for (const rel of pkgRels?.values() ?? []) {
    if (rel.type === 'officeDocument' && dir.get(rel.target)) {
      part = rel.target;
      break;
    }
  }
  // Without a usable package relationship, fall back to where every writer puts it.
  part ??= dir.get('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
  const entry = part === undefined ? undefined : dir.get(part);
  if (!entry || !/\.xml$/i.test(entry.name)) throw await explainOtherZip(src, dir, limits);
  part = entry.name;

  let root: string | undefined;
  let date1904 = false;
  let inSheets = false;
  const listed: { name: string; hidden: boolean; relId?: string }[] = [];
  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (root !== 'workbook') return;
      if (name === 'workbookPr') {
        const v = attrs['date1904'];
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheets') {
        inSheets = true;
      } else if (name === 'sheet' && inSheets) {
        if (listed.length >= limits.maxSheets) throw xlsxErrors.tooManySheets(limits.maxSheets);
        const state = attrs['state'];
        const relId = prefixedAttr(attrs, 'id');
        listed.push({
          name: attrs['name'] ?? `Sheet${listed.length + 1}`,
          hidden: state === 'hidden' || state === 'veryHidden',
          ...(relId !== undefined ? { relId } : {}),
        });
      }
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
    text() {},
  }, opts);
  if (root !== 'workbook') throw await explainOtherZip(src, dir, limits);

  const rels = await readRelationships(src, dir, part, opts);
  const sheets: WorkbookSheet[] = [];
  const seen = new Set<string>();
  for (const s of listed) {
    const rel = s.relId === undefined ? undefined : rels?.get(s.relId);
    if (rel && NON_TABLE_SHEETS.has(rel.type)) continue;
    // Excel refuses two sheets with the same name (ignoring case); a crafted file might not.
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw xlsxErrors.damagedXml(part, `two sheets are both called "${s.name}"`);
    seen.add(key);
    sheets.push({ name: s.name, hidden: s.hidden, ...(rel ? { part: rel.target } : {}) });
  }
  const info: WorkbookInfo = { part, sheets, date1904 };
  for (const rel of rels?.values() ?? []) {
    if (rel.type === 'styles' && dir.get(rel.target)) info.stylesPart ??= rel.target;
    if (rel.type === 'sharedStrings' && dir.get(rel.target)) info.sharedStringsPart ??= rel.target;
  }
  // Older tools forget the relationship but still write the usual parts.
  if (!rels) {
    if (dir.get('xl/styles.xml')) info.stylesPart = 'xl/styles.xml';
    if (dir.get('xl/sharedStrings.xml')) info.sharedStringsPart = 'xl/sharedStrings.xml';
  }
  return info;
}
