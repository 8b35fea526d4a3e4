// Browser (renderer). What the Publish step shows in place of the error when the mesh could not be
// reached and the publish was put in the outbox instead: where it waits and that it goes by itself.

import type { OutboxJob } from '../../../shared/core/api/contract';
import { queuedMessage, splitReason } from '../state/outbox-text';
import { useHasOutbox, useOutboxActions } from '../state/outbox-context';

export function OutboxQueued({ job, reason, onHome }: { job: OutboxJob; reason: string; onHome(): void }) {
  const has = useHasOutbox();
  const outbox = useOutboxActions();
  const advice = splitReason(reason).advice;
  return (
    <section className="card form-section outbox-queued" role="status" data-testid="publish-queued" aria-labelledby="publish-queued-title">
      <h2 id="publish-queued-title">Queued in the outbox</h2>
      <p data-testid="publish-queued-message">{queuedMessage(job.meshName, reason)}</p>
      {advice && <p className="muted">{advice}</p>}
      <div className="step-actions">
        <button type="button" className="button" data-testid="publish-queued-home" onClick={onHome}>
          Back to start
        </button>
        {has && (
          <button type="button" className="button button-primary" data-testid="publish-open-outbox" onClick={() => outbox.open()}>
            Open the outbox
          </button>
        )}
      </div>
    </section>
  );
}
