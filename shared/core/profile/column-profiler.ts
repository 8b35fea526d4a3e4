// Runs anywhere (pure core).
// The per-column state of the one streaming pass. Each cell is classified once, and only
// counted: per value class a count, the first rows (for misfit examples, since the type — and so
// which values are misfits — is known only at the end), and min/max/sample of its readings.
// This is the hot path (12 million cells for a 1M × 12 CSV): the class of the previous cell is
// reused when it repeats, text is scanned by char codes, and nothing is allocated per value
// except what is kept.

import type { Cell, SourceRow } from '../ingest/types';
import * as problemsModule from '../problems';
import * as cells from '../infer/classify-cell';
import * as classes from '../infer/value-classes';
import { Accumulator, SAMPLE_SIZE, SMALL_SAMPLE_SIZE } from './accumulator';
import * as distinctModule from './distinct-counter';
import { detachString } from '../ingest/csv/detach-string';

// Imports used for every cell are copied into module constants once: some module runners
// (vitest, CommonJS output) turn each use of an imported name into a getter call, which would
// cost more than the work itself on a million rows.
const { MAX_EXAMPLES } = problemsModule;
const { classifyText, classifyTyped, displayText, isBlankText } = cells;
const { KIND_SHIFT, K_DATE, K_ERROR, K_NUM, NUM_SIDE_A, NUM_SIDE_B, P_SAME_DM, P_TYPED, P_YEAR_FIRST, SEP_COMMA, SEP_DOT, dateMaskOf, kindOf, numMaskOf, patternOf, readings, sepKindsOf } = classes;
const { DistinctCounter } = distinctModule;

/** Value classes of a column that get full-size samples. */
const FULL_SAMPLE_CLASSES = 32;

export interface ClassExample {
  row: number;
  line: number | undefined;
  value: string;
}

/** Everything the pass keeps about one value class of one column. */
export interface ValueClass {
  readonly key: number;
  count: number;
  /** The first MAX_EXAMPLES cells of this class, in row order. */
  readonly examples: ClassExample[];
  /** Readings on side A (decimal point / day-first) and side B (decimal comma / month-first). */
  readonly a: Accumulator | null;
  /** The same object as `a` when both readings of every value in the class are equal. */
  readonly b: Accumulator | null;
}

export class ColumnProfiler {
  filled = 0;
  empty: number;
  /** Spreadsheet error cells (#REF! …): filled, but never of any type. */
  errors = 0;
  minLength = Infinity;
  maxLength = 0;
  readonly classes = new Map<number, ValueClass>();
  readonly distinct = new DistinctCounter();
  private lastKey = -1;
  private last: ValueClass | null = null;
  private prevKey = -1;
  private prev: ValueClass | null = null;
  private dateFirst = false;

  /** `emptyBefore`: data rows already seen when the table grew to this column. */
  constructor(readonly index: number, emptyBefore = 0) {
    this.empty = emptyBefore;
  }

  /**
   * The classification of the cell last added (-1 when it was empty). Right after add(), the
   * module's `readings` still hold that cell's values, so a checker observing the same pass can
   * reuse both instead of classifying the cell a second time.
   */
  cellKey = -1;

  add(cell: Cell | undefined, src: SourceRow): void {
    if (typeof cell === 'string') {
      const n = cell.length;
      if (n === 0 || isBlankText(cell)) {
        this.empty++;
        this.cellKey = -1;
        return;
      }
      this.filled++;
      if (n < this.minLength) this.minLength = n;
      if (n > this.maxLength) this.maxLength = n;
      const key = classifyText(cell, this.dateFirst);
      this.cellKey = key;
      this.record(key, cell, src);
      this.countDistinct(key, cell);
      return;
    }
    if (cell === null || cell === undefined) {
      this.empty++;
      this.cellKey = -1;
      return;
    }
    const text = displayText(cell);
    this.filled++;
    if (text.length < this.minLength) this.minLength = text.length;
    if (text.length > this.maxLength) this.maxLength = text.length;
    const key = classifyTyped(cell);
    this.cellKey = key;
    if (kindOf(key) === K_ERROR) this.errors++;
    this.record(key, text, src);
    this.countDistinct(key, text);
  }

  /** Numbers and dates count by value (no string hashing), everything else by its text. */
  private countDistinct(key: number, text: string): void {
    const kind = key >>> KIND_SHIFT;
    if (kind === K_NUM || kind === K_DATE) {
      const a = readings.a;
      this.distinct.addNumber(a === a ? a : readings.b, kind, text);
    } else this.distinct.addText(text);
  }

  private record(key: number, value: string, src: SourceRow): void {
    let cls = this.last!;
    if (key !== this.lastKey) {
      // Two-entry cache: columns often alternate between two classes (true/false, 0/1 and 2+).
      if (key === this.prevKey) cls = this.prev!;
      else cls = this.classes.get(key) ?? this.newClass(key);
      this.prevKey = this.lastKey;
      this.prev = this.last;
      this.lastKey = key;
      this.last = cls;
      this.dateFirst = kindOf(key) === K_DATE;
    }
    cls.count++;
    if (cls.examples.length < MAX_EXAMPLES) cls.examples.push({ row: src.row, line: src.line, value: detachString(value) });
    const a = cls.a;
    const b = cls.b;
    if (a !== null) a.add(readings.a);
    if (b !== null && b !== a) b.add(readings.b);
  }

  private newClass(key: number): ValueClass {
    const kind = kindOf(key);
    let sideA = false;
    let sideB = false;
    let same = false;
    if (kind === K_NUM) {
      const mask = numMaskOf(key);
      sideA = (mask & NUM_SIDE_A) !== 0;
      sideB = (mask & NUM_SIDE_B) !== 0;
      same = (sepKindsOf(key) & (SEP_COMMA | SEP_DOT)) === 0; // no "," or ".": one reading only
    } else if (kind === K_DATE) {
      const mask = dateMaskOf(key);
      sideA = (mask & 0b0101) !== 0;
      sideB = (mask & 0b1010) !== 0;
      same = (patternOf(key) & (P_YEAR_FIRST | P_TYPED | P_SAME_DM)) !== 0;
    }
    const seed = Math.imul(this.index + 1, 0x9e3779b1) ^ key;
    // A column has a handful of classes; a file crafted with hundreds (every date format there
    // is) gets small samples for the extra ones, so memory stays bounded.
    const size = this.classes.size < FULL_SAMPLE_CLASSES ? SAMPLE_SIZE : SMALL_SAMPLE_SIZE;
    const a = sideA ? new Accumulator(seed, size) : null;
    const b = sideB ? (same && a !== null ? a : new Accumulator(seed ^ 0x5bd1e995, size)) : null;
    const cls: ValueClass = { key, count: 0, examples: [], a, b };
    this.classes.set(key, cls);
    return cls;
  }
}
