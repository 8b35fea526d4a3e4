// Browser (renderer). How the problems list is arranged and worded: grouped by severity, each
// naming the place in the owner's own file.

import type { Problem, ProblemExample, Severity } from '../../../shared/core/problems';
import { formatCount } from './format';

export interface SeverityGroup {
  severity: Severity;
  title: string;
  hint: string;
  problems: Problem[];
  /** Occurrences across the group (a problem can occur many times). */
  total: number;
}

const GROUPS: { severity: Severity; title: string; hint: string }[] = [
  { severity: 'error', title: 'Needs fixing', hint: 'These stop the data from being read correctly.' },
  { severity: 'warning', title: 'Worth checking', hint: 'The data can be read, but may not mean what you expect.' },
  { severity: 'info', title: 'For your information', hint: 'Nothing is wrong; Mesh Desk noticed these while reading.' },
];

/** Non-empty groups in order error → warning → info; problems keep their order within a group. */
export function groupBySeverity(problems: readonly Problem[]): SeverityGroup[] {
  return GROUPS.map((g) => {
    const list = problems.filter((p) => p.severity === g.severity);
    return { ...g, problems: list, total: list.reduce((sum, p) => sum + p.count, 0) };
  }).filter((g) => g.problems.length > 0);
}

function columnText(column: string | undefined, columnName: string | undefined): string | undefined {
  if (column === undefined) return undefined;
  return columnName && columnName !== `Column ${column}` ? `column ${column} (${columnName})` : `column ${column}`;
}

/** 'Sheet "Sales", row 12, column C (Region)' — empty string when the problem has no place. */
export function problemPlace(p: Pick<Problem, 'sheet' | 'row' | 'line' | 'column' | 'columnName'>): string {
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(`sheet "${p.sheet}"`);
  if (p.row !== undefined) parts.push(`row ${formatCount(p.row)}`);
  if (p.line !== undefined && p.line !== p.row) parts.push(`line ${formatCount(p.line)} of the text file`);
  const col = columnText(p.column, p.columnName);
  if (col) parts.push(col);
  const text = parts.join(', ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

/** "Found 1,204 times" / "Found once". */
export function occurrenceText(count: number): string {
  return count === 1 ? 'Found once' : `Found ${formatCount(count)} times`;
}

/** 'Row 12, column C: "abc"' for one example; the column name is on the problem. */
export function exampleText(e: ProblemExample): string {
  const parts: string[] = [];
  if (e.row !== undefined) parts.push(`Row ${formatCount(e.row)}`);
  if (e.line !== undefined) parts.push(`line ${formatCount(e.line)}`);
  if (e.column !== undefined) parts.push(`column ${e.column}`);
  const where = parts.join(', ') || 'Somewhere in the file';
  return e.value === undefined ? where : `${where}: ${e.value === '' ? '(empty)' : `"${e.value}"`}`;
}

/** "Show 3 examples" / "Show the first 20 of 1,204 places". */
export function examplesSummary(p: Pick<Problem, 'count' | 'examples'>): string {
  const n = p.examples.length;
  if (n < p.count) return `Show the first ${formatCount(n)} of ${formatCount(p.count)} places`;
  return n === 1 ? 'Show the place' : `Show all ${formatCount(n)} places`;
}
