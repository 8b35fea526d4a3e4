// Browser (renderer). The shell: top bar, messages, and the current screen.

import { useEffect } from 'react';
import { DraftSaveStatus } from './components/draft-save-status';
import { ErrorBanner, NoticeBanner } from './components/error-banner';
import { Logo } from './components/logo';
import { OutboxBadge } from './components/outbox-badge';
import { OutboxToasts } from './components/outbox-toasts';
import { StepNav } from './components/step-nav';
import { CatalogScreen } from './screens/catalog-screen';
import { CheckScreen } from './screens/check-screen';
import { DescribeScreen } from './screens/describe-screen';
import { HomeScreen } from './screens/home-screen';
import { ImportScreen } from './screens/import-screen';
import { OutboxScreen } from './screens/outbox-screen';
import { PublishScreen } from './screens/publish-screen';
import { SettingsScreen } from './screens/settings-screen';
import type { Screen } from './state/import-state';
import { canLeaveImport, publishBlockedReason } from './state/steps-state';
import { useActions, useImport } from './state/store-context';
import { isMetaEdit } from './state/meta-edit-state';
import { useOutbox, useOutboxActions } from './state/outbox-context';
import './styles/publish.css';

const SCREENS: Record<Screen, () => React.JSX.Element | null> = {
  home: HomeScreen,
  import: ImportScreen,
  describe: DescribeScreen,
  check: CheckScreen,
  publish: PublishScreen,
};

/** "Edit description" of a published product: no file to read, nothing to check but the words. */
const META_STEPS: readonly Screen[] = ['describe', 'publish'];

export function App() {
  const actions = useActions();
  const screen = useImport((s) => s.screen);
  const error = useImport((s) => s.error);
  const errorFile = useImport((s) => s.errorFile);
  const notice = useImport((s) => s.notice);
  const mode = useImport((s) => s.appInfo?.mode);
  const ready = useImport(canLeaveImport);
  const publishBlocked = useImport(publishBlockedReason);
  const metaOnly = useImport(isMetaEdit);
  const settingsOpen = useImport((s) => s.settings.open);
  const catalogOpen = useImport((s) => s.catalog.open);
  const productOpen = useImport((s) => s.catalog.product?.name ?? null);
  const outboxOpen = useOutbox((s) => s.open);
  const outbox = useOutboxActions();
  // Settings, the Catalog and the Outbox lie over the import flow, which stays as it was underneath.
  const overlay = settingsOpen || catalogOpen || outboxOpen;
  const Current = outboxOpen ? OutboxScreen : settingsOpen ? SettingsScreen : catalogOpen ? CatalogScreen : SCREENS[screen];

  useEffect(() => {
    // A new step starts at the top, with focus on the page so screen readers announce it.
    if (screen === 'home' && !overlay) return;
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [screen, overlay, settingsOpen, productOpen, outboxOpen]);

  useEffect(() => {
    void actions.loadAppInfo();
  }, [actions]);

  useEffect(() => {
    // A file dropped outside the drop zone would otherwise make the browser navigate to it.
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-bar">
        <div className="brand">
          <Logo />
          <span className="brand-name">Mesh Desk</span>
        </div>
        <div className="app-bar-end">
          {mode === 'browser' && <span className="mode-tag" title="Mesh Desk is running in your web browser on this computer only.">In your browser</span>}
          <button
            type="button"
            className="button button-small"
            data-testid="open-catalog"
            aria-current={catalogOpen && !settingsOpen ? 'page' : undefined}
            onClick={() => {
              if (outboxOpen) outbox.close();
              // On a product page the button leads back to the list, as the reader would expect.
              if (catalogOpen && !settingsOpen) return productOpen !== null ? actions.closeProduct() : undefined;
              void actions.openCatalog();
            }}
          >
            Catalog
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="open-settings"
            aria-current={settingsOpen ? 'page' : undefined}
            onClick={() => {
              if (outboxOpen) outbox.close();
              if (!settingsOpen) void actions.openSettings();
            }}
          >
            Settings
          </button>
          <OutboxBadge />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {screen !== 'home' && !overlay && (
          <div className="steps-bar">
            {metaOnly ? (
              <StepNav current={screen} blockedReason={null} only={META_STEPS} onGo={(to) => actions.goToMetaStep(to === 'publish' ? 'publish' : 'describe')} />
            ) : (
              <StepNav
                current={screen}
                blockedReason={ready ? null : 'Available once the sheet has been read with your choices.'}
                publishBlockedReason={publishBlocked}
                onGo={actions.goTo}
              />
            )}
            <DraftSaveStatus />
          </div>
        )}
        {error && !overlay && <ErrorBanner error={error} fileName={errorFile} onDismiss={actions.dismissError} />}
        {notice && !overlay && <NoticeBanner text={notice} onDismiss={actions.dismissNotice} />}
        <Current />
      </main>
      <OutboxToasts />
    </div>
  );
}
