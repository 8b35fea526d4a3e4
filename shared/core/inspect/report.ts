// Runs anywhere (pure core).
// What an inspection finds: the shape the CLI prints as JSON, the API returns, and the screens show.

import type { Problem } from '../problems';
import type { SheetInfo, SourceFormat } from '../ingest/types';
import type { PersonalData, ProductMeta, Waiver } from '../metadata/types';

export type ColumnType = 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'text';
export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'text'];

/** How values of a column are written in the owner's file, so they can be read back exactly. */
export interface ValueFormat {
  /** Numbers: decimal separator ("." or ","). */
  decimal?: '.' | ',';
  /** Numbers: thousands separator found, if any ("," "." " " or "'"). */
  thousands?: string;
  /** Dates in text: order of day, month, year. "ambiguous" when every value fits DMY and MDY. */
  dateOrder?: 'YMD' | 'DMY' | 'MDY' | 'ambiguous';
  /** Human pattern, e.g. "dd.mm.yyyy", "yyyy-mm-dd hh:mm", "Excel date". */
  pattern?: string;
  /** Booleans: the words used, e.g. ["yes", "no"]. */
  booleanWords?: [string, string];
}

export interface TopValue {
  value: string;
  count: number;
}

export interface Histogram {
  /** Lower bound of the first bin and upper bound of the last (numbers, or epoch ms for dates). */
  min: number;
  max: number;
  /** Counts per equal-width bin (scaled from a sample when the column is large). */
  counts: number[];
}

export interface ColumnProfile {
  /** 0-based position in the sheet. */
  index: number;
  /** Excel letter of the column, e.g. "C". */
  letter: string;
  /** Distinct, never empty name used everywhere (header text, or "Column C" when empty). */
  name: string;
  /** The header text exactly as in the file ("" when empty). */
  header: string;
  /** Type in use: the inferred one unless the owner changed it. */
  type: ColumnType;
  inferredType: ColumnType;
  format?: ValueFormat;
  filled: number;
  empty: number;
  distinct: number;
  /** False once the distinct count is an estimate (beyond the exact bound). */
  distinctExact: boolean;
  /** Numbers as numbers; dates/datetimes as ISO 8601 text; booleans and text: null. */
  min: number | string | null;
  max: number | string | null;
  minLength?: number;
  maxLength?: number;
  top: TopValue[];
  histogram?: Histogram;
  /** Values that did not fit the column's type (counted, not rewritten). */
  nonConforming: number;
  /** A few values from the data, as written. */
  examples: string[];
}

export interface PreviewData {
  /** Spreadsheet row numbers of the preview rows. */
  rowNumbers: number[];
  /** Display text of each cell as the owner had it ("" when empty). */
  cells: string[][];
  /** True when the sheet has more data rows than the preview holds. */
  truncated: boolean;
}

export interface SheetReport {
  name: string;
  /** Header row as the spreadsheet shows it (1-based). */
  headerRow: number;
  /** True when Mesh Desk chose the header row; false when the owner did. */
  headerDetected: boolean;
  /** Number of data rows (below the header, wholly empty rows not counted). */
  rows: number;
  columns: ColumnProfile[];
  preview: PreviewData;
}

export interface InspectReport {
  /** The file's name as the owner knows it. */
  file: string;
  format: SourceFormat;
  encoding?: string;
  delimiter?: string;
  /** Every sheet in the file with its size, including those not inspected. */
  sheetList: SheetInfo[];
  /** The inspected sheet(s). */
  sheets: SheetReport[];
  problems: Problem[];
  /** Present when the owner's metadata was checked (the Check step); absent for a plain import. */
  check?: CheckOutcome;
  elapsedMs: number;
}

/** A problem with the governance policy's verdict on it. */
export interface Finding extends Problem {
  /** True when the policy says this stops publishing (and no waiver applies). */
  blocking: boolean;
  /** The owner's written reason for publishing anyway (warnings only). */
  waived?: Waiver;
}

/** A suggestion that a column holds personal data, for the owner to confirm or dismiss. */
export interface PersonalDataSuggestion {
  /** Column name as Mesh Desk shows it (ColumnProfile.name). */
  column: string;
  kind: 'email' | 'phone' | 'iban' | 'card' | 'name' | 'address' | 'birthdate' | 'id-number';
  suggested: Exclude<PersonalData, 'none'>;
  /** Plain words: why Mesh Desk thinks so, with an example. */
  reason: string;
  source: 'name' | 'values';
}

/** The verdict of the Check step: quality findings and policy violations, and whether to publish. */
export interface CheckOutcome {
  /** Every problem, quality check and policy violation, with its blocking decision. */
  findings: Finding[];
  /** Findings that stop publishing (errors the policy blocks, not waived). */
  blocking: number;
  /** Warnings not waived. */
  warnings: number;
  canPublish: boolean;
  suggestions: PersonalDataSuggestion[];
  /** Rows per data part the policy asks for (used at publish). */
  partRows: number;
}

export interface InspectOptions {
  /** Sheet to inspect; default: every sheet (CLI) — the app passes the one chosen. */
  sheet?: string;
  /** Header row as the spreadsheet shows it (1-based); default: detected. */
  headerRow?: number;
  /** Owner's type choices by column index. */
  typeOverrides?: Record<number, ColumnType>;
  /** Rows kept for the preview grid (default 10,000). */
  previewRows?: number;
  /** The owner's description: when given, the quality checks and the policy run too. */
  meta?: ProductMeta;
  /** Warnings the owner accepted, with reasons. */
  waivers?: Waiver[];
}
