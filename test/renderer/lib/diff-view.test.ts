// The words of a re-imported pulled workbook: where it came from and what changed since, with
// the row numbers Excel shows, at most five examples per kind, and no "0 changed" without a key.
import { describe, expect, it } from 'vitest';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import * as V from '../../../renderer/src/lib/diff-view';

const keyed: DataDiff = {
  columns: { added: ['Region'], removed: ['Notes', 'Owner'], compared: ['id', 'amount'] },
  rows: { added: 7, removed: 1, changed: 2, unchanged: 40, published: 43, edited: 49 },
  matchedBy: 'key',
  key: ['id'],
  examples: {
    added: [2, 3, 4, 5, 6, 8, 9].map((row) => ({ row, key: { id: `n${row}` } })),
    removed: [{ pulledRow: 12 }],
    changed: [
      { row: 7, pulledRow: 7, key: { id: '6' }, columns: ['amount'] },
      { row: 10, pulledRow: 9, key: { id: '' }, columns: ['amount', 'date'] },
    ],
  },
};

const byContent: DataDiff = {
  columns: { added: [], removed: [], compared: ['a', 'b'] },
  rows: { added: 1, removed: 1, changed: 0, unchanged: 3, published: 4, edited: 4 },
  matchedBy: 'content',
  examples: { added: [{ row: 3 }], removed: [{ pulledRow: 3 }], changed: [] },
};

describe('where the workbook came from', () => {
  it('names product, version, address and date', () => {
    expect(
      V.recognizedText({ product: 'campaign-budgets', version: '1.2.0', endpoint: 'default', address: 's3://acme/data/campaign-budgets', pulledAt: '2026-11-20T09:30:00Z', source: 'properties' }),
    ).toBe('This workbook was pulled from campaign-budgets v1.2.0 (s3://acme/data/campaign-budgets) on 2026-11-20 09:30.');
  });
  it('leaves out what the workbook does not state, and names a table other than the default', () => {
    expect(V.recognizedText({ product: 'prices', version: '2.0.0', endpoint: 'regions', source: 'names' })).toBe(
      'This workbook was pulled from prices v2.0.0, table “regions”.',
    );
  });
});

describe('what changed', () => {
  it('counts rows of each kind; without a key "changed" is not claimed', () => {
    expect(V.diffCounts(keyed).map((c) => [c.key, c.count])).toEqual([['added', 7], ['removed', 1], ['changed', 2], ['unchanged', 40]]);
    expect(V.diffCounts(byContent).map((c) => c.key)).toEqual(['added', 'removed', 'unchanged']);
    expect(V.diffCounts(keyed).map((c) => c.label)).toEqual(['rows added', 'row removed', 'rows changed', 'rows unchanged']);
  });

  it('says how rows were matched', () => {
    expect(V.matchedByText(keyed)).toBe('Rows were matched by their key column “id”.');
    expect(V.matchedByText({ ...keyed, key: ['id', 'region'] })).toBe('Rows were matched by their key columns “id”, “region”.');
    expect(V.matchedByText(byContent)).toMatch(/whole rows.*one removed and one added/);
  });

  it('names added and removed columns, and nothing when the columns are the same', () => {
    expect(V.columnChanges(keyed)).toEqual([
      'Column added: “Region”. It is new in your sheet.',
      'Columns removed: “Notes”, “Owner”. Publishing without them makes a new major version.',
    ]);
    expect(V.columnChanges(byContent)).toEqual([]);
  });

  it('gives at most five examples per kind with Excel row numbers and the changed columns', () => {
    const ex = V.diffExamples(keyed);
    expect(ex.changed).toEqual(['row 7 changed: amount (id 6)', 'row 10 changed: amount, date (id (empty))']);
    expect(ex.added).toHaveLength(5);
    expect(ex.added[0]).toBe('row 2 added (id n2)');
    expect(ex.removed).toEqual(['row 12 of the pulled workbook is gone']);
    expect(V.moreText(keyed.rows.added, ex.added.length)).toBe('and 2 more');
    expect(V.moreText(2, 2)).toBeNull();
    expect(V.diffExamples(byContent).added).toEqual(['row 3 added']);
  });

  it('has a headline for nothing changed and for a changed sheet', () => {
    const same: DataDiff = { ...byContent, rows: { added: 0, removed: 0, changed: 0, unchanged: 4, published: 4, edited: 4 } };
    expect(V.diffHeadline(same, '1.0.0')).toBe('Nothing changed: all 4 rows are as published in v1.0.0.');
    expect(V.diffHeadline(keyed, '1.2.0')).toBe('Your sheet has 49 data rows; v1.2.0 has 43.');
    // A column removed alone is a change, even when every row matches.
    expect(V.diffHeadline({ ...same, columns: { added: [], removed: ['x'], compared: [] } }, '1.0.0')).toMatch(/^Your sheet has/);
  });

  it('reports progress in words', () => {
    expect(V.diffProgressText(null, false)).toBe('Reading the published version…');
    expect(V.diffProgressText({ jobId: 'j', phase: 'reading', bytesDone: 50, bytesTotal: 200, rows: 1200 }, false)).toBe(
      'Comparing your sheet with the published rows… 25% (1,200 rows so far)',
    );
    expect(V.diffProgressText({ jobId: 'j', phase: 'reading', bytesDone: 0, bytesTotal: 0, rows: 1 }, true)).toBe('Stopping…');
  });
});
