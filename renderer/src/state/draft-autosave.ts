// Browser (renderer). Saves the owner's draft as they work: created as soon as a file is open
// (draft.save without id), then saved on every change of what a draft holds, debounced. Never
// two saves in flight for one draft (the newest content waits and goes next); a failed save is
// retried with the newest content, which stays in memory until a save succeeds; everything
// waiting is sent at once when the page is hidden or left. It also keeps Home's list current
// (after a save, and when the outbox moves a draft's job on).

import type { DraftContent } from '../../../shared/core/api/draft-types';
import type { RendererApi } from '../api/renderer-api';
import { draftContentOf, hasDraftContent } from './draft-content';
import type { DraftSaveStatus } from './draft-list-state';
import type { ImportState } from './import-state';
import type { ImportStore } from './import-store';

export interface AutosaveOptions {
  /** Quiet time after the last change before saving (ms). */
  delayMs?: number;
  /** First retry after a failed save (ms); doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Where visibilitychange / pagehide come from (the window; absent in tests). */
  page?: { addEventListener(type: string, l: () => void): void; removeEventListener(type: string, l: () => void): void };
  /** Whether the page is hidden now (document.visibilityState === 'hidden'). */
  isHidden?: () => boolean;
  now?: () => Date;
}

export interface Autosave {
  /** Sends every waiting change now; resolves when nothing is waiting or in flight (or a save failed). */
  flush(): Promise<void>;
  stop(): void;
}

/** One draft being saved: created by the flow that opened its file, or reopened by id. */
interface Slot {
  flow: number;
  id: string | null;
  /** JSON of the content the host confirmed. */
  savedJson: string | null;
  /** The newest content not yet confirmed. */
  latest: { content: DraftContent; json: string } | null;
  inFlight: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  failures: number;
  force: number;
}

/** The autosaves running in this page (one in the app; tests may start several). */
const running = new Set<Autosave>();

/**
 * Sends every draft change still waiting, and resolves when the host has them (or a save
 * failed): for whatever reads a draft back right after the owner typed (reopening it, queuing
 * its publish in the outbox).
 */
export async function flushDraftAutosave(): Promise<void> {
  await Promise.all([...running].map((a) => a.flush()));
}

export function startDraftAutosave(store: ImportStore, api: RendererApi, options: AutosaveOptions = {}): Autosave {
  const delayMs = options.delayMs ?? 500;
  const retryMs = options.retryMs ?? 1000;
  const maxRetryMs = options.maxRetryMs ?? 15_000;
  const now = options.now ?? (() => new Date());
  /** Keyed by draft id once known, by "flow:n" while the draft is being created. */
  const slots = new Map<string, Slot>();
  let stopped = false;
  let lastSeen: unknown[] = [];

  const get = () => store.getState();
  const isCurrent = (slot: Slot): boolean => {
    const s = get();
    return slot.id !== null ? s.draftId === slot.id : s.draftId === null && s.flow === slot.flow;
  };
  const setStatus = (slot: Slot, next: Pick<DraftSaveStatus, 'status' | 'savedAt' | 'reason'>) => {
    if (!isCurrent(slot)) return;
    const cur = get().draftSave;
    if (cur.status === next.status && cur.savedAt === next.savedAt && cur.reason === next.reason) return;
    // The request counter and the landing step belong to the actions: kept as they are.
    const { status: _status, savedAt: _savedAt, reason: _reason, ...keep } = cur;
    store.setState({ draftSave: { ...keep, ...next } });
  };

  /** Home's list, when it is on screen and was read already, is read again. */
  const refreshHomeList = () => {
    const s = get();
    if (s.screen === 'home' && s.drafts.items !== null) void s.actions.loadDrafts();
  };

  function schedule(slot: Slot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.timer = null;
      void send(slot);
    }, ms);
  }

  function send(slot: Slot): Promise<void> {
    if (slot.inFlight) return slot.inFlight;
    if (!slot.latest || stopped) return Promise.resolve();
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = null;
    }
    const take = slot.latest;
    setStatus(slot, { status: 'saving' });
    slot.inFlight = (async () => {
      const res = await api.call('draft.save', slot.id !== null ? { id: slot.id, content: take.content } : { content: take.content });
      slot.inFlight = null;
      if (!res.ok) {
        slot.failures += 1;
        setStatus(slot, { status: 'retrying', reason: res.error.message });
        if (!stopped) schedule(slot, Math.min(retryMs * 2 ** (slot.failures - 1), maxRetryMs));
        return;
      }
      slot.failures = 0;
      slot.savedJson = take.json;
      if (slot.latest === take) slot.latest = null;
      if (slot.id === null) adopt(slot, res.value.id);
      if (slot.latest) {
        // Typed while this save was out: the newest content goes next, after the usual pause.
        schedule(slot, delayMs);
        return;
      }
      setStatus(slot, { status: 'saved', savedAt: res.value.updatedAt || now().toISOString() });
      refreshHomeList();
    })();
    return slot.inFlight;
  }

  /** The host named the new draft: the flow that made it (if still on screen) now edits it by id. */
  function adopt(slot: Slot, id: string): void {
    slots.delete(`flow:${slot.flow}`);
    slot.id = id;
    slots.set(id, slot);
    const s = get();
    if (s.draftId === null && s.flow === slot.flow) store.setState({ draftId: id });
  }

  function observe(s: ImportState): void {
    if (stopped) return;
    // Only the parts a draft holds matter; progress events and the like are skipped cheaply.
    const seen = [s.draft, s.choices, s.publish.extraSheets, s.source, s.screen, s.draftId, s.draftInfo, s.draftSource, s.flow, s.draftSave.force, s.busy];
    if (seen.length === lastSeen.length && seen.every((v, i) => v === lastSeen[i])) return;
    lastSeen = seen;
    // Whatever belongs to a draft no longer on screen goes out now instead of waiting.
    for (const slot of slots.values()) if (!isCurrent(slot) && slot.latest && !slot.inFlight) void send(slot);
    // While a file is being added or opened the state is half-built (a reopened draft without its
    // file yet): it is looked at again once the flow is idle.
    if (!hasDraftContent(s) || s.busy !== 'idle') return;
    const key = s.draftId ?? `flow:${s.flow}`;
    const content = draftContentOf(s);
    const json = JSON.stringify(content);
    const force = s.draftSave.force ?? 0;
    let slot = slots.get(key);
    if (!slot) {
      slot = { flow: s.flow, id: s.draftId, savedJson: null, latest: null, inFlight: null, timer: null, failures: 0, force };
      slots.set(key, slot);
      // A reopened draft starts out as saved: opening it must not count as a change.
      if (s.draftId !== null) {
        slot.savedJson = json;
        return;
      }
    } else if (slot.flow !== s.flow) {
      // The same draft opened again: what it holds now is what was saved (unless a change of the
      // earlier visit is still waiting, which then goes out as usual).
      slot.flow = s.flow;
      slot.force = force;
      if (!slot.latest && !slot.inFlight) {
        slot.savedJson = json;
        return;
      }
    }
    const forced = force !== slot.force;
    slot.force = force;
    if (!forced && json === (slot.latest?.json ?? slot.savedJson)) return;
    slot.latest = { content, json };
    setStatus(slot, { status: 'saving' });
    // While a save is out or a retry waits, the newest content just replaces what goes next.
    if (!slot.inFlight && slot.failures === 0) schedule(slot, delayMs);
  }

  async function flush(): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const busy = [...slots.values()].filter((slot) => slot.latest || slot.inFlight);
      if (busy.length === 0) return;
      const before = busy.map((slot) => slot.failures);
      await Promise.all(busy.map((slot) => send(slot)));
      if (busy.some((slot, i) => slot.failures > before[i]!)) return;
    }
  }

  const unsubscribe = store.subscribe(observe);
  // A draft's outbox job moved on (queued, sending, published, conflict): Home's badges follow.
  const stopOutbox = api.on('outbox.changed', refreshHomeList);
  observe(get());
  const onHide = () => {
    if (options.isHidden && !options.isHidden()) return;
    void flush();
  };
  const onPageHide = () => void flush();
  options.page?.addEventListener('visibilitychange', onHide);
  options.page?.addEventListener('pagehide', onPageHide);

  const autosave: Autosave = {
    flush,
    stop() {
      running.delete(autosave);
      stopped = true;
      unsubscribe();
      stopOutbox();
      options.page?.removeEventListener('visibilitychange', onHide);
      options.page?.removeEventListener('pagehide', onPageHide);
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
    },
  };
  running.add(autosave);
  return autosave;
}
