// Runs anywhere (pure core).
// What the sheet reader tells the owner about cells it met: formula errors, formulas without a
// stored result, merged cells, cut texts, values that do not fit their type. Each message names
// the place (sheet, row, column) and what to do in Excel. The ProblemSink groups repeats.

import { describePlace, shorten, type ProblemSink } from '../../problems';
import { columnLetter } from '../../columns';

const ERROR_MEANINGS: Record<string, string> = {
  '#REF!': 'a formula refers to a cell that was deleted',
  '#DIV/0!': 'a formula divides by zero or by an empty cell',
  '#N/A': 'a lookup formula found no match',
  '#VALUE!': 'a formula uses text where a number is needed',
  '#NAME?': 'a formula uses a name or function that Excel does not recognise',
  '#NUM!': 'a formula produced a number Excel cannot handle',
  '#NULL!': 'a formula refers to ranges that do not meet',
  '#SPILL!': 'a formula’s results would overwrite other cells',
  '#CALC!': 'a formula could not be calculated',
  '#GETTING_DATA': 'the value was still being calculated when the file was saved',
};

function at(sheet: string, row: number, columnIndex: number): string {
  const s = describePlace({ sheet, row, columnIndex });
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class SheetProblems {
  constructor(
    private readonly sink: ProblemSink,
    private readonly sheet: string,
  ) {}

  formulaError(row: number, col: number, code: string): void {
    const meaning = ERROR_MEANINGS[code] ?? 'a formula could not be calculated';
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.formula-error',
      message: `${at(this.sheet, row, col)} holds ${code}: ${meaning}. Fix the formula in Excel (or clear the cell) and save again; until then the cell reads as the error ${code}.`,
      sheet: this.sheet, row, columnIndex: col, value: code,
    });
  }

  formulaNoValue(row: number, col: number): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.formula-no-value',
      message: `${at(this.sheet, row, col)} has a formula whose result was never stored in the file, so it reads as empty. ` +
        'Open the file in Excel and save it (Excel stores the results when it saves), then try again.',
      sheet: this.sheet, row, columnIndex: col,
    });
  }

  merged(ref: string, row: number, col: number): void {
    const topLeft = `${columnLetter(col)}${row}`;
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.merged-cells',
      message: `${at(this.sheet, row, col)}: cells ${ref} are merged. Only the top-left cell (${topLeft}) holds the value; the other cells read as empty. ` +
        'Unmerge them in Excel (Home › Merge & Center › Unmerge Cells) and fill in the value where each row needs it.',
      sheet: this.sheet, row, columnIndex: col, value: ref,
    });
  }

  moreMerges(extra: number, listed: number): void {
    this.sink.add({
      severity: 'info',
      code: 'xlsx.merged-cells-more',
      message: `Sheet "${this.sheet}" has ${extra.toLocaleString('en-US')} more merged ranges beyond the first ${listed.toLocaleString('en-US')} listed. ` +
        'Unmerge all cells in Excel (select the sheet, Home › Merge & Center › Unmerge Cells).',
      sheet: this.sheet,
    });
  }

  textCut(row: number, col: number, max: number): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.text-too-long',
      message: `${at(this.sheet, row, col)} holds a text longer than ${max.toLocaleString('en-US')} characters, the most a cell can hold in Excel; only the first ${max.toLocaleString('en-US')} are kept. Shorten the text in Excel.`,
      sheet: this.sheet, row, columnIndex: col,
    });
  }

  missingText(row: number, col: number, index: string): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.missing-text',
      message: `${at(this.sheet, row, col)} points to a text that is missing from the workbook, so it reads as empty. The file is slightly damaged: open it in Excel and save it again.`,
      sheet: this.sheet, row, columnIndex: col, value: index,
    });
  }

  notANumber(row: number, col: number, text: string): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.bad-number',
      message: `${at(this.sheet, row, col)} is stored as a number but holds "${shorten(text, 60)}", so it is read as text. Retype the value in Excel and save again.`,
      sheet: this.sheet, row, columnIndex: col, value: text,
    });
  }

  dateOutOfRange(row: number, col: number, serial: number): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.date-out-of-range',
      message: `${at(this.sheet, row, col)} is formatted as a date but holds ${serial}, which is not a date Excel can show (Excel shows ####); it is read as a number. Correct the value in Excel.`,
      sheet: this.sheet, row, columnIndex: col, value: String(serial),
    });
  }

  badDate(row: number, col: number, text: string): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.bad-date',
      message: `${at(this.sheet, row, col)} is stored as a date but holds "${shorten(text, 60)}", which is not a valid date, so it is read as text. Retype the date in Excel and save again.`,
      sheet: this.sheet, row, columnIndex: col, value: text,
    });
  }

  rowsOutOfOrder(row: number, previous: number): void {
    this.sink.add({
      severity: 'warning',
      code: 'xlsx.rows-out-of-order',
      message: `Sheet "${this.sheet}": row ${row} is stored after row ${previous}, which Excel never does. Rows are read in the order stored. Open the file in Excel and save it again to be sure the rows are right.`,
      sheet: this.sheet, row,
    });
  }
}
