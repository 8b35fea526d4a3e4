// Node only (tests). Save errors in the owner's words, for codes a root test run cannot provoke.
import { describe, expect, it } from 'vitest';
import { writeError } from '../../../shared/node/export/write-errors';

describe('writeError', () => {
  const target = '/home/ana/Reports/prices report.xlsx';

  it.each([
    ['EACCES', 'permission'],
    ['EPERM', 'permission'],
    ['EBUSY', 'open in another program'],
    ['EROFS', 'cannot be written to'],
    ['ENOSPC', 'is full'],
    ['ENAMETOOLONG', 'too long'],
    ['ENOENT', 'does not exist'],
  ])('%s names the file, the folder or the fix', (code, words) => {
    const e = writeError(code, target);
    expect(e.code).toBe(`export.${code.toLowerCase()}`);
    expect(e.message).toContain(words);
    expect(e.message).toMatch(/prices report\.xlsx|\/home\/ana\/Reports/);
  });

  it('an unknown code still says nothing was saved', () => {
    expect(writeError('EWEIRD', target).message).toContain('Nothing was saved');
  });
});
