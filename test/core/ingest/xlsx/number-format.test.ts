import { describe, expect, it } from 'vitest';
import { builtinFormatKind, classifyFormatCode, FORMAT_DATE, FORMAT_DATETIME, FORMAT_NUMBER } from '../../../../shared/core/ingest/xlsx/number-format';

describe('number formats that make a number a date', () => {
  it('knows the built-in ids', () => {
    for (const id of [14, 15, 16, 17, 27, 30, 31, 36, 50, 57, 58]) expect(builtinFormatKind(id), `id ${id}`).toBe(FORMAT_DATE);
    for (const id of [18, 19, 20, 21, 22, 45, 47, 32, 33, 34, 35, 55, 56]) expect(builtinFormatKind(id), `id ${id}`).toBe(FORMAT_DATETIME);
    for (const id of [0, 1, 2, 9, 10, 11, 12, 13, 37, 44, 46, 49, 164]) expect(builtinFormatKind(id), `id ${id}`).toBe(FORMAT_NUMBER);
  });

  it('reads custom codes', () => {
    const cases: [string, number][] = [
      ['yyyy-mm-dd', FORMAT_DATE],
      ['dd/mm/yyyy;@', FORMAT_DATE],
      ['[$-409]d-mmm-yy;@', FORMAT_DATE],
      ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', FORMAT_DATE],
      ['mmm yy', FORMAT_DATE],
      ['yyyy-mm-dd hh:mm', FORMAT_DATETIME],
      ['h:mm AM/PM', FORMAT_DATETIME],
      ['mm:ss.0', FORMAT_DATETIME],
      ['[Red]dd/mm/yyyy', FORMAT_DATE],
      ['[h]:mm', FORMAT_NUMBER], // elapsed time: a duration, stays a number
      ['[mm]:ss', FORMAT_NUMBER],
      ['[hh]:mm:ss', FORMAT_NUMBER],
      ['General', FORMAT_NUMBER],
      ['0.00E+00', FORMAT_NUMBER],
      ['#,##0.00 "days"', FORMAT_NUMBER],
      ['0 \\d', FORMAT_NUMBER],
      ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', FORMAT_NUMBER],
      ['[Blue][<=100]0;[Red]0', FORMAT_NUMBER],
      ['"Week "0;dd/mm', FORMAT_NUMBER], // only the first section decides
      ['@', FORMAT_NUMBER],
      ['', FORMAT_NUMBER],
    ];
    for (const [code, kind] of cases) expect(classifyFormatCode(code), code).toBe(kind);
  });
});
