// Runs anywhere (pure core).
// Problems found while reading and profiling. A million ragged rows must not become a million
// messages: occurrences are grouped by (code, sheet, column), counted, and at most
// MAX_EXAMPLES of them keep their exact place.

import { columnLetter } from './columns';

export type Severity = 'error' | 'warning' | 'info';

export interface ProblemExample {
  /** Row number as the spreadsheet shows it (1-based; for CSV the record number, header = 1). */
  row?: number;
  /** Physical line in a text file, where it differs from the row (quoted newlines). */
  line?: number;
  /** Column letter, e.g. "C". */
  column?: string;
  /** The offending value, shortened for display. */
  value?: string;
}

export interface Problem {
  severity: Severity;
  /** Stable code, e.g. "csv.ragged-row", "xlsx.formula-error", "infer.ambiguous-date". */
  code: string;
  /** What happened, where, and what to do, in the owner's words (first occurrence). */
  message: string;
  sheet?: string;
  /** First occurrence: spreadsheet row number. */
  row?: number;
  line?: number;
  /** First occurrence: column letter. */
  column?: string;
  columnName?: string;
  /** How many times it occurred. */
  count: number;
  examples: ProblemExample[];
}

export interface ProblemInput {
  severity: Severity;
  code: string;
  message: string;
  sheet?: string;
  row?: number;
  line?: number;
  /** 0-based column index; converted to a letter. */
  columnIndex?: number;
  columnName?: string;
  value?: string;
}

export interface ProblemSink {
  add(p: ProblemInput): void;
}

export const MAX_EXAMPLES = 20;
const MAX_VALUE_CHARS = 120;

export function shorten(value: string, max = MAX_VALUE_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export class ProblemCollector implements ProblemSink {
  private readonly groups = new Map<string, Problem>();

  add(p: ProblemInput): void {
    const column = p.columnIndex === undefined ? undefined : columnLetter(p.columnIndex);
    const key = `${p.code}\u0000${p.sheet ?? ''}\u0000${column ?? ''}`;
    const example: ProblemExample = {};
    if (p.row !== undefined) example.row = p.row;
    if (p.line !== undefined && p.line !== p.row) example.line = p.line;
    if (column !== undefined) example.column = column;
    if (p.value !== undefined) example.value = shorten(p.value);
    const existing = this.groups.get(key);
    if (existing) {
      existing.count++;
      if (existing.examples.length < MAX_EXAMPLES) existing.examples.push(example);
      return;
    }
    const problem: Problem = { severity: p.severity, code: p.code, message: p.message, count: 1, examples: [example] };
    if (p.sheet !== undefined) problem.sheet = p.sheet;
    if (p.row !== undefined) problem.row = p.row;
    if (p.line !== undefined) problem.line = p.line;
    if (column !== undefined) problem.column = column;
    if (p.columnName !== undefined) problem.columnName = p.columnName;
    this.groups.set(key, problem);
  }

  /** Errors first, then warnings, then info; within a severity, in order of first occurrence. */
  list(): Problem[] {
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    return [...this.groups.values()].sort((a, b) => rank[a.severity] - rank[b.severity]);
  }
}

/** "row 12, column C (Region)" — the place in the owner's words. */
export function describePlace(where: { sheet?: string; row?: number; columnIndex?: number; columnName?: string; line?: number }): string {
  const parts: string[] = [];
  if (where.sheet !== undefined) parts.push(`sheet "${where.sheet}"`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.line !== undefined && where.line !== where.row) parts.push(`line ${where.line}`);
  if (where.columnIndex !== undefined) {
    const name = where.columnName ? ` (${where.columnName})` : '';
    parts.push(`column ${columnLetter(where.columnIndex)}${name}`);
  }
  return parts.join(', ');
}
