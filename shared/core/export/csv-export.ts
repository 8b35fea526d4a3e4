// Runs anywhere (pure core).
// "Save as CSV" for a pulled data product: the rows stream in as batches and leave as UTF-8
// byte chunks of about 64 KB, so a product of any size is written with flat memory and the
// caller (file, HTTP download, browser) only ever holds one chunk.
//
// A CSV has no cell types: whatever opens it (Excel, LibreOffice, Sheets) decides what a field
// is. So text that starts like a formula is neutralized with a leading apostrophe (OWASP "CSV
// injection"), using the same rule as safeCellText. Real numbers are written as numbers and never
// prefixed: -5 from a number column stays -5, while the text "-5" from a text column becomes
// "'-5" — the column's type, not the look of the value, decides.
//
// This is the general (typed) path. Comma CSV from a mesh goes through csv-export-fast.ts, which
// copies the published parts' bytes and sends only the values it cannot copy through
// csvFieldText below: whatever this file writes, the fast path writes the same bytes.

import type { PulledBatch, PulledColumn, PulledValue } from '../pull/read-endpoint';
import { throwIfCancelled } from '../result';
import { safeCellText } from './spreadsheet-safe';

export interface CsvExportOptions {
  delimiter: ',' | ';';
  /** Start with a UTF-8 byte order mark: Excel on Windows needs it to read accents right. */
  bom: boolean;
  /** Decimal mark of numbers; default ',' with the ';' delimiter (the European locale choice), else '.'. */
  decimal?: '.' | ',';
  signal?: AbortSignal;
}

/** About this many characters go into one chunk (≈ bytes for mostly-ASCII data). */
export const CSV_CHUNK_CHARS = 64 * 1024;

const CRLF = '\r\n';
const BOM = '\uFEFF';

/**
 * The product as CSV bytes: a header row of column names, then one line per row, exactly one
 * field per column (short rows are padded with empty fields, extra values are dropped).
 */
export async function* csvExportChunks(
  columns: PulledColumn[],
  batches: AsyncIterable<PulledBatch>,
  opts: CsvExportOptions,
): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  const delimiter = opts.delimiter;
  const decimal = decimalMark(opts);
  const field = fieldWriter(delimiter);
  let parts: string[] = [];
  let size = 0;
  const push = (line: string): void => {
    parts.push(line);
    size += line.length;
  };
  const take = (): Uint8Array => {
    const bytes = encoder.encode(parts.join(''));
    parts = [];
    size = 0;
    return bytes;
  };

  throwIfCancelled(opts.signal);
  push(csvHeaderText(columns, opts));
  const width = columns.length;
  const cells: string[] = new Array<string>(width);
  for await (const batch of batches) {
    throwIfCancelled(opts.signal);
    for (const row of batch.rows) {
      for (let i = 0; i < width; i++) cells[i] = field(csvValue(row[i] ?? null, decimal));
      push(line(cells, delimiter));
      if (size >= CSV_CHUNK_CHARS) yield take();
    }
  }
  if (size > 0) yield take();
}

/** The start of the file: the byte order mark if asked for, and the line of column names. */
export function csvHeaderText(columns: readonly PulledColumn[], opts: Pick<CsvExportOptions, 'delimiter' | 'bom'>): string {
  const field = fieldWriter(opts.delimiter);
  return (opts.bom ? BOM : '') + line(columns.map((c) => field(neutralize(c.name))), opts.delimiter);
}

/**
 * One value as csvExportChunks writes it (neutralized, quoted when needed), for a writer that
 * handles a row in pieces: the CSV fast path sends every value it does not copy through here,
 * so both paths write the same bytes.
 */
export function csvFieldText(value: PulledValue, opts: Pick<CsvExportOptions, 'delimiter' | 'decimal'>): string {
  return fieldWriter(opts.delimiter)(csvValue(value, decimalMark(opts)));
}

/** The decimal mark asked for, or the delimiter's default (',' with ';', the European locale choice). */
function decimalMark(opts: Pick<CsvExportOptions, 'delimiter' | 'decimal'>): '.' | ',' {
  return opts.decimal ?? (opts.delimiter === ';' ? ',' : '.');
}

/** One CSV line. A single empty field is written as "" so readers do not skip the row as blank. */
function line(cells: string[], delimiter: string): string {
  if (cells.length === 1 && cells[0] === '') return `""${CRLF}`;
  return cells.join(delimiter) + CRLF;
}

/** The text of one value, before quoting. */
function csvValue(value: PulledValue, decimal: '.' | ','): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // Not a finite number: say so in words a spreadsheet keeps as text, never a formula.
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '' : value > 0 ? 'Infinity' : "'-Infinity";
    const text = String(value);
    return decimal === ',' ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return neutralize(value);
  // Dates travel as ISO text ("2025-03-04", "2025-03-04T10:15:00Z"): unambiguous in any locale.
  // The text comes from the mesh, so it is checked like any other text.
  return neutralize(value.iso);
}

/**
 * An apostrophe in front of text a spreadsheet could run as a formula. The decision is
 * safeCellText's (= + - @ and their full-width forms, also behind leading spaces; tab, CR, LF
 * first), asked about the value's start only: in a CSV we must not shorten long texts or
 * replace characters the way a workbook needs. Any other control character first is prefixed
 * too: it is never real data, and an importer might drop it and uncover what follows.
 */
function neutralize(text: string): string {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  if (first < 0x20) return `'${text}`;
  const lead = text.length - text.trimStart().length;
  const probe = text.slice(0, lead + 1);
  const safe = safeCellText(probe);
  return safe.startsWith("'") && !probe.startsWith("'") ? `'${text}` : text;
}

/** RFC 4180 quoting for the chosen delimiter: quote when a field holds it, a quote, CR or LF. */
function fieldWriter(delimiter: string): (text: string) => string {
  return delimiter === ';' ? semicolonField : commaField;
}

const quoting = (special: RegExp) => (text: string): string => (special.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const commaField = quoting(/[",\r\n]/);
const semicolonField = quoting(/[";\r\n]/);
