// Browser (renderer). What the Publish step shows before the owner presses Publish: where it
// goes, the product's address, the version and why, and what consumers will see.

import type { PublishProposal } from '../../../shared/core/api/contract';
import { cannotPublishText, currentVersionText, partsText, policyText } from '../lib/publish-view';

export function PublishDestination({ proposal, onChangeMesh }: { proposal: PublishProposal; onChangeMesh(): void }) {
  return (
    <section className="card form-section publish-facts" aria-labelledby="publish-where">
      <h2 id="publish-where">Where it goes</h2>
      <dl className="fact-lines">
        <div data-testid="publish-mesh">
          <dt>Mesh</dt>
          <dd>
            <span className="fact-strong">{proposal.meshName}</span> <code className="address">{proposal.mesh}</code>{' '}
            <button type="button" className="button-link" data-testid="publish-change-mesh" onClick={onChangeMesh}>
              Change…<span className="sr-only"> the mesh (opens Settings)</span>
            </button>
          </dd>
        </div>
        <div data-testid="publish-address">
          <dt>Product</dt>
          <dd>
            <span className="fact-strong">{proposal.product}</span> <code className="address">{proposal.address}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function PublishVersionFacts({ proposal }: { proposal: PublishProposal }) {
  return (
    <section className="card form-section" aria-labelledby="publish-version-title">
      <h2 id="publish-version-title">Version</h2>
      <p data-testid="publish-version">
        <span className="muted">{currentVersionText(proposal)}</span> → <span className="fact-strong">new version {proposal.version}</span>
      </p>
      <p data-testid="publish-reason">{proposal.reason}</p>
      {proposal.changes.length > 0 && (
        <ul className="change-list" data-testid="publish-changes" aria-label="What changed since the published version">
          {proposal.changes.map((c, i) => (
            <li key={`${c.endpoint}-${i}`}>
              <span className={`level-tag level-${c.level}`}>{c.level}</span> {c.text}
              {c.endpoint !== 'default' && <span className="muted"> (in {c.endpoint})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PublishSummary({ proposal }: { proposal: PublishProposal }) {
  return (
    <section className="card form-section" aria-labelledby="publish-summary-title" data-testid="publish-summary">
      <h2 id="publish-summary-title">What consumers will see</h2>
      <ul className="endpoint-list">
        {proposal.endpoints.map((e) => (
          <li key={e.name}>
            <span className="fact-strong">{e.name}</span> <span className="muted">from sheet “{e.sheet}”</span> — {partsText(e, proposal.partRows)}, {e.columns}{' '}
            {e.columns === 1 ? 'column' : 'columns'}
          </li>
        ))}
      </ul>
      <p className="muted small">{policyText(proposal.policySource)}</p>
    </section>
  );
}

export function CannotPublish({ proposal, onBack }: { proposal: PublishProposal; onBack(): void }) {
  return (
    <div className="banner banner-error" role="alert" data-testid="publish-blocked">
      <div className="banner-body">
        <p className="banner-title">This cannot be published yet</p>
        <p className="banner-message">{cannotPublishText(proposal.check)}</p>
      </div>
      <button type="button" className="button" onClick={onBack}>
        Back to Check
      </button>
    </div>
  );
}
