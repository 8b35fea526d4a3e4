// Browser (renderer). A list of short words (tags, allowed values) typed one by one: comma or
// Enter adds a chip, Backspace in the empty box removes the last one, each chip has a remove button.

import { useId, useState } from 'react';

interface Props {
  values: readonly string[];
  onAdd(text: string): void;
  onRemove(value: string): void;
  /** Accessible name of the text box, e.g. "Tags". */
  label: string;
  placeholder?: string;
  testId?: string;
  /** Id of a visible hint to describe the box. */
  describedBy?: string;
  compact?: boolean;
  /** Id for the text box, so a visible <label> can point at it. */
  inputId?: string;
}

export function ChipsInput({ values, onAdd, onRemove, label, placeholder, testId, describedBy, compact = false, inputId }: Props) {
  const [text, setText] = useState('');
  const listId = useId();
  const commit = () => {
    if (text.trim() !== '') onAdd(text);
    setText('');
  };
  return (
    <div className={`chips${compact ? ' is-compact' : ''}`}>
      {values.length > 0 && (
        <ul className="chip-list" id={listId} aria-label={`${label}: ${values.length} added`}>
          {values.map((v) => (
            <li key={v} className="chip">
              <span>{v}</span>
              <button type="button" className="chip-remove" aria-label={`Remove “${v}” from ${label.toLowerCase()}`} onClick={() => onRemove(v)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="text"
        id={inputId}
        className="chip-input"
        data-testid={testId}
        aria-label={label}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          const v = e.currentTarget.value;
          // A comma typed or pasted adds what came before it.
          if (v.includes(',')) {
            const parts = v.split(',');
            const rest = parts.pop() ?? '';
            const done = parts.join(',');
            if (done.trim() !== '') onAdd(done);
            setText(rest);
          } else setText(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
            onRemove(values[values.length - 1]!);
          }
        }}
        onBlur={commit}
      />
    </div>
  );
}
