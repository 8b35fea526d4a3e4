// Browser (renderer). The preview of the sheet as the owner knows it: spreadsheet row numbers on
// the left, column letters above names. Only the rows and columns in view (plus a margin) are
// in the DOM, so 10,000 preview rows scroll as smoothly as 10.

import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ColumnProfile, ColumnType, SheetReport } from '../../../shared/core/inspect/report';
import { visibleRange } from '../lib/virtual-window';
import { ColumnHeader } from './column-header';

export const ROW_HEIGHT = 30;
export const COL_WIDTH = 184;
export const ROWNUM_WIDTH = 76;
const ROW_OVERSCAN = 12;
const COL_OVERSCAN = 2;

interface View {
  top: number;
  left: number;
  width: number;
  height: number;
  headHeight: number;
}

const sameView = (a: View, b: View) =>
  a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height && a.headHeight === b.headHeight;

interface RowProps {
  index: number;
  rowNumber: number | undefined;
  cells: readonly string[];
  columns: readonly ColumnProfile[];
  colStart: number;
  colEnd: number;
  width: number;
}

/** One data row; memoized so scrolling re-renders only the rows that come into view. */
const GridRow = memo(function GridRow({ index, rowNumber, cells, columns, colStart, colEnd, width }: RowProps) {
  const cellEls = [];
  for (let c = colStart; c < colEnd; c++) {
    const col = columns[c];
    if (!col) continue;
    const text = cells[col.index] ?? '';
    cellEls.push(
      <div
        className={`grid-cell t-${col.type}${text === '' ? ' is-empty' : ''}`}
        role="cell"
        aria-colindex={col.index + 2}
        key={col.index}
        title={text.length > 20 ? text : undefined}
      >
        {text}
      </div>,
    );
  }
  return (
    <div className="grid-row" role="row" aria-rowindex={index + 2} data-testid="grid-row" style={{ top: index * ROW_HEIGHT, width }}>
      <div className="grid-rownum" role="rowheader">
        {rowNumber ?? ''}
      </div>
      <div className="grid-spacer" style={{ width: colStart * COL_WIDTH }} />
      {cellEls}
    </div>
  );
});

const EMPTY_ROW: readonly string[] = [];

interface Props {
  sheet: SheetReport;
  onTypeChange(index: number, type: ColumnType, inferred: ColumnType): void;
  /** True while a newer report is being made: the grid stays but is marked busy. */
  stale: boolean;
}

export function PreviewGrid({ sheet, onTypeChange, stale }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ top: 0, left: 0, width: 0, height: 0, headHeight: 0 });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next: View = {
      top: el.scrollTop,
      left: el.scrollLeft,
      width: el.clientWidth,
      height: el.clientHeight,
      headHeight: head.current?.offsetHeight ?? 0,
    };
    setView((v) => (sameView(v, next) ? v : next));
  }, []);

  useLayoutEffect(() => {
    measure();
    const ro = new ResizeObserver(measure);
    if (scroller.current) ro.observe(scroller.current);
    if (head.current) ro.observe(head.current);
    return () => ro.disconnect();
  }, [measure]);

  const columns = sheet.columns;
  const cells = sheet.preview.cells;
  const rowNumbers = sheet.preview.rowNumbers;
  const rows = visibleRange({
    scrollOffset: view.top,
    viewportSize: view.height - view.headHeight,
    itemSize: ROW_HEIGHT,
    itemCount: cells.length,
    overscan: ROW_OVERSCAN,
  });
  const cols = visibleRange({
    scrollOffset: view.left,
    viewportSize: view.width - ROWNUM_WIDTH,
    itemSize: COL_WIDTH,
    itemCount: columns.length,
    overscan: COL_OVERSCAN,
  });
  const totalWidth = ROWNUM_WIDTH + cols.totalSize;
  const visibleColumns = columns.slice(cols.start, cols.end);

  const rowEls = [];
  for (let r = rows.start; r < rows.end; r++) {
    rowEls.push(
      <GridRow
        key={r}
        index={r}
        rowNumber={rowNumbers[r]}
        cells={cells[r] ?? EMPTY_ROW}
        columns={columns}
        colStart={cols.start}
        colEnd={cols.end}
        width={totalWidth}
      />,
    );
  }

  return (
    <div
      className={`grid${stale ? ' is-stale' : ''}`}
      ref={scroller}
      onScroll={measure}
      data-testid="preview-grid"
      role="table"
      aria-label={`Preview of sheet ${sheet.name}`}
      aria-rowcount={sheet.rows + 1}
      aria-colcount={columns.length + 1}
      aria-busy={stale || undefined}
      tabIndex={0}
    >
      <div className="grid-head" role="row" aria-rowindex={1} ref={head} style={{ width: totalWidth }}>
        <div className="grid-corner" role="columnheader" aria-colindex={1}>
          <span className="grid-corner-label">Row</span>
        </div>
        <div className="grid-spacer" style={{ width: cols.offset }} />
        {visibleColumns.map((c) => (
          <ColumnHeader key={c.index} column={c} onTypeChange={onTypeChange} />
        ))}
      </div>
      <div className="grid-body" style={{ height: rows.totalSize, width: totalWidth }}>
        {rowEls}
      </div>
    </div>
  );
}
