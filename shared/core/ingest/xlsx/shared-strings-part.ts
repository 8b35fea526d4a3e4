// Runs anywhere (pure core).
// The shared-strings table: most text cells hold only an index into it. Each <si> is plain text
// (<t>) or rich text (runs <r><t>…</t></r>, concatenated); phonetic guides (<rPh>, furigana
// above Japanese text) are not part of the value and are skipped. The table lives in memory
// while a sheet is read, so its size is bounded in entries and in characters, and each entry is
// cut at Excel's own cell limit (a crafted file once put one huge string behind thousands of
// cells to blow up a reader's memory).

import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { readXmlPart } from './package-parts';
import { xlsxErrors } from './xlsx-errors';
import { trimXmlSpace, unescapeXString } from './xml-text';
import type { ZipEntry } from './zip-directory';

export interface SharedStrings {
  readonly strings: readonly string[];
  /** Indexes of entries cut to `maxCellChars` (reported when a cell uses one). */
  readonly truncated: ReadonlySet<number>;
}

export const NO_SHARED_STRINGS: SharedStrings = { strings: [], truncated: new Set() };

export async function readSharedStrings(src: ByteSource, entry: ZipEntry, limits: XlsxLimits, signal?: AbortSignal): Promise<SharedStrings> {
  const strings: string[] = [];
  const truncated = new Set<number>();
  let root: string | undefined;
  let totalChars = 0;
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let preserve = false;
  let runText = '';
  let value = '';
  let overflow = false;

  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (root !== 'sst') return;
      if (name === 'si') {
        inSi = true;
        value = '';
        overflow = false;
      } else if (name === 'rPh') {
        phonetic++;
      } else if (name === 't' && inSi && phonetic === 0) {
        inT = true;
        preserve = attrs['xml:space'] === 'preserve';
        runText = '';
      }
    },
    text(t) {
      // Cap while collecting: a single <si> may be made of thousands of runs.
      if (!inT) return;
      if (value.length + runText.length <= limits.maxCellChars) runText += t;
      else overflow = true;
    },
    close(name) {
      if (name === 't' && inT) {
        inT = false;
        value += unescapeXString(preserve ? runText : trimXmlSpace(runText));
      } else if (name === 'rPh') {
        phonetic--;
      } else if (name === 'si' && inSi) {
        inSi = false;
        if (strings.length >= limits.maxSharedStrings) throw xlsxErrors.tooManyStrings('separate pieces', limits.maxSharedStrings);
        if (overflow || value.length > limits.maxCellChars) {
          value = value.slice(0, limits.maxCellChars);
          truncated.add(strings.length);
        }
        totalChars += value.length;
        if (totalChars > limits.maxSharedStringChars) throw xlsxErrors.tooManyStrings('characters', limits.maxSharedStringChars);
        strings.push(value);
      }
    },
  }, { limits, maxBytes: limits.maxSharedStringsBytes, ...(signal ? { signal } : {}) });
  if (root !== 'sst') throw xlsxErrors.damagedXml(entry.name, 'it is not a table of texts');
  return { strings, truncated };
}
