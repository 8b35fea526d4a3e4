// Browser (renderer). The shell: top bar, messages, and the current screen.

import { useEffect } from 'react';
import { ErrorBanner, NoticeBanner } from './components/error-banner';
import { Logo } from './components/logo';
import { StepNav } from './components/step-nav';
import { CatalogScreen } from './screens/catalog-screen';
import { CheckScreen } from './screens/check-screen';
import { DescribeScreen } from './screens/describe-screen';
import { HomeScreen } from './screens/home-screen';
import { ImportScreen } from './screens/import-screen';
import { PublishScreen } from './screens/publish-screen';
import { SettingsScreen } from './screens/settings-screen';
import type { Screen } from './state/import-state';
import { canLeaveImport, publishBlockedReason } from './state/steps-state';
import { useActions, useImport } from './state/store-context';
import './styles/publish.css';

const SCREENS: Record<Screen, () => React.JSX.Element | null> = {
  home: HomeScreen,
  import: ImportScreen,
  describe: DescribeScreen,
  check: CheckScreen,
  publish: PublishScreen,
};

export function App() {
  const actions = useActions();
  const screen = useImport((s) => s.screen);
  const error = useImport((s) => s.error);
  const errorFile = useImport((s) => s.errorFile);
  const notice = useImport((s) => s.notice);
  const mode = useImport((s) => s.appInfo?.mode);
  const ready = useImport(canLeaveImport);
  const publishBlocked = useImport(publishBlockedReason);
  const settingsOpen = useImport((s) => s.settings.open);
  const catalogOpen = useImport((s) => s.catalog.open);
  const productOpen = useImport((s) => s.catalog.product?.name ?? null);
  // Settings and the Catalog lie over the import flow, which stays as it was underneath.
  const overlay = settingsOpen || catalogOpen;
  const Current = settingsOpen ? SettingsScreen : catalogOpen ? CatalogScreen : SCREENS[screen];

  useEffect(() => {
    // A new step starts at the top, with focus on the page so screen readers announce it.
    if (screen === 'home' && !overlay) return;
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [screen, overlay, settingsOpen, productOpen]);

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
            onClick={() => !settingsOpen && void actions.openSettings()}
          >
            Settings
          </button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {screen !== 'home' && !overlay && (
          <StepNav
            current={screen}
            blockedReason={ready ? null : 'Available once the sheet has been read with your choices.'}
            publishBlockedReason={publishBlocked}
            onGo={actions.goTo}
          />
        )}
        {error && !overlay && <ErrorBanner error={error} fileName={errorFile} onDismiss={actions.dismissError} />}
        {notice && !overlay && <NoticeBanner text={notice} onDismiss={actions.dismissNotice} />}
        <Current />
      </main>
    </div>
  );
}
