// Runs anywhere (pure core).
// The problems the CSV reader reports, built in one place so each carries the same fields:
// stable code, severity, the owner's place (sheet, row, line, column) and the plain message.

import type { ProblemInput } from '../../problems';
import { UserFacingError } from '../../result';
import {
  invalidUtf8Message,
  rowTooLongMessage,
  textAfterQuoteMessage,
  tooManyColumnsMessage,
  unterminatedQuoteMessage,
} from './messages';

type Place = { sheet?: string; row: number; line: number };

function place(sheet: string | undefined, row: number, line: number): Place {
  return sheet === undefined ? { row, line } : { sheet, row, line };
}

export function unterminatedQuote(sheet: string | undefined, row: number, line: number, col: number, value: string): ProblemInput {
  return {
    severity: 'error',
    code: 'csv.unterminated-quote',
    message: unterminatedQuoteMessage(row, line, col),
    ...place(sheet, row, line),
    columnIndex: col,
    value,
  };
}

export function textAfterQuote(sheet: string | undefined, row: number, line: number, col: number, value: string): ProblemInput {
  return {
    severity: 'warning',
    code: 'csv.text-after-quote',
    message: textAfterQuoteMessage(row, line, col),
    ...place(sheet, row, line),
    columnIndex: col,
    value,
  };
}

export function tooManyColumns(sheet: string | undefined, row: number, line: number, max: number): ProblemInput {
  return { severity: 'warning', code: 'csv.too-many-columns', message: tooManyColumnsMessage(row, line, max), ...place(sheet, row, line) };
}

export function invalidUtf8(sheet: string | undefined, row: number, line: number): ProblemInput {
  return { severity: 'error', code: 'csv.invalid-utf8', message: invalidUtf8Message(row, line), ...place(sheet, row, line) };
}

export function rowTooLong(sheet: string | undefined, row: number, line: number, maxChars: number): UserFacingError {
  return new UserFacingError('csv.row-too-long', rowTooLongMessage(row, line, maxChars), sheet === undefined ? { row } : { sheet, row });
}
