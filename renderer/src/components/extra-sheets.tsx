// Browser (renderer). "Also publish these sheets": a workbook's further sheets, each published as
// its own table (endpoint) next to the main one. Changing the choice prepares the publish again.

import type { SheetInfo } from '../../../shared/core/ingest/types';

export function ExtraSheets(props: { sheets: SheetInfo[]; main: string | null; chosen: string[]; disabled: boolean; onToggle(sheet: string, on: boolean): void }) {
  const others = props.sheets.filter((s) => s.name !== props.main && !s.hidden);
  if (others.length === 0) return null;
  return (
    <fieldset className="card form-section extra-sheets" data-testid="publish-extra-sheets">
      <legend>Also publish other sheets</legend>
      <p className="muted small">Each sheet you tick becomes a table of its own in the product, next to “{props.main}”. Their columns are published as they are.</p>
      {others.map((s) => (
        <label key={s.name} className="check-row">
          <input
            type="checkbox"
            data-testid={`publish-extra-${s.name}`}
            checked={props.chosen.includes(s.name)}
            disabled={props.disabled}
            onChange={(e) => props.onToggle(s.name, e.currentTarget.checked)}
          />{' '}
          {s.name}
          {s.rowCount !== undefined ? <span className="muted"> — about {s.rowCount.toLocaleString("en-US")} rows</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
