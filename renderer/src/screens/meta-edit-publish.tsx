// Browser (renderer). The Publish step of "Edit description": the host checks the words against
// the mesh's rules and proposes a version (a patch unless the owner asks for more); the owner
// sees that no data is sent, chooses the version and publishes. Someone else's newer version is
// shown as a conflict (the draft is kept); an unreachable mesh puts the draft in the outbox.

import { ErrorBanner, NoticeBanner } from '../components/error-banner';
import { OutboxQueued } from '../components/outbox-queued';
import { PublishDestination, PublishVersionFacts } from '../components/publish-proposal';
import { PublishConflict, PublishDoneFacts } from '../components/publish-outcome';
import { VersionChoice } from '../components/version-choice';
import { canRun, chosenVersion } from '../state/publish-state';
import { useActions, useImport } from '../state/store-context';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function MetaEditPublish() {
  const actions = useActions();
  const pub = useImport((s) => s.publish);
  const title = useImport((s) => s.draft.meta.title);
  const base = useImport((s) => s.draftInfo?.base);
  const { stage, proposal, conflict, result } = pub;
  const version = chosenVersion(pub);
  const blocking = proposal?.check.findings.filter((f) => f.blocking) ?? [];

  return (
    <div className="check publish" data-testid="publish-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 2 of 2 · Publish</p>
          <h1>Publish the new description of “{title?.trim() || base?.product || 'this product'}”</h1>
          <p className="muted">Mesh Desk checks your description against the mesh’s rules, then publishes it as a new version. No data is sent: the rows stay as published.</p>
        </div>
      </header>

      {pub.error && <ErrorBanner error={pub.error} fileName={null} onDismiss={actions.dismissPublishMessage} />}
      {pub.notice && <NoticeBanner text={pub.notice} onDismiss={actions.dismissPublishMessage} />}
      {stage === 'preparing' && (
        <p className="muted" role="status" data-testid="meta-preparing">
          Checking your description against the mesh’s rules…
        </p>
      )}

      {stage === 'idle' && (
        <div className="empty-state">
          <p>Nothing is prepared for publishing right now.</p>
          <button type="button" className="button button-primary" data-testid="publish-prepare" onClick={() => void actions.prepareMetaPublish()}>
            {pub.error ? 'Try again' : 'Get ready to publish'}
          </button>
        </div>
      )}

      {stage === 'done' && pub.queued && <OutboxQueued job={pub.queued.job} reason={pub.queued.reason} onHome={() => void actions.backHome()} />}
      {stage === 'done' && result && (
        <section className="card form-section publish-done" data-testid="publish-done" aria-labelledby="meta-done-title">
          <h2 id="meta-done-title">
            Published the description of {result.product} as v{result.version}
          </h2>
          <PublishDoneFacts result={result} dataTestId="meta-done-data" data={`No data was sent: readers get the same ${plural(result.rows, 'row')} as before.`} />
          <div className="step-actions">
            <button type="button" className="button" data-testid="publish-home" onClick={() => void actions.backHome()}>
              Back to start
            </button>
            <button type="button" className="button button-primary" data-testid="publish-again" onClick={() => actions.goToMetaStep('describe')}>
              Edit the description again
            </button>
          </div>
        </section>
      )}

      {(stage === 'ready' || stage === 'running') && proposal && (
        <>
          <PublishDestination proposal={proposal} onChangeMesh={() => void actions.openSettings()} />
          {conflict && <PublishConflict conflict={conflict} onCheckAgain={() => void actions.prepareMetaPublish()} />}
          <PublishVersionFacts proposal={proposal} />
          {proposal.check.canPublish && !conflict && <VersionChoice proposal={proposal} chosen={pub.bump} disabled={stage === 'running'} onChoose={actions.chooseBump} />}
          <section className="card form-section" aria-labelledby="meta-data-title" data-testid="meta-no-data">
            <h2 id="meta-data-title">What consumers will see</h2>
            <p>
              <strong>No data is sent.</strong> The new version keeps the rows already published
              {base ? ` (from v${base.version})` : ''}; only its description changes.
            </p>
            <ul className="endpoint-list">
              {proposal.endpoints.map((e) => (
                <li key={e.name}>
                  <span className="fact-strong">{e.name}</span> — {plural(e.rows, 'row')}, {plural(e.columns, 'column')}, as published
                </li>
              ))}
            </ul>
          </section>
          {!proposal.check.canPublish && (
            <div className="banner banner-error" role="alert" data-testid="publish-blocked">
              <div className="banner-body">
                <p className="banner-title">This description cannot be published yet</p>
                <ul className="banner-message">
                  {blocking.map((f, i) => (
                    <li key={`${f.code}-${i}`}>{f.message}</li>
                  ))}
                </ul>
              </div>
              <button type="button" className="button" onClick={() => actions.goToMetaStep('describe')}>
                Back to Describe
              </button>
            </div>
          )}
        </>
      )}

      {stage !== 'done' && (
        <div className="step-actions">
          <button type="button" className="button" data-testid="back-to-describe" disabled={stage === 'running'} onClick={() => actions.goToMetaStep('describe')}>
            Back to Describe
          </button>
          {proposal && proposal.check.canPublish && !conflict && (stage === 'ready' || stage === 'running') && (
            <div className="step-actions-end">
              <button type="button" className="button button-primary" data-testid="publish-run" disabled={!canRun(pub)} onClick={() => void actions.runMetaPublish()}>
                {stage === 'running' ? `Publishing v${version}…` : `Publish v${version}`}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
