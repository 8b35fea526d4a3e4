// Runs anywhere (pure core).
// The line scanner of the CSV fast path (csv-fast-parts.ts): one line of bytes → its fields
// (RFC 4180 quotes within the line), or the reason the fast path cannot take the line.

import { isEmptyCell } from '../infer/classify-cell';

export const CR = 13;
export const LF = 10;
const QUOTE = 34;
export const COMMA = 44;
export const QUOTED = 1;
export const ESCAPED = 2;
export const HAS_COMMA = 4;

/** The fields of one line: where each value and each field as written start and end, and flags. */
export class FieldTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly rawStarts: Int32Array;
  readonly rawEnds: Int32Array;
  readonly flags: Uint8Array;
  n = 0;
  /** Fields past the table's width (only empty ones are allowed: they are dropped). */
  extra = 0;
  high = false;
  anyQuoted = false;
  constructor(readonly width: number) {
    this.starts = new Int32Array(width + 1);
    this.ends = new Int32Array(width + 1);
    this.rawStarts = new Int32Array(width + 1);
    this.rawEnds = new Int32Array(width + 1);
    this.flags = new Uint8Array(width + 1);
  }
}

/**
 * Splits one line into fields (RFC 4180 quotes within the line). Returns why the fast path
 * cannot take the line, or undefined. Fields past the table's width can only be empty (the
 * reader would have widened the table for a value): they are counted in `extra` and dropped.
 */
export function scanLine(b: Uint8Array, s: number, e: number, t: FieldTable, dec: TextDecoder): string | undefined {
  const width = t.width;
  let n = 0;
  let extra = 0;
  let high = false;
  let anyQuoted = false;
  let i = s;
  for (;;) {
    const rawStart = i;
    let vs = i;
    let ve: number;
    let flag = 0;
    if (i < e && b[i] === QUOTE) {
      // A quoted value on this line: "" is a quote inside it; it must close before the line ends.
      anyQuoted = true;
      flag = QUOTED;
      vs = ++i;
      for (;;) {
        if (i >= e) return 'a quoted value goes on over a line break';
        const c = b[i]!;
        if (c === QUOTE) {
          if (i + 1 < e && b[i + 1] === QUOTE) {
            flag |= ESCAPED;
            i += 2;
            continue;
          }
          break;
        }
        if (c === COMMA) flag |= HAS_COMMA;
        else if (c === CR) return 'the file has line breaks of an old Mac kind (CR alone)';
        else if (c >= 0x80) high = true;
        i++;
      }
      ve = i++;
      if (i < e && b[i] !== COMMA) return 'text follows a closing quote';
    } else {
      for (; i < e; i++) {
        const c = b[i]!;
        // One comparison passes every ordinary byte: the three that matter are below 45.
        if (c < 45) {
          if (c === COMMA) break;
          if (c === QUOTE) return 'a quote stands inside a value';
          if (c === CR) return 'the file has line breaks of an old Mac kind (CR alone)';
        } else if (c >= 0x80) high = true;
      }
      ve = i;
    }
    if (n < width) {
      t.starts[n] = vs;
      t.ends[n] = ve;
      t.rawStarts[n] = rawStart;
      t.rawEnds[n] = i;
      t.flags[n++] = flag;
    } else {
      extra++;
      if ((flag & ESCAPED) !== 0 || !isBlankField(b, vs, ve, dec)) return 'a line has more values than the table has columns';
    }
    if (i >= e) break;
    i++; // the comma
    if (i === e) {
      // A comma at the very end: one more, empty value.
      if (n < width) {
        t.starts[n] = t.ends[n] = t.rawStarts[n] = t.rawEnds[n] = e;
        t.flags[n++] = 0;
      } else extra++;
      break;
    }
  }
  t.n = n;
  t.extra = extra;
  t.high = high;
  t.anyQuoted = anyQuoted;
  return undefined;
}


export function isBlankField(b: Uint8Array, s: number, e: number, dec: TextDecoder): boolean {
  let high = false;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c >= 0x80) high = true;
    else if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  // Unicode spaces (no-break space …) count as blank too: ask the reader's own rule.
  return !high || isEmptyCell(dec.decode(b.subarray(s, e)));
}

/** A first byte that is printable ASCII proves a value is not blank. */
export function isNonBlankStart(b: Uint8Array, s: number, e: number): boolean {
  if (s >= e) return false;
  const c = b[s]!;
  return c > 32 && c < 0x7f;
}

/** The value of a quoted field: "" read as one quote. */
export function unquote(b: Uint8Array, s: number, e: number, flag: number, dec: TextDecoder): string {
  const text = dec.decode(b.subarray(s, e));
  return (flag & ESCAPED) !== 0 ? text.replaceAll('""', '"') : text;
}

export function asciiText(b: Uint8Array, s: number, e: number): string {
  // One call for the whole value (fromCharCode takes the bytes as its arguments).
  return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
}
