// Runs anywhere (pure core).
// The fast path for a CSV that is already (almost) in the published form — UTF-8, commas, no
// value running over a line break, no bare CR: its lines ARE its records, so bytes go to the data parts without being
// decoded, split into cell strings and encoded again. Each field is checked on its bytes against
// what the normalizer would write; a field that is already in that form is copied as it is,
// any other goes through the normalizer like on the general path. The output is byte for byte
// what the general path writes (the differential test holds them together).
//
// The moment the file turns out not to be that simple (a quoted line break, a stray quote, a
// bare CR, invalid UTF-8, more values than columns, a line too long) the fast path gives up and says why; the caller then
// writes the endpoint with the general path, which handles everything the reader handles.

import type { ByteSource } from '../ingest/types';
import { firstInvalidUtf8 } from '../ingest/csv/decode';
import { isEmptyCell } from '../infer/classify-cell';
import { daysInMonth } from '../infer/classify-date';
import { csvField } from './csv-text';
import type { CellNormalizer, NormalizeColumn } from './normalize-cell';
import { PartSink, type PartSinkOptions, type WrittenParts } from './part-sink';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const SPACE = 32;
const T_UPPER = 84;
/** A line longer than this is left to the general path (the reader's own limit applies there). */
const MAX_LINE_BYTES = 16 << 20;

/** What each column's bytes may be copied as-is for. */
const enum Kind {
  Text,
  Integer,
  /** Decimal point columns only. */
  Number,
  Boolean,
  Date,
  /** yyyy-mm-dd hh:mm:ss gets its "T" here; other forms go through the normalizer. */
  DateTime,
  /** Always through the normalizer. */
  Other,
}

export interface FastCsvOptions extends PartSinkOptions {
  bytes: ByteSource;
  /** Lines up to and including this one are skipped (without quotes, line n is row n). */
  headerRow: number;
  columns: readonly NormalizeColumn[];
  normalizers: readonly CellNormalizer[];
  /** Bytes of the file read so far. */
  onRead?: (bytesRead: number) => void;
}

export type FastCsvResult = { ok: true; written: WrittenParts } | { ok: false; reason: string };

/** The fields of one line: where each value and each field as written start and end, and flags. */
class FieldTable {
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
function scanLine(b: Uint8Array, s: number, e: number, t: FieldTable, dec: TextDecoder): string | undefined {
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

const QUOTED = 1;
const ESCAPED = 2;
const HAS_COMMA = 4;

class GiveUp {
  constructor(readonly reason: string) {}
}

function kindOf(col: NormalizeColumn): Kind {
  switch (col.type) {
    case 'text':
      return Kind.Text;
    case 'integer':
      return col.format?.decimal === ',' ? Kind.Other : Kind.Integer;
    case 'number':
      return col.format?.decimal === ',' ? Kind.Other : Kind.Number;
    case 'boolean':
      return Kind.Boolean;
    case 'date':
      return Kind.Date;
    case 'datetime':
      return Kind.DateTime;
    default:
      return Kind.Other;
  }
}

/** A plain decimal the normalizer leaves as it is: -?(0|[1-9]d*)(.d+)?, at most 15 digits, not "-0". */
function plainNumber(b: Uint8Array, s: number, e: number, allowFraction: boolean): boolean {
  let i = s;
  if (b[i] === MINUS) i++;
  const intStart = i;
  while (i < e && b[i]! >= ZERO && b[i]! <= NINE) i++;
  const intLen = i - intStart;
  if (intLen === 0 || (intLen > 1 && b[intStart] === ZERO)) return false;
  let digits = intLen;
  let nonZero = intLen > 1 || b[intStart] !== ZERO;
  if (i < e) {
    if (!allowFraction || b[i] !== DOT) return false;
    const f = ++i;
    while (i < e && b[i]! >= ZERO && b[i]! <= NINE) {
      if (b[i] !== ZERO) nonZero = true;
      i++;
    }
    if (i !== e || i === f) return false;
    digits += i - f;
  }
  if (digits > 15) return false;
  // "-0" (and "-0.0") is written "0" by the normalizer.
  return !(b[s] === MINUS && !nonZero);
}

/** yyyy-mm-dd: the normalizer writes exactly this back (a valid date) or leaves it (an invalid one). */
function isoDate(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 10 || b[s + 4] !== MINUS || b[s + 7] !== MINUS) return false;
  return digit(b[s]!) && digit(b[s + 1]!) && digit(b[s + 2]!) && digit(b[s + 3]!) && digit(b[s + 5]!) && digit(b[s + 6]!) && digit(b[s + 8]!) && digit(b[s + 9]!);
}

function digit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * "yyyy-mm-dd hh:mm:ss" or with "T", a real date and time (the reader's own rules: year from 1,
 * month 1–12, the month's days, 00:00:00–23:59:59): the normalizer writes it with "T", nothing else.
 */
function isoDateTime(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 19 || b[s + 4] !== MINUS || b[s + 7] !== MINUS || b[s + 13] !== COLON || b[s + 16] !== COLON) return false;
  const sep = b[s + 10];
  if (sep !== SPACE && sep !== T_UPPER) return false;
  const y = num(b, s, 4);
  const m = num(b, s + 5, 2);
  const d = num(b, s + 8, 2);
  const h = num(b, s + 11, 2);
  const mi = num(b, s + 14, 2);
  const sec = num(b, s + 17, 2);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59;
}

/** The digits at s..s+len as a number, or -1 when one is not a digit. */
function num(b: Uint8Array, s: number, len: number): number {
  let v = 0;
  for (let i = s; i < s + len; i++) {
    const c = b[i]!;
    if (c < ZERO || c > NINE) return -1;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

function isWord(b: Uint8Array, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (b[s + i] !== w.charCodeAt(i)) return false;
  return true;
}

export async function writeCsvPartsFast(o: FastCsvOptions): Promise<FastCsvResult> {
  const width = o.columns.length;
  const kinds = o.columns.map(kindOf);
  const norm = o.normalizers;
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  // Per field of the line being read: the value's bytes, the field's bytes as written (with any
  // quotes), and flags.
  const t = new FieldTable(width);
  const { starts, ends, rawStarts, rawEnds, flags } = t;
  const sink = new PartSink(o);
  let lineNo = 0;

  // The record being written is assembled here and handed to the sink in one piece.
  let row = new Uint8Array(4096);
  let rp = 0;
  const room = (n: number) => {
    if (rp + n <= row.length) return;
    const grown = new Uint8Array(Math.max(row.length * 2, rp + n));
    grown.set(row.subarray(0, rp));
    row = grown;
  };
  const putRange = (b: Uint8Array, s: number, e: number) => {
    const n = e - s;
    room(n);
    if (n < 32) {
      // Locals, not the captured variables, inside the byte loop (much faster in V8).
      const r = row;
      let p = rp;
      for (let i = s; i < e; i++) r[p++] = b[i]!;
      rp = p;
    } else {
      row.set(b.subarray(s, e), rp);
      rp += n;
    }
  };
  const putText = (text: string) => {
    room(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: encoded properly (rare: normalized values are ASCII, text is copied as bytes).
        const bytes = enc.encode(text.slice(i));
        putRange(bytes, 0, bytes.byteLength);
        return;
      }
      row[rp++] = c;
    }
  };
  /** The value through the normalizer, as the general path would write it. */
  const slow = (text: string, col: number) => putText(csvField(norm[col]!(text)));

  /** One line, without its line break. Returns true when the sink wants a flush. */
  const line = (b: Uint8Array, s: number, e: number): boolean => {
    lineNo++;
    const problem = scanLine(b, s, e, t, dec);
    if (problem !== undefined) throw new GiveUp(problem);
    const { n, extra, high, anyQuoted } = t;
    if (high && firstInvalidUtf8(b.subarray(s, e)) >= 0) throw new GiveUp('the file has bytes that are not UTF-8');
    if (lineNo <= o.headerRow) return false;

    // Wholly empty rows are not data (same rule as the reader and the profiler).
    let blank = true;
    for (let f = 0; f < n && blank; f++) blank = (flags[f]! & ESCAPED) === 0 && isBlankField(b, starts[f]!, ends[f]!, dec);
    if (blank) return false;

    sink.begin();
    // Most lines: every field already in its published form → the line is copied whole.
    let same = n === width && extra === 0 && !anyQuoted;
    for (let f = 0; f < n && same; f++) same = copyable(b, starts[f]!, ends[f]!, kinds[f]!);
    rp = 0;
    if (same) {
      putRange(b, s, e);
    } else {
      for (let f = 0; f < width; f++) {
        if (f > 0) {
          room(1);
          row[rp++] = COMMA;
        }
        if (f >= n) {
          putText(csvField(norm[f]!(null)));
          continue;
        }
        const vs = starts[f]!;
        const ve = ends[f]!;
        const flag = flags[f]!;
        if ((flag & (ESCAPED | HAS_COMMA)) !== 0) {
          // Needs its quotes when published: a text value keeps them exactly as written (the
          // same quoting the writer would choose); other columns go through the normalizer.
          if (kinds[f] === Kind.Text && isNonBlankStart(b, vs, ve)) putRange(b, rawStarts[f]!, rawEnds[f]!);
          else slow(unquote(b, vs, ve, flag, dec), f);
        } else if (copyable(b, vs, ve, kinds[f]!)) putRange(b, vs, ve);
        else if (kinds[f] === Kind.DateTime && isoDateTime(b, vs, ve)) {
          putRange(b, vs, vs + 10);
          room(1);
          row[rp++] = T_UPPER;
          putRange(b, vs + 11, ve);
        }
        else slow(high ? dec.decode(b.subarray(vs, ve)) : asciiText(b, vs, ve), f);
      }
    }
    room(2);
    row[rp++] = CR;
    row[rp++] = LF;
    const want = sink.bytes(row, 0, rp);
    return sink.end() || want;
  };

  try {
    let carry: Uint8Array | undefined;
    let first = true;
    let read = 0;
    for await (const chunk of o.bytes.stream(0, o.bytes.size, o.signal)) {
      sink.check();
      read += chunk.byteLength;
      o.onRead?.(read);
      // Always a plain Uint8Array (never a Buffer subclass): one element kind keeps the byte loops fast.
      let buf = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (carry) {
        buf = new Uint8Array(carry.length + chunk.length);
        buf.set(carry, 0);
        buf.set(chunk, carry.length);
        carry = undefined;
      }
      let pos = 0;
      if (first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      first = false;
      for (;;) {
        const lf = buf.indexOf(LF, pos);
        if (lf < 0) break;
        const end = lf > pos && buf[lf - 1] === CR ? lf - 1 : lf;
        if (line(buf, pos, end)) await sink.flush();
        pos = lf + 1;
      }
      if (pos < buf.length) {
        if (buf.length - pos > MAX_LINE_BYTES) throw new GiveUp('a line is longer than 16 MB');
        carry = buf.slice(pos);
      }
    }
    if (carry && carry.length > 0) {
      // The last line has no line break; a CR at its very end is the reader's line end too.
      const end = carry[carry.length - 1] === CR ? carry.length - 1 : carry.length;
      if (line(carry, 0, end)) await sink.flush();
    }
    return { ok: true, written: await sink.close() };
  } catch (e) {
    const err = await sink.abort(e);
    if (e instanceof GiveUp) return { ok: false, reason: e.reason };
    throw err;
  }

  function copyable(b: Uint8Array, s: number, e: number, kind: Kind): boolean {
    if (s === e) return true; // empty stays empty in every column
    switch (kind) {
      case Kind.Text:
        // Copied unless it could be blank (then the normalizer writes "").
        return isNonBlankStart(b, s, e);
      case Kind.Integer:
        return plainNumber(b, s, e, false);
      case Kind.Number:
        return plainNumber(b, s, e, true);
      case Kind.Boolean:
        return isWord(b, s, e, 'true') || isWord(b, s, e, 'false');
      case Kind.Date:
        return isoDate(b, s, e);
      case Kind.DateTime:
        // Already with its "T": written back as it is.
        return b[s + 10] === T_UPPER && isoDateTime(b, s, e);
      default:
        return false;
    }
  }
}

function isBlankField(b: Uint8Array, s: number, e: number, dec: TextDecoder): boolean {
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
function isNonBlankStart(b: Uint8Array, s: number, e: number): boolean {
  if (s >= e) return false;
  const c = b[s]!;
  return c > 32 && c < 0x7f;
}

/** The value of a quoted field: "" read as one quote. */
function unquote(b: Uint8Array, s: number, e: number, flag: number, dec: TextDecoder): string {
  const text = dec.decode(b.subarray(s, e));
  return (flag & ESCAPED) !== 0 ? text.replaceAll('""', '"') : text;
}

function asciiText(b: Uint8Array, s: number, e: number): string {
  // One call for the whole value (fromCharCode takes the bytes as its arguments).
  return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
}
