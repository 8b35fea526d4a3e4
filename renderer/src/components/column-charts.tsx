// Browser (renderer). The two small pictures under a column name: how full the column is, and
// how its values are spread (histogram for numbers and dates, most common values for text).

import type { ColumnProfile } from '../../../shared/core/inspect/report';
import { allDifferent, distributionText, fillShare, histogramBars, topValueBars } from '../lib/sparkline';

export function FillBar({ column }: { column: ColumnProfile }) {
  const f = fillShare(column);
  return (
    <div className="fill" data-testid={`fill-${column.index}`} title={f.text}>
      <div
        className="fill-track"
        role="meter"
        aria-label={`Filled cells in column ${column.letter}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={f.percentFilled}
        aria-valuetext={f.text}
      >
        <div className="fill-value" style={{ width: `${f.percentFilled}%` }} />
      </div>
      <span className="fill-text">{f.empty === 0 && f.filled > 0 ? '100% filled' : `${f.percentFilled}% filled`}</span>
    </div>
  );
}

const W = 120;
const H = 26;

export function Sparkline({ column }: { column: ColumnProfile }) {
  const text = distributionText(column);
  const hist = column.histogram && column.histogram.counts.length > 0 ? column.histogram : undefined;
  const unique = allDifferent(column);
  // Unique values get one low even band: equal "most common" bars would suggest a pattern.
  const bars = hist
    ? histogramBars(hist.counts, W, H)
    : unique
      ? [{ x: 0, y: H - 6, width: W, height: 6, count: column.filled }]
      : histogramBars(topValueBars(column, 6).map((t) => t.count), W, H, 3);
  return (
    <svg
      className={`spark ${hist ? 'spark-hist' : unique ? 'spark-unique' : 'spark-top'}`}
      data-testid={`spark-${column.index}`}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={text}
    >
      <title>{text}</title>
      <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} className="spark-axis" />
      {bars.map((b, i) => (
        <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} className="spark-bar" />
      ))}
    </svg>
  );
}
