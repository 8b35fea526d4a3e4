// Runs anywhere (pure core).
// Turns a worksheet's XML events into rows of typed cells. This is the hot path (a million
// cells per second or more), so per-cell work is kept to a few comparisons and no allocation
// except the value itself. Cells are placed by their reference (r="C7") or, when a writer
// leaves it out, one after the other. Nothing is allocated from declared sizes: a row's array
// grows only up to its last filled cell, and the widest column actually filled is bounded.

import { columnLetter, parseRangeRef } from '../../columns';
import type { ProblemSink } from '../../problems';
import type { Cell, DateCell, SourceRow } from '../types';
import { errorCell, T_BOOL, T_DATE, T_ERROR, T_INLINE, T_NUMBER, T_SHARED, T_STR, typeCode } from './cell-types';
import { serialToEpochMs, parseIsoCellDate } from './excel-dates';
import type { XlsxLimits } from './limits';
import { FORMAT_DATETIME, FORMAT_NUMBER } from './number-format';
import type { SharedStrings } from './shared-strings-part';
import { SheetProblems } from './sheet-problems';
import type { StyleTable } from './styles-part';
import { localName, type XmlSink } from './xml-stream';
import { trimXmlSpace, unescapeXString } from './xml-text';
import { xlsxErrors } from './xlsx-errors';

export interface SheetEnv {
  sheet: string;
  part: string;
  strings: SharedStrings;
  styles: StyleTable;
  date1904: boolean;
  limits: XlsxLimits;
  problems: ProblemSink;
}

const BATCH_ROWS = 1000;
const BATCH_CELLS = 200_000;

export class SheetRowsParser implements XmlSink {
  /** Full batches waiting to be yielded. */
  readonly ready: SourceRow[][] = [];
  readonly merges: string[] = [];
  /** Rows handed over so far (for progress). */
  rowsRead = 0;
  private mergeCount = 0;
  private readonly say: SheetProblems;
  private readonly kinds: Uint8Array;
  private readonly strings: readonly string[];
  // Limits copied into fields: read once per cell on the hot path.
  private readonly maxColumns: number;
  private readonly maxCells: number;
  private readonly maxCellChars: number;
  private batch: SourceRow[] = [];
  private batchCells = 0;
  private cellsRead = 0;
  private root: string | undefined;
  private inSheetData = false;
  private toldOrder = false;
  // current row
  private cells: Cell[] | undefined;
  private rowNum = 0;
  private prevRow = 0;
  private rowFromCell = false;
  private lastCol = -1;
  // current cell
  private inCell = false;
  private col = 0;
  private type = T_NUMBER;
  private style = 0;
  private hasV = false;
  private hasF = false;
  private inV = false;
  private vText = '';
  private inIs = false;
  private hasIs = false;
  private isText = '';
  private inT = false;
  private tText = '';
  private preserve = false;
  private phonetic = 0;

  constructor(private readonly env: SheetEnv) {
    this.say = new SheetProblems(env.problems, env.sheet);
    this.kinds = env.styles.kinds;
    this.strings = env.strings.strings;
    this.maxColumns = env.limits.maxColumns;
    this.maxCells = env.limits.maxCells;
    this.maxCellChars = env.limits.maxCellChars;
  }

  /** For damage messages: where in the sheet reading stopped. */
  where(): string {
    return this.prevRow > 0 ? `after row ${this.prevRow.toLocaleString('en-US')}` : 'before its first row';
  }

  // Names arrive as written (rawNames): the common unprefixed ones match directly, and only
  // an unknown name is checked for a prefix such as "x:" and tried again without it.
  open(name: string, attrs: Record<string, string>): void {
    if (this.root === undefined) {
      this.root = localName(name);
      if (this.root !== 'worksheet') throw xlsxErrors.damagedXml(this.env.part, 'it does not hold a worksheet', this.env.sheet);
      return;
    }
    switch (name) {
      case 'c': return this.openCell(attrs);
      case 'v': if (this.inCell) { this.inV = true; this.vText = ''; } return;
      case 'f': if (this.inCell) this.hasF = true; return;
      case 'row': return this.openRow(attrs);
      case 'is': if (this.inCell) { this.inIs = true; this.hasIs = true; this.isText = ''; } return;
      case 't':
        if (this.inIs && this.phonetic === 0) {
          this.inT = true;
          this.tText = '';
          this.preserve = attrs['xml:space'] === 'preserve';
        }
        return;
      case 'rPh': this.phonetic++; return;
      case 'sheetData': this.inSheetData = true; return;
      case 'mergeCell': if (!this.inSheetData) this.addMerge(attrs['ref']); return;
      default: if (name.includes(':')) this.open(localName(name), attrs);
    }
  }

  text(t: string): void {
    if (this.inV) this.vText += t;
    else if (this.inT && this.isText.length + this.tText.length <= this.maxCellChars) this.tText += t;
  }

  close(name: string): void {
    switch (name) {
      case 'v': if (this.inV) { this.inV = false; this.hasV = true; } return;
      case 'c': if (this.inCell) this.closeCell(); return;
      case 'row': if (this.cells) this.closeRow(); return;
      case 't':
        if (this.inT) {
          this.inT = false;
          this.isText += unescapeXString(this.preserve ? this.tText : trimXmlSpace(this.tText));
        }
        return;
      case 'is': this.inIs = false; return;
      case 'rPh': this.phonetic--; return;
      case 'sheetData': this.inSheetData = false; return;
      default: if (name.includes(':')) this.close(localName(name));
    }
  }

  /** After the last event: hands over the partial batch and checks the document was a sheet. */
  finish(): void {
    if (this.root === undefined) throw xlsxErrors.damagedXml(this.env.part, 'it is empty', this.env.sheet);
    if (this.batch.length) this.ready.push(this.batch);
    this.batch = [];
    if (this.mergeCount > this.merges.length) this.say.moreMerges(this.mergeCount - this.merges.length, this.merges.length);
  }

  private openRow(attrs: Record<string, string>): void {
    const r = attrs['r'];
    const n = r === undefined ? NaN : Number(r);
    this.rowFromCell = !(n >= 1 && Number.isInteger(n));
    this.rowNum = this.rowFromCell ? this.prevRow + 1 : n;
    this.cells = [];
    this.lastCol = -1;
  }

  private openCell(attrs: Record<string, string>): void {
    if (!this.cells) return; // a cell outside any row carries no position: ignore it
    const ref = attrs['r'];
    let col = -1;
    if (ref !== undefined) {
      // Column letters, then the row digits (parsed only when the row had no number).
      let i = 0;
      let c = 0;
      for (; i < ref.length && i < 4; i++) {
        const code = ref.charCodeAt(i) | 32;
        if (code < 97 || code > 122) break;
        c = c * 26 + (code - 96);
      }
      if (i > 0 && i < 4) col = c - 1;
      if (this.rowFromCell) {
        const n = Number(ref.slice(i));
        if (n >= 1 && Number.isInteger(n)) this.rowNum = n;
        this.rowFromCell = false;
      }
    }
    if (col < 0) col = this.lastCol + 1;
    this.lastCol = col;
    this.col = col;
    this.type = typeCode(attrs['t']);
    const s = attrs['s'];
    this.style = s === undefined ? 0 : Number(s) | 0;
    this.inCell = true;
    this.hasV = false;
    this.hasF = false;
    this.hasIs = false;
    this.vText = '';
  }

  private closeCell(): void {
    this.inCell = false;
    this.inIs = false;
    const row = this.rowNum;
    const col = this.col;
    let value: Cell = null;
    const v = this.vText;
    switch (this.type) {
      case T_NUMBER:
        if (this.hasV && v !== '') value = this.number(v, row, col);
        else if (this.hasIs) value = this.capped(this.isText, row, col); // <is> without t="inlineStr"
        break;
      case T_SHARED:
        if (this.hasV) {
          const idx = Number(v);
          const s = this.strings[idx];
          if (s === undefined) this.say.missingText(row, col, v);
          else {
            value = s;
            if (this.env.strings.truncated.size && this.env.strings.truncated.has(idx)) this.say.textCut(row, col, this.maxCellChars);
          }
        }
        break;
      case T_STR:
        if (this.hasV) value = this.capped(unescapeXString(v), row, col);
        break;
      case T_INLINE:
        if (this.hasIs) value = this.capped(this.isText, row, col);
        else if (this.hasV) value = this.capped(unescapeXString(v), row, col);
        break;
      case T_BOOL:
        if (this.hasV && v !== '') value = v === '1' || v.toLowerCase() === 'true';
        break;
      case T_ERROR:
        if (this.hasV) {
          const error = errorCell(v);
          value = error;
          this.say.formulaError(row, col, error.code);
        }
        break;
      case T_DATE:
        if (this.hasV && v !== '') value = this.isoDate(v, row, col);
        break;
    }
    if (value === null) {
      if (this.hasF) this.say.formulaNoValue(row, col);
      return;
    }
    if (col >= this.maxColumns) throw xlsxErrors.tooWide(this.env.sheet, row, columnLetter(col), col + 1, this.maxColumns);
    if (++this.cellsRead > this.maxCells) throw xlsxErrors.tooManyCells(this.env.sheet, row, this.maxCells);
    const cells = this.cells!;
    if (col < cells.length) cells[col] = value;
    else {
      while (cells.length < col) cells.push(null);
      cells.push(value);
    }
  }

  private number(v: string, row: number, col: number): Cell {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      this.say.notANumber(row, col, v);
      return v;
    }
    const kind = this.kinds.length > this.style ? this.kinds[this.style]! : FORMAT_NUMBER;
    if (kind === FORMAT_NUMBER) return n;
    const epochMs = serialToEpochMs(n, this.env.date1904);
    if (epochMs === undefined) {
      this.say.dateOutOfRange(row, col, n);
      return n;
    }
    // hasTime follows the format: "dd/mm/yyyy" shows a day even if the value has a fraction.
    const date: DateCell = { kind: 'date', epochMs, hasTime: kind === FORMAT_DATETIME };
    return date;
  }

  private isoDate(v: string, row: number, col: number): Cell {
    const parsed = parseIsoCellDate(v);
    if (!parsed) {
      this.say.badDate(row, col, v);
      return v;
    }
    const kind = this.kinds.length > this.style ? this.kinds[this.style]! : FORMAT_NUMBER;
    const date: DateCell = { kind: 'date', epochMs: parsed.epochMs, hasTime: kind === FORMAT_DATETIME || parsed.hasTimePart };
    return date;
  }

  private capped(s: string, row: number, col: number): string {
    const max = this.maxCellChars;
    if (s.length <= max) return s;
    this.say.textCut(row, col, max);
    return s.slice(0, max);
  }

  private closeRow(): void {
    const cells = this.cells!;
    this.cells = undefined;
    if (this.rowNum <= this.prevRow && !this.toldOrder) {
      this.toldOrder = true;
      this.say.rowsOutOfOrder(this.rowNum, this.prevRow);
    }
    this.prevRow = this.rowNum;
    // Rows holding only formatting are skipped like absent rows: they are empty to the owner.
    if (cells.length === 0) return;
    this.rowsRead++;
    this.batch.push({ row: this.rowNum, cells });
    this.batchCells += cells.length;
    if (this.batch.length >= BATCH_ROWS || this.batchCells >= BATCH_CELLS) {
      this.ready.push(this.batch);
      this.batch = [];
      this.batchCells = 0;
    }
  }

  private addMerge(ref: string | undefined): void {
    const range = ref === undefined ? undefined : parseRangeRef(ref);
    if (!range || (range.c1 === range.c2 && range.r1 === range.r2)) return;
    // Never expanded: a range may claim the whole sheet (A1:XFD1048576) yet costs one entry.
    if (++this.mergeCount > this.env.limits.maxMerges) return;
    this.merges.push(ref!);
    this.say.merged(ref!, range.r1, range.c1);
  }
}
