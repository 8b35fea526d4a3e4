import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../shared/core/inspect/report';
import { DAY, profile, utc } from './profile-helpers';

const KNOWN = [
  'Id,Amount,Day,Active,Region,Code,Stamp',
  '1,10,2025-01-01,yes,North,00123,2025-01-01T10:00:00Z',
  '2,20.5,2025-01-03,no,South,00124,2025-01-01T12:00:00+02:00',
  '3,,2025-01-02,yes,North,00125,',
  '4,-5,2025-01-10,yes,,00126,2025-01-02T08:30:00Z',
  '5,7,2025-01-01,no,West,00127,2025-01-03T00:00:00.500Z',
  '6,3.25,2025-01-05,YES,North,00128,2024-12-31T23:00:00-01:00',
  '7,10,2025-01-20,no,  ,00129,2025-01-01T10:00:00Z',
  '8,100,2025-01-08,yes,South,00130,2025-01-02T09:00:00Z',
];

describe('SheetProfiler on a small known table', () => {
  const r = profile(KNOWN);
  const col = (name: string) => r.columns.find((c) => c.name === name)!;

  it('counts rows and names columns', () => {
    expect(r.rows).toBe(8);
    expect(r.columns.map((c) => [c.index, c.letter, c.name, c.header, c.type])).toEqual([
      [0, 'A', 'Id', 'Id', 'integer'],
      [1, 'B', 'Amount', 'Amount', 'number'],
      [2, 'C', 'Day', 'Day', 'date'],
      [3, 'D', 'Active', 'Active', 'boolean'],
      [4, 'E', 'Region', 'Region', 'text'],
      [5, 'F', 'Code', 'Code', 'text'],
      [6, 'G', 'Stamp', 'Stamp', 'datetime'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('profiles a whole-number column', () => {
    expect(col('Id')).toEqual({
      index: 0, letter: 'A', name: 'Id', header: 'Id', type: 'integer', inferredType: 'integer', format: { decimal: '.' },
      filled: 8, empty: 0, distinct: 8, distinctExact: true, min: 1, max: 8,
      top: ['1', '2', '3', '4', '5'].map((value) => ({ value, count: 1 })),
      histogram: { min: 1, max: 9, counts: [1, 1, 1, 1, 1, 1, 1, 1] },
      nonConforming: 0, examples: ['1', '2', '3', '4', '5'],
    });
  });

  it('profiles a number column', () => {
    const c = col('Amount');
    expect([c.filled, c.empty, c.distinct, c.min, c.max, c.nonConforming]).toEqual([7, 1, 6, -5, 100, 0]);
    expect(c.top).toEqual([{ value: '10', count: 2 }, { value: '20.5', count: 1 }, { value: '-5', count: 1 }, { value: '7', count: 1 }, { value: '3.25', count: 1 }]);
    const counts = new Array(20).fill(0);
    counts[0] = 1; counts[1] = 1; counts[2] = 3; counts[4] = 1; counts[19] = 1;
    expect(c.histogram).toEqual({ min: -5, max: 100, counts });
    expect(c.minLength).toBeUndefined();
  });

  it('profiles a date column with one bin per day', () => {
    const c = col('Day');
    expect([c.min, c.max, c.distinct, c.format]).toEqual(['2025-01-01', '2025-01-20', 7, { dateOrder: 'YMD', pattern: 'yyyy-mm-dd' }]);
    const counts = new Array(20).fill(0);
    counts[0] = 2; counts[1] = 1; counts[2] = 1; counts[4] = 1; counts[7] = 1; counts[9] = 1; counts[19] = 1;
    expect(c.histogram).toEqual({ min: utc('2025-01-01'), max: utc('2025-01-01') + 20 * DAY, counts });
    expect(c.top[0]).toEqual({ value: '2025-01-01', count: 2 });
  });

  it('profiles yes/no, text and identifier columns', () => {
    const a = col('Active');
    expect([a.type, a.format, a.min, a.max, a.distinct, a.histogram]).toEqual(['boolean', { booleanWords: ['yes', 'no'] }, null, null, 3, undefined]);
    expect(a.top).toEqual([{ value: 'yes', count: 4 }, { value: 'no', count: 3 }, { value: 'YES', count: 1 }]);
    const t = col('Region');
    expect([t.filled, t.empty, t.distinct, t.minLength, t.maxLength, t.min, t.format]).toEqual([6, 2, 3, 4, 5, null, undefined]);
    expect(t.top).toEqual([{ value: 'North', count: 3 }, { value: 'South', count: 2 }, { value: 'West', count: 1 }]);
    expect(t.examples).toEqual(['North', 'South', 'West']);
    const code = col('Code');
    expect([code.type, code.distinct, code.examples[0], code.minLength, code.maxLength]).toEqual(['text', 8, '00123', 5, 5]);
  });

  it('profiles date-times with time zones at their instant, in UTC', () => {
    const s = col('Stamp');
    expect(s.type).toBe('datetime');
    expect([s.filled, s.empty, s.min, s.max]).toEqual([7, 1, '2025-01-01T00:00:00Z', '2025-01-03T00:00:00.500Z']);
    expect(s.distinct).toBe(5); // 10:00Z, 12:00+02:00 and 23:00-01:00 the day before are the same instant as others
    expect(s.format).toEqual({ dateOrder: 'YMD', pattern: 'yyyy-mm-ddThh:mm:ssZ' });
  });

  it('keeps a preview as written, with row numbers', () => {
    expect(r.preview.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.preview.cells[2]).toEqual(['3', '', '2025-01-02', 'yes', 'North', '00125', '']);
    expect(r.preview.cells[6]![4]).toBe('  ');
    expect(r.preview.truncated).toBe(false);
  });

  it('gives the same result whatever the batch size, every time', () => {
    for (const batch of [1, 2, 100]) expect(profile(KNOWN, { batch })).toEqual(r);
  });
});

describe('types and values that do not fit', () => {
  const numbers = (n: number, odd: Record<number, string>) => ['Id,Qty', ...Array.from({ length: n }, (_, i) => `${i + 1},${odd[i + 2] ?? String(i * 3)}`)];

  it('tolerates up to 5% misfits and reports them once per column with examples', () => {
    const r = profile(numbers(40, { 7: 'n/a', 20: 'unknown' }));
    const q = r.columns[1]!;
    expect([q.type, q.nonConforming, q.filled]).toEqual(['integer', 2, 40]);
    expect(q.min).toBe(0);
    const p = r.problems.find((x) => x.code === 'infer.mixed-types')!;
    expect(p).toMatchObject({ severity: 'warning', sheet: 'Sheet1', column: 'B', columnName: 'Qty', row: 7, count: 2 });
    expect(p.message).toBe("2 values in column B (Qty) are not whole numbers, e.g. row 7: 'n/a'. Correct them, leave them empty, or set the column to Text.");
    expect(p.examples).toEqual([{ row: 7, column: 'B', value: 'n/a' }, { row: 20, column: 'B', value: 'unknown' }]);
  });

  it('falls back to text beyond 5% misfits', () => {
    const r = profile(numbers(20, { 3: 'a', 4: 'b' }));
    expect(r.columns[1]).toMatchObject({ type: 'text', inferredType: 'text', nonConforming: 0, min: null });
    expect(r.columns[1]!.histogram).toBeUndefined();
    expect(r.problems).toEqual([]);
  });

  it('keeps the first 20 misfits in row order across kinds, and counts all', () => {
    const odd: Record<number, string> = {};
    for (let i = 0; i < 30; i++) odd[10 + i * 20] = i % 2 ? 'n/a' : '2025-01-01';
    const r = profile(numbers(1000, odd));
    const p = r.problems.find((x) => x.code === 'infer.mixed-types')!;
    expect(r.columns[1]!.nonConforming).toBe(30);
    expect(p.count).toBe(30);
    expect(p.examples.map((e) => e.row)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i * 20));
  });

  it('makes a number column when whole numbers and decimals mix', () => {
    const r = profile(['P', '10', '12', '9.99', '15']);
    expect(r.columns[0]).toMatchObject({ type: 'number', nonConforming: 0, min: 9.99, max: 15 });
  });

  it("applies the owner's type and reports what does not fit it", () => {
    const lines = ['Price,Day', '1.5,2025-01-01', '2,2025-01-02', '3,2025-01-02T10:00', '4.25,x'];
    const r = profile(lines, { typeOverrides: { 0: 'integer', 1: 'date' } });
    const [price, day] = r.columns;
    expect([price!.type, price!.inferredType, price!.nonConforming, price!.min, price!.max]).toEqual(['integer', 'number', 2, 2, 3]);
    expect([day!.type, day!.inferredType, day!.nonConforming, day!.max]).toEqual(['date', 'text', 2, '2025-01-02']);
    const msgs = r.problems.filter((p) => p.code === 'infer.mixed-types');
    expect(msgs.map((p) => [p.column, p.count])).toEqual([['A', 2], ['B', 2]]);
    expect(msgs[0]!.message).toContain("row 2: '1.5'");
    const asText = profile(lines, { typeOverrides: { 0: 'text' } });
    expect(asText.columns[0]).toMatchObject({ type: 'text', inferredType: 'number', nonConforming: 0, minLength: 1, maxLength: 4 });
    const yesNo = profile(['Flag', '1', '0', '1', 'maybe'], { typeOverrides: { 0: 'boolean' } });
    expect(yesNo.columns[0]).toMatchObject({ type: 'boolean', inferredType: 'text', nonConforming: 1, format: { booleanWords: ['1', '0'] } });
    const ignored = profile(lines, { typeOverrides: { 0: 'bogus' as ColumnType } });
    expect(ignored.columns[0]!.type).toBe('number');
  });

  it('reads 0/1 as whole numbers, but as yes/no among yes/no words', () => {
    expect(profile(['F', '0', '1', '1', '0']).columns[0]!.type).toBe('integer');
    expect(profile(['F', 'ja', 'nein', '1', 'Ja']).columns[0]).toMatchObject({ type: 'boolean', format: { booleanWords: ['ja', 'nein'] } });
  });
});

describe('number formats', () => {
  it('reads a decimal-comma column with dot thousands', () => {
    const r = profile(['Betrag', '1.234,56', '12,5', '1,234', '-7'], { sep: '|' });
    expect(r.columns[0]).toMatchObject({ type: 'number', format: { decimal: ',', thousands: '.' }, min: -7, max: 1234.56, nonConforming: 0 });
    expect(r.problems).toEqual([]);
  });

  it('reads space, no-break space and apostrophe thousands', () => {
    expect(profile(['X', '1 234,5', '12,25', '999'], { sep: '|' }).columns[0]!.format).toEqual({ decimal: ',', thousands: ' ' });
    expect(profile(['X', '1\u00a0234,5', '2\u00a0000\u00a0000'], { sep: '|' }).columns[0]).toMatchObject({ format: { decimal: ',', thousands: '\u00a0' }, max: 2_000_000 });
    expect(profile(['X', "1'234.50", '3.75'], { sep: '|' }).columns[0]).toMatchObject({ format: { decimal: '.', thousands: "'" }, min: 3.75, max: 1234.5 });
  });

  it('decides "1,234" by the rest of the column', () => {
    expect(profile(['X', '1,234', '2,5'], { sep: '|' }).columns[0]).toMatchObject({ type: 'number', min: 1.234, max: 2.5, format: { decimal: ',' } });
    expect(profile(['X', '1,234', '2.5'], { sep: '|' }).columns[0]).toMatchObject({ type: 'number', min: 2.5, max: 1234, format: { decimal: '.', thousands: ',' } });
  });

  it('warns when every number fits both readings', () => {
    const r = profile(['Amount', '1,234', '2,500', '12'], { sep: '|' });
    expect(r.columns[0]).toMatchObject({ type: 'integer', min: 12, max: 2500, format: { decimal: '.', thousands: ',' } });
    const p = r.problems.find((x) => x.code === 'infer.ambiguous-number')!;
    expect(p).toMatchObject({ severity: 'warning', row: 2, column: 'A', count: 1 });
    expect(p.message).toContain("'1,234' could mean 1234 or 1.234");
  });

  it('keeps identifiers, phone numbers and huge integers as text', () => {
    for (const values of [['00123', '00042', '00007'], ['+49 30 1234567', '(555) 123-4567', '555-123-4567'], ['9007199254740993', '12345678901234567890']]) {
      expect(profile(['X', ...values], { sep: '|' }).columns[0]!.type, values[0]).toBe('text');
    }
  });
});

describe('dates', () => {
  it('warns about dates that fit day/month and month/day, and reads day/month', () => {
    const r = profile(['Start', '03/04/2025', '05/06/2025', '12/01/2025']);
    expect(r.columns[0]).toMatchObject({ type: 'date', format: { dateOrder: 'ambiguous', pattern: 'dd/mm/yyyy' }, min: '2025-01-12', max: '2025-06-05' });
    const p = r.problems.find((x) => x.code === 'infer.ambiguous-date')!;
    expect(p).toMatchObject({ severity: 'warning', row: 2, column: 'A', columnName: 'Start' });
    expect(p.message).toContain("'03/04/2025' could be 3 April 2025 or 4 March 2025");
    expect(p.message).toContain('reads them as day/month');
    expect(p.message).toContain('2025-04-03');
  });

  it('takes the order a value proves, without a warning', () => {
    const dmy = profile(['D', '03/04/2025', '13/04/2025']);
    expect(dmy.columns[0]).toMatchObject({ format: { dateOrder: 'DMY' }, min: '2025-04-03', max: '2025-04-13' });
    const mdy = profile(['D', '03/04/2025', '04/13/2025']);
    expect(mdy.columns[0]).toMatchObject({ format: { dateOrder: 'MDY', pattern: 'mm/dd/yyyy' }, min: '2025-03-04', max: '2025-04-13' });
    expect([...dmy.problems, ...mdy.problems]).toEqual([]);
    expect(profile(['D', '05/05/2025', '01/01/2025']).problems).toEqual([]); // day = month: same date either way
  });

  it('does not count invalid calendar dates as dates', () => {
    const r = profile(['D', ...Array.from({ length: 30 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}.02.2024`), '31.02.2024']);
    expect(r.columns[0]).toMatchObject({ type: 'date', nonConforming: 1, format: { dateOrder: 'DMY', pattern: 'dd.mm.yyyy' } });
    expect(r.problems[0]!.message).toContain("row 32: '31.02.2024'");
    expect(r.problems[0]!.message).toBe(
      "1 value in column A (D) is not a date written like the rest of the column (dd.mm.yyyy), e.g. row 32: '31.02.2024'. Correct it, leave it empty, or set the column to Text.",
    );
  });

  it('makes a date-time column when dates and date-times mix', () => {
    const r = profile(['T', '2025-01-01', '2025-01-02 10:30', '2025-01-03 08:00']);
    expect(r.columns[0]).toMatchObject({ type: 'datetime', min: '2025-01-01T00:00:00', max: '2025-01-03T08:00:00' });
  });
});
