// Browser (renderer). Toasts for news from the outbox (a queued product was published, or someone
// else published first). They sit in a polite live region so screen readers announce them, and
// leave by themselves after a while unless they need the owner (conflicts stay).

import { useEffect } from 'react';
import type { OutboxToast } from '../state/outbox-state';
import { useOutbox, useOutboxActions } from '../state/outbox-context';

const STAY_MS = 12_000;

function Toast({ toast }: { toast: OutboxToast }) {
  const actions = useOutboxActions();
  useEffect(() => {
    if (toast.kind === 'conflict') return;
    const t = setTimeout(() => actions.dismissToast(toast.id), STAY_MS);
    return () => clearTimeout(t);
  }, [toast, actions]);
  return (
    <div className={`toast toast-${toast.kind}`} data-testid={`outbox-toast-${toast.kind}`}>
      <p className="toast-title">{toast.title}</p>
      <p className="toast-text">{toast.text}</p>
      <div className="toast-actions">
        {toast.kind === 'conflict' && (
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => {
              actions.open(toast.jobId);
              actions.dismissToast(toast.id);
            }}
          >
            Resolve…
          </button>
        )}
        <button type="button" className="button button-small button-quiet" onClick={() => actions.dismissToast(toast.id)}>
          Dismiss<span className="sr-only"> this message</span>
        </button>
      </div>
    </div>
  );
}

export function OutboxToasts() {
  const toasts = useOutbox((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions" data-testid="outbox-toasts">
      {toasts.map((t) => (
        <Toast key={t.id} toast={t} />
      ))}
    </div>
  );
}
