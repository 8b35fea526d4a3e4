// Browser (renderer). The "Next: …" button at the end of a Describe step (a file's or a
// description-only edit's): disabled while the product name has a problem, which is shown beside
// it and tied to the button so a screen reader says why it cannot be pressed.

interface Props {
  /** Names the hint (`${id}-why`) and the button's test id. */
  id: string;
  label: string;
  problem: string | null;
  disabled?: boolean;
  onNext(): void;
}

export function NextStepButton({ id, label, problem, disabled = false, onNext }: Props) {
  const why = `${id}-why`;
  return (
    <div className="step-actions-end">
      {problem && (
        <p className="field-hint is-error" id={why}>
          {problem}
        </p>
      )}
      <button type="button" className="button button-primary" data-testid={id} disabled={!!problem || disabled} aria-describedby={problem ? why : undefined} onClick={onNext}>
        {label}
      </button>
    </div>
  );
}
