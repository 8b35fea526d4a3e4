// Browser (renderer). Step 4: publish. The host checks the data against the mesh's rules and
// proposes a version; the owner sees where it goes and what readers will get, chooses the
// version, and publishes with progress. Every outcome is shown in words, including "someone
// else published first", which keeps the draft and offers to check again.

import { ErrorBanner, NoticeBanner } from '../components/error-banner';
import { JobProgressPanel } from '../components/job-progress';
import { CannotPublish, PublishDestination, PublishSummary, PublishVersionFacts } from '../components/publish-proposal';
import { PublishConflict, PublishDone } from '../components/publish-outcome';
import { PublishProgress } from '../components/publish-progress';
import { OutboxQueued } from '../components/outbox-queued';
import { VersionChoice } from '../components/version-choice';
import { ExtraSheets } from '../components/extra-sheets';
import { totalParts } from '../lib/publish-view';
import type { JobState } from '../state/import-state';
import { canRun, chosenVersion } from '../state/publish-state';
import { useActions, useImport } from '../state/store-context';
import { isMetaEdit } from '../state/meta-edit-state';
import { MetaEditPublish } from './meta-edit-publish';

export function PublishScreen() {
  const actions = useActions();
  const pub = useImport((s) => s.publish);
  const title = useImport((s) => s.draft.meta.title);
  const fileName = useImport((s) => s.overview?.source.name ?? null);
  const sheetName = useImport((s) => s.choices.sheet);
  const sheets = useImport((s) => (s.overview?.format === 'xlsx' ? s.overview.sheets : null));
  const metaOnly = useImport(isMetaEdit);
  const { stage, job, proposal, conflict } = pub;
  const version = chosenVersion(pub);

  // The prepare job reads the file like a check does: the same progress panel as the other steps.
  const prepareJob: JobState | null =
    job?.kind === 'prepare' ? { id: job.id, request: { jobId: job.id, sourceId: pub.request?.sourceId ?? '' }, progress: job.progress, cancelling: job.cancelling } : null;

  // "Edit description": publish.prepareMeta and no data sent (meta-edit-publish.tsx).
  if (metaOnly) return <MetaEditPublish />;
  return (
    <div className="check publish" data-testid="publish-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 4 of 4 · Publish</p>
          <h1>Publish “{title?.trim() || fileName || 'your data'}”</h1>
          <p className="muted">Mesh Desk checks your data against the mesh’s rules once more, then writes it as a new version that colleagues can use.</p>
        </div>
      </header>

      {pub.error && <ErrorBanner error={pub.error} fileName={null} onDismiss={actions.dismissPublishMessage} />}
      {pub.notice && <NoticeBanner text={pub.notice} onDismiss={actions.dismissPublishMessage} />}
      {prepareJob && <JobProgressPanel job={prepareJob} sheet={sheetName} onCancel={() => void actions.cancelPublish()} />}

      {stage === 'idle' && (
        <div className="empty-state">
          <p>Nothing is prepared for publishing right now.</p>
          <button type="button" className="button button-primary" data-testid="publish-prepare" onClick={() => void actions.preparePublish()}>
            {pub.error ? 'Try again' : 'Get ready to publish'}
          </button>
        </div>
      )}

      {stage === 'done' && pub.queued && <OutboxQueued job={pub.queued.job} reason={pub.queued.reason} onHome={() => void actions.backHome()} />}
      {stage === 'done' && pub.result && <PublishDone result={pub.result} onHome={() => void actions.backHome()} onAgain={actions.publishAgain} />}

      {(stage === 'ready' || stage === 'running') && proposal && (
        <>
          <PublishDestination proposal={proposal} onChangeMesh={() => void actions.openSettings()} />
          {conflict && <PublishConflict conflict={conflict} onCheckAgain={() => void actions.preparePublish()} />}
          <PublishVersionFacts proposal={proposal} />
          {proposal.check.canPublish && !conflict && (
            <VersionChoice proposal={proposal} chosen={pub.bump} disabled={stage === 'running'} onChoose={actions.chooseBump} />
          )}
          <PublishSummary proposal={proposal} />
          {sheets && <ExtraSheets sheets={sheets} main={sheetName} chosen={pub.extraSheets} disabled={stage === 'running'} onToggle={(sheet, on) => void actions.setExtraSheet(sheet, on)} />}
          {!proposal.check.canPublish && <CannotPublish proposal={proposal} onBack={() => actions.goTo('check')} />}
          {job?.kind === 'run' && <PublishProgress job={job} totalParts={totalParts(proposal)} version={version ?? proposal.version} onCancel={() => void actions.cancelPublish()} />}
        </>
      )}

      {stage !== 'done' && (
        <div className="step-actions">
          <button type="button" className="button" data-testid="back-to-check" disabled={stage === 'running'} onClick={() => actions.goTo('check')}>
            Back to Check
          </button>
          {proposal && proposal.check.canPublish && !conflict && stage !== 'preparing' && stage !== 'idle' && (
            <div className="step-actions-end">
              <button type="button" className="button button-primary" data-testid="publish-run" disabled={!canRun(pub)} onClick={() => void actions.runPublish()}>
                {stage === 'running' ? `Publishing v${version}…` : `Publish v${version}`}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
