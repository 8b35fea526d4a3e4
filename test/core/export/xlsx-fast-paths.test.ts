// Runs anywhere (tests). The shortcuts the data sheet takes per cell must give exactly what the
// functions they stand in for give: safeText vs safeCellText, ExcelSerials vs excelSerial,
// over hand-picked edge cases and a seeded random mix.
import { describe, expect, it } from 'vitest';
import { excelSerial } from '../../../shared/core/export/excel-date-serial';
import { safeCellText, EXCEL_MAX_CELL_CHARS } from '../../../shared/core/export/spreadsheet-safe';
import { safeText, safeTextElement } from '../../../shared/core/export/xlsx-cell-text';
import { textElement } from '../../../shared/core/export/xlsx-xml';
import { ExcelSerials } from '../../../shared/core/export/xlsx-date-serials';

/** Small deterministic generator (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('safeText', () => {
  const cases = [
    '', 'plain', '=1+1', ' =1+1', '\u00A0=1', '\t=1', '\r\n', '\nx', '+49 30', '-5', '@SUM', '＝1', '＋1', '－1', '＠x',
    'a\u0000b', 'x\u001Fy', 'lone \uD800 half', 'pair 😀', 'end \uDC00', '\uFFFE', 'Zürich – 東京', 'a=b', 'javascript:alert(1)',
    'x'.repeat(EXCEL_MAX_CELL_CHARS - 2), 'x'.repeat(EXCEL_MAX_CELL_CHARS - 1), 'x'.repeat(EXCEL_MAX_CELL_CHARS), 'y'.repeat(EXCEL_MAX_CELL_CHARS + 5),
  ];
  it('equals safeCellText on edge cases', () => {
    for (const c of cases) {
      expect(safeText(c), JSON.stringify(c.slice(0, 20))).toBe(safeCellText(c));
      expect(safeTextElement(c), JSON.stringify(c.slice(0, 20))).toBe(textElement(safeCellText(c)));
    }
  });
  it('equals safeCellText on random texts', () => {
    const next = random(7);
    const alphabet = ['a', 'Z', '1', ' ', '\t', '\n', '\r', '=', '+', '-', '@', '\u0000', '\u0007', '\uD83D', '\uDE00', '＝', 'é', '"', '<', '&', '\u00A0', '\uFFFF', '>', "'", '\u2028', 'x', 'y'];
    for (let i = 0; i < 20_000; i++) {
      const len = Math.floor(next() * 8);
      let s = '';
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(next() * alphabet.length)]!;
      expect(safeText(s), JSON.stringify(s)).toBe(safeCellText(s));
      expect(safeTextElement(s), JSON.stringify(s)).toBe(textElement(safeCellText(s)));
    }
  });
});

describe('ExcelSerials', () => {
  const cases = [
    '2024-01-05', '2024-02-29', '2023-02-29', '1900-02-28', '1900-03-01', '1899-12-31', '9999-12-31', '10000-01-01',
    '2024-01-05T12:00:05', '2024-01-05T12:00:05Z', '2024-01-05T23:59:59Z', '2024-01-05T24:00:00Z', '2024-01-05T12:60:00',
    '2024-01-05T12:00:05.250Z', '2024-01-05T12:00:05+02:00', '2024-01-05 12:00:05', '1900-02-28T23:00:00Z', '9999-12-31T23:59:59Z',
    '2024-13-01T00:00:00Z', '2024-1a-01', 'not a date', '2024-01-05T1a:00:00Z', '2024-01-05T12-00-05Z', '2024-01-05T12:00:05X',
  ];
  it('equals excelSerial bit for bit on edge cases, asked twice (remembered days)', () => {
    const serials = new ExcelSerials();
    for (let round = 0; round < 2; round++) for (const c of cases) expect(serials.serial(c), c).toBe(excelSerial(c));
  });
  it('equals excelSerial bit for bit on random dates and times', () => {
    const next = random(11);
    const serials = new ExcelSerials();
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let i = 0; i < 50_000; i++) {
      const day = `${1890 + Math.floor(next() * 8200)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 31))}`;
      const iso = next() < 0.3 ? day : `${day}T${pad(Math.floor(next() * 25))}:${pad(Math.floor(next() * 61))}:${pad(Math.floor(next() * 61))}${next() < 0.5 ? 'Z' : ''}`;
      expect(serials.serial(iso), iso).toBe(excelSerial(iso));
    }
  });
});
