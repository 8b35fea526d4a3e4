// Tests of the File › Open… request's dependence on the contract's event list.
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../shared/core/api/contract';
import { canRequestOpenFile, OPEN_FILE_EVENT } from '../../electron/open-file-request';

describe('canRequestOpenFile', () => {
  it('is true exactly when the contract lists the event', () => {
    expect(canRequestOpenFile(['job.progress'])).toBe(false);
    expect(canRequestOpenFile(['job.progress', OPEN_FILE_EVENT])).toBe(true);
    expect(canRequestOpenFile()).toBe((EVENT_NAMES as readonly string[]).includes(OPEN_FILE_EVENT));
  });
});
