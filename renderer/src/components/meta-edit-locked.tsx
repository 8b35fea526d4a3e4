// Browser (renderer). A column's promise shown as text where the owner cannot change it ("Edit
// description": the data stays as published, so what it is was checked and stays).

export const LOCKED_HINT = 'Fixed by the published data. To change it, publish the data again from your file.';

export function LockedValue({ text, hint, testId }: { text: string; hint: string; testId?: string }) {
  return (
    <span className="locked-value" data-testid={testId} title={hint}>
      {text}
      <span className="sr-only"> ({hint})</span>
    </span>
  );
}
