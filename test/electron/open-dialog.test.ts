// Tests of the native Open dialog's options.
import { describe, expect, it } from 'vitest';
import { chosenPath, OPEN_FILE_FILTERS, openFileDialogOptions } from '../../electron/open-dialog';

describe('openFileDialogOptions', () => {
  it('offers the formats Mesh Desk reads first, one file at a time', () => {
    const o = openFileDialogOptions('/home/owner/Documents');
    expect(o.properties).toEqual(['openFile']);
    expect(o.defaultPath).toBe('/home/owner/Documents');
    expect(OPEN_FILE_FILTERS[0]?.extensions).toEqual(['csv', 'tsv', 'txt', 'xlsx']);
    expect(OPEN_FILE_FILTERS.flatMap((f) => f.extensions)).toEqual(expect.arrayContaining(['csv', 'tsv', 'txt', 'xlsx', '*']));
    expect(openFileDialogOptions()).not.toHaveProperty('defaultPath');
  });
});

describe('chosenPath', () => {
  it('returns the file, or null when cancelled or empty', () => {
    expect(chosenPath({ canceled: false, filePaths: ['/a.csv'] })).toBe('/a.csv');
    expect(chosenPath({ canceled: true, filePaths: ['/a.csv'] })).toBeNull();
    expect(chosenPath({ canceled: false, filePaths: [] })).toBeNull();
  });
});
