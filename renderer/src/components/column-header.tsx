// Browser (renderer). One column's head in the preview grid: letter, name, type, and pictures.

import { memo } from 'react';
import type { ColumnProfile, ColumnType } from '../../../shared/core/inspect/report';
import { FillBar, Sparkline } from './column-charts';
import { TypePicker } from './type-picker';

interface Props {
  column: ColumnProfile;
  onTypeChange(index: number, type: ColumnType, inferred: ColumnType): void;
}

/** Memoized: the grid re-renders on every scroll, the column heads need not. */
export const ColumnHeader = memo(function ColumnHeader({ column, onTypeChange }: Props) {
  const unnamed = column.header.trim() === '';
  return (
    <div className="col-head" role="columnheader" aria-colindex={column.index + 2} data-testid={`column-header-${column.index}`}>
      <div className="col-letter" aria-hidden="true">
        {column.letter}
      </div>
      <div className={`col-name${unnamed ? ' is-unnamed' : ''}`} title={unnamed ? 'This column has no name in the header row.' : column.name}>
        <span className="sr-only">Column {column.letter}: </span>
        {column.name}
      </div>
      <TypePicker column={column} onChange={(t) => onTypeChange(column.index, t, column.inferredType)} />
      <FillBar column={column} />
      <Sparkline column={column} />
    </div>
  );
});
