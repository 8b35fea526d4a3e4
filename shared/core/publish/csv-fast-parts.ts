// Runs anywhere (pure core).
// The fast path for a CSV that is already (almost) in the published form — UTF-8, commas, no
// value running over a line break, no bare CR: its lines ARE its records, so bytes go to the
// data parts without being decoded, split into cell strings and encoded again. Each field is checked on its bytes against
// what the normalizer would write; a field that is already in that form is copied as it is,
// any other goes through the normalizer like on the general path. The output is byte for byte
// what the general path writes (the differential test holds them together).
//
// The moment the file turns out not to be that simple (a quoted line break, a stray quote, a
// bare CR, invalid UTF-8, more values than columns, a line too long) the fast path gives up and
// says why; the caller then writes the endpoint with the general path, which handles everything the reader handles.

import type { ByteSource } from '../ingest/types';
import { firstInvalidUtf8 } from '../ingest/csv/decode';
import { csvField } from './csv-text';
import { asciiText, COMMA, CR, ESCAPED, FieldTable, HAS_COMMA, isBlankField, isNonBlankStart, LF, scanLine, unquote } from './csv-fast-scan';
import { copyable, isoDateTime, Kind, kindOf, T_UPPER } from './csv-fast-values';
import type { CellNormalizer, NormalizeColumn } from './normalize-cell';
import { PartSink, type PartSinkOptions, type WrittenParts } from './part-sink';

/** A line longer than this is left to the general path (the reader's own limit applies there). */
const MAX_LINE_BYTES = 16 << 20;

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

class GiveUp {
  constructor(readonly reason: string) {}
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
}
