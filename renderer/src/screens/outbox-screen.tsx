// Browser (renderer). The Outbox screen, over whatever the owner was doing: every queued publish,
// or one job's conflict view. "Rebase my draft" ends on the draft, opened for review.

import { ConflictView } from '../components/conflict-view';
import { OutboxPanel } from '../components/outbox-panel';
import { jobById } from '../state/outbox-state';
import { resolveAndFollow, type DraftOpener } from '../state/outbox-follow';
import { useOutbox, useOutboxActions } from '../state/outbox-context';
import { useActions } from '../state/store-context';

export function OutboxScreen() {
  const actions = useOutboxActions();
  const drafts: DraftOpener = useActions();
  const conflictJob = useOutbox((s) => jobById(s, s.conflictId));
  const busyId = useOutbox((s) => s.busyId);
  const error = useOutbox((s) => s.error);

  return (
    <div className="outbox-screen" data-testid="outbox-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Outbox</p>
          <h1>{conflictJob ? 'Choose what to keep' : 'Publishes waiting to go out'}</h1>
        </div>
        <button type="button" className="button" data-testid="outbox-back" onClick={actions.close}>
          Back
        </button>
      </header>
      {conflictJob && conflictJob.state === 'conflict' ? (
        <>
          {error && (
            <div className="banner banner-error" role="alert">
              <p className="banner-message">{error.message}</p>
            </div>
          )}
          <ConflictView job={conflictJob} busy={busyId === conflictJob.id} onResolve={(r) => void resolveAndFollow(actions, drafts, conflictJob, r)} onBack={() => actions.showConflict(null)} />
        </>
      ) : (
        <OutboxPanel hideWhenEmpty={false} />
      )}
    </div>
  );
}
