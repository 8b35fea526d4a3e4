// Runs anywhere (pure core).
// What the owner is told about a column after profiling: values that do not fit its type,
// spreadsheet error cells, dates and numbers the file leaves open to two readings, and header
// names that were empty or repeated. Each message says where (sheet, row, column letter and
// name), what, and what to do.

import { columnLetter } from '../columns';
import type { ColumnType } from '../inspect/report';
import type { ProblemSink } from '../problems';
import { classifyNumber } from '../infer/classify-number';
import { dateInWords } from '../infer/date-format';
import type { DuplicateName } from '../infer/column-names';
import { NUMBER_STYLES, readings } from '../infer/value-classes';
import type { ClassExample } from './column-profiler';

export interface ColumnPlace {
  sheet: string;
  index: number;
  name: string;
}

/** What a value of each type is, for one value and for several. */
const NOUNS: Record<ColumnType, [string, string]> = {
  integer: ['a whole number', 'whole numbers'],
  number: ['a number', 'numbers'],
  boolean: ['a yes/no value', 'yes/no values'],
  date: ['a date', 'dates'],
  datetime: ['a date with a time', 'dates with times'],
  text: ['text', 'text'],
};

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const where = (p: ColumnPlace): string => `column ${columnLetter(p.index)} (${p.name})`;

/**
 * One warning per column for the values that do not fit its type: `count` of them, `examples`
 * (the first few, in row order). Reported as one occurrence per misfit so the count is right.
 */
export function reportMisfits(sink: ProblemSink, p: ColumnPlace, type: ColumnType, formatHint: string, count: number, examples: readonly ClassExample[]): void {
  const first = examples[0];
  if (count === 0 || first === undefined) return;
  const hint = formatHint ? ` written like the rest of the column (${formatHint})` : '';
  const message =
    `${count} ${plural(count, 'value', 'values')} in ${where(p)} ${plural(count, 'is', 'are')} not ${plural(count, ...NOUNS[type])}${hint}, ` +
    `e.g. row ${first.row}: '${first.value}'. ${plural(count, 'Correct it, leave it', 'Correct them, leave them')} empty, or set the column to Text.`;
  const base = { severity: 'warning' as const, code: 'infer.mixed-types', message, sheet: p.sheet, columnIndex: p.index, columnName: p.name };
  for (const e of examples) sink.add({ ...base, row: e.row, line: e.line, value: e.value });
  for (let i = examples.length; i < count; i++) sink.add(base);
}

/** Error cells (#REF!, #DIV/0! …): the reader reported the error itself; this says what it means for the column. */
export function reportErrorCells(sink: ProblemSink, p: ColumnPlace, count: number, examples: readonly ClassExample[]): void {
  const first = examples[0];
  if (count === 0 || first === undefined) return;
  const message =
    `${count} ${plural(count, 'cell', 'cells')} in ${where(p)} ${plural(count, 'holds', 'hold')} a spreadsheet error such as ${first.value} ` +
    `(first in row ${first.row}). They are counted as values that do not fit the column. Fix the formulas in your spreadsheet, or replace them with values.`;
  const base = { severity: 'info' as const, code: 'infer.error-values', message, sheet: p.sheet, columnIndex: p.index, columnName: p.name };
  for (const e of examples) sink.add({ ...base, row: e.row, line: e.line, value: e.value });
  for (let i = examples.length; i < count; i++) sink.add(base);
}

/** Dates such as 03/04/2025 when every date of the column fits both orders. Mesh Desk reads day/month. */
export function reportAmbiguousDate(sink: ProblemSink, p: ColumnPlace, example: ClassExample): void {
  const [a = 0, b = 0, y = 0] = example.value.split(/[^0-9]+/).map(Number);
  const dayFirst = dateInWords(y, b, a);
  const monthFirst = dateInWords(y, a, b);
  const iso = `${y}-${String(b).padStart(2, '0')}-${String(a).padStart(2, '0')}`;
  sink.add({
    severity: 'warning',
    code: 'infer.ambiguous-date',
    message:
      `Dates in ${where(p)} such as '${example.value}' could be ${dayFirst} or ${monthFirst}: every date in this column fits both ` +
      `day/month and month/day. Mesh Desk reads them as day/month (${dayFirst}). If they are month/day, change the dates in your file ` +
      `to year-month-day (for ${dayFirst}: ${iso}) or include a date whose day is above 12, then inspect the file again.`,
    sheet: p.sheet,
    row: example.row,
    line: example.line,
    columnIndex: p.index,
    columnName: p.name,
    value: example.value,
  });
}

/** Numbers such as "1,234" when every number of the column reads both with "," as thousands and as decimal mark. */
export function reportAmbiguousNumber(sink: ProblemSink, p: ColumnPlace, example: ClassExample, style: number): void {
  classifyNumber(example.value);
  const chosen = NUMBER_STYLES[style]!;
  const mine = chosen.decimal === '.' ? readings.a : readings.b;
  const other = chosen.decimal === '.' ? readings.b : readings.a;
  const mark = chosen.decimal === '.' ? ',' : '.';
  sink.add({
    severity: 'warning',
    code: 'infer.ambiguous-number',
    message:
      `Numbers in ${where(p)} such as '${example.value}' could mean ${mine} or ${other}: every number in this column can be read ` +
      `both ways. Mesh Desk reads '${chosen.decimal}' as the decimal mark (${mine}). If '${mark}' is the decimal mark in your file, ` +
      `write one value so it can only be read that way (for example with two decimals) and inspect the file again.`,
    sheet: p.sheet,
    row: example.row,
    line: example.line,
    columnIndex: p.index,
    columnName: p.name,
    value: example.value,
  });
}

/** A repeated header name: both columns are kept; the later one is shown with its letter. */
export function reportDuplicateName(sink: ProblemSink, sheet: string, d: DuplicateName, headerRow: number | undefined): void {
  const a = columnLetter(d.first);
  const b = columnLetter(d.second);
  sink.add({
    severity: 'warning',
    code: 'infer.duplicate-header',
    message:
      `Columns ${a} and ${b} are both named '${d.name}'. Both are kept: column ${b} is called '${d.renamed}' here. ` +
      `If they hold different things, give them different names in the header row of your file.`,
    sheet,
    row: headerRow,
    columnIndex: d.second,
    columnName: d.renamed,
    value: d.name,
  });
}

/** A column without a name in the header row. */
export function reportUnnamed(sink: ProblemSink, sheet: string, index: number, name: string, headerRow: number | undefined): void {
  sink.add({
    severity: 'info',
    code: 'infer.empty-header',
    message: `Column ${columnLetter(index)} has no name in the header row, so it is called '${name}' here. Type a name into its header cell in your file to choose one.`,
    sheet,
    row: headerRow,
    columnIndex: index,
    columnName: name,
  });
}
