// Runs anywhere (pure core).
// The seam between file readers (CSV, XLSX) and everything that consumes rows (header
// detection, inference, profile, checks, publish). Rows flow in batches as async iterables so
// a 1 GB file streams with backpressure and can be cancelled between batches.

import type { ProblemInput, ProblemSink } from '../problems';

/** A date or date-time read from a typed spreadsheet cell (never from text). */
export interface DateCell {
  readonly kind: 'date';
  /**
   * Wall-clock time as if it were UTC, in milliseconds since 1970-01-01. Spreadsheet dates
   * carry no time zone; using UTC arithmetic keeps them identical on every machine.
   */
  readonly epochMs: number;
  /** False when the value is a whole day (no time part in the value or its format). */
  readonly hasTime: boolean;
}

/** A spreadsheet error value such as #REF! or #DIV/0! (a formula's cached result). */
export interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
}

/**
 * One cell. CSV cells are always strings exactly as written (empty string for an empty
 * field). XLSX cells keep the type the spreadsheet stored; empty cells are null.
 */
export type Cell = string | number | boolean | DateCell | ErrorCell | null;

export interface SourceRow {
  /** Row number as the spreadsheet shows it: XLSX row number; CSV record number (1-based). */
  readonly row: number;
  /** CSV only: physical line where the record starts (differs from row after quoted newlines). */
  readonly line?: number;
  /** Cells by 0-based column index; may be shorter than the header (missing = empty). */
  readonly cells: Cell[];
}

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook (CSV: always 0). */
  index: number;
  /** Declared or measured used range, e.g. "A1:L100001"; absent when unknown. */
  dimension?: string;
  /** Rows/columns of the used range when known before reading. */
  rowCount?: number;
  columnCount?: number;
  hidden?: boolean;
  /** Merged ranges declared on the sheet, e.g. ["A1:C1"]. */
  merges?: string[];
}

export interface ReadProgress {
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}

export interface ReadContext {
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  /** Where readers report what they met: ragged rows, formula errors, merged cells … */
  problems: ProblemSink;
}

export type SourceFormat = 'csv' | 'xlsx';

/** A file opened for reading: its sheets are known, rows are read on demand. */
export interface OpenedSource {
  readonly format: SourceFormat;
  /** CSV: the encoding used to decode ("utf-8", "utf-16le", "utf-16be", "windows-1252"). */
  readonly encoding?: string;
  /** CSV: the delimiter found (",", ";", "\t", "|"). */
  readonly delimiter?: string;
  /** Facts found while opening (e.g. "read as Windows-1252"); rows() reports them again. */
  readonly notes?: readonly ProblemInput[];
  /** CSV: one sheet named after the file. XLSX: every worksheet, in workbook order. */
  readonly sheets: SheetInfo[];
  /**
   * XLSX: custom document properties (File › Info › Properties › Custom) by name, as text.
   * Absent when the workbook has none or they cannot be read (never a reason to refuse a file).
   */
  readonly properties?: Record<string, string>;
  /** XLSX: defined names → what they refer to as written ("About!$B$3"); absent when none. */
  readonly definedNames?: Record<string, string>;
  /**
   * Streams a sheet's rows from its first row (title lines and header included), in order,
   * skipping wholly empty rows only where the format does (XLSX rows absent from the file).
   * May be called more than once (each call reads the file again).
   */
  rows(sheet: string, ctx: ReadContext): AsyncIterable<SourceRow[]>;
  /** Releases what the reader holds; the ByteSource stays open (its opener closes it). */
  close(): Promise<void>;
}

/**
 * Random access to the bytes of one file. The Node corner implements it over a file handle;
 * tests and the browser can implement it over a Uint8Array.
 */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** Reads exactly `length` bytes at `offset` (fewer only at end of file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Streams bytes [start, end) in chunks of about 1 MB. */
  stream(start?: number, end?: number, signal?: AbortSignal): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** A ByteSource over bytes already in memory (tests, small uploads). */
export function bytesSource(name: string, bytes: Uint8Array, chunkSize = 1 << 20): ByteSource {
  return {
    name,
    size: bytes.length,
    async read(offset, length) {
      return bytes.subarray(offset, Math.min(bytes.length, offset + length));
    },
    async *stream(start = 0, end = bytes.length, signal) {
      for (let at = start; at < end; at += chunkSize) {
        if (signal?.aborted) return;
        yield bytes.subarray(at, Math.min(end, at + chunkSize));
      }
    },
    async close() {},
  };
}
