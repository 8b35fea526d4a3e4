// Runs anywhere (pure core).
// Streaming CSV tokenizer over decoded text chunks (RFC 4180 plus what real files contain).
// Speed comes from scanning with indexOf/charCodeAt and cutting fields with slice: no regex,
// no per-character string building. Text is pushed in chunks of any size; a record cut by a
// chunk boundary is re-read from its start once more text arrives, so no parser state has to
// survive a boundary except the record's start. Numbering follows Excel: a quoted line break
// does not start a new row, a wholly blank line is not yielded but still uses up a row number.

import type { ProblemSink } from '../../problems';
import type { SourceRow } from '../types';
import { invalidUtf8, rowTooLong, textAfterQuote, tooManyColumns, unterminatedQuote } from './csv-problems';

/** A quoted value longer than this (characters or line breaks) is taken to be a stray, unclosed quote. */
export const MAX_QUOTED_CHARS = 1 << 20;
export const MAX_QUOTED_LINES = 10_000;
/** Excel's column limit: extra values in a row are dropped (and reported). */
export const MAX_COLUMNS = 16_384;
/** A record still unfinished after this many characters means the file is not a table. */
export const MAX_RECORD_CHARS = 16 << 20;
export const BATCH_ROWS = 500;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const INCOMPLETE = -1;
const UNCLOSED = -2;

export interface TokenizerOptions {
  /** One character: ",", ";", "\t" or "|". */
  delimiter: string;
  problems: ProblemSink;
  sheet?: string;
  batchRows?: number;
}

export class CsvTokenizer {
  private readonly delim: string;
  private readonly delimCode: number;
  private readonly problems: ProblemSink;
  private readonly sheet: string | undefined;
  private readonly batchRows: number;

  /** Unparsed text; always starts at the beginning of a record (or blank line). */
  private buf = '';
  /** Absolute character offset of buf[0] in the decoded stream. */
  private bufAbs = 0;
  /** Row number of the last record or blank line consumed. */
  private row = 0;
  /** Physical line where buf[0] starts. */
  private line = 1;
  /** Re-parse an unfinished record only once the buffer reaches this length (amortizes re-reads). */
  private parseAt = 0;
  /** No more text will come. */
  private ended = false;
  /** Absolute offsets of opening quotes already judged unclosed (they are read literally). */
  private literalQuotes: number[] = [];
  /** Absolute offsets where the decoder met invalid bytes, waiting for their record to finish. */
  private badMarks: number[] = [];
  private batch: SourceRow[] = [];
  private emitted = 0;

  constructor(opts: TokenizerOptions) {
    if (opts.delimiter.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(opts.delimiter)}`);
    this.delim = opts.delimiter;
    this.delimCode = opts.delimiter.charCodeAt(0);
    this.problems = opts.problems;
    this.sheet = opts.sheet;
    this.batchRows = opts.batchRows ?? BATCH_ROWS;
  }

  /** Rows handed out so far. */
  get rowsEmitted(): number {
    return this.emitted;
  }

  /** Notes that the text about to be pushed has undecodable bytes at `offsetInNextText`. */
  markInvalidBytes(offsetInNextText: number): void {
    this.badMarks.push(this.bufAbs + this.buf.length + offsetInNextText);
  }

  /** Adds text; nothing is parsed until nextBatch() asks. */
  push(text: string): void {
    if (text.length === 0) return;
    this.buf = this.buf.length === 0 ? text : this.buf + text;
  }

  /** End of input: the last record may lack a line break; an open quote is judged unclosed. */
  finish(): void {
    this.ended = true;
  }

  /**
   * The next full batch of rows, or undefined when more text is needed (after finish(): the
   * remaining rows, then undefined). Parsing stops at each full batch on purpose: rows handed
   * on promptly die young, which keeps the garbage collector's work (the main cost) small.
   */
  nextBatch(): SourceRow[] | undefined {
    if (this.batch.length < this.batchRows && (this.ended || (this.buf.length > 0 && this.buf.length >= this.parseAt))) {
      this.parse(this.ended);
    }
    if (this.ended && this.buf.length === 0 && this.badMarks.length > 0) {
      this.reportBadBytesBefore(Infinity, this.row, this.line);
    }
    if (this.batch.length >= this.batchRows || (this.ended && this.batch.length > 0)) return this.take();
    return undefined;
  }

  /** The rows completed so far, even if fewer than a batch. */
  flush(): SourceRow[] {
    return this.take();
  }

  private take(): SourceRow[] {
    const out = this.batch;
    this.batch = [];
    this.emitted += out.length;
    return out;
  }

  private parse(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    const dch = this.delim;
    let pos = 0;
    let row = this.row;
    let line = this.line;
    // Next delimiter / LF / CR at or after the cursor (n when none is left in the buffer).
    // Each is searched again only once the cursor passes it, so every search is amortized.
    let nD = -1;
    let nLF = -1;
    let nCR = -1;
    let eol = -1; // min(nLF, nCR): where the current line ends
    let nQ = -1; // next quote: only a quote that opens a field matters

    outer: while (pos < n) {
      if (nLF < pos) nLF = at(s.indexOf('\n', pos), n);
      if (nCR < pos) nCR = at(s.indexOf('\r', pos), n);
      eol = nLF < nCR ? nLF : nCR;
      if (eol === pos) {
        // A wholly blank line: not a row, but it uses up a row number (as in Excel).
        if (nCR === pos) {
          if (pos + 1 === n && !final) break; // a LF may follow in the next chunk
          pos += nLF === pos + 1 ? 2 : 1;
        } else pos++;
        row++, line++;
        continue;
      }

      const cells: string[] = [];
      let recLines = 0; // line breaks inside quoted values of this record
      let textAfterQuoteCol = -1;
      let overflow = false;
      let p = pos;
      let e: number; // where the record's last field ends: CR, LF, or n

      for (;;) {
        if (nQ < p) nQ = at(s.indexOf('"', p), n + 1); // n + 1: an empty last field is no quote
        if (nQ !== p || this.isLiteral(p)) {
          if (nD < p) nD = at(s.indexOf(dch, p), n);
          if (nD < eol) {
            if (cells.length < MAX_COLUMNS) cells.push(s.slice(p, nD));
            else overflow = true;
            p = nD + 1;
            continue;
          }
          e = eol;
          if (e === n && !final) break outer;
          if (cells.length < MAX_COLUMNS) cells.push(s.slice(p, e));
          else overflow = true;
          break;
        }
        e = this.readQuoted(s, p, final, row + 1, line + recLines, cells.length);
        if (e === INCOMPLETE) break outer;
        if (e === UNCLOSED) continue; // same field again, the quote now read as a plain character
        let v = this.quotedValue;
        recLines += this.quotedLines;
        if (nD < e) nD = at(s.indexOf(dch, e), n);
        if (eol < e) {
          if (nLF < e) nLF = at(s.indexOf('\n', e), n);
          if (nCR < e) nCR = at(s.indexOf('\r', e), n);
          eol = nLF < nCR ? nLF : nCR;
        }
        if (e !== nD && e !== eol) {
          // "ab"c: keep the text after the closing quote, up to the next delimiter or line end.
          const end = nD < eol ? nD : eol;
          if (end === n && !final) break outer;
          v += s.slice(e, end);
          e = end;
          if (textAfterQuoteCol < 0) textAfterQuoteCol = cells.length;
        }
        if (cells.length < MAX_COLUMNS) cells.push(v);
        else overflow = true;
        if (e === nD && e < n) {
          p = e + 1;
          continue;
        }
        break;
      }

      // The record ends at e: a line break, or the end of the input (final only).
      if (e === n) p = n;
      else if (s.charCodeAt(e) === CR) {
        if (e + 1 === n && !final) break outer;
        p = e + 1 < n && s.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
      } else p = e + 1;

      row++;
      this.batch.push({ row, line, cells });
      if (textAfterQuoteCol >= 0) this.problems.add(textAfterQuote(this.sheet, row, line, textAfterQuoteCol, cells[textAfterQuoteCol] ?? ''));
      if (overflow) this.problems.add(tooManyColumns(this.sheet, row, line, MAX_COLUMNS));
      if (this.badMarks.length > 0) this.reportBadBytesBefore(this.bufAbs + p, row, line);
      if (this.literalQuotes.length > 0) this.literalQuotes = [];
      line += recLines + 1;
      pos = p;
      if (this.batch.length >= this.batchRows) break;
    }

    // Stopped before the end without a full batch: the record at pos needs more text.
    this.commit(pos, row, line, final, pos < n && this.batch.length < this.batchRows);
  }

  // Results of readQuoted besides the returned end position.
  private quotedValue = '';
  private quotedLines = 0;

  /**
   * Reads the quoted value whose opening quote is at q. Returns the position just after the
   * closing quote (value in quotedValue, line breaks inside it in quotedLines), INCOMPLETE when
   * the buffer ends before the value can be judged, or UNCLOSED when the quote never closes
   * within the bounds (reported; the quote is then read as a plain character).
   */
  private readQuoted(s: string, q: number, final: boolean, row: number, line: number, col: number): number {
    const n = s.length;
    let seg = q + 1;
    let v = '';
    let close: number;
    for (;;) {
      close = s.indexOf('"', seg);
      if (close === -1 || close + 1 >= n) {
        if (close === -1) close = n;
        if (!final && close - q <= MAX_QUOTED_CHARS && countBreaks(s, q + 1, n, MAX_QUOTED_LINES + 1) <= MAX_QUOTED_LINES) {
          return INCOMPLETE; // may still close (or turn out to be a doubled quote) in the next chunk
        }
        if (close === n) break;
      }
      if (s.charCodeAt(close + 1) !== QUOTE) break;
      v += s.slice(seg, close + 1); // "" stands for one quote
      seg = close + 2;
    }
    let unclosed = close === n || close - q > MAX_QUOTED_CHARS;
    let lines = 0;
    if (!unclosed) {
      lines = countBreaks(s, q + 1, close, MAX_QUOTED_LINES + 1);
      const after = close + 1 < n ? s.charCodeAt(close + 1) : -1;
      // A multi-line quoted value followed by stray text almost always means the opening quote
      // was never closed and the "closing" one belongs to a later row.
      const strayAfter = after !== this.delimCode && after !== LF && after !== CR && after !== -1;
      unclosed = lines > MAX_QUOTED_LINES || (lines > 0 && strayAfter);
    }
    if (unclosed) {
      this.literalQuotes.push(this.bufAbs + q);
      this.problems.add(unterminatedQuote(this.sheet, row, line, col, firstLine(s.slice(q, Math.min(n, q + 60)))));
      return UNCLOSED;
    }
    this.quotedValue = seg === q + 1 ? s.slice(seg, close) : v + s.slice(seg, close);
    this.quotedLines = lines;
    return close + 1;
  }

  private commit(pos: number, row: number, line: number, final: boolean, stalled: boolean): void {
    this.row = row;
    this.line = line;
    this.bufAbs += pos;
    this.buf = pos === 0 ? this.buf : this.buf.slice(pos);
    const left = this.buf.length;
    if (!final && stalled && left > MAX_RECORD_CHARS) {
      throw rowTooLong(this.sheet, row + 1, line, MAX_RECORD_CHARS);
    }
    // Wait for the buffer to double before re-reading an unfinished record: total re-reading
    // work then stays proportional to the record's length, whatever the chunk size.
    this.parseAt = stalled ? Math.min(left * 2, MAX_RECORD_CHARS + 1) : 0;
  }

  private isLiteral(p: number): boolean {
    return this.literalQuotes.length > 0 && this.literalQuotes.includes(this.bufAbs + p);
  }

  private reportBadBytesBefore(abs: number, row: number, line: number): void {
    while (this.badMarks.length > 0 && (this.badMarks[0] ?? 0) < abs) {
      this.badMarks.shift();
      this.problems.add(invalidUtf8(this.sheet, row, line));
    }
  }
}

/** indexOf result with "not found" mapped to the buffer end, so min() comparisons just work. */
function at(i: number, n: number): number {
  return i === -1 ? n : i;
}

/** The text up to its first line break (for showing where a stray quote opened). */
function firstLine(text: string): string {
  const br = text.search(/[\r\n]/);
  return br < 0 ? text : text.slice(0, br);
}

/** Line breaks (CRLF, LF or CR) in s[from, to), counting at most up to `limit`. */
function countBreaks(s: string, from: number, to: number, limit: number): number {
  let count = 0;
  for (let i = from; i < to && count < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
