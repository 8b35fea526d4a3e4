// Browser (renderer). One labelled form field with its hint (and error) wired for screen readers.

import { useId } from 'react';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Technical name shown on hover, e.g. the field's name in the contract. */
  technical?: string;
  className?: string;
  children(ids: { id: string; describedBy: string | undefined; invalid: boolean }): ReactNode;
}

export function FormField({ label, hint, error, technical, className = '', children }: Props) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className}`.trimEnd()}>
      <label htmlFor={id} className="field-label" title={technical ? `Technical name: ${technical}` : undefined}>
        {label}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p id={errorId} className="field-hint is-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
