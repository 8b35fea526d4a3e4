import { describe, expect, it } from 'vitest';
import { classifyDate, daysFromCivil } from '../../../shared/core/infer/classify-date';
import { civilFromDays, isoText, patternText } from '../../../shared/core/infer/date-format';
import { D_DMY, D_MDY, P_SAME_DM, T_DMY, T_MDY, dateMaskOf, patternOf, readings } from '../../../shared/core/infer/value-classes';

const utc = (iso: string): number => Date.parse(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);

function read(text: string): { mask: number; a: number; b: number; pattern: string } | null {
  const key = classifyDate(text);
  if (key === 0) return null;
  const p = patternOf(key);
  return { mask: dateMaskOf(key), a: readings.a, b: readings.b, pattern: patternText(p, (dateMaskOf(key) & (D_DMY | T_DMY)) === 0) };
}

describe('calendar arithmetic', () => {
  it('matches Date.UTC over a long range, both ways', () => {
    for (let d = -800_000; d <= 2_900_000; d += 997) {
      const { y, m, d: day } = civilFromDays(d);
      expect(daysFromCivil(y, m, day)).toBe(d);
      if (y >= 100) expect(Date.UTC(y, m - 1, day) / 86_400_000).toBe(d);
    }
  });
  it('writes ISO text', () => {
    expect(isoText(utc('2024-02-29T00:00:00'), false)).toBe('2024-02-29');
    expect(isoText(utc('2024-02-29T13:05:09.25'), true)).toBe('2024-02-29T13:05:09.250');
    expect(isoText(utc('1999-12-31T23:59:59'), true, true)).toBe('1999-12-31T23:59:59Z');
  });
});

describe('classifyDate', () => {
  it('reads ISO dates and date-times with T or space, seconds, fractions, Z or offsets', () => {
    expect(read('2025-03-04')).toEqual({ mask: 15, a: utc('2025-03-04'), b: utc('2025-03-04'), pattern: 'yyyy-mm-dd' });
    expect(read('2025-03-04T10:15')).toMatchObject({ mask: T_DMY | T_MDY, a: utc('2025-03-04T10:15'), pattern: 'yyyy-mm-ddThh:mm' });
    expect(read('2025-03-04 10:15:30')).toMatchObject({ a: utc('2025-03-04T10:15:30'), pattern: 'yyyy-mm-dd hh:mm:ss' });
    expect(read('2025-03-04T10:15:30.123Z')).toMatchObject({ a: utc('2025-03-04T10:15:30.123Z'), pattern: 'yyyy-mm-ddThh:mm:ss.fffZ' });
    expect(read('2025-03-04T10:15:30.123456789Z')?.a).toBe(utc('2025-03-04T10:15:30.123Z'));
    expect(read('2025-03-04T10:15:30+02:00')).toMatchObject({ a: utc('2025-03-04T08:15:30Z'), pattern: 'yyyy-mm-ddThh:mm:ss+hh:mm' });
    expect(read('2025-03-04T10:15:30-0530')?.a).toBe(utc('2025-03-04T15:45:30Z'));
    expect(read('2025-03-04T01:00+01')?.a).toBe(utc('2025-03-04T00:00Z'));
    expect(read('2025/03/04')?.pattern).toBe('yyyy/mm/dd');
  });

  it('rejects invalid calendar dates and times', () => {
    for (const t of ['2024-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '31.02.2024', '29.02.2023', '2025-03-04T24:00', '2025-03-04 10:60', '2025-03-04T10:15:61', '0000-01-01']) {
      expect(read(t), t).toBeNull();
    }
    expect(read('29.02.2024')).not.toBeNull(); // leap year
    expect(read('2000-02-29')).not.toBeNull();
    expect(read('1900-02-29')).toBeNull();
  });

  it('rejects things that only look like dates', () => {
    for (const t of ['2025-03', '20250304', '2025-3-4-1', '12/2025', '1/2/25', '03/04/2025x', '2025-03-04T', '2025-03-04 10', '03/04-2025', '10:15', '2025-03-04  10:15', '03/04/2025T10:15']) {
      expect(read(t), t).toBeNull();
    }
  });

  it('reads dd.mm.yyyy as day-first only', () => {
    expect(read('04.03.2025')).toEqual({ mask: D_DMY | T_DMY, a: utc('2025-03-04'), b: NaN, pattern: 'dd.mm.yyyy' });
    expect(read('4.3.2025')?.pattern).toBe('d.m.yyyy');
    expect(read('04.03.2025 17:30')).toMatchObject({ mask: T_DMY, a: utc('2025-03-04T17:30'), pattern: 'dd.mm.yyyy hh:mm' });
  });

  it('reads slash dates in both orders when both are valid', () => {
    expect(read('03/04/2025')).toMatchObject({ mask: D_DMY | D_MDY | T_DMY | T_MDY, a: utc('2025-04-03'), b: utc('2025-03-04') });
    expect(read('13/04/2025')).toMatchObject({ mask: D_DMY | T_DMY, a: utc('2025-04-13'), b: NaN }); // proves day/month
    expect(read('04/13/2025')).toMatchObject({ mask: D_MDY | T_MDY, a: NaN, b: utc('2025-04-13') }); // proves month/day
    expect(read('31/02/2024')).toBeNull();
    expect(read('03-04-2025')?.mask).toBe(15);
    expect(classifyDate('05/05/2025') >>> 4 & P_SAME_DM).toBe(P_SAME_DM);
  });

  it('reads US times with AM/PM', () => {
    expect(read('3/4/2025 9:05 PM')).toMatchObject({ b: utc('2025-03-04T21:05'), pattern: 'd/m/yyyy hh:mm AM/PM' });
    expect(read('3/4/2025 12:00 am')?.b).toBe(utc('2025-03-04T00:00'));
    expect(read('3/4/2025 13:00 PM')).toBeNull();
  });
});
