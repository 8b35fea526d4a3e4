// Node only (tests). Untrusted upload names become one safe file name.
import { describe, expect, it } from 'vitest';
import { displayUploadName, MAX_STORED_NAME, sanitizeUploadName } from '../../../shared/node/sources/upload-name';

describe('sanitizeUploadName', () => {
  it('keeps ordinary names as they are', () => {
    expect(sanitizeUploadName('Budget Q3 2026.xlsx')).toBe('Budget Q3 2026.xlsx');
    expect(sanitizeUploadName('preise-ä-ö-ü.csv')).toBe('preise-ä-ö-ü.csv');
  });

  it('drops any folder part, in Unix or Windows spelling', () => {
    expect(sanitizeUploadName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeUploadName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(sanitizeUploadName('C:\\Users\\ana\\budget.csv')).toBe('budget.csv');
    expect(sanitizeUploadName('/abs/path/data.csv')).toBe('data.csv');
  });

  it('never leaves "..", a leading dot, NUL or control characters', () => {
    for (const name of ['..', '.', '...', '..csv', 'a..b.csv', '.hidden.csv', 'a\u0000b.csv', 'a\nb.csv', 'x/..', 'x\\..\\..']) {
      const safe = sanitizeUploadName(name);
      expect(safe).not.toMatch(/\.\.|[\\/\u0000-\u001f]/);
      expect(safe.startsWith('.')).toBe(false);
      expect(safe.length).toBeGreaterThan(0);
    }
    expect(sanitizeUploadName('..')).toBe('upload');
    expect(sanitizeUploadName('a..b.csv')).toBe('a.b.csv');
  });

  it('replaces characters and names Windows refuses', () => {
    expect(sanitizeUploadName('a:b*c?"d<e>f|g.csv')).toBe('a_b_c__d_e_f_g.csv');
    expect(sanitizeUploadName('CON.csv')).toBe('_CON.csv');
    expect(sanitizeUploadName('nul')).toBe('_nul');
    expect(sanitizeUploadName('report. ')).toBe('report');
  });

  it('removes bidi overrides that could disguise the extension', () => {
    expect(sanitizeUploadName('invoice\u202Excs.exe')).toBe('invoicexcs.exe');
  });

  it('bounds the length and keeps the extension', () => {
    const long = `${'x'.repeat(500)}.xlsx`;
    const safe = sanitizeUploadName(long);
    expect(safe.length).toBeLessThanOrEqual(MAX_STORED_NAME);
    expect(safe.endsWith('.xlsx')).toBe(true);
    const emoji = sanitizeUploadName(`${'😀'.repeat(100)}.csv`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_STORED_NAME);
    expect(emoji.endsWith('.csv')).toBe(true);
    // No half emoji left behind.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(emoji)).toBe(false);
  });
});

describe('displayUploadName', () => {
  it('shows the name the owner knows, without folders or invisible characters', () => {
    expect(displayUploadName('Budget: Q3.csv')).toBe('Budget: Q3.csv');
    expect(displayUploadName('C:\\fakepath\\Budget.csv')).toBe('Budget.csv');
    expect(displayUploadName('  \u0007 ')).toBe('upload');
  });
});
