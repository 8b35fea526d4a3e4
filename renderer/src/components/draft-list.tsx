// Browser (renderer). Home's "Your drafts and products": loaded when Home shows, each draft with
// its actions, a confirmation before deleting and an "Undo" toast after.

import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../shared/core/api/draft-types';
import { useActions, useImport } from '../state/store-context';
import { DraftDeleteDialog } from './draft-delete-dialog';
import { DraftItem } from './draft-item';
import { DraftUndoToast } from './draft-undo-toast';

/** "Changed 5 minutes ago" moves on while Home stays open. */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function DraftList() {
  const actions = useActions();
  const list = useImport((s) => s.drafts);
  const opening = useImport((s) => s.busy !== 'idle');
  const [confirming, setConfirming] = useState<DraftSummary | null>(null);
  const now = useNow(30_000);

  useEffect(() => {
    void actions.loadDrafts();
  }, [actions]);

  const items = list.items;
  return (
    <section className="drafts" aria-labelledby="drafts-title" aria-busy={list.loading || undefined} data-testid="draft-list">
      <h2 id="drafts-title">Your drafts and products</h2>
      {list.error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-message">{list.error.message}</p>
          <button type="button" className="button button-quiet" onClick={() => void actions.loadDrafts()}>
            Try again
          </button>
        </div>
      )}
      {items === null && list.loading && <p className="muted">Looking for your drafts…</p>}
      {items !== null && items.length === 0 && (
        <p className="muted" data-testid="drafts-empty">
          No drafts yet. Add a file above: Mesh Desk keeps what you choose and type as a draft, saved as you go, so you can stop any time and
          pick up here.
        </p>
      )}
      {items !== null && items.length > 0 && (
        <ul className="draft-items">
          {items.map((d) => (
            <DraftItem
              key={d.id}
              draft={d}
              now={now}
              busy={list.busyId === d.id}
              disabled={list.busyId !== null || opening}
              onOpen={() => void actions.openDraft(d.id)}
              onDuplicate={() => void actions.duplicateDraft(d.id)}
              onDelete={() => setConfirming(d)}
            />
          ))}
        </ul>
      )}
      <DraftDeleteDialog
        title={confirming?.title ?? null}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const id = confirming?.id;
          setConfirming(null);
          if (id) void actions.deleteDraft(id);
        }}
      />
      <DraftUndoToast />
    </section>
  );
}
