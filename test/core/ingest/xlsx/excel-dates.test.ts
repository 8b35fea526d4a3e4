import { describe, expect, it } from 'vitest';
import { parseIsoCellDate, serialToEpochMs } from '../../../../shared/core/ingest/xlsx/excel-dates';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);

describe('Excel serial dates', () => {
  it('converts 1900-system serials, including the Lotus leap-year bug', () => {
    expect(serialToEpochMs(1, false)).toBe(utc(1900, 1, 1));
    expect(serialToEpochMs(59, false)).toBe(utc(1900, 2, 28));
    expect(serialToEpochMs(60, false)).toBe(utc(1900, 3, 1)); // Excel's phantom 29 Feb 1900
    expect(serialToEpochMs(61, false)).toBe(utc(1900, 3, 1));
    expect(serialToEpochMs(25569, false)).toBe(0);
    expect(serialToEpochMs(45351.5, false)).toBe(utc(2024, 2, 29, 12));
    expect(serialToEpochMs(0.25, false)).toBe(utc(1899, 12, 31, 6)); // time only: day zero
    expect(serialToEpochMs(2958465, false)).toBe(utc(9999, 12, 31));
  });

  it('converts 1904-system serials', () => {
    expect(serialToEpochMs(0, true)).toBe(utc(1904, 1, 1));
    expect(serialToEpochMs(45351.5 - 1462, true)).toBe(utc(2024, 2, 29, 12));
  });

  it('rounds binary fractions to the millisecond, carrying into the next day', () => {
    expect(serialToEpochMs(43831 + 1 / 3, false)).toBe(utc(2020, 1, 1, 8));
    expect(serialToEpochMs(43831.99999999999, false)).toBe(utc(2020, 1, 2));
  });

  it('refuses what Excel cannot show as a date', () => {
    expect(serialToEpochMs(-1, false)).toBeUndefined();
    expect(serialToEpochMs(2958466, false)).toBeUndefined();
    expect(serialToEpochMs(Number.NaN, false)).toBeUndefined();
  });

  it('parses t="d" ISO texts as wall-clock time', () => {
    expect(parseIsoCellDate('2024-05-06')).toEqual({ epochMs: utc(2024, 5, 6), hasTimePart: false });
    expect(parseIsoCellDate('2024-05-06T07:08:09.5Z')).toEqual({ epochMs: utc(2024, 5, 6, 7, 8, 9, 500), hasTimePart: true });
    expect(parseIsoCellDate('2024-05-06T07:08:09+02:00')?.epochMs).toBe(utc(2024, 5, 6, 7, 8, 9));
    expect(parseIsoCellDate('2023-02-31')).toBeUndefined();
    expect(parseIsoCellDate('yesterday')).toBeUndefined();
  });
});
