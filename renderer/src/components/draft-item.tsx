// Browser (renderer). One draft on Home: its title, file, when it was last changed, its state
// (colour never the only cue: the badge has words), and Open / Duplicate / Delete.

import type { DraftSummary } from '../../../shared/core/api/draft-types';
import { draftBadge, draftFileLine, relativeTime } from '../state/draft-view';
import { formatDateTime } from '../lib/format';

interface Props {
  draft: DraftSummary;
  now: Date;
  busy: boolean;
  /** Another draft's action runs: every button waits. */
  disabled: boolean;
  onOpen(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function DraftItem({ draft, now, busy, disabled, onOpen, onDuplicate, onDelete }: Props) {
  const badge = draftBadge(draft);
  const titleId = `draft-title-${draft.id}`;
  // A damaged draft cannot be opened or copied; it is listed so the owner can delete it.
  // (The host lists it as "failed" with no file, product or outbox job behind it.)
  const damaged = draft.state === 'failed' && !draft.outboxId && !draft.source && !draft.product && !draft.metadataOnly;
  return (
    <li className="draft-item" data-testid="draft-item" data-id={draft.id} data-state={draft.state} aria-labelledby={titleId} aria-busy={busy || undefined}>
      <div className="draft-main">
        <p className="draft-title" id={titleId}>
          {draft.title}
        </p>
        <p className="draft-file">{draftFileLine(draft)}</p>
        <p className="draft-meta">
          <time dateTime={draft.updatedAt} title={formatDateTime(draft.updatedAt)}>
            Changed {relativeTime(draft.updatedAt, now)}
          </time>
        </p>
        {draft.stateReason && (draft.state === 'failed' || draft.state === 'conflict') && <p className="draft-reason">{draft.stateReason}</p>}
      </div>
      <span className={`draft-badge is-${badge.tone}`} title={badge.text} data-testid="draft-badge">
        {badge.label}
        <span className="sr-only">. {badge.text}</span>
      </span>
      <div className="draft-actions">
        {!damaged && (
          <button type="button" className="button button-primary button-small" data-testid="draft-open" disabled={disabled} onClick={onOpen}>
            Open<span className="sr-only"> {draft.title}</span>
          </button>
        )}
        {!damaged && (
          <button type="button" className="button button-small" data-testid="draft-duplicate" disabled={disabled} onClick={onDuplicate}>
            Duplicate<span className="sr-only"> {draft.title}</span>
          </button>
        )}
        <button type="button" className="button button-quiet button-small" data-testid="draft-delete" disabled={disabled} onClick={onDelete}>
          Delete<span className="sr-only"> {draft.title}</span>
        </button>
      </div>
    </li>
  );
}
