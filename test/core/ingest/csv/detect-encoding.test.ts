import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../../shared/core/ingest/csv/detect-encoding';
import { UserFacingError } from '../../../../shared/core/result';

const b = (...x: number[]): Uint8Array => new Uint8Array(x);

describe('detectEncoding', () => {
  it('trusts a byte-order mark first', () => {
    expect(detectEncoding(b(0xef, 0xbb, 0xbf, 0x61), true, 'f.csv')).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(b(0xff, 0xfe, 0x61, 0), true, 'f.csv')).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(b(0xfe, 0xff, 0, 0x61), true, 'f.csv')).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognizes UTF-16 without a mark by its NUL bytes', () => {
    expect(detectEncoding(b(0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0), true, 'f.csv').encoding).toBe('utf-16le');
    expect(detectEncoding(b(0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a), true, 'f.csv').encoding).toBe('utf-16be');
  });

  it('falls back to Windows-1252 with an info note when the bytes are not UTF-8', () => {
    const g = detectEncoding(b(0x43, 0x61, 0x66, 0xe9, 0x0a), true, 'prices.csv');
    expect(g.encoding).toBe('windows-1252');
    expect(g.notes).toEqual([expect.objectContaining({ severity: 'info', code: 'csv.encoding-windows-1252' })]);
    expect(g.notes[0]!.message).toContain('"prices.csv" is not saved as UTF-8');
  });

  it('treats a character cut at the end of a partial sample as fine, but not at the end of a whole file', () => {
    expect(detectEncoding(b(0x61, 0xe2, 0x82), false, 'f.csv').encoding).toBe('utf-8');
    expect(detectEncoding(b(0x61, 0xe2, 0x82), true, 'f.csv').encoding).toBe('windows-1252');
  });

  it('refuses binary data in words', () => {
    const pdf = b(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0x02, 0x03);
    expect(() => detectEncoding(pdf, true, 'report.csv')).toThrow(UserFacingError);
    expect(() => detectEncoding(pdf, true, 'report.csv')).toThrow(/"report\.csv" does not look like a text \(CSV\) file.*PDF/);
  });
});
