import { describe, expect, it } from 'vitest';
import type { Cell, DateCell, ErrorCell } from '../../../shared/core/ingest/types';
import type { ColumnType, ValueFormat } from '../../../shared/core/inspect/report';
import { classifyDate, daysFromCivil } from '../../../shared/core/infer/classify-date';
import { classifyNumber } from '../../../shared/core/infer/classify-number';
import { readings } from '../../../shared/core/infer/value-classes';
import { cellNormalizer } from '../../../shared/core/publish/normalize-cell';

const norm = (type: ColumnType, format?: ValueFormat) => cellNormalizer({ type, format });
const DAY = 86_400_000;
const dateCell = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0, hasTime = h + mi + s + ms > 0): DateCell => ({
  kind: 'date',
  epochMs: daysFromCivil(y, m, d) * DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms,
  hasTime,
});
const NA: ErrorCell = { kind: 'error', code: '#N/A' };
const REF: ErrorCell = { kind: 'error', code: '#REF!' };
const ALL_TYPES: ColumnType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'text'];

function expectMap(f: (c: Cell) => string, cases: [Cell, string][]): void {
  for (const [input, want] of cases) expect(f(input), JSON.stringify(input)).toBe(want);
}

describe('missing values', () => {
  it('writes "" for null, "", whitespace-only text and error cells, in every column type', () => {
    for (const type of ALL_TYPES) {
      const f = norm(type, type === 'number' ? { decimal: ',' } : undefined);
      for (const c of [null, '', ' ', '\t', '\r\n', '\u00a0', '\u202f \u3000', NA, REF] as Cell[]) expect(f(c), `${type} ${JSON.stringify(c)}`).toBe('');
    }
  });
});

describe('text columns', () => {
  const f = norm('text');
  it('keeps CSV text byte for byte: leading zeros, long digit strings, spaces, look-alike numbers and dates', () => {
    for (const s of ['00123', '0012345678901234567', '12345678901234567890', '4111111111111111', '  padded ', 'a\u00a0b', '1.234,56', '05.03.2024', 'yes', '-0', '1e5', 'Zoë']) {
      expect(f(s), s).toBe(s);
    }
  });
  it('writes typed spreadsheet cells as the owner sees them', () => {
    expectMap(f, [
      [1.5, '1.5'],
      [-0, '0'],
      [true, 'TRUE'],
      [false, 'FALSE'],
      [dateCell(2024, 3, 5), '2024-03-05'],
      [dateCell(2024, 3, 5, 14, 30, 15), '2024-03-05 14:30:15'],
    ]);
  });
});

describe('number columns', () => {
  it('European "1.234,56" style: drops the "." thousands separators and swaps the decimal comma', () => {
    const f = norm('number', { decimal: ',', thousands: '.' });
    expectMap(f, [
      ['1.234,56', '1234.56'],
      ['1.234.567,89', '1234567.89'],
      ['-0,5', '-0.5'],
      ['0,25', '0.25'],
      ['1234', '1234'],
      ['1.234', '1234'],
      ['-0', '0'],
      ['-0,00', '0.00'],
    ]);
  });

  it('space thousands with a space, a no-break space and a narrow no-break space', () => {
    const f = norm('number', { decimal: ',', thousands: '\u00a0' });
    expectMap(f, [
      ['1 234,5', '1234.5'],
      ['1\u00a0234,5', '1234.5'],
      ['1\u202f234\u202f567,25', '1234567.25'],
    ]);
    expectMap(norm('number', { decimal: '.', thousands: ' ' }), [['12 345.5', '12345.5']]);
  });

  it('Swiss "1\'234.5" and comma thousands with a decimal point', () => {
    const f = norm('number', { decimal: '.', thousands: "'" });
    expectMap(f, [
      ["1'234.5", '1234.5'],
      ['1’234’567.05', '1234567.05'],
      ['1,234.5', '1234.5'],
      ['1234.5', '1234.5'],
      ['-12.75', '-12.75'],
    ]);
  });

  it('rewrites textually: no digit changes through float rounding, trailing zeros kept, exponents kept', () => {
    const f = norm('number', { decimal: ',' });
    expect(f('0,1000000000000000055511151231257827')).toBe('0.1000000000000000055511151231257827');
    expect(f('1.234.567,100')).toBe('1234567.100');
    expect(f('9.007.199.254.740,993')).toBe('9007199254740.993');
    const p = norm('number', { decimal: '.' });
    expect(p('1e5')).toBe('1e5');
    expect(p('2.5E-3')).toBe('2.5E-3');
    expect(p('-1.5e+10')).toBe('-1.5e+10');
    expect(norm('number')('1e5')).toBe('1e5'); // no format: "." is the decimal mark
  });

  it('keeps values that do not fit the column as the owner wrote them', () => {
    const comma = norm('number', { decimal: ',' });
    // Only readable with a decimal point, or not numbers at all under the column's style.
    expectMap(comma, [
      ['1,234.5', '1,234.5'],
      ['12.5', '12.5'],
      ['n/a', 'n/a'],
      ['12 EUR', '12 EUR'],
      ['00123', '00123'],
      ['+4930123456', '+4930123456'],
      ['12345678901234567890', '12345678901234567890'],
      [' 12', ' 12'],
    ]);
    const point = norm('number', { decimal: '.' });
    expectMap(point, [
      ['1,5', '1,5'],
      ['1.234,56', '1.234,56'],
      ['1e5x', '1e5x'],
      [true, 'TRUE'],
      [dateCell(2024, 3, 5), '2024-03-05'],
    ]);
    expect(norm('number')('3,25')).toBe('3,25'); // no format: only "." is a decimal mark
  });

  it('integer columns: whole numbers lose their separators, fractions do not fit', () => {
    const f = norm('integer', { decimal: '.', thousands: ',' });
    expectMap(f, [
      ['1,234', '1234'],
      ['1,234,567', '1234567'],
      ['-7', '-7'],
      ['-0', '0'],
      ['1.5', '1.5'],
      ['1 234 567', '1234567'],
    ]);
    expectMap(norm('integer', { decimal: ',' }), [
      ['1.234', '1234'],
      ['1,5', '1,5'],
    ]);
  });

  it('writes typed spreadsheet numbers with String(n), "-0" as "0"', () => {
    for (const type of ['integer', 'number'] as const) {
      expectMap(norm(type, { decimal: ',' }), [
        [1234.5, '1234.5'],
        [-0, '0'],
        [0.1 + 0.2, String(0.1 + 0.2)],
        [1e21, '1e+21'],
        [42, '42'],
      ]);
    }
  });

  it('agrees with the checker’s reading of every value it rewrites (random values)', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const alphabet = ['0', '1', '2', '5', '9', '.', ',', ' ', '\u00a0', "'", '-', 'e'];
    for (const decimal of ['.', ','] as const) {
      const f = norm('number', { decimal });
      let rewritten = 0;
      for (let i = 0; i < 20_000; i++) {
        let s = rnd(4) === 0 ? '-' : '';
        const len = 1 + rnd(12);
        for (let j = 0; j < len; j++) s += alphabet[rnd(alphabet.length)];
        const out = f(s);
        if (out === s) continue; // kept as written (a misfit, or already plain)
        const key = classifyNumber(s);
        expect(key, s).not.toBe(0);
        const read = decimal === ',' ? readings.b : readings.a;
        expect(Number(out), `${s} → ${out}`).toBe(read);
        expect(out, s).toMatch(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/);
        rewritten++;
      }
      expect(rewritten).toBeGreaterThan(500);
    }
  });
});

describe('yes/no columns', () => {
  const f = norm('boolean', { booleanWords: ['yes', 'no'] });
  it('writes every recognised word pair, in any case, as true/false', () => {
    expectMap(f, [
      ['yes', 'true'],
      ['No', 'false'],
      ['TRUE', 'true'],
      ['false', 'false'],
      ['Y', 'true'],
      ['n', 'false'],
      ['ja', 'true'],
      ['Nein', 'false'],
      ['oui', 'true'],
      ['NON', 'false'],
      ['wahr', 'true'],
      ['Falsch', 'false'],
    ]);
  });
  it('writes 0/1 and typed spreadsheet booleans and 0/1 numbers as true/false', () => {
    expectMap(f, [
      ['1', 'true'],
      ['0', 'false'],
      [true, 'true'],
      [false, 'false'],
      [1, 'true'],
      [0, 'false'],
    ]);
  });
  it('keeps anything else as the owner had it', () => {
    expectMap(f, [
      ['maybe', 'maybe'],
      ['yes ', 'yes '],
      ['2', '2'],
      ['01', '01'],
      ['-0', '-0'],
      [2, '2'],
      [dateCell(2024, 3, 5), '2024-03-05'],
    ]);
  });
});

describe('date columns', () => {
  it('"2024-03-05" is 5 March 2024 in DMY, MDY, YMD and ambiguous columns', () => {
    for (const dateOrder of ['DMY', 'MDY', 'YMD', 'ambiguous'] as const) expect(norm('date', { dateOrder })('2024-03-05'), dateOrder).toBe('2024-03-05');
    expect(norm('date')('2024-03-05')).toBe('2024-03-05');
  });

  it('reads day-first columns day-first', () => {
    const f = norm('date', { dateOrder: 'DMY', pattern: 'dd.mm.yyyy' });
    expectMap(f, [
      ['05.03.2024', '2024-03-05'],
      ['5.3.2024', '2024-03-05'],
      ['05/03/2024', '2024-03-05'],
      ['29.02.2024', '2024-02-29'],
      ['2024/3/5', '2024-03-05'],
    ]);
  });

  it('reads month-first columns month-first', () => {
    const f = norm('date', { dateOrder: 'MDY', pattern: 'mm/dd/yyyy' });
    expectMap(f, [
      ['03/05/2024', '2024-03-05'],
      ['12/31/2023', '2023-12-31'],
      ['3-5-2024', '2024-03-05'],
    ]);
  });

  it('ambiguous columns read day-first, as the checker does', () => {
    expect(norm('date', { dateOrder: 'ambiguous' })('03/05/2024')).toBe('2024-05-03');
  });

  it('keeps dates that only fit the other order, invalid dates and non-dates as written', () => {
    expectMap(norm('date', { dateOrder: 'DMY' }), [
      ['03/13/2024', '03/13/2024'],
      ['31.02.2024', '31.02.2024'],
      ['soon', 'soon'],
      ['20240305', '20240305'],
      [45356, '45356'],
    ]);
    expectMap(norm('date', { dateOrder: 'MDY' }), [
      ['13/03/2024', '13/03/2024'],
      ['05.03.2024', '05.03.2024'], // dots are day-first only
    ]);
  });

  it('writes the full date-time when the value has a time that is not midnight (never drops it)', () => {
    const f = norm('date', { dateOrder: 'YMD' });
    expectMap(f, [
      ['2024-03-05 14:30', '2024-03-05T14:30:00'],
      ['2024-03-05 14:30:15', '2024-03-05T14:30:15'],
      ['2024-03-05T14:30:15', '2024-03-05T14:30:15'],
      ['2024-03-05 00:00:00', '2024-03-05'],
      ['2024-03-05T23:59:59.5', '2024-03-05T23:59:59.500'],
      ['2024-03-05T00:00:00+02:00', '2024-03-04T22:00:00Z'],
    ]);
  });

  it('typed spreadsheet dates with and without a time', () => {
    const f = norm('date', { pattern: 'Excel date' });
    expectMap(f, [
      [dateCell(2024, 3, 5), '2024-03-05'],
      [dateCell(1900, 1, 1), '1900-01-01'],
      [dateCell(2024, 3, 5, 0, 0, 0, 0, true), '2024-03-05'],
      [dateCell(2024, 3, 5, 9, 15), '2024-03-05T09:15:00'],
      [dateCell(1969, 12, 31, 12), '1969-12-31T12:00:00'],
    ]);
  });
});

describe('date-time columns', () => {
  it('writes wall-clock values without a suffix, milliseconds only when not zero', () => {
    const f = norm('datetime', { dateOrder: 'YMD' });
    expectMap(f, [
      ['2024-03-05 14:30', '2024-03-05T14:30:00'],
      ['2024-03-05T14:30:15', '2024-03-05T14:30:15'],
      ['2024-03-05T14:30:15.000', '2024-03-05T14:30:15'],
      ['2024-03-05T14:30:15.25', '2024-03-05T14:30:15.250'],
      ['2024-03-05', '2024-03-05T00:00:00'],
      ['2024-03-05 14:30:15', '2024-03-05T14:30:15'],
      ['2024-03-05 9:30:15', '2024-03-05T09:30:15'],
      ['2024-3-5 09:30:15', '2024-03-05T09:30:15'],
      ['1999-12-31 23:59:59', '1999-12-31T23:59:59'],
    ]);
  });

  it('converts values with a zone or offset to UTC and appends Z', () => {
    const f = norm('datetime', { dateOrder: 'YMD' });
    expectMap(f, [
      ['2024-03-05T10:15:30+02:00', '2024-03-05T08:15:30Z'],
      ['2024-03-05T10:15:30Z', '2024-03-05T10:15:30Z'],
      ['2024-03-05T01:00:00+0200', '2024-03-04T23:00:00Z'],
      ['2024-03-05T20:00:00.125-05:00', '2024-03-06T01:00:00.125Z'],
      ['2024-01-01T00:30:00+01:00', '2023-12-31T23:30:00Z'],
    ]);
  });

  it('reads text date-times in the column’s date order, incl. AM/PM', () => {
    expectMap(norm('datetime', { dateOrder: 'DMY' }), [
      ['05.03.2024 14:30', '2024-03-05T14:30:00'],
      ['05/03/2024 1:05 PM', '2024-03-05T13:05:00'],
    ]);
    expectMap(norm('datetime', { dateOrder: 'MDY' }), [
      ['03/05/2024 14:30:01', '2024-03-05T14:30:01'],
      ['03/05/2024 12:00 AM', '2024-03-05T00:00:00'],
    ]);
  });

  it('typed spreadsheet dates: date-only gets T00:00:00, never a Z', () => {
    const f = norm('datetime', { pattern: 'Excel date and time' });
    expectMap(f, [
      [dateCell(2024, 3, 5), '2024-03-05T00:00:00'],
      [dateCell(2024, 3, 5, 9, 15, 7), '2024-03-05T09:15:07'],
      [dateCell(2024, 3, 5, 9, 15, 7, 40), '2024-03-05T09:15:07.040'],
    ]);
  });

  it('keeps values that are not date-times as written', () => {
    expectMap(norm('datetime', { dateOrder: 'YMD' }), [
      ['2024-03-05 25:00', '2024-03-05 25:00'],
      ['tomorrow', 'tomorrow'],
      [true, 'TRUE'],
      [3.5, '3.5'],
    ]);
  });

  it('every value it rewrites reads back as the same instant', () => {
    const f = norm('datetime', { dateOrder: 'DMY' });
    for (const s of ['05.03.2024 14:30', '2024-03-05T10:15:30.5+05:45', '2000-02-29T23:59:59-12:00', '31/12/1999 11:59:59 PM', '0001-01-01']) {
      classifyDate(s);
      const want = readings.a;
      const out = f(s);
      expect(classifyDate(out), out).not.toBe(0);
      expect(readings.a, `${s} → ${out}`).toBe(want);
    }
  });
});

describe('robustness', () => {
  it('never throws and always returns a string, whatever the cell', () => {
    const odd: Cell[] = [
      NaN,
      Infinity,
      -Infinity,
      Number.MAX_VALUE,
      5e-324,
      { kind: 'date', epochMs: NaN, hasTime: true },
      { kind: 'date', epochMs: 1.5, hasTime: true },
      { kind: 'error', code: '' },
      '-',
      '.',
      ',',
      'e',
      '-e5',
      '1e',
      '1,,2',
      '9'.repeat(400),
      '1' + ',000'.repeat(100),
      '2024-13-45',
      '2024-03-05T',
      '2024-03-05T10:15:30+99:99',
      '\ud800',
      'x'.repeat(10_000),
    ];
    for (const type of ALL_TYPES) {
      for (const format of [undefined, { decimal: ',' as const, dateOrder: 'MDY' as const }, { decimal: '.' as const, dateOrder: 'DMY' as const }]) {
        const f = norm(type, format);
        for (const c of odd) expect(typeof f(c), `${type} ${JSON.stringify(c)}`).toBe('string');
      }
    }
  });
});
