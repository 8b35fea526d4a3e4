import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../shared/core/ingest/csv/detect-delimiter';

describe('detectDelimiter', () => {
  it('picks the delimiter with a steady count per record', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n4;5,5;6,1\n', true, 'x.csv')).toBe(';');
    expect(detectDelimiter('a|b\n1|2\n', true, 'x.csv')).toBe('|');
    expect(detectDelimiter('a\tb\tc\nx, y\t1\t2\n', true, 'x.csv')).toBe('\t');
  });

  it('is not fooled by delimiters inside quoted values', () => {
    // Semicolons appear only inside quotes; commas separate the fields.
    expect(detectDelimiter('id,text\n1,"a;b;c"\n2,"d;e;f"\n3,"g;h;i"\n', true, 'x.csv')).toBe(',');
  });

  it('ignores the cut last record of a partial sample', () => {
    const sample = `${'a;b;c\n'.repeat(10)}1;2,3,4,5,6,7,8,9,`;
    expect(detectDelimiter(sample, false, 'x.csv')).toBe(';');
  });

  it('defaults to comma when no candidate occurs', () => {
    expect(detectDelimiter('name\nAda\nGrace\n', true, 'x.csv')).toBe(',');
    expect(detectDelimiter('', true, 'x.csv')).toBe(',');
  });
});
