// Browser (renderer). Column types in the owner's words, with the technical name kept for hints.

import type { ColumnType } from '../../../shared/core/inspect/report';
import { COLUMN_TYPES } from '../../../shared/core/inspect/report';
import { TYPE_LABELS as LABELS } from '../../../shared/core/inspect/type-labels';

const EXAMPLES: Record<ColumnType, string> = {
  integer: 'e.g. 42 or -7',
  number: 'e.g. 3.50 or 1,200.75',
  boolean: 'e.g. yes/no, true/false',
  date: 'e.g. 2025-03-31',
  datetime: 'e.g. 2025-03-31 14:05',
  text: 'any words or codes',
};

export function typeLabel(type: ColumnType): string {
  return LABELS[type];
}

/** Hint shown on hover and read by screen readers: the example and the technical name. */
export function typeHint(type: ColumnType): string {
  return `${LABELS[type]} (${EXAMPLES[type]}). Technical name: ${type}.`;
}

export interface TypeOption {
  value: ColumnType;
  label: string;
  hint: string;
}

/**
 * Options for a column's type picker. Once the owner has picked another type, the inferred one
 * is marked "(detected)" so the way back is obvious; while the inferred type is selected the
 * mark is left out because the closed picker would cut it off in a narrow column.
 */
export function typeOptions(inferred: ColumnType, selected: ColumnType = inferred): TypeOption[] {
  return COLUMN_TYPES.map((value) => ({
    value,
    label: value === inferred && selected !== inferred ? `${LABELS[value]} (detected)` : LABELS[value],
    hint: typeHint(value),
  }));
}

export function isColumnType(x: string): x is ColumnType {
  return (COLUMN_TYPES as readonly string[]).includes(x);
}
