// Browser (renderer). Which sheet to publish: every sheet with its size, hidden ones marked.

import { useId } from 'react';
import type { SheetInfo } from '../../../shared/core/ingest/types';
import { sheetLabel } from '../lib/format';

interface Props {
  sheets: SheetInfo[];
  value: string | null;
  /** Sizes measured by reading, by sheet name (used where the file does not declare them). */
  measured: Record<string, { rows: number; columns: number }>;
  onChange(name: string): void;
}

export function SheetPicker({ sheets, value, measured, onChange }: Props) {
  const id = useId();
  const hiddenCount = sheets.filter((s) => s.hidden).length;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Sheet
      </label>
      <select id={id} data-testid="sheet-picker" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        {sheets.map((s) => (
          <option key={`${s.index}:${s.name}`} value={s.name}>
            {sheetLabel(s, measured[s.name])}
          </option>
        ))}
      </select>
      <p className="field-hint">
        {sheets.length === 1
          ? 'This file has one sheet.'
          : `This file has ${sheets.length} sheets${hiddenCount ? `, ${hiddenCount} of them hidden in Excel` : ''}.`}
      </p>
    </div>
  );
}
