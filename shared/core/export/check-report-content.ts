// Runs anywhere (pure core).
// What the owner's quality report says, as plain tables (text and numbers only), separate from
// how a file is written. The XLSX writer in the Node corner lays these tables out; keeping the
// wording here means every shell (XLSX, a future CSV or screen) words findings the same way.

import { columnIndex } from '../columns';
import type { Problem } from '../problems';
import type { Finding, InspectReport } from '../inspect/report';

/** One cell of a report table: text, a number, or empty. Never a formula or a link. */
export type ReportCell = string | number | null;

export interface ReportTable {
  header: string[];
  rows: ReportCell[][];
  /** Suggested column widths in characters, one per header cell. */
  widths: number[];
}

/** The findings the report lists: the Check step's verdicts when it ran, else the raw problems. */
export function reportFindings(report: InspectReport): (Problem | Finding)[] {
  return report.check ? report.check.findings : report.problems;
}

/**
 * Severity in the owner's words. After the Check step the policy's verdict decides ("Stops
 * publishing" only when it really does); before it, no policy has spoken, so an error is only
 * "Needs fixing" — claiming it blocks publishing would be a guess.
 */
export function severityWords(f: Problem | Finding, checked: boolean): string {
  if ('blocking' in f && f.blocking) return 'Stops publishing';
  if (f.severity === 'info') return 'For your information';
  if (f.severity === 'error' && !checked) return 'Needs fixing';
  return 'Worth checking';
}

export function verdictWords(report: InspectReport): string {
  const check = report.check;
  if (!check) return 'Not checked yet: describe the product in Mesh Desk and run Check to see whether it can be published.';
  if (check.canPublish) return 'Ready to publish';
  if (check.blocking === 1) return '1 problem stops publishing';
  if (check.blocking > 1) return `${check.blocking} problems stop publishing`;
  return 'Not ready to publish: see the Findings sheet';
}

/** "2026-11-21 09:03:50 UTC": unambiguous on every machine and in every language. */
export function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function summaryTable(report: InspectReport, generatedAt: Date): ReportTable {
  const rows: ReportCell[][] = [['File', report.file]];
  for (const sheet of report.sheets) {
    rows.push(['Sheet', sheet.name]);
    rows.push(['Header row', sheet.headerRow]);
    rows.push(['Rows of data', sheet.rows]);
    rows.push(['Columns', sheet.columns.length]);
  }
  const findings = reportFindings(report);
  if (report.check) {
    rows.push(['Problems that stop publishing', report.check.blocking]);
    rows.push(['Warnings worth checking', report.check.warnings]);
    const waived = report.check.findings.filter((f) => f.waived).length;
    if (waived > 0) rows.push(['Warnings you accepted (waived)', waived]);
  } else {
    rows.push(['Errors', findings.filter((f) => f.severity === 'error').length]);
    rows.push(['Warnings', findings.filter((f) => f.severity === 'warning').length]);
  }
  rows.push(['Notes', findings.filter((f) => f.severity === 'info').length]);
  rows.push(['Verdict', verdictWords(report)]);
  rows.push(['Generated at', utcStamp(generatedAt)]);
  rows.push(['How to use this report', 'The Findings sheet lists each problem; Examples shows where; "Rows with problems" copies those rows from your file. Fix them in your own file, then check it again in Mesh Desk.']);
  return { header: ['What', 'Value'], rows, widths: [32, 60] };
}

export function findingsTable(report: InspectReport): ReportTable {
  const checked = report.check !== undefined;
  const rows = reportFindings(report).map((f, i): ReportCell[] => [
    i + 1,
    severityWords(f, checked),
    f.message,
    f.sheet ?? null,
    f.row ?? null,
    f.column ?? null,
    f.columnName ?? null,
    f.count,
    'waived' in f && f.waived ? waiverWords(f.waived) : null,
    f.code,
  ]);
  return {
    header: ['#', 'Severity', 'What', 'Sheet', 'First row', 'Column', 'Column name', 'How many', 'Accepted because', 'Code'],
    rows,
    widths: [5, 18, 80, 16, 10, 8, 20, 10, 30, 24],
  };
}

function waiverWords(w: NonNullable<Finding['waived']>): string {
  const who = [w.by, w.at].filter((x): x is string => Boolean(x)).join(', ');
  return who ? `${w.reason} (${who})` : w.reason;
}

export function examplesTable(report: InspectReport): ReportTable {
  const rows: ReportCell[][] = [];
  reportFindings(report).forEach((f, i) => {
    for (const ex of f.examples) {
      rows.push([i + 1, f.code, f.sheet ?? null, ex.row ?? null, ex.line ?? null, ex.column ?? null, ex.value ?? null]);
    }
  });
  return {
    header: ['Finding #', 'Code', 'Sheet', 'Row', 'Line in the text file', 'Column', 'Value'],
    rows,
    widths: [10, 24, 16, 8, 12, 8, 50],
  };
}

/** The rows of one sheet that examples point at, and the cells to highlight in them. */
export interface ProblemRowPlan {
  /** Spreadsheet row numbers, ascending, without repeats. */
  rows: number[];
  /** Per row: 0-based column indexes named by an example in that row. */
  marked: Map<number, Set<number>>;
}

/**
 * Collects the row numbers named in examples of `sheet`. Findings with no sheet (file-level,
 * e.g. a CSV's encoding) count for it too: a CSV has only the one sheet. Bounded by design:
 * at most 20 examples per finding.
 */
export function problemRowPlan(report: InspectReport, sheet: string | undefined): ProblemRowPlan {
  const marked = new Map<number, Set<number>>();
  for (const f of reportFindings(report)) {
    if (f.sheet !== undefined && sheet !== undefined && f.sheet !== sheet) continue;
    for (const ex of f.examples) {
      if (ex.row === undefined || !Number.isInteger(ex.row) || ex.row < 1) continue;
      let cols = marked.get(ex.row);
      if (!cols) marked.set(ex.row, (cols = new Set()));
      const col = ex.column === undefined ? -1 : safeColumnIndex(ex.column);
      if (col >= 0) cols.add(col);
    }
  }
  return { rows: [...marked.keys()].sort((a, b) => a - b), marked };
}

function safeColumnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1;
  return columnIndex(letters);
}
