// Runs anywhere (pure core).
// CSV rows whose number of values differs from the header's. Nothing is dropped: extra values
// get their own columns, missing ones are read as empty. Each row is one occurrence of a
// sheet-wide problem (the collector groups and counts them, keeping the first 20 places).

import { columnLetter } from '../columns';
import type { Cell, SourceRow } from '../ingest/types';
import type { ProblemSink } from '../problems';
import { describePlace } from '../problems';
import { displayText } from '../infer/classify-cell';

const columnsRange = (from: number, to: number): string =>
  from === to ? `column ${columnLetter(from)}` : `columns ${columnLetter(from)}–${columnLetter(to)}`;

/**
 * Values beyond the last header column. `width` is the header width (or, without a header, the
 * first data row's); `last` is the index of the last non-empty value of the row.
 */
export function reportExtraValues(sink: ProblemSink, sheet: string, src: SourceRow, width: number, last: number, hasHeader: boolean): void {
  const extra: string[] = [];
  for (let i = width; i <= last && extra.length < 5; i++) extra.push(`'${displayText((src.cells[i] ?? null) as Cell)}'`);
  const what = hasHeader ? `the header has ${width} columns` : `the first row has ${width} values`;
  const named = hasHeader ? 'have no name in the header' : 'are beyond the first row';
  sink.add({
    severity: 'error',
    code: 'csv.extra-values',
    message:
      `${capitalize(describePlace({ row: src.row, line: src.line }))} has ${last + 1} values but ${what}: ${extra.join(', ')} ${named}. ` +
      `They are kept in ${columnsRange(width, last)}, named '${`Column ${columnLetter(width)}`}'${last > width ? ' and so on' : ''}. ` +
      `Check the row for a separator inside a value that should be in quotes, or add names for the extra columns to the header row.`,
    sheet,
    row: src.row,
    line: src.line,
    value: extra.join(', '),
  });
}

/** Fewer values than the header: the missing ones at the end are read as empty. */
export function reportMissingValues(sink: ProblemSink, sheet: string, src: SourceRow, width: number, hasHeader: boolean): void {
  const have = src.cells.length;
  const what = hasHeader ? `the header has ${width} columns` : `the first row has ${width} values`;
  sink.add({
    severity: 'warning',
    code: 'csv.missing-values',
    message:
      `${capitalize(describePlace({ row: src.row, line: src.line }))} has ${have} ${have === 1 ? 'value' : 'values'} but ${what}, so ` +
      `${columnsRange(have, width - 1)} of this row ${have === width - 1 ? 'is' : 'are'} read as empty. ` +
      `Check the row in your file for missing values or separators.`,
    sheet,
    row: src.row,
    line: src.line,
    value: `${have} of ${width} values`,
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
