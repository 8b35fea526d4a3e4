// Runs anywhere (pure core).
// From styles.xml we need one fact per cell style: does its number format make the number a
// date (and does it show a time)? Cells refer to styles by index into <cellXfs>; each <xf>
// names a number format id, either built in or defined in <numFmts>.

import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { builtinFormatKind, classifyFormatCode, FORMAT_NUMBER, type FormatKind } from './number-format';
import { readXmlPart } from './package-parts';
import { xlsxErrors } from './xlsx-errors';
import type { ZipEntry } from './zip-directory';

export interface StyleTable {
  /** FormatKind per cell style index; indexes past the end are plain numbers. */
  readonly kinds: Uint8Array;
}

export const NO_STYLES: StyleTable = { kinds: new Uint8Array(0) };

export async function readStyles(src: ByteSource, entry: ZipEntry, limits: XlsxLimits, signal?: AbortSignal): Promise<StyleTable> {
  const customCodes = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let root: string | undefined;
  let inNumFmts = false;
  let inCellXfs = false;
  let xfDepth = 0;

  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (root !== 'styleSheet') return;
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts) {
        const id = Number(attrs['numFmtId']);
        const code = attrs['formatCode'];
        if (Number.isInteger(id) && code !== undefined) customCodes.set(id, code);
      } else if (name === 'xf' && inCellXfs) {
        if (xfDepth++ > 0) return;
        if (xfFormatIds.length >= limits.maxStyles) {
          throw xlsxErrors.damagedXml(entry.name, `it defines more than ${limits.maxStyles.toLocaleString('en-US')} cell formats, far more than Excel allows`);
        }
        const id = Number(attrs['numFmtId'] ?? 0);
        xfFormatIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf' && inCellXfs) xfDepth--;
    },
    text() {},
  }, { limits, maxBytes: limits.maxMetaPartBytes, ...(signal ? { signal } : {}) });
  if (root !== 'styleSheet') throw xlsxErrors.damagedXml(entry.name, 'it is not a style sheet');

  const kindById = new Map<number, FormatKind>();
  const kinds = new Uint8Array(xfFormatIds.length);
  for (let i = 0; i < xfFormatIds.length; i++) {
    const id = xfFormatIds[i]!;
    let kind = kindById.get(id);
    if (kind === undefined) {
      // A code written in the file wins over the built-in meaning: writers restate built-in
      // ids with their own locale's pattern.
      const code = customCodes.get(id);
      kind = code !== undefined ? classifyFormatCode(code) : builtinFormatKind(id);
      kindById.set(id, kind);
    }
    kinds[i] = kind;
  }
  return kinds.some((k) => k !== FORMAT_NUMBER) ? { kinds } : NO_STYLES;
}
