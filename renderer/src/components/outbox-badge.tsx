// Browser (renderer). The top bar's "Outbox (2)" button: how many queued publishes still need
// something (waiting, sending, failed or in conflict); it opens the outbox.

import { badgeCount } from '../state/outbox-state';
import { useHasOutbox, useOutbox, useOutboxActions } from '../state/outbox-context';

export function OutboxBadge({ onOpen }: { onOpen?(): void }) {
  const has = useHasOutbox();
  const count = useOutbox((s) => badgeCount(s.view));
  const conflicts = useOutbox((s) => s.view?.jobs.filter((j) => j.state === 'conflict' || j.state === 'failed').length ?? 0);
  const open = useOutbox((s) => s.open);
  const actions = useOutboxActions();
  if (!has) return null;
  // The spoken name starts with the visible text, so voice control ("click Outbox (2)") finds it.
  const label = count === 0 ? 'Outbox, empty' : `Outbox (${count}): ${count === 1 ? '1 publish' : `${count} publishes`} not sent yet${conflicts ? `, ${conflicts} need${conflicts === 1 ? 's' : ''} you` : ''}`;
  return (
    <button
      type="button"
      className={`button button-small outbox-badge${conflicts ? ' needs-you' : ''}`}
      data-testid="outbox-badge"
      aria-label={label}
      aria-current={open ? 'page' : undefined}
      onClick={() => {
        onOpen?.();
        actions.open();
      }}
    >
      Outbox{count > 0 && <span className="outbox-count"> ({count})</span>}
    </button>
  );
}
