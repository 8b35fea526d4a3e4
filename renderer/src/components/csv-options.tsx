// Browser (renderer). The two choices of "Save as CSV", folded away under the button: which
// separator (a semicolon where a comma is the decimal mark, as Excel expects in those locales) and
// whether to start the file with a byte-order mark (Excel needs it to read accents in UTF-8; some
// other programs show it as stray characters).

export interface CsvChoice {
  delimiter: ',' | ';';
  bom: boolean;
}

/** The owner's locale decides the separator until they choose one. */
export function defaultCsvChoice(): CsvChoice {
  return { delimiter: (0.5).toLocaleString().includes(',') ? ';' : ',', bom: true };
}

interface Props {
  value: CsvChoice;
  disabled: boolean;
  onChange(next: CsvChoice): void;
}

export function CsvOptions({ value, disabled, onChange }: Props) {
  return (
    <details className="csv-options" data-testid="csv-options">
      <summary>CSV options</summary>
      <fieldset disabled={disabled}>
        <legend className="sr-only">CSV options</legend>
        <label className="export-choice">
          Separator{' '}
          <select data-testid="csv-delimiter" value={value.delimiter} onChange={(e) => onChange({ ...value, delimiter: e.currentTarget.value === ';' ? ';' : ',' })}>
            <option value=",">Comma ( , )</option>
            <option value=";">Semicolon ( ; ) — for decimal commas</option>
          </select>
        </label>
        <label className="radio">
          <input type="checkbox" data-testid="csv-bom" checked={value.bom} onChange={(e) => onChange({ ...value, bom: e.currentTarget.checked })} />
          Mark the file as UTF-8 for Excel (byte-order mark)
        </label>
      </fieldset>
    </details>
  );
}
