// Browser (renderer). Hands the import store to the screens through React context, so tests or
// a future drafts feature can supply another store without touching the components.

import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ImportActions, ImportStore } from './import-store';
import type { ImportState } from './import-state';

const StoreContext = createContext<ImportStore | null>(null);

export function StoreProvider({ store, children }: { store: ImportStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useImportStore(): ImportStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider is missing above this component');
  return store;
}

/** Selects a slice of state. Return existing objects or primitives, not new objects. */
export function useImport<T>(selector: (s: ImportState) => T): T {
  return useStore(useImportStore(), selector);
}

export function useActions(): ImportActions {
  return useStore(useImportStore(), (s) => s.actions);
}
