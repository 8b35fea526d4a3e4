// Runs anywhere (pure core).
// The per-column part of the checking pass. A column gets a ColumnCheck only when it has at
// least one rule; its rules are flags and prepared values decided once (see fromPlan), so the
// per-cell work is a few comparisons. Each cell is classified at most once, and only for
// columns whose rules need the value read as a number or date.

import type { Cell, SourceRow } from '../ingest/types';
import * as cellsModule from '../infer/classify-cell';
import * as classes from '../infer/value-classes';
import { isoText } from '../infer/date-format';
import type { ColumnType } from '../inspect/report';
import type { CheckReporter } from './check-reporter';
import { type BadRule, type Bounds, type CheckColumn, type CheckPlanInput, isDateType, isNumberType, readBounds, readPattern } from './check-plan';
import * as msg from './check-messages';
import { hasOuterSpace, personalKind } from './cell-tests';
import { HashIndex, hashText } from './hash-index';
import { MAX_PATTERN_INPUT } from './pattern-rule';
import { ValueTally } from './value-tally';

// Hot-path imports copied into module constants (some runners turn imported names into getters).
const { classifyText, classifyTyped, displayText, isBlankText } = cellsModule;
const { K_BOOL, K_DATE, K_ERROR, K_NUM, NUM_FLAG_01, NUM_SIDE_A, NUM_SIDE_B, dateMaskOf, kindOf, readings } = classes;

const DAY_MS = 86_400_000;
/** The furthest time zone ahead of UTC: a wall-clock date up to 14 h ahead is still "today" there. */
const ZONE_AHEAD_MS = 14 * 3_600_000;

export class ColumnCheck {
  readonly index: number;
  readonly place: msg.Place;
  private readonly name: string;
  private readonly type: ColumnType;
  // ---- rules (decided once) ----
  private required = false;
  private primaryKey = false;
  private unique: HashIndex | null = null;
  /** Type conformance: bits a value's key must have (numbers: style bits; dates: order bits). */
  private typeCheck = false;
  private styleBits = 0x3f;
  private otherSideBits = 0;
  private dateBits = 0;
  private readSide: 'a' | 'b' | 'any' = 'any';
  private allowed: Set<string> | null = null;
  private allowedList: string[] = [];
  private bounds: Bounds = { min: NaN, max: NaN };
  private regex: RegExp | null = null;
  private patternText = '';
  private minLength: number | undefined;
  private maxLength: number | undefined;
  /** Dates at or after this (wall clock as UTC, ms) are in the future; Infinity = not checked. */
  private futureFrom = Infinity;
  private today = '';
  private fresh = false;
  private personal = false;
  private spaces = false;
  /** 1: XLSX text that reads as a number in a number column; 2: same, in a text column (reported if most are). */
  private numberAsText = 0;
  private decimals = false;
  private countEmpty = false;
  private needsValue = false;
  // ---- state ----
  private filled = 0;
  readonly empties = new ValueTally();
  readonly pointOnly = new ValueTally();
  readonly commaOnly = new ValueTally();
  readonly numberText = new ValueTally();
  /** Newest date of the freshness column (ms), -Infinity when none. */
  newest = -Infinity;

  private constructor(col: CheckColumn, sheet: string) {
    this.index = col.index;
    this.name = col.name;
    this.type = col.type;
    this.place = { sheet, column: `column ${col.letter} (${col.name})` };
  }

  /** The column's checks, or null when it has no rule at all (then it costs nothing per row). */
  static fromPlan(col: CheckColumn, plan: CheckPlanInput, r: CheckReporter, sheet: string, bad: BadRule[]): ColumnCheck | null {
    const c = new ColumnCheck(col, sheet);
    const m = col.meta;
    const t = col.type;
    c.primaryKey = m.primaryKey === true;
    c.required = (m.required === true || c.primaryKey) && r.on('check.required-empty');
    if ((m.unique === true || c.primaryKey) && r.on('check.duplicate-key')) c.unique = new HashIndex();
    const f = col.format;
    if (f?.decimal !== undefined) {
      c.styleBits = f.decimal === '.' ? 0x7 : 0x38;
      c.otherSideBits = f.decimal === '.' ? NUM_SIDE_B : NUM_SIDE_A;
      c.readSide = f.decimal === '.' ? 'a' : 'b';
    }
    const mdy = f?.dateOrder === 'MDY';
    if (isDateType(t)) c.readSide = mdy ? 'b' : 'a';
    c.dateBits = t === 'date' ? (mdy ? 2 : 1) : mdy ? 8 : 4;
    c.typeCheck = m.type !== undefined && m.type !== 'text' && r.on('check.type-mismatch');
    if (m.allowed && m.allowed.length > 0 && r.on('check.not-allowed')) {
      c.allowed = new Set(m.allowed);
      c.allowedList = m.allowed;
    }
    if (r.on('check.out-of-range')) c.bounds = readBounds(col, bad);
    if (r.on('check.pattern')) {
      c.regex = readPattern(col, bad) ?? null;
      c.patternText = col.meta.pattern ?? '';
    }
    if (r.on('check.text-length')) {
      c.minLength = col.minLength;
      c.maxLength = col.maxLength;
    }
    if (isDateType(t) && plan.futureDatesAllowed !== true && r.on('check.future-date')) {
      const aheadNow = plan.now + ZONE_AHEAD_MS;
      c.futureFrom = t === 'date' ? Math.floor(aheadNow / DAY_MS) * DAY_MS + DAY_MS : aheadNow + 1;
      c.today = isoText(plan.now, false);
    }
    c.fresh = plan.freshness?.columnIndex === col.index && r.on('check.stale');
    c.personal = t === 'text' && (m.personal === undefined || m.personal === 'none') && r.on('check.personal-data');
    c.spaces = t === 'text' && r.on('check.spaces');
    if (plan.format === 'xlsx' && r.on('check.number-as-text')) {
      if (isNumberType(t)) c.numberAsText = 1;
      else if (t === 'text' && m.type !== 'text') c.numberAsText = 2;
    }
    c.decimals = isNumberType(t) && r.on('check.mixed-decimal');
    c.countEmpty = plan.previous?.emptyByColumn[col.name] === 0 && r.on('check.drift-nulls');
    const b = c.bounds;
    c.needsValue = c.typeCheck || !Number.isNaN(b.min) || !Number.isNaN(b.max) || c.futureFrom !== Infinity || c.fresh || c.numberAsText !== 0 || c.decimals;
    const any = c.required || c.unique !== null || c.needsValue || c.allowed !== null || c.regex !== null || c.minLength !== undefined || c.maxLength !== undefined || c.personal || c.spaces || c.countEmpty;
    return any ? c : null;
  }

  /** `key`: the profiler's classification of this cell when it just made one (-1 or absent: none). */
  check(cell: Cell | undefined, src: SourceRow, r: CheckReporter, key = -1): void {
    let text: string;
    if (typeof cell === 'string') {
      if (cell.length === 0 || isBlankText(cell)) return this.empty(src, r);
      text = cell;
      if (this.spaces && hasOuterSpace(cell)) this.add(r, 'check.spaces', () => msg.spaces(this.place, src.row, cell), src, cell);
      if (this.needsValue) this.value(key >= 0 ? key : classifyText(cell), cell, true, src, r);
    } else {
      if (cell === null || cell === undefined) return this.empty(src, r);
      if (typeof cell === 'object' && cell.kind === 'error') return; // reported by the reader already
      text = displayText(cell);
      if (this.needsValue) this.value(key >= 0 ? key : classifyTyped(cell), text, false, src, r);
    }
    this.filled++;
    const u = this.unique;
    if (u !== null) {
      const first = u.firstRow(hashText(text), src.row);
      if (first !== 0) this.add(r, 'check.duplicate-key', () => msg.duplicateKey(this.place, src.row, text, first, this.primaryKey), src, text);
    }
    if (this.allowed !== null && !this.allowed.has(text)) this.add(r, 'check.not-allowed', () => msg.notAllowed(this.place, src.row, text, this.allowedList), src, text);
    const re = this.regex;
    if (re !== null) {
      const tooLong = text.length > MAX_PATTERN_INPUT;
      if (tooLong || !re.test(text)) this.add(r, 'check.pattern', () => msg.patternMismatch(this.place, src.row, text, this.patternText, tooLong), src, text);
    }
    if ((this.minLength !== undefined && text.length < this.minLength) || (this.maxLength !== undefined && text.length > this.maxLength)) {
      this.add(r, 'check.text-length', () => msg.textLength(this.place, src.row, text, this.minLength, this.maxLength), src, text);
    }
    if (this.personal) {
      const kind = personalKind(text);
      if (kind !== undefined) this.add(r, 'check.personal-data', () => msg.personalData(this.place, src.row, kind), src, text);
    }
  }

  private empty(src: SourceRow, r: CheckReporter): void {
    if (this.required) this.add(r, 'check.required-empty', () => msg.requiredEmpty(this.place, src.row, this.primaryKey), src, undefined);
    if (this.countEmpty) this.empties.add(src, '');
  }

  /** Checks that need the value read: type, decimal mark, number stored as text, range, future, freshness. */
  private value(key: number, text: string, isText: boolean, src: SourceRow, r: CheckReporter): void {
    const a = readings.a;
    const b = readings.b;
    const kind = kindOf(key);
    if (kind === K_ERROR) return;
    const t = this.type;
    let otherMark = false;
    if (kind === K_NUM) {
      if (this.decimals) {
        const pointSide = (key & NUM_SIDE_A) !== 0;
        const commaSide = (key & NUM_SIDE_B) !== 0;
        if (pointSide && !commaSide) this.pointOnly.add(src, text);
        else if (commaSide && !pointSide) this.commaOnly.add(src, text);
        otherMark = (key & this.otherSideBits) !== 0 && (key & (this.styleBits << 6)) === 0;
      }
      if (isText && this.numberAsText === 1) this.add(r, 'check.number-as-text', () => msg.numberAsText(this.place, src.row, text), src, text);
      else if (isText && this.numberAsText === 2) this.numberText.add(src, text);
    }
    // A value with the other decimal mark is reported as mixed-decimal, not once more as a misfit.
    if (this.typeCheck && !otherMark && !this.fits(key, kind)) this.add(r, 'check.type-mismatch', () => msg.typeMismatch(this.place, src.row, text, t), src, text);
    let v = NaN;
    if (kind === K_NUM && isNumberType(t)) v = this.readSide === 'b' ? b : this.readSide === 'a' ? a : a === a ? a : b;
    else if (kind === K_DATE && (isDateType(t) || this.fresh)) v = this.readSide === 'b' && b === b ? b : a === a ? a : b;
    if (v !== v) return;
    const { min, max } = this.bounds;
    if (v < min) this.add(r, 'check.out-of-range', () => msg.outOfRange(this.place, src.row, text, this.boundText(min), true), src, text);
    else if (v > max) this.add(r, 'check.out-of-range', () => msg.outOfRange(this.place, src.row, text, this.boundText(max), false), src, text);
    if (kind === K_DATE) {
      if (v >= this.futureFrom) this.add(r, 'check.future-date', () => msg.futureDate(this.place, src.row, text, this.today), src, text);
      if (this.fresh && v > this.newest) this.newest = v;
    }
  }

  private fits(key: number, kind: number): boolean {
    switch (this.type) {
      case 'integer':
        return kind === K_NUM && (key & this.styleBits) !== 0;
      case 'number':
        return kind === K_NUM && (key & (this.styleBits << 6)) !== 0;
      case 'boolean':
        return kind === K_BOOL || (kind === K_NUM && (key & NUM_FLAG_01) !== 0);
      case 'date':
      case 'datetime':
        return kind === K_DATE && (dateMaskOf(key) & this.dateBits) !== 0;
      default:
        return true;
    }
  }

  private boundText(v: number): string {
    return isDateType(this.type) ? isoText(v, this.type === 'datetime' && v % DAY_MS !== 0) : String(v);
  }

  /** `message` is only built for the first finding of its kind in this column (see CheckReporter). */
  private add(r: CheckReporter, code: Parameters<CheckReporter['add']>[0], message: () => string, src: SourceRow, value: string | undefined): void {
    r.add(code, message, { row: src.row, line: src.line, columnIndex: this.index, columnName: this.name, value });
  }

  /** Findings that need the whole column: mixed decimal marks, numbers stored as text in a text column, new empties. */
  finish(r: CheckReporter, decimal: '.' | ',' | undefined): void {
    if (this.decimals) {
      const usePoint = decimal !== undefined ? decimal === '.' : this.pointOnly.count >= this.commaOnly.count;
      const minority = usePoint ? this.commaOnly : this.pointOnly;
      const [used, other] = usePoint ? ['.', ','] : [',', '.'];
      minority.report((e) => msg.mixedDecimal(this.place, e.row, e.value, minority.count, used, other), (message, e) =>
        r.add('check.mixed-decimal', message, { row: e?.row, line: e?.line, columnIndex: this.index, columnName: this.name, value: e?.value }),
      );
    }
    if (this.numberAsText === 2 && this.numberText.count * 2 >= this.filled) {
      this.numberText.report((e) => msg.numberAsText(this.place, e.row, e.value), (message, e) =>
        r.add('check.number-as-text', message, { row: e?.row, line: e?.line, columnIndex: this.index, columnName: this.name, value: e?.value }),
      );
    }
    if (this.countEmpty) {
      this.empties.report((e) => msg.driftNulls(this.place, e.row, this.empties.count), (message, e) =>
        r.add('check.drift-nulls', message, { row: e?.row, line: e?.line, columnIndex: this.index, columnName: this.name }),
      );
    }
  }
}
