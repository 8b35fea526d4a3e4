// Runs anywhere (pure core tests). The wording and row plan of the owner's quality report.
import { describe, expect, it } from 'vitest';
import { findingsTable, problemRowPlan, severityWords, summaryTable, verdictWords } from '../../../shared/core/export/check-report-content';
import type { Finding, InspectReport } from '../../../shared/core/inspect/report';
import type { Problem } from '../../../shared/core/problems';

const problem = (over: Partial<Problem>): Problem => ({ severity: 'error', code: 'csv.extra-values', message: 'm', sheet: 'S', count: 1, examples: [], ...over });

function report(problems: Problem[], check?: InspectReport['check']): InspectReport {
  const r: InspectReport = {
    file: 'f.csv',
    format: 'csv',
    sheetList: [{ name: 'S', index: 0 }],
    sheets: [{ name: 'S', headerRow: 1, headerDetected: true, rows: 10, columns: [], preview: { rowNumbers: [], cells: [], truncated: false } }],
    problems,
    elapsedMs: 0,
  };
  if (check) r.check = check;
  return r;
}

describe('severityWords', () => {
  it('before the Check step an error only "needs fixing"', () => {
    expect(severityWords(problem({}), false)).toBe('Needs fixing');
    expect(severityWords(problem({ severity: 'warning' }), false)).toBe('Worth checking');
    expect(severityWords(problem({ severity: 'info' }), false)).toBe('For your information');
  });
  it('after it, the policy verdict decides', () => {
    const f = (blocking: boolean, severity: Problem['severity']): Finding => ({ ...problem({ severity }), blocking });
    expect(severityWords(f(true, 'error'), true)).toBe('Stops publishing');
    expect(severityWords(f(false, 'error'), true)).toBe('Worth checking');
    expect(severityWords(f(false, 'info'), true)).toBe('For your information');
  });
});

describe('verdict and tables', () => {
  const check = (blocking: number, canPublish: boolean) => ({ findings: [], blocking, warnings: 0, canPublish, suggestions: [], partRows: 1000 });
  it('verdicts', () => {
    expect(verdictWords(report([], check(0, true)))).toBe('Ready to publish');
    expect(verdictWords(report([], check(3, false)))).toBe('3 problems stop publishing');
    expect(verdictWords(report([]))).toMatch(/^Not checked yet/);
  });
  it('uses the check findings when present, else the problems', () => {
    const p = problem({ message: 'raw' });
    expect(findingsTable(report([p])).rows[0]![2]).toBe('raw');
    const c = { ...check(1, false), findings: [{ ...problem({ message: 'checked' }), blocking: true }] };
    expect(findingsTable(report([p], c)).rows.map((r) => r[2])).toEqual(['checked']);
    expect(summaryTable(report([p]), new Date(0)).rows.at(-2)).toEqual(['Generated at', '1970-01-01 00:00:00 UTC']);
  });
});

describe('problemRowPlan', () => {
  it('collects sorted, unique rows of the chosen sheet and the cells to mark', () => {
    const plan = problemRowPlan(
      report([
        problem({ examples: [{ row: 9, column: 'B' }, { row: 3 }, { row: 9, column: 'AA' }] }),
        problem({ sheet: 'Other', examples: [{ row: 5, column: 'A' }] }),
        problem({ sheet: undefined, examples: [{ row: 4, column: 'zz!' }, { row: 0 }, { row: 2.5 }, {}] }),
      ]),
      'S',
    );
    expect(plan.rows).toEqual([3, 4, 9]);
    expect([...plan.marked.get(9)!]).toEqual([1, 26]);
    expect(plan.marked.get(4)!.size).toBe(0);
  });
});
