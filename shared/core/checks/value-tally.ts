// Runs anywhere (pure core).
// Occurrences that can only be judged once the whole column is read (which decimal mark is the
// minority, whether most text values are numbers): a count and the first few places, so the
// finding can still point at rows without keeping the column in memory.

import type { SourceRow } from '../ingest/types';
import { MAX_EXAMPLES } from '../problems';

export interface TallyExample {
  row: number;
  line: number | undefined;
  value: string;
}

export class ValueTally {
  count = 0;
  readonly examples: TallyExample[] = [];

  add(src: SourceRow, value: string): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ row: src.row, line: src.line, value: value.length > 200 ? value.slice(0, 200) : value });
  }

  /**
   * Hands the tally to a sink as `count` occurrences: one per example (with its place), the rest
   * without a place. The message is made once, from the first example.
   */
  report(message: (first: TallyExample) => string, add: (message: string, e: TallyExample | undefined) => void): void {
    const first = this.examples[0];
    if (this.count === 0 || first === undefined) return;
    const text = message(first);
    for (const e of this.examples) add(text, e);
    for (let i = this.examples.length; i < this.count; i++) add(text, undefined);
  }
}
