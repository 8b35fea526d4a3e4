// Browser (renderer). The inline form that turns a warning into a written decision: the reason
// is required (at least MIN_WAIVER_REASON characters) because it is shown to everyone who uses
// the data and recorded in the contract.

import { useId, useState } from 'react';
import { MIN_WAIVER_REASON, waiverReasonProblem } from '../state/describe-state';

export function WaiveForm({ onConfirm, onCancel }: { onConfirm(reason: string): void; onCancel(): void }) {
  const id = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = waiverReasonProblem(reason);
  const showError = tried && problem !== null;
  const submit = () => {
    setTried(true);
    if (problem === null) onConfirm(reason.trim());
  };
  return (
    <div className="waive-form" role="group" aria-label="Publish despite this warning">
      <label htmlFor={id} className="field-label">
        Why is it fine to publish with this?
      </label>
      <textarea
        id={id}
        rows={2}
        className={`input-text${showError ? ' is-invalid' : ''}`}
        data-testid="waive-reason"
        aria-describedby={hintId}
        aria-invalid={showError || undefined}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <p id={hintId} className={`field-hint${showError ? ' is-error' : ''}`}>
        {showError ? problem : `At least ${MIN_WAIVER_REASON} characters. Everyone who uses the data sees this reason.`}
      </p>
      <div className="waive-actions">
        <button type="button" className="button button-primary button-small" data-testid="waive-confirm" onClick={submit}>
          Publish with this warning
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
