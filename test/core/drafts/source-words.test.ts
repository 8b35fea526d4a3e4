// Node only (tests). The words an owner reads when a draft's file moved or changed.
import { describe, expect, it } from 'vitest';
import { changedSourceCheck, missingSourceCheck, plainDateTime } from '../../../shared/core/drafts/source-words';

describe('source words', () => {
  it('a moved file: names the file and its folder (not a path), and says what to do', () => {
    const c = missingSourceCheck({ fileName: 'sales.xlsx', folderName: 'Reports' });
    expect(c.status).toBe('missing');
    expect(c.message).toContain('“sales.xlsx” is no longer in the folder “Reports”');
    expect(c.message).toContain('Locate it (the same file');
    expect(c.message).toContain('Locate it');
    expect(c.message).not.toContain('/');
  });

  it('an upload copy that is gone, or an unreadable file, say so differently', () => {
    expect(missingSourceCheck({ fileName: 'a.csv', upload: true }).message).toContain('no longer has its copy of “a.csv”');
    expect(missingSourceCheck({ fileName: 'a.csv', folderName: 'X', unreadable: true }).message).toContain('cannot read “a.csv”');
    expect(missingSourceCheck({ fileName: 'a.csv' }).message).toContain('“a.csv” is no longer where it was');
  });

  it('a changed file: re-read, description kept, with an unambiguous date', () => {
    const c = changedSourceCheck({ fileName: 'sales.xlsx', savedAt: '2026-03-04T10:05:00.000Z' });
    expect(c.status).toBe('changed');
    expect(c.message).toBe('“sales.xlsx” has changed since this draft was saved (4 March 2026, 10:05 UTC). Mesh Desk will read it again and check it; your description is kept.');
    expect(changedSourceCheck({ fileName: 's.csv' }).message).toContain('has changed since this draft was saved. ');
    expect(plainDateTime('not a date')).toBeUndefined();
  });
});
