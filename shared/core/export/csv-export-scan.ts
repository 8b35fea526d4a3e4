// Runs anywhere (pure core).
// The byte scanner behind the CSV export's fast path. Published parts are already the CSV we
// export (see publish/csv-text.ts), so most of a part can be copied as it is: the scanner walks
// the bytes once, finds record and field ends (quotes may hold commas, quotes and line breaks),
// and copies long runs of bytes at a time. Only a field the general path would write
// differently is rebuilt — through `slowCell`, the general path's own per-value writer — so
// both paths give the same bytes: text that starts like a formula, a number not in the form
// String(Number) writes ("1.50" → "1.5", trailing zeros are trimmed here directly), a needlessly
// quoted value, a line ending other than CRLF. Anything structurally wrong (wrong field count,
// a stray quote, not UTF-8) is never guessed at: it throws PartAnomaly and the caller explains it.

import { CsvRecordSplitter } from '../pull/part-parser';
import { canonicalInteger, canonicalNumberEnd } from './csv-export-numbers';
import { utf8Sequence } from './csv-export-utf8';

/** How a column's published text is checked before it is copied. */
export const COPY_TEXT = 0;
export const COPY_INTEGER = 1;
export const COPY_NUMBER = 2;
export type CopyKind = typeof COPY_TEXT | typeof COPY_INTEGER | typeof COPY_NUMBER;

/** Something in a part that the general path would reject or read differently than a copy. */
export class PartAnomaly extends Error {}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

const S_FIELD_START = 0;
const S_UNQUOTED = 1;
const S_QUOTED = 2;
const S_CLOSED = 3;

/**
 * First bytes after which neutralize() (csv-export.ts) never adds an apostrophe. Unsafe: control
 * characters, space (it may hide a formula behind it), = + - @, and the UTF-8 lead bytes of
 * every character JavaScript counts as white space or that is a full-width = + - @ (C2: U+00A0,
 * E1: U+1680, E2: U+2000–U+205F, E3: U+3000, EF: U+FEFF and U+FF0B…). Unsafe is only slower.
 */
const SAFE_FIRST = new Uint8Array(256);
for (let b = 0x21; b < 256; b++) SAFE_FIRST[b] = 1;
for (const b of [0x3d, 0x2b, 0x2d, 0x40, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) SAFE_FIRST[b] = 0;

const CRLF_BYTES = new Uint8Array([CR, LF]);
const EMPTY_QUOTED = new Uint8Array([QUOTE, QUOTE]);
/** Bytes handed out at a time: big enough that writing them costs few system calls and few buffers. */
const OUT_MIN = 256 * 1024;

export class PartCopier {
  /** Data records of the current part. */
  rows = 0;
  private buf = new Uint8Array(OUT_MIN);
  private len = 0;
  private pos = 0;
  private state = S_FIELD_START;
  private fieldStart = 0;
  private field = 0;
  private special = false;
  private lastEmpty = false;
  private copyFrom = 0;
  private inHeader = true;
  private onHeader: (names: string[]) => void = () => undefined;
  private out = new Uint8Array(OUT_MIN);
  private outLen = 0;
  private readonly text = new TextDecoder();
  private readonly encoder = new TextEncoder();

  constructor(private readonly kinds: readonly CopyKind[], private readonly slowCell: (column: number, text: string) => string) {}

  /** A new part starts: its first record is the header, handed to `onHeader` (which may throw). */
  startPart(onHeader: (names: string[]) => void): void {
    this.rows = 0;
    this.len = this.pos = this.fieldStart = this.field = this.copyFrom = 0;
    this.state = S_FIELD_START;
    this.inHeader = true;
    this.onHeader = onHeader;
  }

  /** Bytes of the part, in order. */
  push(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + chunk.length));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    this.scan(false);
    this.release();
  }

  /** The part's end: the last record may lack its line end; an open quote means a cut-off part. */
  end(): void {
    this.scan(true);
    if (this.state === S_QUOTED) throw new PartAnomaly('it ends inside a quoted value.');
    if (this.state !== S_FIELD_START || this.field > 0) {
      this.endField(this.len);
      this.endRecord(this.len, 0);
    }
    if (this.inHeader) throw new PartAnomaly('it is empty.');
    this.release();
  }

  /** The bytes written so far, once there are enough of them (or all with `all`). */
  take(all = false): Uint8Array | undefined {
    if (this.outLen === 0 || (!all && this.outLen < OUT_MIN)) return undefined;
    const done = this.out.subarray(0, this.outLen);
    // A new buffer: the one handed out may still be waiting in a write queue.
    this.out = new Uint8Array(Math.max(OUT_MIN, this.out.length));
    this.outLen = 0;
    return done;
  }

  /**
   * Walks the buffer from `pos`. Stops early where a byte's meaning depends on bytes not there
   * yet (CR, a quote, a cut character), unless `final`. Non-ASCII characters are checked as
   * UTF-8 on the way (the general path's decoder would refuse the part otherwise).
   */
  private scan(final: boolean): void {
    const buf = this.buf;
    const len = this.len;
    let i = this.pos;
    let wait = false;
    while (i < len) {
      const state = this.state;
      if (state === S_QUOTED) {
        let c = 0;
        while (i < len) {
          c = buf[i]!;
          if (c === QUOTE) break;
          if (c >= 0x80) {
            const n = utf8Sequence(buf, i, len);
            if (n <= 0) {
              // Not in a closure: variables a closure captures would slow this loop down.
              if (n < 0 || final) throw new PartAnomaly('it holds bytes that are not UTF-8 text.');
              wait = true;
              break;
            }
            i += n;
            continue;
          }
          if (c === COMMA || c === CR || c === LF) this.special = true;
          i++;
        }
        if (i >= len || wait) break;
        if (i + 1 >= len && !final) break; // "" or the closing quote? the next chunk says
        if (i + 1 < len && buf[i + 1] === QUOTE) {
          this.special = true;
          i += 2;
        } else {
          this.state = S_CLOSED;
          i++;
        }
        continue;
      }
      if (state === S_FIELD_START && buf[i] === QUOTE) {
        this.state = S_QUOTED;
        this.special = false;
        i++;
        continue;
      }
      let c = 0;
      if (state !== S_CLOSED) {
        // Unquoted: to the next delimiter or line end. All four stops are below 45.
        while (i < len) {
          c = buf[i]!;
          if (c < 45) {
            if (c === COMMA || c === CR || c === LF || c === QUOTE) break;
          } else if (c >= 0x80) {
            const n = utf8Sequence(buf, i, len);
            if (n <= 0) {
              // Not in a closure: variables a closure captures would slow this loop down.
              if (n < 0 || final) throw new PartAnomaly('it holds bytes that are not UTF-8 text.');
              wait = true;
              break;
            }
            i += n;
            continue;
          }
          i++;
        }
        this.state = S_UNQUOTED;
        if (i >= len || wait) break;
        if (c === QUOTE) throw new PartAnomaly('a quote stands inside an unquoted value.');
      } else {
        c = buf[i]!;
        if (c !== COMMA && c !== CR && c !== LF) throw new PartAnomaly('text follows a closing quote.');
      }
      if (c === COMMA) {
        this.endField(i);
        this.field++;
        if (!this.inHeader && this.field >= this.kinds.length) throw new PartAnomaly('a record has more values than the header.');
        this.state = S_FIELD_START;
        this.fieldStart = i + 1;
        i++;
        continue;
      }
      let term = 1;
      if (c === CR) {
        if (i + 1 >= len && !final) break; // CRLF or a lone CR? the next chunk says
        if (i + 1 < len && buf[i + 1] === LF) term = 2;
      }
      this.endField(i);
      this.endRecord(i, term);
      i += term;
    }
    this.pos = i;
  }

  /** One field is complete: [fieldStart, end), quotes included. Decides copy or rebuild. */
  private endField(end: number): void {
    if (this.inHeader) return;
    const col = this.field;
    const kind = this.kinds[col];
    if (kind === undefined) throw new PartAnomaly('a record has more values than the header.');
    const buf = this.buf;
    const start = this.fieldStart;
    const quoted = this.state === S_CLOSED;
    this.lastEmpty = false;
    if (quoted) {
      if (kind === COPY_TEXT && this.special && SAFE_FIRST[buf[start + 1]!] === 1) return;
    } else if (end === start) {
      this.lastEmpty = true;
      return;
    } else if (kind === COPY_TEXT) {
      if (SAFE_FIRST[buf[start]!] === 1) return;
    } else if (kind === COPY_INTEGER) {
      if (canonicalInteger(buf, start, end)) return;
    } else {
      const e = canonicalNumberEnd(buf, start, end);
      if (e === end) return;
      if (e > start) {
        this.emit(this.copyFrom, e);
        this.copyFrom = end;
        return;
      }
    }
    // Rebuilt by the general path's writer.
    let text = quoted ? this.text.decode(buf.subarray(start + 1, end - 1)) : this.text.decode(buf.subarray(start, end));
    if (quoted && text.includes('"')) text = text.replaceAll('""', '"');
    const cell = this.slowCell(col, text);
    this.emit(this.copyFrom, start);
    this.copyFrom = end;
    this.lastEmpty = cell.length === 0;
    if (cell.length > 0) this.write(this.encoder.encode(cell));
  }

  /** A record ends at `at` with a line end of `term` bytes (2 = CRLF, kept as it is). */
  private endRecord(at: number, term: number): void {
    if (this.inHeader) {
      const names = this.headerNames(at);
      this.inHeader = false;
      this.copyFrom = at + term;
      this.onHeader(names);
    } else {
      if (this.field + 1 !== this.kinds.length) throw new PartAnomaly('a record has fewer values than the header.');
      // A one-column row with an empty value is written "" so readers do not skip it as blank.
      if (this.kinds.length === 1 && this.lastEmpty) {
        this.emit(this.copyFrom, at);
        this.write(EMPTY_QUOTED);
        this.copyFrom = at;
      }
      if (term !== 2) {
        this.emit(this.copyFrom, at);
        this.write(CRLF_BYTES);
        this.copyFrom = at + term;
      }
      this.rows++;
    }
    this.field = 0;
    this.state = S_FIELD_START;
    this.fieldStart = at + term;
  }

  /** The header record, read by the general parser (it is small, and must read the same). */
  private headerNames(end: number): string[] {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(this.buf.subarray(0, end));
    } catch {
      throw new PartAnomaly('its column names are not UTF-8 text.');
    }
    const splitter = new CsvRecordSplitter((what) => {
      throw new PartAnomaly(what);
    });
    splitter.push(text);
    splitter.finish();
    return splitter.records[0] ?? [''];
  }

  /** Copies what is decided (everything before the field in progress) and drops it from the buffer. */
  private release(): void {
    if (this.inHeader) return;
    if (this.fieldStart > this.copyFrom) {
      this.emit(this.copyFrom, this.fieldStart);
      this.copyFrom = this.fieldStart;
    }
    const drop = this.copyFrom;
    if (drop === 0) return;
    this.buf.copyWithin(0, drop, this.len);
    this.len -= drop;
    this.pos -= drop;
    this.fieldStart -= drop;
    this.copyFrom = 0;
  }

  private emit(from: number, to: number): void {
    if (to <= from) return;
    this.room(to - from);
    this.out.set(this.buf.subarray(from, to), this.outLen);
    this.outLen += to - from;
  }

  private write(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.out.set(bytes, this.outLen);
    this.outLen += bytes.length;
  }

  private room(n: number): void {
    if (this.outLen + n <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.outLen + n));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }
}
