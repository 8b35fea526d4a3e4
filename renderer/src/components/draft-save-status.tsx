// Browser (renderer). "Saved" / "Saving…" / "Not saved — retrying" beside the step list, so the
// owner knows what they typed is kept. Announced politely; the failure reason is in the tooltip
// and read out too, because a save that keeps failing is worth knowing about.

import { formatDateTime } from '../lib/format';
import { saveStatusText } from '../state/draft-view';
import { useImport } from '../state/store-context';

export function DraftSaveStatus() {
  const save = useImport((s) => s.draftSave);
  const text = saveStatusText(save);
  const title =
    save.status === 'retrying'
      ? `${save.reason ?? 'The last save did not work.'} What you typed is kept on this screen and saved as soon as it works.`
      : save.status === 'saved' && save.savedAt
        ? `Your draft was saved at ${formatDateTime(save.savedAt)}.`
        : undefined;
  return (
    <p className={`draft-save is-${save.status}`} aria-live="polite" data-testid="draft-save-status" data-status={save.status} title={title}>
      {text && <span className="draft-save-dot" aria-hidden="true" />}
      {text}
      {save.status === 'retrying' && <span className="sr-only">. {title}</span>}
    </p>
  );
}
