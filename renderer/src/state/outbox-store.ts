// Browser (renderer). The outbox's own small store: it mirrors the host's queue (outbox.list,
// then every 'outbox.changed' event), runs "Send now" / Retry with progress and Cancel, removes
// and resolves jobs, and sends by itself when the browser says the network is back. It is kept
// apart from the import store because the queue outlives any one file the owner is working on.

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { OutboxResolveRequest, OutboxView } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../api/renderer-api';
import { newJobId as defaultJobId } from '../lib/job-id';
import type { OutboxToast, OutboxUiState } from './outbox-state';
import * as O from './outbox-state';

export interface OutboxActions {
  load(): Promise<void>;
  /**
   * "Send now" (no id) or Retry (one job). Ignored while a send is running. `quiet`: started by
   * the page itself (network back), so "the outbox is busy" (the host is sending already) is no news.
   */
  send(id?: string, opts?: { quiet?: boolean }): Promise<void>;
  cancelSend(): Promise<void>;
  remove(id: string): Promise<void>;
  /** The owner's answer to a conflict; the answer lets the caller reopen a rebased draft. */
  resolve(request: OutboxResolveRequest): Promise<Result<OutboxView>>;
  open(conflictId?: string | null): void;
  close(): void;
  showConflict(id: string | null): void;
  dismissToast(id: string): void;
  dismissMessage(): void;
  /** Stops listening to the API and the browser (tests, hot reload). */
  dispose(): void;
}

export type OutboxStore = StoreApi<OutboxUiState & { actions: OutboxActions }>;

export interface OutboxStoreDeps {
  newJobId?: () => string;
  /** A system notification for a toast (default: the browser's, only if already permitted). */
  notify?: (toast: OutboxToast) => void;
  /** Where 'online' is announced (default: window; tests pass an EventTarget). */
  online?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** A starting view (tests rendering a known outbox); the host's list is still read. */
  initialView?: OutboxView;
}

/** Never asks for permission: a notification appears only if the owner allowed it before. */
export function systemNotify(toast: OutboxToast): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(toast.title, { body: toast.text, tag: toast.id });
  } catch {
    // Some shells (Android Chrome, locked-down desktops) refuse page notifications: the toast stays.
  }
}

export function createOutboxStore(api: RendererApi, deps: OutboxStoreDeps = {}): OutboxStore {
  const newJobId = deps.newJobId ?? (() => defaultJobId());
  const notify = deps.notify ?? systemNotify;
  const online = deps.online === undefined ? (typeof window === 'undefined' ? null : window) : deps.online;

  const store: OutboxStore = createStore<OutboxUiState & { actions: OutboxActions }>()((set, get) => {
    const apply = (f: (s: OutboxUiState) => OutboxUiState) => set((s) => f(s));

    /** Applies a view and raises a system notification for each new toast it brought. */
    const arrived = (view: OutboxView) => {
      const before = new Set(get().toasts.map((t) => t.id));
      apply((s) => O.viewArrived(s, view));
      for (const t of get().toasts) if (!before.has(t.id)) notify(t);
    };

    const actions: OutboxActions = {
      async load() {
        apply(O.loadStarted);
        const res = await api.call('outbox.list', {});
        if (res.ok) arrived(res.value);
        else apply((s) => O.callFailed(s, res.error));
      },

      async send(id, opts = {}) {
        if (get().sending) return;
        const jobId = newJobId();
        apply((s) => O.sendStarted(s, jobId, id));
        const res = await api.call('outbox.send', id === undefined ? { jobId } : { jobId, id });
        if (res.ok) arrived(res.value);
        const quietBusy = !res.ok && opts.quiet === true && res.error.code === O.OUTBOX_BUSY;
        apply((s) => O.sendFinished(s, jobId, res.ok || quietBusy ? null : res.error));
      },

      async cancelSend() {
        const sending = get().sending;
        if (!sending || sending.cancelling) return;
        apply(O.sendCancelling);
        const res = await api.call('job.cancel', { jobId: sending.jobId });
        if (!res.ok) apply((s) => (s.sending?.jobId === sending.jobId ? { ...s, sending: { ...s.sending, cancelling: false }, error: res.error } : s));
      },

      async remove(id) {
        apply((s) => ({ ...s, busyId: id, error: null, notice: null }));
        const res = await api.call('outbox.remove', { id });
        if (!res.ok) return apply((s) => O.callFailed(s, res.error));
        arrived(res.value);
        apply((s) => ({ ...s, busyId: null, notice: 'Removed from the outbox. Your draft is kept.' }));
      },

      async resolve(request) {
        apply((s) => ({ ...s, busyId: request.id, error: null, notice: null }));
        const res = await api.call('outbox.resolve', request);
        if (!res.ok) {
          apply((s) => O.callFailed(s, res.error));
          return res;
        }
        arrived(res.value);
        // "Keep mine" puts the job back in the queue; the host sends it within a moment by itself
        // (a send from here too would only find the outbox busy).
        apply((s) => ({ ...s, busyId: null, conflictId: null, notice: resolvedNotice(request.choice) }));
        return res;
      },

      open: (conflictId = null) => apply((s) => O.openOutbox(s, conflictId)),
      close: () => apply(O.closeOutbox),
      showConflict: (id) => apply((s) => (id === null ? { ...s, conflictId: null } : O.openOutbox(s, id))),
      dismissToast: (id) => apply((s) => O.dismissToast(s, id)),
      dismissMessage: () => apply(O.dismissMessage),

      dispose() {
        stopChanged();
        stopProgress();
        online?.removeEventListener('online', onOnline);
      },
    };

    const stopChanged = api.on('outbox.changed', (view) => arrived(view));
    const stopProgress = api.on('job.progress', (p) => apply((s) => O.sendProgress(s, p)));
    // The browser noticed the network is back: try the queue now rather than at the host's next probe.
    const onOnline = () => {
      if (O.sendableCount(get().view) > 0) void actions.send(undefined, { quiet: true });
    };
    online?.addEventListener('online', onOnline);

    return { ...O.initialOutboxState, view: deps.initialView ?? null, actions };
  });

  void store.getState().actions.load();
  return store;
}

function resolvedNotice(choice: OutboxResolveRequest['choice']): string {
  if (choice === 'theirs') return 'Kept their version. Your queued publish was dropped; your draft is still on the start page.';
  if (choice === 'mine') return 'Your version is queued again, on top of theirs, and goes out in a moment.';
  return 'Your draft now starts from their version, with your changes carried over. Review it and publish again.';
}
