// Browser (renderer). "Delete this draft?" as a real modal dialog (focus moves in and back, Esc
// closes it), saying that Undo is possible right after, so deleting is not frightening.

import { useEffect, useRef } from 'react';

interface Props {
  title: string | null;
  onConfirm(): void;
  onCancel(): void;
}

export function DraftDeleteDialog({ title, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (title !== null && !dialog.open) dialog.showModal();
    if (title === null && dialog.open) dialog.close();
  }, [title]);
  return (
    <dialog
      ref={ref}
      className="draft-dialog"
      aria-labelledby="draft-delete-title"
      aria-describedby="draft-delete-text"
      data-testid="draft-delete-dialog"
      onClose={() => title !== null && onCancel()}
    >
      <h2 id="draft-delete-title">Delete “{title}”?</h2>
      <p id="draft-delete-text">
        The draft and what you typed in it go away. Your file is not touched, and nothing already published changes. You can undo this right
        after.
      </p>
      <div className="draft-dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Keep it
        </button>
        <button type="button" className="button draft-danger" data-testid="draft-delete-confirm" onClick={onConfirm}>
          Delete draft
        </button>
      </div>
    </dialog>
  );
}
