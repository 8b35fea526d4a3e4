// Browser (renderer). The fields that differ between their version and mine, side by side, each
// with a mine/theirs choice for "Keep mine" (mine preselected). The value both started from is
// shown when known, so the owner can tell who changed what.

import type { ConflictField } from '../../../shared/core/api/contract';
import { fieldValue } from '../state/outbox-text';

export type FieldChoices = Record<string, 'mine' | 'theirs'>;

export function ConflictFields({ fields, choices, onChoose, disabled }: { fields: ConflictField[]; choices: FieldChoices; onChoose(path: string, side: 'mine' | 'theirs'): void; disabled: boolean }) {
  if (fields.length === 0) return <p className="muted">The descriptions are the same on both sides; only the data or the columns differ.</p>;
  const hasBase = fields.some((f) => f.base !== undefined);
  return (
    <table className="conflict-fields" data-testid="conflict-fields">
      <caption className="sr-only">Fields that differ, and which value to publish</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Theirs</th>
          <th scope="col">Mine</th>
          {hasBase && <th scope="col">Before either change</th>}
        </tr>
      </thead>
      <tbody>
        {fields.map((f, i) => {
          const chosen = choices[f.path] ?? 'mine';
          const group = `conflict-field-${i}`;
          return (
            <tr key={f.path} data-testid={`conflict-field-${f.path}`} className={`is-${chosen}`}>
              <th scope="row">{f.label}</th>
              <td className={chosen === 'theirs' ? 'is-chosen' : undefined}>
                <label className="choice">
                  <input type="radio" name={group} checked={chosen === 'theirs'} disabled={disabled} onChange={() => onChoose(f.path, 'theirs')} data-testid={`conflict-theirs-${i}`} />
                  <span className="conflict-value">{fieldValue(f.theirs)}</span>
                  <span className="sr-only"> (use theirs for {f.label})</span>
                </label>
              </td>
              <td className={chosen === 'mine' ? 'is-chosen' : undefined}>
                <label className="choice">
                  <input type="radio" name={group} checked={chosen === 'mine'} disabled={disabled} onChange={() => onChoose(f.path, 'mine')} data-testid={`conflict-mine-${i}`} />
                  <span className="conflict-value">{fieldValue(f.mine)}</span>
                  <span className="sr-only"> (use mine for {f.label})</span>
                </label>
              </td>
              {hasBase && <td className="muted">{f.base === undefined ? '—' : fieldValue(f.base)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
