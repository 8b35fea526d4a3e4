// Runs anywhere (pure core).
// Reads published data parts back into records: RFC 4180 as part-sink.ts writes it (UTF-8,
// comma, CRLF, header first in every part, a field quoted only when it must be). The parser is
// incremental — a state machine fed one decoded chunk at a time — so a chunk may end anywhere
// (inside a quoted field, between CR and LF, inside a UTF-8 character) and a huge quoted field is
// never scanned twice. Parts are written by Mesh Desk, so anything malformed means the part was
// damaged or cut short: that is reported in words rather than guessed around.

import { throwIfCancelled, UserFacingError } from '../result';

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Records handed out per batch (a batch may end up a little larger: one chunk's worth). */
export const DEFAULT_BATCH_RECORDS = 1000;

/** Where a part came from, for messages: "part 3 of price-list/default, version 1.2.0". */
export interface PartLabel {
  /** 1-based part number. */
  part: number;
  /** Plain description of the endpoint and version the part belongs to. */
  of: string;
}

/** The words for a part that cannot be read as published: `what` says what is wrong with it. */
export function damaged(label: PartLabel, what: string): UserFacingError {
  return new UserFacingError(
    'pull.part-damaged',
    `Part ${label.part} of ${label.of} is damaged: ${what} The published data cannot be read as it is. Ask the product's owner to publish the version again.`,
  );
}

/**
 * Splits decoded text into records. Feed text with push(), then call finish(); complete records
 * collect in `records` (the caller takes them out). Quoted fields may hold commas, quotes ("")
 * and line breaks; a record ends at CRLF, LF or a lone CR outside quotes.
 */
export class CsvRecordSplitter {
  records: string[][] = [];
  /** Records completed so far (including those already taken out). */
  count = 0;
  private record: string[] = [];
  private field = '';
  /** True until the current field has consumed any character. */
  private fieldStart = true;
  private inQuotes = false;
  /** Inside quotes, the previous chunk ended on a quote: escaped "" or the closing quote? */
  private quoteAtEnd = false;
  /** A quoted field was closed: only a delimiter or a line end may follow. */
  private closed = false;
  /** The previous record ended with CR: a following LF belongs to it. */
  private afterCr = false;
  /** True while nothing of the current record has been read (no field, not even an empty one). */
  private recordEmpty = true;

  constructor(private readonly fail: (what: string) => never) {}

  push(s: string): void {
    const n = s.length;
    let i = 0;
    if (n === 0) return;
    if (this.afterCr) {
      this.afterCr = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (s.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else {
        this.inQuotes = false;
        this.closed = true;
      }
    }
    // Next quote and CR at or after i (n when none): found once and reused, so a chunk is
    // searched for each of them only once in all.
    let quoteAt = -1;
    let crAt = -1;
    while (i < n) {
      if (this.recordEmpty && !this.inQuotes) {
        // Fast path, the common case: a whole line without quotes is split natively. A line with
        // a quote, a lone CR, or no line end in this chunk goes through the state machine below.
        while (i < n) {
          const lf = s.indexOf('\n', i);
          if (lf < 0) break;
          if (quoteAt < i) quoteAt = indexOrEnd(s, '"', i);
          if (quoteAt < lf) break;
          if (crAt < i) crAt = indexOrEnd(s, '\r', i);
          if (crAt < lf - 1) break;
          this.records.push(s.slice(i, crAt === lf - 1 ? crAt : lf).split(','));
          this.count++;
          i = lf + 1;
        }
        if (i >= n) return;
      }
      if (this.inQuotes) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          return;
        }
        this.field += s.slice(i, q);
        if (q + 1 >= n) {
          this.quoteAtEnd = true;
          return;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          this.closed = true;
          i = q + 1;
        }
        continue;
      }
      if (this.fieldStart) {
        this.recordEmpty = false;
        if (s.charCodeAt(i) === QUOTE) {
          this.fieldStart = false;
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      // Outside quotes: scan to the next delimiter or line end.
      let j = i;
      let c = 0;
      while (j < n) {
        c = s.charCodeAt(j);
        // All four stops are below 45, so one comparison passes every ordinary character.
        if (c < 45 && (c === COMMA || c === CR || c === LF || c === QUOTE)) break;
        j++;
      }
      if (j > i) {
        if (this.closed) this.fail(`text follows a closing quote in record ${this.count + 1}.`);
        const piece = s.slice(i, j);
        this.field = this.fieldStart ? piece : this.field + piece;
        this.fieldStart = false;
      }
      if (j >= n) return;
      if (c === QUOTE) this.fail(this.closed ? `text follows a closing quote in record ${this.count + 1}.` : `a quote stands inside an unquoted value in record ${this.count + 1}.`);
      this.endField();
      if (c !== COMMA) {
        this.endRecord();
        if (c === CR) {
          if (j + 1 >= n) {
            this.afterCr = true;
            return;
          }
          if (s.charCodeAt(j + 1) === LF) j++;
        }
      } else this.recordEmpty = false;
      i = j + 1;
    }
  }

  /** End of the input: the last record may lack its line end; an open quote means a cut-off part. */
  finish(): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.inQuotes = false;
      this.closed = true;
    }
    if (this.inQuotes) this.fail(`it ends inside a quoted value (record ${this.count + 1}); the part was probably cut short.`);
    if (!this.recordEmpty) {
      this.endField();
      this.endRecord();
    }
  }

  private endField(): void {
    this.record.push(this.fieldStart ? '' : this.field);
    this.field = '';
    this.fieldStart = true;
    this.closed = false;
  }

  private endRecord(): void {
    this.records.push(this.record);
    this.record = [];
    this.recordEmpty = true;
    this.count++;
  }
}

export interface PartRecordsOptions {
  label: PartLabel;
  signal?: AbortSignal;
  batchRecords?: number;
}

/**
 * Reads the parts of one endpoint in order. The first part's header becomes `header`; every
 * later part must repeat it exactly, and every record must have as many fields as the header
 * (a short record means a damaged part, never a shifted column).
 */
export class PartsReader {
  header: string[] | undefined;

  /** The data records of one part (its header checked and left out), in batches. */
  async *records(chunks: AsyncIterable<Uint8Array>, o: PartRecordsOptions): AsyncIterable<string[][]> {
    const batch = Math.max(1, o.batchRecords ?? DEFAULT_BATCH_RECORDS);
    const fail = (what: string): never => {
      throw damaged(o.label, what);
    };
    const splitter = new CsvRecordSplitter(fail);
    // Fatal: a byte sequence that is not UTF-8 is damage, not text to guess at.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let headerSeen = false;
    let width = 0;
    const take = (): string[][] => {
      let out = splitter.records;
      splitter.records = [];
      if (!headerSeen && out.length > 0) {
        headerSeen = true;
        width = this.checkHeader(out[0]!, o.label);
        out = out.slice(1);
      }
      const first = splitter.count - out.length;
      for (let k = 0; k < out.length; k++) {
        const len = out[k]!.length;
        // A one-column table writes an empty value as an empty line: that is one field.
        if (len !== width) fail(`record ${first + k + 1} has ${len} value${len === 1 ? '' : 's'} where the header has ${width}.`);
      }
      return out;
    };
    let pending: string[][] = [];
    for await (const chunk of chunks) {
      throwIfCancelled(o.signal);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw damaged(o.label, 'it holds bytes that are not UTF-8 text.');
      }
      splitter.push(text);
      if (splitter.records.length > 0) pending = pending.length === 0 ? take() : pending.concat(take());
      if (pending.length >= batch) {
        yield pending;
        pending = [];
      }
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw damaged(o.label, 'it ends in the middle of a character (not UTF-8 text); the part was probably cut short.');
    }
    splitter.push(tail);
    splitter.finish();
    if (splitter.records.length > 0) pending = pending.concat(take());
    if (!headerSeen) fail('it is empty (not even the column names are there).');
    if (pending.length > 0) yield pending;
  }

  private checkHeader(header: string[], label: PartLabel): number {
    if (!this.header) {
      this.header = header;
      return header.length;
    }
    const first = this.header;
    if (header.length !== first.length || header.some((h, k) => h !== first[k])) {
      throw damaged(label, `its column names (${listed(header)}) differ from the first part's (${listed(first)}).`);
    }
    return header.length;
  }
}

function indexOrEnd(s: string, c: string, from: number): number {
  const at = s.indexOf(c, from);
  return at < 0 ? s.length : at;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n}"`).join(', ');
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
}
