import { describe, expect, it } from 'vitest';
import { COLUMN_TYPES } from '../../../shared/core/inspect/report';
import { unsupportedFileMessage } from '../../../renderer/src/lib/file-kind';
import { JOB_ID_PATTERN, newJobId } from '../../../renderer/src/lib/job-id';
import { isColumnType, typeHint, typeLabel, typeOptions } from '../../../renderer/src/lib/type-labels';

describe('type labels', () => {
  it("uses the owner's words and keeps the technical name in the hint", () => {
    expect(COLUMN_TYPES.map(typeLabel)).toEqual(['Whole number', 'Decimal number', 'Yes/No', 'Date', 'Date and time', 'Text']);
    expect(typeHint('datetime')).toContain('Technical name: datetime');
    const opts = typeOptions('date', 'text');
    expect(opts.map((o) => o.value)).toEqual([...COLUMN_TYPES]);
    expect(opts.find((o) => o.value === 'date')!.label).toBe('Date (detected)');
    expect(opts.filter((o) => o.label.includes('detected'))).toHaveLength(1);
    // While the detected type is the chosen one the mark would only be cut off: left out.
    expect(typeOptions('date').some((o) => o.label.includes('detected'))).toBe(false);
    expect(isColumnType('integer')).toBe(true);
    expect(isColumnType('Integer')).toBe(false);
  });
});

describe('file kinds', () => {
  it('accepts CSV and Excel files whatever the case of the extension', () => {
    for (const n of ['a.csv', 'B.TSV', 'c.txt', 'Q1 2025.xlsx', 'macro.XLSM']) expect(unsupportedFileMessage(n)).toBeNull();
  });
  it('turns others away with advice', () => {
    expect(unsupportedFileMessage('old.xls')).toContain('save it as an Excel Workbook (.xlsx)');
    expect(unsupportedFileMessage('report.pdf')).toContain('a .pdf file');
    expect(unsupportedFileMessage('README')).toContain('without an extension');
    expect(unsupportedFileMessage('.csv')).toContain('without an extension');
  });
});

describe('job ids', () => {
  it('fit the API pattern with or without randomUUID', () => {
    for (let i = 0; i < 50; i++) expect(newJobId()).toMatch(JOB_ID_PATTERN);
    const noUuid = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => globalThis.crypto.getRandomValues(a as Uint8Array) as unknown as T };
    const id = newJobId(noUuid as unknown as Crypto);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(newJobId()).not.toBe(newJobId());
  });
});
