// Browser (renderer). The columns half of the Describe step: one row per column, edited in
// place. The owner's words head each column; the contract's names are in the hints. A
// personal-data suggestion appears under its column's row until the owner answers it.

import type { ColumnProfile, ColumnType, PersonalDataSuggestion } from '../../../shared/core/inspect/report';
import { PERSONAL_DATA } from '../../../shared/core/metadata/types';
import type { ColumnMeta, PersonalData } from '../../../shared/core/metadata/types';
import { PERSONAL_LABELS, SUGGESTION_WORDS } from '../lib/meta-labels';
import * as D from '../state/describe-state';
import type { DescribeDraft } from '../state/describe-state';
import { ChipsInput } from './chips-input';
import { TypePicker } from './type-picker';
import { LOCKED_HINT, LockedValue } from './meta-edit-locked';
import { typeLabel } from '../lib/type-labels';

interface Props {
  columns: readonly ColumnProfile[];
  meta: Record<string, ColumnMeta> | undefined;
  suggestions: Map<string, PersonalDataSuggestion>;
  decisions: DescribeDraft['decisions'];
  edit(f: (d: DescribeDraft) => DescribeDraft): void;
  onTypeChange(index: number, type: ColumnType, inferred: ColumnType): void;
  /**
   * "Edit description" of a published product: what the data is (type, required, unique, key,
   * allowed values, ranges, pattern) was checked against the published rows and is shown, not
   * editable; the words stay editable.
   */
  locked?: boolean;
}

const addList = (list: readonly string[] | undefined, text: string): string[] => {
  const out = [...(list ?? [])];
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
};

function Suggestion({ s, index, colSpan, edit }: { s: PersonalDataSuggestion; index: number; colSpan: number; edit: Props['edit'] }) {
  const what = SUGGESTION_WORDS[s.kind] ?? 'personal data';
  return (
    <tr className="suggestion-row">
      <td colSpan={colSpan}>
        <div className="suggestion" data-testid={`suggestion-${index}`} role="group" aria-label={`Personal data suggestion for column ${s.column}`}>
          <p className="suggestion-line">
            <span className="suggestion-text">
              Looks like {what} — mark as {s.suggested === 'sensitive' ? 'sensitive' : 'personal'} data?
            </span>
            <button type="button" className="button button-small button-primary" data-testid={`confirm-suggestion-${index}`} onClick={() => edit((d) => D.decideSuggestion(d, s, 'confirmed'))}>
              Yes<span className="sr-only">, mark column {s.column} as {s.suggested} data</span>
            </button>
            <button type="button" className="button button-small" data-testid={`dismiss-suggestion-${index}`} onClick={() => edit((d) => D.decideSuggestion(d, s, 'dismissed'))}>
              No<span className="sr-only">, column {s.column} is not personal data</span>
            </button>
          </p>
          <p className="muted small">{s.reason}</p>
        </div>
      </td>
    </tr>
  );
}

const HEADS: { label: string; hint: string }[] = [
  { label: 'Column', hint: 'Letter and name as in your file.' },
  { label: 'Business name', hint: 'What colleagues call it. Technical name: businessName.' },
  { label: 'Description', hint: 'What one value means, with its unit (e.g. “Price in EUR, without VAT”). Technical name: description.' },
  { label: 'Type', hint: 'Change it here or on the preview; Mesh Desk reads the sheet again. Technical name: logicalType.' },
  { label: 'Required', hint: 'Every row must have a value. Technical name: required.' },
  { label: 'Unique', hint: 'No value may appear twice. Technical name: unique.' },
  { label: 'Key', hint: 'The column that identifies a row (implies required and unique). Technical name: primaryKey.' },
  { label: 'Personal data', hint: 'Whether a person can be recognised from it. Technical name: classification / PII.' },
  { label: 'Allowed values', hint: 'Only these values may appear; leave empty to allow any. Technical name: validValues.' },
  { label: 'Lowest / highest', hint: 'The range values must stay in. Technical name: minimum / maximum.' },
  { label: 'Examples', hint: 'Shown in the catalog; taken from your data, change them freely. Technical name: examples.' },
];

export function ColumnMetaTable({ columns, meta, suggestions, decisions, edit, onTypeChange, locked = false }: Props) {
  const colMeta = (name: string): ColumnMeta => (meta && Object.hasOwn(meta, name) ? meta[name]! : {});
  const set = (name: string, patch: Partial<ColumnMeta>) => edit((d) => D.setColumnMeta(d, name, patch));
  return (
    <section className="card form-section" aria-labelledby="columns-title">
      <h2 id="columns-title">The columns</h2>
      <p className="muted small">Describe each column so colleagues know what it means. Hover over a heading for what it is used for.</p>
      <div className="meta-table-wrap" tabIndex={0} role="region" aria-label="Column descriptions (scrolls sideways)">
        <table className="meta-table" data-testid="column-table">
          <thead>
            <tr>
              {HEADS.map((h) => (
                <th key={h.label} scope="col" title={h.hint}>
                  {h.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const m = colMeta(c.name);
              const i = c.index;
              const s = suggestions.get(c.name);
              const open = s && !Object.hasOwn(decisions, D.suggestionKey(s.column, s.kind)) && (m.personal ?? 'none') === 'none';
              const label = `column ${c.letter} (${c.name})`;
              const numeric = c.type === 'integer' || c.type === 'number';
              const rangeKind = numeric ? 'text' : c.type === 'date' ? 'date' : 'text';
              const ranged = numeric || c.type === 'date' || c.type === 'datetime';
              return [
                <tr key={`c${i}`} data-testid={`column-row-${i}`}>
                  <th scope="row" className="meta-col-name">
                    <span className="meta-col-inner">
                      <span className="col-letter-chip" aria-hidden="true">{c.letter}</span>
                      <span className="sr-only">Column {c.letter}: </span>
                      <span className="meta-col-text" title={c.name}>{c.name}</span>
                    </span>
                  </th>
                  <td className="meta-business">
                    <input type="text" className="input-text" aria-label={`Business name of ${label}`} data-testid={`col-business-${i}`} value={m.businessName ?? ''} placeholder={c.name} onChange={(e) => set(c.name, { businessName: e.currentTarget.value })} />
                  </td>
                  <td>
                    <textarea rows={2} className="input-text meta-description" aria-label={`Description of ${label}`} data-testid={`col-description-${i}`} value={m.description ?? ''} onChange={(e) => set(c.name, { description: e.currentTarget.value })} />
                  </td>
                  <td className="meta-type">
                    {locked ? <LockedValue testId={`type-${i}`} text={typeLabel(c.type)} hint={LOCKED_HINT} /> : <TypePicker column={c} onChange={(t) => onTypeChange(i, t, c.inferredType)} />}
                  </td>
                  <td className="meta-check">
                    <input type="checkbox" aria-label={`${label} is required`} data-testid={`col-required-${i}`} checked={!!m.required || !!m.primaryKey} disabled={locked || !!m.primaryKey} title={locked ? LOCKED_HINT : undefined} onChange={(e) => set(c.name, { required: e.currentTarget.checked })} />
                  </td>
                  <td className="meta-check">
                    <input type="checkbox" aria-label={`${label} is unique`} data-testid={`col-unique-${i}`} checked={!!m.unique || !!m.primaryKey} disabled={locked || !!m.primaryKey} title={locked ? LOCKED_HINT : undefined} onChange={(e) => set(c.name, { unique: e.currentTarget.checked })} />
                  </td>
                  <td className="meta-check">
                    <input type="checkbox" aria-label={`${label} identifies a row (key)`} data-testid={`col-key-${i}`} checked={!!m.primaryKey} disabled={locked} title={locked ? LOCKED_HINT : undefined} onChange={(e) => set(c.name, { primaryKey: e.currentTarget.checked })} />
                  </td>
                  <td className="meta-personal">
                    <select aria-label={`Personal data in ${label}`} data-testid={`col-personal-${i}`} title={PERSONAL_LABELS[m.personal ?? 'none'].hint} value={m.personal ?? 'none'} onChange={(e) => set(c.name, { personal: e.currentTarget.value as PersonalData })}>
                      {PERSONAL_DATA.map((p) => (
                        <option key={p} value={p} title={PERSONAL_LABELS[p].hint}>
                          {PERSONAL_LABELS[p].label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="meta-chips">
                    {locked ? <LockedValue testId={`col-allowed-${i}`} text={(m.allowed ?? []).join(', ') || 'Any'} hint={LOCKED_HINT} /> : <ChipsInput compact label={`Allowed values of ${label}`} testId={`col-allowed-${i}`} placeholder="Any" values={m.allowed ?? []} onAdd={(t) => set(c.name, { allowed: addList(m.allowed, t) })} onRemove={(v) => set(c.name, { allowed: (m.allowed ?? []).filter((x) => x !== v) })} />}
                  </td>
                  <td className="meta-range">
                    {ranged && (<>
                    <input type={rangeKind} className="input-text" aria-label={`Lowest allowed value in ${label}`} data-testid={`col-min-${i}`} disabled={locked} placeholder={c.min === null ? 'Lowest' : String(c.min).slice(0, 10)} value={m.min === undefined ? '' : String(m.min)} onChange={(e) => set(c.name, { min: e.currentTarget.value === '' ? undefined : e.currentTarget.value })} />
                    <input type={rangeKind} className="input-text" aria-label={`Highest allowed value in ${label}`} data-testid={`col-max-${i}`} disabled={locked} placeholder={c.max === null ? 'Highest' : String(c.max).slice(0, 10)} value={m.max === undefined ? '' : String(m.max)} onChange={(e) => set(c.name, { max: e.currentTarget.value === '' ? undefined : e.currentTarget.value })} />
                    </>)}
                    {!ranged && c.type !== 'text' && <span className="muted small">—</span>}
                    {c.type === 'text' && (
                      <details className="meta-advanced">
                        <summary>Pattern</summary>
                        <input type="text" className="input-text input-mono" aria-label={`Text pattern for ${label} (regular expression)`} title="A regular expression every value must match, e.g. ^[A-Z]{2}-\d{4}$. Technical name: pattern." data-testid={`col-pattern-${i}`} disabled={locked} value={m.pattern ?? ''} onChange={(e) => set(c.name, { pattern: e.currentTarget.value })} />
                      </details>
                    )}
                  </td>
                  <td className="meta-chips meta-examples">
                    <ChipsInput compact label={`Examples of ${label}`} testId={`col-examples-${i}`} values={m.examples ?? []} onAdd={(t) => set(c.name, { examples: addList(m.examples, t) })} onRemove={(v) => set(c.name, { examples: (m.examples ?? []).filter((x) => x !== v) })} />
                  </td>
                </tr>,
                open && s ? <Suggestion key={`s${i}`} s={s} index={i} colSpan={HEADS.length} edit={edit} /> : null,
              ];
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
