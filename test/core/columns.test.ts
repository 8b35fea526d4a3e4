import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, parseCellRef, parseRangeRef } from '../../shared/core/columns';

describe('column letters', () => {
  it('maps indexes to Excel letters and back', () => {
    for (const [i, l] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']] as const) {
      expect(columnLetter(i)).toBe(l);
      expect(columnIndex(l)).toBe(i);
    }
  });
  it('parses cell and range references', () => {
    expect(parseCellRef('$B$12')).toEqual({ col: 1, row: 12 });
    expect(parseCellRef('12B')).toBeUndefined();
    expect(parseRangeRef('C3:A1')).toEqual({ c1: 0, r1: 1, c2: 2, r2: 3 });
    expect(parseRangeRef('A3:XFD1048576')).toEqual({ c1: 0, r1: 3, c2: 16383, r2: 1048576 });
  });
});
