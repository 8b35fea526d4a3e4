// Browser (renderer). Entry point: connects to Mesh Desk (preload or loopback host) and mounts.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api';
import { App } from './app';
import { createImportStore } from './state/import-store';
import { StoreProvider } from './state/store-context';
import { startDraftAutosave } from './state/draft-autosave';
import { createOutboxStore } from './state/outbox-store';
import { OutboxProvider } from './state/outbox-context';
import './styles/base.css';
import './styles/controls.css';
import './styles/home.css';
import './styles/import.css';
import './styles/grid.css';
import './styles/problems.css';
import './styles/steps.css';
import './styles/describe.css';
import './styles/check.css';
import './styles/roundtrip.css';
import './styles/outbox.css';
import './styles/drafts.css';

const store = createImportStore(getApi());
// Drafts save as the owner works, and whatever waits goes out when the tab is hidden or closed.
startDraftAutosave(store, getApi(), { page: window, isHidden: () => document.visibilityState === 'hidden' });
const outboxStore = createOutboxStore(getApi());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <OutboxProvider store={outboxStore}>
          <App />
        </OutboxProvider>
      </StoreProvider>
    </StrictMode>,
  );
}
