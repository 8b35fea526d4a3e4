// Tests of the conflict's words (column differences, reason) and of the send order.
import { describe, expect, it } from 'vitest';
import { columnsOfMeta, conflictReason, schemaChanges } from '../../../shared/core/outbox/conflict';
import { jobsToSend, nextSequence } from '../../../shared/core/outbox/send-order';

describe('schemaChanges', () => {
  it('says which columns only one side has, and which changed type', () => {
    const theirs = [{ name: 'id', type: 'integer' as const }, { name: 'region', type: 'text' as const }, { name: 'day', type: 'date' as const }];
    const mine = [{ name: 'id', type: 'integer' as const }, { name: 'day', type: 'text' as const }, { name: 'note', type: 'text' as const }];
    expect(schemaChanges(theirs, mine)).toEqual([
      'Column "region" is in their version but not in yours.',
      'Column "day" holds dates in their version and text in yours.',
      'Column "note" is in your version but not in theirs.',
    ]);
    expect(schemaChanges(mine, mine)).toEqual([]);
  });

  it('reads the columns of a description in its order', () => {
    expect(columnsOfMeta({ columns: { b: { type: 'number' }, a: {} } })).toEqual([{ name: 'b', type: 'number' }, { name: 'a', type: 'text' }]);
  });

  it('explains the conflict with who, which version and when', () => {
    const words = conflictReason('sales', '1.0.0', { version: '1.1.0', publishedBy: 'Ben', publishedAt: '2026-11-21T10:15:00.000Z', meta: {}, columns: [] });
    expect(words).toMatch(/^Ben published version 1\.1\.0 of "sales" on 2026-11-21 at 10:15 UTC, after the version 1\.0\.0 you started from\./);
    expect(words).toMatch(/nothing was overwritten/);
    expect(conflictReason('sales', null, { version: '1.0.0', meta: {}, columns: [] })).toMatch(/^Someone else created the product "sales"/);
  });
});

describe('send order', () => {
  const job = (id: string, sequence: number, state: 'waiting' | 'failed' | 'conflict' | 'delivered') => ({ id, sequence, state, queuedAt: '2026-11-21T10:00:00Z' });
  it('sends waiting jobs oldest first; failed ones only when asked or named', () => {
    const jobs = [job('c', 3, 'waiting'), job('a', 1, 'failed'), job('b', 2, 'waiting'), job('d', 4, 'conflict'), job('e', 5, 'delivered')];
    expect(jobsToSend(jobs).map((j) => j.id)).toEqual(['b', 'c']);
    expect(jobsToSend(jobs, { includeFailed: true }).map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(jobsToSend(jobs, { id: 'a' }).map((j) => j.id)).toEqual(['a']);
    expect(jobsToSend(jobs, { id: 'd' })).toEqual([]);
    expect(nextSequence(jobs)).toBe(6);
    expect(nextSequence([])).toBe(1);
  });
});
