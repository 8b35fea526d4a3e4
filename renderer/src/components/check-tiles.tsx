// Browser (renderer). The Check step's summary: four numbers the owner reads first, and a
// compact column list with a badge each (fine / worth checking / stops publishing).

import type { CheckOutcome, SheetReport } from '../../../shared/core/inspect/report';
import type { Waiver } from '../../../shared/core/metadata/types';
import type { CheckTotals, ColumnStatus } from '../lib/check-view';
import { columnStatus } from '../lib/check-view';
import { formatCount } from '../lib/format';

function Tile({ testId, value, label, tone }: { testId: string; value: number | null; label: string; tone: string }) {
  return (
    <div className={`card tile tile-${tone}`} data-testid={testId} title={value === null ? 'Not known: your company’s rules were not applied.' : undefined}>
      <span className="tile-value">{value === null ? '—' : formatCount(value)}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}

export function CheckTiles({ sheet, totals }: { sheet: SheetReport; totals: CheckTotals | null }) {
  return (
    <div className="tiles" role="group" aria-label="Summary of the check">
      <Tile testId="tile-rows" value={sheet.rows} label={sheet.rows === 1 ? 'Row' : 'Rows'} tone="plain" />
      <Tile testId="tile-columns" value={sheet.columns.length} label={sheet.columns.length === 1 ? 'Column' : 'Columns'} tone="plain" />
      <Tile testId="tile-blocking" value={totals?.blocking ?? null} label="Stop publishing" tone={!totals ? 'plain' : totals.blocking > 0 ? 'blocking' : 'ok'} />
      <Tile testId="tile-warnings" value={totals?.warnings ?? null} label="Worth checking" tone={!totals ? 'plain' : totals.warnings > 0 ? 'warning' : 'ok'} />
    </div>
  );
}

const BADGE: Record<ColumnStatus, string> = { ok: 'Fine', warnings: 'Worth checking', blocking: 'Stops publishing' };

export function ColumnBadges({ sheet, check, waivers }: { sheet: SheetReport; check: CheckOutcome; waivers: readonly Waiver[] }) {
  return (
    <section className="card col-badges" aria-labelledby="col-badges-title">
      <h2 id="col-badges-title">Columns</h2>
      <ul>
        {sheet.columns.map((c) => {
          const st = columnStatus(c.letter, check, waivers);
          return (
            <li key={c.index} className={`col-badge is-${st}`} data-testid={`col-status-${c.index}`} data-status={st}>
              <span className="col-letter-chip" aria-hidden="true">{c.letter}</span>
              <span className="col-badge-name" title={c.name}>{c.name}</span>
              <span className="badge">
                <span className="sr-only">Column {c.letter}: </span>
                {BADGE[st]}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
