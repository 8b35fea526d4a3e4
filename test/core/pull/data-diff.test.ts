// Node-run test of pure core code. diffRows on hand-made streams: values compared as a re-publish
// writes them whatever form the edited cell has, the export's protective apostrophe, duplicate
// keys, and a 200,000-row comparison whose memory stays in hashes.

import { describe, expect, it } from 'vitest';
import type { Cell, SourceRow } from '../../../shared/core/ingest/types';
import { diffRows } from '../../../shared/core/pull/data-diff';
import { editedCell } from '../../../shared/core/pull/diff-values';
import type { PulledBatch, PulledColumn, PulledValue } from '../../../shared/core/pull/read-endpoint';
import { RowMatchTable } from '../../../shared/core/pull/row-match-table';

const COLUMNS: PulledColumn[] = [
  { name: 'id', type: 'integer', required: true },
  { name: 'price', type: 'number', required: false },
  { name: 'day', type: 'date', required: false },
  { name: 'at', type: 'timestamp', required: false },
  { name: 'active', type: 'boolean', required: false },
  { name: 'label', type: 'string', required: false },
];
const HEADER = COLUMNS.map((c) => c.name);

async function* published(rows: PulledValue[][], size = 1000): AsyncIterable<PulledBatch> {
  for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size), rowsDone: Math.min(rows.length, i + size) };
}
async function* sheet(rows: Cell[][], size = 1000): AsyncIterable<SourceRow[]> {
  const all: SourceRow[] = [{ row: 1, cells: HEADER }, ...rows.map((cells, i) => ({ row: i + 2, cells }))];
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}
const day = (iso: string) => ({ kind: 'date' as const, epochMs: Date.parse(`${iso}T00:00:00Z`), hasTime: false });

describe('diffRows value forms', () => {
  it('treats a value as unchanged whatever form the edited cell has', async () => {
    const pub: PulledValue[][] = [
      [1, 79.19, { kind: 'date', iso: '2024-02-02' }, { kind: 'datetime', iso: '2024-02-02T10:30:00Z' }, true, '-'],
      [2, 1000, { kind: 'date', iso: '2024-12-31' }, null, false, '=1+1'],
      [3, 'n/a', 'soon', null, null, 'plain'],
    ];
    const edited: Cell[][] = [
      ['1', '79.19', '2024-02-02', { kind: 'date', epochMs: Date.UTC(2024, 1, 2, 10, 30), hasTime: true }, 'TRUE', "'-"],
      [2, '1,000', day('2024-12-31'), '', 'false', "'=1+1"],
      [3, 'n/a', 'soon', null, '  ', 'plain'],
    ];
    const d = await diffRows({ published: published(pub), publishedColumns: COLUMNS, edited: sheet(edited), editedHeaderRow: 1, editedColumns: HEADER, key: ['id'] });
    expect(d.rows).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 3, published: 3, edited: 3 });
  });

  it('names the changed columns and keeps a typed apostrophe the export did not add', async () => {
    const pub: PulledValue[][] = [[1, 5, null, null, true, 'abc']];
    const d = await diffRows({ published: published(pub), publishedColumns: COLUMNS, edited: sheet([[1, 5.5, null, null, true, "'abc"]]), editedHeaderRow: 1, editedColumns: HEADER, key: ['id'] });
    expect(d.examples.changed).toEqual([{ row: 2, pulledRow: 2, key: { id: '1' }, columns: ['price', 'label'] }]);
    expect(editedCell("'abc")).toBe("'abc");
    expect(editedCell("'+49 30")).toBe('+49 30');
  });

  it('matches repeated keys one to one, preferring equal content', async () => {
    const pub: PulledValue[][] = [[1, 1, null, null, null, 'a'], [1, 1, null, null, null, 'b'], [2, 2, null, null, null, 'c']];
    const edited: Cell[][] = [[1, 1, null, null, null, 'b'], [1, 1, null, null, null, 'a'], [1, 1, null, null, null, 'a']];
    const d = await diffRows({ published: published(pub), publishedColumns: COLUMNS, edited: sheet(edited), editedHeaderRow: 1, editedColumns: HEADER, key: ['id'] });
    expect(d.rows).toMatchObject({ unchanged: 2, added: 1, removed: 1, changed: 0 });
    expect(d.examples.added).toEqual([{ row: 4, key: { id: '1' } }]);
    expect(d.examples.removed).toEqual([{ pulledRow: 4 }]);
  });

  it('skips title lines above the header and names the edited columns as written', async () => {
    const rows: SourceRow[] = [
      { row: 1, cells: ['A title line'] },
      { row: 3, cells: [' ID ', 'Price', 'day', 'at', 'active', 'label', 'Extra'] },
      { row: 4, cells: [7, 1, null, null, null, 'x', 'new'] },
    ];
    const d = await diffRows({
      published: published([[7, 1, null, null, null, 'x']]), publishedColumns: COLUMNS, edited: (async function* () { yield rows; })(),
      editedHeaderRow: 3, editedColumns: rows[1]!.cells as string[], key: ['id'],
    });
    expect(d.columns.added).toEqual(['Extra']);
    expect(d.rows).toMatchObject({ unchanged: 1, edited: 1 });
  });
});

describe('bounded memory', () => {
  it('RowMatchTable keeps hashes only: well under 64 bytes a row', () => {
    const t = new RowMatchTable();
    for (let i = 0; i < 100_000; i++) t.add(i * 7919 + 1, i);
    expect(t.bytes / 100_000).toBeLessThan(64);
    expect(t.take(7920, 1)).toBeGreaterThanOrEqual(0);
    expect(t.take(7920, 1)).toBe(-1);
    expect([...t.unmatchedIds()]).toHaveLength(99_999);
  });

  it('compares 200,000 rows by key in seconds, counting every kind of change', async () => {
    const n = 200_000;
    const pubRow = (i: number): PulledValue[] => [i, i / 4, { kind: 'date', iso: `2024-0${1 + (i % 9)}-1${i % 10}` }, null, i % 2 === 0, `label ${i}`];
    const pub = Array.from({ length: n }, (_, i) => pubRow(i));
    const edited: Cell[][] = [];
    for (let i = 0; i < n; i++) {
      if (i % 1000 === 1) continue; // 200 removed
      const [id, price, d, , active, label] = pubRow(i) as [number, number, { iso: string }, null, boolean, string];
      edited.push([id, i % 1000 === 2 ? price + 1 : price, day(d.iso), null, active, label]); // 200 changed
    }
    for (let i = 0; i < 150; i++) edited.push([n + i, 1, null, null, true, 'new']);
    const t = performance.now();
    const d = await diffRows({ published: published(pub), publishedColumns: COLUMNS, edited: sheet(edited), editedHeaderRow: 1, editedColumns: HEADER, key: ['id'] });
    const ms = performance.now() - t;
    expect(d.rows).toEqual({ added: 150, removed: 200, changed: 200, unchanged: n - 400, published: n, edited: n - 200 + 150 });
    expect(d.examples.changed).toHaveLength(20);
    expect(d.examples.changed[0]).toEqual({ row: 3, pulledRow: 4, key: { id: '2' }, columns: ['price'] });
    expect(d.examples.removed.slice(0, 2)).toEqual([{ pulledRow: 3 }, { pulledRow: 1003 }]);
    console.log(`diffRows: ${n} rows × 6 columns in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
