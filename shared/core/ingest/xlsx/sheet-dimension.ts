// Runs anywhere (pure core).
// The used range a sheet declares (<dimension ref="A1:L100001"/>), read cheaply by unpacking only
// the first kilobytes of the sheet part: it comes before the cells. It is a declaration, not a
// fact — writers leave it stale and crafted files claim A1:XFD1048576 — so it is reported as
// information only and never used to size anything.

import { CancelledError } from '../../result';
import { parseRangeRef } from '../../columns';
import type { ByteSource, SheetInfo } from '../types';
import type { XlsxLimits } from './limits';
import { pickEncoding } from './xml-stream';
import type { ZipEntry } from './zip-directory';
import { streamEntry } from './zip-entry-stream';

const PEEK_BYTES = 64 * 1024;
const DIMENSION = /<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']{1,40})["']/;
const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData\b/;

export type DeclaredDimension = Pick<SheetInfo, 'dimension' | 'rowCount' | 'columnCount'>;

export async function peekDimension(src: ByteSource, entry: ZipEntry, limits: XlsxLimits, signal?: AbortSignal): Promise<DeclaredDimension> {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of streamEntry(src, entry, { limits, stopAfter: PEEK_BYTES, ...(signal ? { signal } : {}) })) {
      parts.push(chunk);
      total += chunk.length;
      if (total >= PEEK_BYTES) break;
    }
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    // A damaged or oversized part is reported when its rows are read; the list of sheets stays usable.
    return {};
  }
  const head = new Uint8Array(Math.min(total, PEEK_BYTES));
  let at = 0;
  for (const p of parts) {
    if (at >= head.length) break;
    const take = p.subarray(0, head.length - at);
    head.set(take, at);
    at += take.length;
  }
  const text = new TextDecoder(pickEncoding(head)).decode(head);
  const m = DIMENSION.exec(text);
  if (!m) return {};
  const dataAt = text.search(SHEET_DATA);
  if (dataAt >= 0 && dataAt < m.index) return {};
  const ref = m[1]!;
  const range = parseRangeRef(ref);
  if (!range) return {};
  return { dimension: ref, rowCount: range.r2 - range.r1 + 1, columnCount: range.c2 - range.c1 + 1 };
}
