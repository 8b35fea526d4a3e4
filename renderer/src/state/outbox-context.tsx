// Browser (renderer). Hands the outbox store to the components through React context. Without a
// provider (a test rendering one screen) the outbox parts simply do not show.

import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { OutboxActions, OutboxStore } from './outbox-store';
import type { OutboxUiState } from './outbox-state';
import { initialOutboxState } from './outbox-state';

const OutboxContext = createContext<OutboxStore | null>(null);

export function OutboxProvider({ store, children }: { store: OutboxStore; children: ReactNode }) {
  return <OutboxContext.Provider value={store}>{children}</OutboxContext.Provider>;
}

const noop = async () => {};
const inert: OutboxActions = {
  load: noop, send: noop, cancelSend: noop, remove: noop,
  resolve: async () => ({ ok: false, error: { code: 'outbox.missing', message: 'The outbox is not available in this window.' } }),
  open: () => {}, close: () => {}, showConflict: () => {}, dismissToast: () => {}, dismissMessage: () => {}, dispose: () => {},
};
// A store that never changes, so the hooks below can be called unconditionally.
const fallback: OutboxStore = createStore<OutboxUiState & { actions: OutboxActions }>()(() => ({ ...initialOutboxState, actions: inert }));

/** True when an outbox store is provided (the components render nothing otherwise). */
export function useHasOutbox(): boolean {
  return useContext(OutboxContext) !== null;
}

/** Selects a slice of the outbox state. Return existing objects or primitives, not new objects. */
export function useOutbox<T>(selector: (s: OutboxUiState) => T): T {
  return useStore(useContext(OutboxContext) ?? fallback, selector);
}

export function useOutboxActions(): OutboxActions {
  return useStore(useContext(OutboxContext) ?? fallback, (s) => s.actions);
}
