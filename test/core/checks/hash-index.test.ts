import { describe, expect, it } from 'vitest';
import { HashIndex, TextSeqHasher, hashText } from '../../../shared/core/checks/hash-index';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetChecker } from '../../../shared/core/checks/sheet-checker';
import { NOW, col } from './check-helpers';

describe('hashText', () => {
  it('gives 53-bit integers and no collisions among 300,000 similar values', () => {
    const seen = new Set<number>();
    let allSafe = true;
    for (let i = 0; i < 300_000; i++) {
      const h = hashText(`ORD-${i}`);
      if (!Number.isSafeInteger(h) || h < 0) allSafe = false;
      seen.add(h);
    }
    expect(allSafe).toBe(true);
    expect(seen.size).toBe(300_000);
  });

  it('row hashes keep cell boundaries', () => {
    const h = new TextSeqHasher();
    const of = (cells: string[]): number => {
      h.reset();
      for (const c of cells) h.add(c);
      return h.result();
    };
    expect(of(['ab', 'c'])).not.toBe(of(['a', 'bc']));
    expect(of(['ab', 'c'])).toBe(of(['ab', 'c']));
    expect(of(['abc'])).not.toBe(hashText('abc'));
  });
});

describe('HashIndex', () => {
  it('keeps the first row of each hash and grows past many values', () => {
    const idx = new HashIndex(4);
    expect(idx.firstRow(12345, 2)).toBe(0);
    expect(idx.firstRow(0, 3)).toBe(0);
    for (let i = 0; i < 10_000; i++) idx.firstRow(hashText(String(i)), 10 + i);
    expect(idx.firstRow(12345, 99)).toBe(2);
    expect(idx.firstRow(0, 99)).toBe(3);
    expect(idx.firstRow(hashText('777'), 99)).toBe(787);
    expect(idx.size).toBe(10_002);
  });

  it('finds every duplicate across 200,000 rows with the right pair of rows', () => {
    const N = 200_000;
    const sink = new ProblemCollector();
    const checker = new SheetChecker({ sheet: 'Big', format: 'csv', now: NOW, columns: [col(0, 'Key', 'text', { unique: true }), col(1, 'N', 'integer')], levels: { 'check.duplicate-row': 'off' } }, sink);
    // Every 1000th row (from row 100,002 on) repeats the key of row (its row − 100,000).
    const expected = new Map<number, number>();
    const batch = [];
    for (let i = 0; i < N; i++) {
      const row = i + 2;
      let key = `K-${i}`;
      if (i >= 100_000 && i % 1000 === 0) {
        key = `K-${i - 100_000}`;
        expected.set(row, row - 100_000);
      }
      batch.push({ row, cells: [key, String(i)] });
      if (batch.length === 5000) checker.addRows(batch.splice(0));
    }
    checker.addRows(batch);
    const summary = checker.finish();
    const p = sink.list().find((x) => x.code === 'check.duplicate-key')!;
    expect(p.count).toBe(expected.size);
    expect(summary.counts['check.duplicate-key']).toBe(100);
    for (const e of p.examples) expect(expected.has(e.row!)).toBe(true);
    expect(p.message).toBe(`Row 100002 repeats the value 'K-0' of row 2 in column A (Key) in "Big", which is marked Unique. Make the values different, or untick Unique.`);
  });
});
