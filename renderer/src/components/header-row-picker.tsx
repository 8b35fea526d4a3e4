// Browser (renderer). Which row holds the column names. Typing waits for a short pause before
// re-reading the sheet, so "12" does not first read the sheet with header row 1.

import { useEffect, useId, useRef, useState } from 'react';
import { formatCount } from '../lib/format';

interface Props {
  /** The owner's choice; undefined when Mesh Desk detects it. */
  chosen: number | undefined;
  /** Header row of the report on screen, and whether Mesh Desk found it. */
  reported: { row: number; detected: boolean } | null;
  /** Rows in the sheet if known, to bound the input. */
  maxRow: number | undefined;
  /** True while the sheet is being read (the detected row is on its way). */
  reading: boolean;
  onChange(row: number | null): void;
}

const DEBOUNCE_MS = 600;

export function HeaderRowPicker({ chosen, reported, maxRow, reading, onChange }: Props) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const max = Math.min(1_048_576, Math.max(1, maxRow ?? 1_048_576));
  const effective = chosen ?? reported?.row;
  const shown = draft ?? (effective === undefined ? '' : String(effective));
  const parsed = Number(draft);
  const invalid = draft !== null && draft !== '' && !(Number.isInteger(parsed) && parsed >= 1 && parsed <= max);

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (text: string) => {
    clearTimeout(timer.current);
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < 1 || n > max) return;
    setDraft(null);
    if (n !== effective) onChange(n);
  };

  let hint: string;
  if (invalid) hint = `Enter a row number from 1 to ${formatCount(max)}.`;
  else if (chosen !== undefined) hint = `You chose row ${formatCount(chosen)} as the header.`;
  else if (reported?.detected) hint = `Mesh Desk detected the column names on row ${formatCount(reported.row)}. Change it if that is wrong.`;
  else if (reading) hint = 'Mesh Desk is looking for the row with the column names…';
  else hint = 'Mesh Desk finds the row with the column names when it reads the sheet. You can also type it.';

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Header is row
      </label>
      <div className="field-inline">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          step={1}
          className={`input-number${invalid ? ' is-invalid' : ''}`}
          data-testid="header-row"
          aria-describedby={hintId}
          aria-invalid={invalid || undefined}
          value={shown}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(text), DEBOUNCE_MS);
          }}
          onBlur={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
            if (e.key === 'Escape') {
              clearTimeout(timer.current);
              setDraft(null);
            }
          }}
        />
        {chosen !== undefined && (
          <button type="button" className="button button-link" onClick={() => { setDraft(null); onChange(null); }}>
            Let Mesh Desk detect it
          </button>
        )}
      </div>
      <p id={hintId} className={`field-hint${invalid ? ' is-error' : ''}`}>
        {hint}
      </p>
    </div>
  );
}
