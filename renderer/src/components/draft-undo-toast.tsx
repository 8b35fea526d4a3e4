// Browser (renderer). "Draft deleted · Undo": shown after a delete, announced politely, and gone
// after a while or when dismissed (the draft stays in the bin until Mesh Desk next starts).

import { useEffect } from 'react';
import { useActions, useImport } from '../state/store-context';

const SHOWN_MS = 15_000;

export function DraftUndoToast() {
  const actions = useActions();
  const deleted = useImport((s) => s.drafts.deleted);
  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => actions.dismissDraftToast(), SHOWN_MS);
    return () => clearTimeout(t);
  }, [deleted, actions]);
  return (
    <div className="draft-toast-area" aria-live="polite">
      {deleted && (
        <div className="draft-toast" role="status" data-testid="draft-undo-toast">
          <p>Deleted “{deleted.title}”.</p>
          <button type="button" className="button button-small" data-testid="draft-undo" onClick={() => void actions.undoDeleteDraft()}>
            Undo
          </button>
          <button type="button" className="button button-quiet button-small" onClick={() => actions.dismissDraftToast()}>
            Dismiss<span className="sr-only"> this message</span>
          </button>
        </div>
      )}
    </div>
  );
}
