// Browser (renderer). Settings: the meshes products can be published to. Opened from the app bar
// at any time or from the Publish step; "Back" returns to the screen the owner came from (that
// screen's state is untouched underneath).

import { ErrorBanner, NoticeBanner } from '../components/error-banner';
import { MeshForm } from '../components/mesh-form';
import { MeshList } from '../components/mesh-list';
import { useActions, useImport } from '../state/store-context';

export function SettingsScreen() {
  const actions = useActions();
  const state = useImport((s) => s.settings);
  const { settings, form, busy, error, notice, test, tried } = state;

  return (
    <div className="check settings" data-testid="settings-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Settings</p>
          <h1>Where products are published</h1>
          <p className="muted">A mesh is the shared place where your company keeps its data products: a folder, or a storage bucket in the cloud.</p>
        </div>
        <button type="button" className="button" data-testid="settings-back" onClick={actions.closeSettings}>
          Back
        </button>
      </header>

      {error && <ErrorBanner error={error} fileName={null} onDismiss={actions.dismissSettingsMessage} />}
      {notice && <NoticeBanner text={notice} onDismiss={actions.dismissSettingsMessage} />}

      <section className="card form-section" aria-labelledby="meshes-title">
        <h2 id="meshes-title">Your meshes</h2>
        {!settings && !error && <p className="muted">Loading your settings…</p>}
        {!settings && error && (
          <button type="button" className="button" onClick={() => void actions.loadSettings()}>
            Try again
          </button>
        )}
        {settings && (
          <MeshList
            settings={settings}
            busy={busy}
            onUse={(id) => void actions.useMesh(id)}
            onEdit={(id) => actions.startMeshForm(id)}
            onRemove={(id) => void actions.removeMesh(id)}
          />
        )}
      </section>

      {form && (
        <MeshForm
          form={form}
          tried={tried}
          keysPersist={settings?.keysPersist ?? false}
          keysRefused={settings?.keysRefused}
          busy={busy?.call === 'save'}
          test={test}
          edit={actions.editMeshForm}
          onSave={() => void actions.saveMesh()}
          onTest={() => void actions.testMesh()}
          onCancel={actions.cancelMeshForm}
        />
      )}
    </div>
  );
}
