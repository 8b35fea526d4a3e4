// Browser (renderer). Someone published the product while the owner's version waited in the
// outbox. Both sides are shown (their version: number, when, by whom; mine: what I queued), the
// description fields that differ, and the column changes in words. Every choice says what it does
// before it is pressed; nothing is overwritten without the owner choosing it.

import { useState } from 'react';
import type { OutboxJob, OutboxResolveRequest } from '../../../shared/core/api/contract';
import { plural } from '../lib/format';
import { CHOICE_TEXT, jobName, queuedText, sideText } from '../state/outbox-text';
import { ConflictFields, type FieldChoices } from './conflict-fields';

export interface ConflictViewProps {
  job: OutboxJob;
  busy: boolean;
  onResolve(request: OutboxResolveRequest): void;
  onBack(): void;
}

export function ConflictView({ job, busy, onResolve, onBack }: ConflictViewProps) {
  const [choices, setChoices] = useState<FieldChoices>({});
  const c = job.conflict;
  const name = jobName(job);
  if (!c) {
    return (
      <section className="card conflict" data-testid="conflict-view">
        <h2>“{name}”</h2>
        <p>{job.reason ?? 'The details of this conflict are not available. Send the job again to compare both versions once more.'}</p>
        <button type="button" className="button" onClick={onBack}>
          Back to the outbox
        </button>
      </section>
    );
  }
  const theirsCount = Object.values(choices).filter((v) => v === 'theirs').length;
  const keepMine = () => {
    // Only what differs is sent; an absent field means "mine" to the host.
    const fields: FieldChoices = {};
    for (const f of c.fields) fields[f.path] = choices[f.path] ?? 'mine';
    onResolve({ id: job.id, choice: 'mine', fields });
  };

  return (
    <section className="card conflict" data-testid="conflict-view" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else published “{name}” while yours was waiting</h2>
      <p className="lead-small">
        Nothing was overwritten: their version is in the mesh as they published it, and yours is still here, unsent. Compare both and choose what happens.
      </p>

      <div className="conflict-sides">
        <div className="conflict-side" data-testid="conflict-theirs">
          <p className="eyebrow">Theirs — in the mesh now</p>
          <p className="conflict-side-version">{sideText(c.theirs)}</p>
          <p className="muted small">{c.theirs.columns.length ? plural(c.theirs.columns.length, 'column') : ''}</p>
        </div>
        <div className="conflict-side" data-testid="conflict-mine">
          <p className="eyebrow">Mine — waiting in the outbox</p>
          <p className="conflict-side-version">
            {c.baseVersion === null ? 'Started as a new product' : `Started from v${c.baseVersion}`} · {queuedText(job)}
          </p>
          <p className="muted small">{c.mine.columns.length ? plural(c.mine.columns.length, 'column') : ''}</p>
        </div>
      </div>

      <h3>Columns</h3>
      {c.schemaChanges.length === 0 ? (
        <p className="muted" data-testid="conflict-schema">
          The columns are the same on both sides.
        </p>
      ) : (
        <ul className="conflict-schema" data-testid="conflict-schema">
          {c.schemaChanges.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}

      <h3>Description</h3>
      <ConflictFields fields={c.fields} choices={choices} disabled={busy} onChoose={(path, side) => setChoices((x) => ({ ...x, [path]: side }))} />

      <div className="conflict-choices">
        <div className="conflict-choice">
          <p>{CHOICE_TEXT.mine}</p>
          <button type="button" className="button button-primary" data-testid="conflict-keep-mine" disabled={busy} onClick={keepMine}>
            Keep mine{theirsCount > 0 ? ` (with ${theirsCount} of their values)` : ''} and publish
          </button>
        </div>
        <div className="conflict-choice">
          <p>{CHOICE_TEXT.theirs}</p>
          <button type="button" className="button" data-testid="conflict-keep-theirs" disabled={busy} onClick={() => onResolve({ id: job.id, choice: 'theirs' })}>
            Keep theirs
          </button>
        </div>
        {job.draftId && (
          <div className="conflict-choice">
            <p>{CHOICE_TEXT.rebase}</p>
            <button type="button" className="button" data-testid="conflict-rebase" disabled={busy} onClick={() => onResolve({ id: job.id, choice: 'rebase' })}>
              Rebase my draft
            </button>
          </div>
        )}
      </div>
      <div className="step-actions">
        <button type="button" className="button" data-testid="conflict-back" disabled={busy} onClick={onBack}>
          Decide later
        </button>
      </div>
    </section>
  );
}
