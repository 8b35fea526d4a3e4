// Browser (renderer). A column's type in the owner's words; the technical name is in the hint.

import type { ColumnProfile, ColumnType } from '../../../shared/core/inspect/report';
import { isColumnType, typeHint, typeOptions } from '../lib/type-labels';

export function TypePicker({ column, onChange }: { column: ColumnProfile; onChange(type: ColumnType): void }) {
  const changed = column.type !== column.inferredType;
  return (
    <select
      className={`type-picker${changed ? ' is-changed' : ''}`}
      data-testid={`type-${column.index}`}
      aria-label={`Type of column ${column.letter} (${column.name})`}
      title={`${typeHint(column.type)}${changed ? ' You changed this.' : ' Detected by Mesh Desk.'}`}
      value={column.type}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (isColumnType(v)) onChange(v);
      }}
    >
      {typeOptions(column.inferredType, column.type).map((o) => (
        <option key={o.value} value={o.value} title={o.hint}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
