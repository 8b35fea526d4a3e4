import { describe, expect, it } from 'vitest';
import { col, run } from './check-helpers';

describe('completeness', () => {
  it('reports an empty cell in a required column with row, column letter, name and a fix', () => {
    const r = run({ columns: [col(0, 'Id', 'text'), col(1, 'Region', 'text'), col(2, 'Amount', 'number', { required: true })] }, [
      ['a', 'North', '1'],
      ['b', 'South', ''],
      ['c', 'East', '   '],
      ['d', 'West', '4'],
    ]);
    const p = r.find('check.required-empty')!;
    expect(p.count).toBe(2);
    expect(p.severity).toBe('error');
    expect(p.message).toBe('Row 3, column C (Amount) in "Sales" is empty, but the column is marked Required. Fill it in, or untick Required.');
    expect(p.examples.map((e) => [e.row, e.column])).toEqual([[3, 'C'], [4, 'C']]);
    expect(p.columnName).toBe('Amount');
  });

  it('does not report empty cells in optional columns, and treats a primary key as required', () => {
    const r = run({ columns: [col(0, 'Id', 'text', { primaryKey: true }), col(1, 'Note', 'text')] }, [['a', ''], ['', 'x'], ['c', '']]);
    const p = r.find('check.required-empty')!;
    expect(p.count).toBe(1);
    expect(p.column).toBe('A');
    expect(p.message).toContain('Primary key');
  });

  it('reports wholly empty rows (CSV ",,," rows) but not rows with one value', () => {
    const r = run({ columns: [col(0, 'A', 'text'), col(1, 'B', 'text')] }, [['x', 'y'], ['', ''], [' ', ''], ['', 'z'], []]);
    const p = r.find('check.empty-row')!;
    expect(p.count).toBe(3);
    expect(p.examples.map((e) => e.row)).toEqual([3, 4, 6]);
    expect(p.message).toContain('Row 3');
    expect(p.message).toContain('Delete the row');
    expect(r.summary.rows).toBe(2);
    expect(r.summary.emptyRows).toBe(3);
  });

  it('reports a wholly empty column at the end, not a column with one value', () => {
    const r = run({ columns: [col(0, 'A', 'text'), col(1, 'Notes', 'text'), col(2, 'C', 'text')] }, [['x', '', ''], ['y', '', 'z'], ['w']]);
    const p = r.find('check.empty-column')!;
    expect(p.count).toBe(1);
    expect(p.column).toBe('B');
    expect(p.message).toBe('Column B (Notes) in "Sales" has no value in any row. Fill it in, or delete the column from your file.');
  });
});

describe('type conformance', () => {
  it('reports values that do not read as the declared type', () => {
    const r = run(
      {
        columns: [
          col(0, 'Qty', 'integer', { type: 'integer' }),
          col(1, 'Paid', 'boolean', { type: 'boolean' }),
          col(2, 'Day', 'date', { type: 'date' }, { format: { dateOrder: 'YMD' } }),
        ],
      },
      [
        ['1', 'yes', '2025-01-02'],
        ['2.5', 'no', '2025-13-01'],
        ['abc', 'maybe', '2025-02-03'],
        ['4', '1', '2025-02-04'],
      ],
    );
    const all = r.problems.filter((p) => p.code === 'check.type-mismatch');
    // In order of first occurrence: C's misfit is in row 3, B's in row 4.
    expect(all.map((p) => [p.column, p.count])).toEqual([['A', 2], ['C', 1], ['B', 1]]);
    expect(all[0]!.message).toBe("Row 3, column A (Qty) in \"Sales\" holds '2.5', which is not a whole number. Correct it, leave it empty, or choose another type for the column.");
  });

  it('respects the decimal comma of the column and leaves inferred types to the profiler', () => {
    const r = run({ columns: [col(0, 'Price', 'number', { type: 'number' }, { format: { decimal: ',' } }), col(1, 'Other', 'number')] }, [
      ['1,5', 'x'],
      ['2,25', 'y'],
    ]);
    expect(r.find('check.type-mismatch')).toBeUndefined();
  });
});

describe('uniqueness', () => {
  it('reports a repeated key with both row numbers', () => {
    const r = run({ columns: [col(0, 'Order', 'text', { unique: true }), col(1, 'X', 'text')] }, [['A-1', '1'], ['A-17', '2'], ['A-3', '3'], ['A-17', '4'], ['A-17', '5']]);
    const p = r.find('check.duplicate-key')!;
    expect(p.count).toBe(2);
    expect(p.message).toBe("Row 5 repeats the value 'A-17' of row 3 in column A (Order) in \"Sales\", which is marked Unique. Make the values different, or untick Unique.");
    expect(p.examples.map((e) => e.row)).toEqual([5, 6]);
  });

  it('reports fully repeated rows, treating blank and missing trailing cells alike', () => {
    const r = run({ columns: [col(0, 'A', 'text'), col(1, 'B', 'text'), col(2, 'C', 'text')] }, [['x', 'y', ''], ['x', 'z', ''], ['x', 'y'], ['x', 'y', 'q']]);
    const p = r.find('check.duplicate-row')!;
    expect(p.count).toBe(1);
    expect(p.message).toContain('Row 4 in "Sales" is an exact copy of row 2');
  });

  it('does not confuse cells split at different places', () => {
    const r = run({ columns: [col(0, 'A', 'text'), col(1, 'B', 'text')] }, [['ab', 'c'], ['a', 'bc']]);
    expect(r.find('check.duplicate-row')).toBeUndefined();
  });
});

describe('rules', () => {
  it('allowed values', () => {
    const r = run({ columns: [col(0, 'Region', 'text', { allowed: ['North', 'South'] })] }, [['North'], ['Nrth'], ['South']]);
    const p = r.find('check.not-allowed')!;
    expect(p.count).toBe(1);
    expect(p.message).toBe("Row 3, column A (Region) in \"Sales\" holds 'Nrth', which is not one of the allowed values ('North', 'South'). Use one of them, or add 'Nrth' to the allowed values.");
  });

  it('number and date ranges', () => {
    const r = run(
      { columns: [col(0, 'Amount', 'number', { min: 0, max: '100' }), col(1, 'Day', 'date', { min: '2025-01-01', max: '2025-12-31' }, { format: { dateOrder: 'YMD' } })] },
      [['5', '2025-06-01'], ['-1', '2024-12-31'], ['100.5', '2025-12-31'], ['100', '2026-01-01']],
    );
    const ps = r.problems.filter((p) => p.code === 'check.out-of-range');
    expect(ps.map((p) => [p.column, p.count, p.examples.map((e) => e.row)])).toEqual([['A', 2, [3, 4]], ['B', 2, [3, 5]]]);
    expect(ps[0]!.message).toContain('below the lowest allowed value 0');
    expect(ps[1]!.message).toContain('2025-01-01');
  });

  it('reports an unreadable bound as a bad rule and keeps checking the rest', () => {
    const r = run({ columns: [col(0, 'Amount', 'number', { min: 'zero', required: true }), col(1, 'Note', 'text')] }, [['5', 'a'], ['', 'b']]);
    expect(r.find('check.bad-rule')!.message).toContain("lowest allowed value of column A (Amount) in \"Sales\" cannot be used: the lowest allowed value 'zero' is not a number");
    expect(r.find('check.required-empty')!.count).toBe(1);
  });

  it('patterns match the whole value', () => {
    const r = run({ columns: [col(0, 'Code', 'text', { pattern: 'A-\\d+' })] }, [['A-17'], ['A17'], ['xA-17x'], ['A-1']]);
    const p = r.find('check.pattern')!;
    expect(p.count).toBe(2);
    expect(p.message).toContain("holds 'A17', which does not match the pattern A-\\d+");
  });

  it('refuses a pattern that could take minutes, with a clear message', () => {
    const r = run({ columns: [col(0, 'Code', 'text', { pattern: '(a+)+b' })] }, [['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac']]);
    expect(r.find('check.pattern')).toBeUndefined();
    expect(r.find('check.bad-rule')!.message).toContain("'(a+)+'");
    expect(r.summary.badRules[0]!.rule).toBe('pattern');
  });

  it('text length', () => {
    const r = run({ columns: [col(0, 'Code', 'text', {}, { minLength: 2, maxLength: 4 })] }, [['ab'], ['a'], ['abcde'], ['abcd']]);
    expect(r.find('check.text-length')!.count).toBe(2);
  });
});

describe('dates', () => {
  it('reports dates after today unless allowed', () => {
    const cols = [col(0, 'Day', 'date', {}, { format: { dateOrder: 'YMD' } })];
    const data = [['2026-11-21'], ['2026-11-22'], ['2026-11-23'], ['2031-01-01']];
    const r = run({ columns: cols }, data);
    const p = r.find('check.future-date')!;
    // 2026-11-22 may already be today east of UTC at 12:00Z: not reported.
    expect(p.examples.map((e) => e.row)).toEqual([4, 5]);
    expect(p.message).toContain('today is 2026-11-21');
    expect(run({ columns: cols, futureDatesAllowed: true }, data).find('check.future-date')).toBeUndefined();
  });

  it('freshness: stale when the newest date is older than allowed', () => {
    const cols = [col(0, 'Day', 'date', {}, { format: { dateOrder: 'DMY' } })];
    const stale = run({ columns: cols, freshness: { columnIndex: 0, maxAgeDays: 35 } }, [['01.09.2026'], ['15.10.2026'], ['03.10.2026']]);
    const p = stale.find('check.stale')!;
    expect(p.count).toBe(1);
    expect(p.message).toContain('The newest date in column A (Day) in "Sales" is 2026-10-15, 37 days ago');
    expect(stale.summary.freshness).toEqual({ column: 'Day', newest: '2026-10-15', ageDays: 37, maxAgeDays: 35, stale: true });
    const fresh = run({ columns: cols, freshness: { columnIndex: 0, maxAgeDays: 35 } }, [['01.09.2026'], ['20.10.2026']]);
    expect(fresh.find('check.stale')).toBeUndefined();
    expect(fresh.summary.freshness?.stale).toBe(false);
  });

  it('freshness: a column without dates is reported', () => {
    const r = run({ columns: [col(0, 'Day', 'text')], freshness: { columnIndex: 0, maxAgeDays: 8 } }, [['soon']]);
    expect(r.find('check.stale')!.message).toContain('holds no dates');
  });
});

describe('personal data', () => {
  it('reports e-mails, phones, IBANs and card numbers in a column not marked personal', () => {
    const r = run({ columns: [col(0, 'Contact', 'text'), col(1, 'Secret', 'text', { personal: 'personal' })] }, [
      ['anna@example.com', 'anna@example.com'],
      ['+49 30 1234567', 'x'],
      ['DE89 3704 0044 0532 0130 00', 'x'],
      ['4111 1111 1111 1111', 'x'],
      ['just words', 'x'],
    ]);
    const ps = r.problems.filter((p) => p.code === 'check.personal-data');
    expect(ps).toHaveLength(1);
    expect(ps[0]!.count).toBe(4);
    expect(ps[0]!.column).toBe('A');
    expect(ps[0]!.message).toContain('Row 2, column A (Contact) in "Sales" looks like an e-mail address');
    expect(ps[0]!.message).toContain('mark it Personal');
  });
});

describe('spreadsheet hazards', () => {
  it('spaces before or after text', () => {
    const r = run({ columns: [col(0, 'Region', 'text')] }, [['North'], [' South'], ['East\u00a0'], ['We st']]);
    expect(r.find('check.spaces')!.examples.map((e) => e.row)).toEqual([3, 4]);
  });

  it('numbers stored as text in XLSX number columns, and in text columns that are mostly numbers', () => {
    const r = run(
      { format: 'xlsx', columns: [col(0, 'Amount', 'number'), col(1, 'Ref', 'text'), col(2, 'Code', 'text', { type: 'text' }), col(3, 'Words', 'text')] },
      [
        [1.5, '12', '12', 'a'],
        ['2.5', '13', '13', 'b'],
        [3, 'x', '14', '5'],
      ],
    );
    const ps = r.problems.filter((p) => p.code === 'check.number-as-text');
    expect(ps.map((p) => [p.column, p.count])).toEqual([['A', 1], ['B', 2]]);
    expect(ps[0]!.message).toContain("Row 3, column A (Amount) in sheet \"Sales\" holds the number '2.5' stored as text");
    expect(run({ format: 'csv', columns: [col(0, 'Amount', 'number')] }, [['2.5']]).find('check.number-as-text')).toBeUndefined();
  });

  it('decimal comma and point mixed in one column: the minority is reported once, not as a type mismatch too', () => {
    const r = run({ columns: [col(0, 'Price', 'number', { type: 'number' })] }, [['1.5'], ['2.25'], ['3,75'], ['4.5'], ['7']]);
    const p = r.find('check.mixed-decimal')!;
    expect(p.count).toBe(1);
    expect(p.row).toBe(4);
    expect(p.message).toContain("'3,75', written with ',' as decimal mark, while the other numbers of the column use '.'");
    expect(r.find('check.type-mismatch')).toBeUndefined();
    expect(run({ columns: [col(0, 'Price', 'number')] }, [['1.5'], ['2.25']]).find('check.mixed-decimal')).toBeUndefined();
  });
});

describe('drift against the previous version', () => {
  const cols = [col(0, 'Id', 'text'), col(1, 'Amount', 'number')];
  const data = [['a', '1'], ['b', ''], ['c', '3'], ['d', '']];

  it('row count change beyond the threshold', () => {
    const r = run({ columns: cols, previous: { rows: 10, emptyByColumn: {} } }, data);
    expect(r.find('check.drift-rows')!.message).toContain('has 4 data rows; the published version has 10 (60% fewer, more than the 20% expected)');
    expect(r.summary.drift).toMatchObject({ previousRows: 10, rows: 4, beyond: true });
    expect(run({ columns: cols, previous: { rows: 4, emptyByColumn: {} } }, data).find('check.drift-rows')).toBeUndefined();
  });

  it('new empty values in a column that had none', () => {
    const r = run({ columns: cols, previous: { rows: 4, emptyByColumn: { Id: 0, Amount: 0 } } }, data);
    const p = r.find('check.drift-nulls')!;
    expect(p.count).toBe(2);
    expect(p.column).toBe('B');
    expect(p.message).toContain('had no empty cells in the published version and now has 2');
    const before = run({ columns: cols, previous: { rows: 4, emptyByColumn: { Amount: 3 } } }, data);
    expect(before.find('check.drift-nulls')).toBeUndefined();
  });
});

describe('policy levels', () => {
  it('a check set to off does not run, and a severity can be changed', () => {
    const r = run({ columns: [col(0, 'A', 'text', { required: true }), col(1, 'B', 'text')], levels: { 'check.required-empty': 'off', 'check.spaces': 'error' } }, [['', 'b'], [' x', 'c']]);
    expect(r.find('check.required-empty')).toBeUndefined();
    expect(r.find('check.spaces')!.severity).toBe('error');
    expect(r.summary.counts['check.spaces']).toBe(1);
  });
});
