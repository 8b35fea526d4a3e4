import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/core/problems';
import { ProblemCollector } from '../../../shared/core/problems';
import { examplesSummary, exampleText, groupBySeverity, occurrenceText, problemPlace } from '../../../renderer/src/lib/problems-view';

describe('problems view', () => {
  it('groups by severity in the order that matters, keeping order and totals', () => {
    const c = new ProblemCollector();
    c.add({ severity: 'info', code: 'a', message: 'A' });
    c.add({ severity: 'warning', code: 'b', message: 'B', sheet: 'S', columnIndex: 2 });
    c.add({ severity: 'warning', code: 'b', message: 'B', sheet: 'S', columnIndex: 2 });
    c.add({ severity: 'error', code: 'c', message: 'C' });
    c.add({ severity: 'warning', code: 'd', message: 'D' });
    const groups = groupBySeverity(c.list());
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[1]!.problems.map((p) => p.code)).toEqual(['b', 'd']);
    expect(groups[1]!.total).toBe(3);
    expect(groupBySeverity([])).toEqual([]);
  });

  it('names the place with sheet, spreadsheet row, column letter and name', () => {
    expect(problemPlace({ sheet: 'Sales', row: 12, column: 'C', columnName: 'Region' })).toBe('Sheet "Sales", row 12, column C (Region)');
    expect(problemPlace({ row: 1200, line: 1203, column: 'A' })).toBe('Row 1,200, line 1,203 of the text file, column A');
    // A generated name adds nothing to the letter.
    expect(problemPlace({ column: 'D', columnName: 'Column D' })).toBe('Column D');
    expect(problemPlace({})).toBe('');
  });

  it('words counts and examples', () => {
    expect(occurrenceText(1)).toBe('Found once');
    expect(occurrenceText(1204)).toBe('Found 1,204 times');
    expect(exampleText({ row: 5, column: 'B', value: 'n/a' })).toBe('Row 5, column B: "n/a"');
    expect(exampleText({ row: 5, value: '' })).toBe('Row 5: (empty)');
    expect(exampleText({})).toBe('Somewhere in the file');
    const p: Pick<Problem, 'count' | 'examples'> = { count: 1204, examples: Array.from({ length: 20 }, () => ({ row: 1 })) };
    expect(examplesSummary(p)).toBe('Show the first 20 of 1,204 places');
    expect(examplesSummary({ count: 3, examples: [{}, {}, {}] })).toBe('Show all 3 places');
  });
});
