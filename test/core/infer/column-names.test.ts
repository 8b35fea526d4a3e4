import { describe, expect, it } from 'vitest';
import { nameColumns } from '../../../shared/core/infer/column-names';

describe('nameColumns', () => {
  it('names empty headers after their letter', () => {
    expect(nameColumns(['Id', '', '  ', 'City'], 5)).toEqual({ names: ['Id', 'Column B', 'Column C', 'City', 'Column E'], duplicates: [], unnamed: [1, 2, 4] });
  });

  it('keeps duplicates visible and distinct, naming both columns', () => {
    const n = nameColumns(['Region', 'Amount', 'Date', 'Region', 'region '], 5);
    expect(n.names).toEqual(['Region', 'Amount', 'Date', 'Region (D)', 'region (E)']);
    expect(n.duplicates).toEqual([
      { first: 0, second: 3, name: 'Region', renamed: 'Region (D)' },
      { first: 0, second: 4, name: 'region', renamed: 'region (E)' },
    ]);
  });

  it('never produces the same name twice, even against names that look generated', () => {
    const n = nameColumns(['Column B', '', 'A', 'A (D)', 'A'], 5);
    expect(new Set(n.names.map((x) => x.toLowerCase())).size).toBe(5);
    expect(n.names).toEqual(['Column B', 'Column B (B)', 'A', 'A (D)', 'A (E)']);
    const m = nameColumns(['A', 'A (B)', 'A'], 3);
    expect(m.names).toEqual(['A', 'A (B)', 'A (C)']);
    const k = nameColumns(['A', 'A', 'A (B)'], 3);
    expect(k.names).toEqual(['A', 'A (B)', 'A (B) (C)']);
  });

  it('keeps names like __proto__ and constructor verbatim', () => {
    const n = nameColumns(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__'], 5);
    expect(n.names).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__ (E)']);
    expect(n.duplicates).toHaveLength(1);
  });
});
