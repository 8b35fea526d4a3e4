// Runs anywhere (pure core).
// The quality checks of DESIGN §6, run in the same streaming pass as the profiler: rows go in
// batch by batch (addRows), findings go to the ProblemSink as they are met, and the checks that
// need the whole sheet (empty columns, freshness, drift, minority decimal marks) run in finish.
// Columns without rules get no ColumnCheck and cost nothing per row; memory is bounded by the
// hash tables of unique columns and of whole rows (~25 MB per million values).

import { columnLetter } from '../columns';
import type { Cell, SourceRow } from '../ingest/types';
import type { CellObserver } from '../profile/sheet-profiler';
import type { ProblemSink } from '../problems';
import * as cellsModule from '../infer/classify-cell';
import { isoText } from '../infer/date-format';
import type { CheckCode } from './check-defaults';
import type { BadRule, CheckPlanInput } from './check-plan';
import { CheckReporter } from './check-reporter';
import { ColumnCheck } from './column-check';
import * as msg from './check-messages';
import { HashIndex, TextSeqHasher } from './hash-index';

export type { CheckColumn, CheckPlanInput } from './check-plan';

const { displayText, isEmptyCell } = cellsModule;
const DAY_MS = 86_400_000;
export const DEFAULT_DRIFT_THRESHOLD = 0.2;

export interface CheckSummary {
  /** Data rows checked (wholly empty rows not counted, as in the profile). */
  rows: number;
  /** Wholly empty rows met below the header. */
  emptyRows: number;
  /** Findings per code (after the policy's levels). */
  counts: Partial<Record<CheckCode, number>>;
  /** Rules that could not be used (also reported as check.bad-rule). */
  badRules: { column: string; rule: BadRule['rule']; reason: string }[];
  freshness?: {
    column: string;
    /** Newest date found (yyyy-mm-dd), null when the column holds no dates. */
    newest: string | null;
    ageDays: number | null;
    maxAgeDays: number;
    stale: boolean;
  };
  drift?: {
    previousRows: number;
    rows: number;
    /** (rows − previous) / previous; Infinity when the previous version had no rows. */
    change: number;
    threshold: number;
    beyond: boolean;
  };
}

/** Index of the last cell with a value; -1 for a wholly empty row. */
function lastFilled(cells: readonly Cell[]): number {
  let last = cells.length - 1;
  while (last >= 0 && isEmptyCell(cells[last] ?? null)) last--;
  return last;
}

export class SheetChecker implements CellObserver {
  private readonly plan: CheckPlanInput;
  private readonly r: CheckReporter;
  private readonly sheetText: string;
  private readonly active: ColumnCheck[] = [];
  /** Active checks by column index (undefined: the column has no rules). */
  private readonly byIndex: (ColumnCheck | undefined)[] = [];
  private readonly badRules: BadRule[] = [];
  /** Plan columns with no value seen yet (for check.empty-column); shrinks as values appear. */
  private unseen: number[];
  private readonly rowIndex: HashIndex | null;
  private readonly hasher = new TextSeqHasher();
  private freshCheck: ColumnCheck | undefined;
  private rows = 0;
  private emptyRows = 0;
  private summary: CheckSummary | undefined;

  constructor(plan: CheckPlanInput, problems: ProblemSink) {
    this.plan = plan;
    this.r = new CheckReporter(problems, plan.sheet, plan.levels);
    this.sheetText = msg.sheetLabel(plan.sheet, plan.format);
    for (const col of plan.columns) {
      const c = ColumnCheck.fromPlan(col, plan, this.r, this.sheetText, this.badRules);
      if (c === null) continue;
      this.active.push(c);
      this.byIndex[col.index] = c;
      if (plan.freshness?.columnIndex === col.index) this.freshCheck = c;
    }
    if (plan.freshness && !this.freshCheck && this.r.on('check.stale')) {
      this.r.add('check.bad-rule', `The column chosen to show how fresh the data is (column ${columnLetter(plan.freshness.columnIndex)}) is not one of the columns of ${this.sheetText}, so freshness is not checked. Choose another column for freshness.`, {
        columnIndex: plan.freshness.columnIndex,
      });
    }
    for (const b of this.badRules) {
      this.r.add('check.bad-rule', `The ${ruleWords(b.rule)} of column ${b.column.letter} (${b.column.name}) in ${this.sheetText} cannot be used: ${b.reason}. Correct it in the column settings; until then it is not checked.`, {
        columnIndex: b.column.index,
        columnName: b.column.name,
        value: b.rule === 'pattern' ? b.column.meta.pattern : String(b.column.meta[b.rule]),
      });
    }
    this.unseen = this.r.on('check.empty-column') ? plan.columns.map((c) => c.index) : [];
    this.rowIndex = this.r.on('check.duplicate-row') ? new HashIndex() : null;
  }

  /** Data rows below the header, in order (the same batches the profiler gets). */
  addRows(rows: readonly SourceRow[]): void {
    if (this.summary) throw new Error('SheetChecker: addRows after finish');
    const active = this.active;
    const n = active.length;
    const r = this.r;
    for (const src of rows) {
      const last = lastFilled(src.cells);
      if (last < 0) {
        this.emptyRow(src);
        continue;
      }
      this.dataRow(src, last);
      for (let i = 0; i < n; i++) {
        const c = active[i]!;
        c.check(src.cells[c.index], src, r);
      }
    }
  }

  /** Row-wide work for a row with at least one value (`last`: index of its last value). */
  private dataRow(src: SourceRow, last: number): void {
    this.rows++;
    if (this.rowIndex !== null) this.duplicateRow(src, last);
    if (this.unseen.length > 0) this.markSeen(src);
  }

  // ---- the same pass as the profiler (CellObserver): each cell arrives already classified ----

  beginRow(src: SourceRow): void {
    if (this.summary) throw new Error('SheetChecker: row after finish');
    this.dataRow(src, lastFilled(src.cells));
  }

  cell(index: number, cell: Cell | undefined, key: number, src: SourceRow): void {
    const c = this.byIndex[index];
    if (c !== undefined) c.check(cell, src, this.r, key);
  }

  emptyRow(src: SourceRow): void {
    this.emptyRows++;
    this.r.add('check.empty-row', msg.emptyRow(this.sheetText, src.row), { row: src.row, line: src.line });
  }

  private duplicateRow(src: SourceRow, last: number): void {
    const h = this.hasher;
    const cells = src.cells;
    h.reset();
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? null;
      h.add(typeof cell === 'string' ? (isEmptyCell(cell) ? '' : cell) : displayText(cell));
    }
    const first = this.rowIndex!.firstRow(h.result(), src.row);
    if (first !== 0) this.r.add('check.duplicate-row', msg.duplicateRow(this.sheetText, src.row, first), { row: src.row, line: src.line });
  }

  private markSeen(src: SourceRow): void {
    const unseen = this.unseen;
    for (let i = unseen.length - 1; i >= 0; i--) {
      if (!isEmptyCell(src.cells[unseen[i]!] ?? null)) {
        unseen[i] = unseen[unseen.length - 1]!;
        unseen.pop();
      }
    }
  }

  finish(): CheckSummary {
    if (this.summary) return this.summary;
    const { plan, r } = this;
    if (this.rows > 0) {
      const empty = new Set(this.unseen);
      for (const col of plan.columns) {
        if (!empty.has(col.index)) continue;
        const place = { sheet: this.sheetText, column: `column ${col.letter} (${col.name})` };
        r.add('check.empty-column', msg.emptyColumn(place), { columnIndex: col.index, columnName: col.name });
      }
    }
    const byIndex = new Map(plan.columns.map((c) => [c.index, c]));
    for (const c of this.active) c.finish(r, byIndex.get(c.index)?.format?.decimal);
    const summary: CheckSummary = {
      rows: this.rows,
      emptyRows: this.emptyRows,
      counts: r.counts,
      badRules: this.badRules.map((b) => ({ column: b.column.name, rule: b.rule, reason: b.reason })),
    };
    const fresh = this.freshness();
    if (fresh) summary.freshness = fresh;
    const drift = this.drift();
    if (drift) summary.drift = drift;
    this.summary = summary;
    return summary;
  }

  private freshness(): CheckSummary['freshness'] {
    const f = this.plan.freshness;
    const c = this.freshCheck;
    const col = this.plan.columns.find((x) => x.index === f?.columnIndex);
    if (!f || !c || !col) return undefined;
    const at = { columnIndex: col.index, columnName: col.name };
    if (c.newest === -Infinity) {
      if (this.rows > 0) this.r.add('check.stale', msg.staleNoDates(c.place), at);
      return { column: col.name, newest: null, ageDays: null, maxAgeDays: f.maxAgeDays, stale: this.rows > 0 };
    }
    // Whole days between the newest date and today (both as calendar days).
    const ageDays = Math.floor(this.plan.now / DAY_MS) - Math.floor(c.newest / DAY_MS);
    const newest = isoText(c.newest, false);
    const stale = ageDays > f.maxAgeDays;
    if (stale) this.r.add('check.stale', msg.stale(c.place, newest, ageDays, f.maxAgeDays), { ...at, value: newest });
    return { column: col.name, newest, ageDays, maxAgeDays: f.maxAgeDays, stale };
  }

  private drift(): CheckSummary['drift'] {
    const prev = this.plan.previous;
    if (!prev || !this.r.on('check.drift-rows')) return undefined;
    const threshold = this.plan.driftThreshold ?? DEFAULT_DRIFT_THRESHOLD;
    const change = prev.rows === 0 ? (this.rows === 0 ? 0 : Infinity) : (this.rows - prev.rows) / prev.rows;
    const beyond = Math.abs(change) > threshold;
    if (beyond) this.r.add('check.drift-rows', msg.driftRows(this.sheetText, prev.rows, this.rows, threshold), { value: String(this.rows) });
    return { previousRows: prev.rows, rows: this.rows, change, threshold, beyond };
  }
}

function ruleWords(rule: BadRule['rule']): string {
  switch (rule) {
    case 'pattern':
      return 'pattern';
    case 'min':
      return 'lowest allowed value';
    default:
      return 'highest allowed value';
  }
}
