// Runs anywhere (pure core).
// Column types in the owner's words (shown first), with the technical name as a hint.

import type { ColumnType } from './report';

export const TYPE_LABELS: Readonly<Record<ColumnType, string>> = {
  integer: 'Whole number',
  number: 'Decimal number',
  boolean: 'Yes/No',
  date: 'Date',
  datetime: 'Date and time',
  text: 'Text',
};
