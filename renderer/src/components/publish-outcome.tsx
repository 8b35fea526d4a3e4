// Browser (renderer). The two endings of a publish that are not plain errors: someone else
// published first (the draft is kept; check again against their version), and success.

import type { ReactNode } from 'react';
import type { PublishResult } from '../../../shared/core/api/contract';
import type { AppError } from '../../../shared/core/result';
import { doneSizeText, doneTitle, formatWhen } from '../lib/publish-view';

export function PublishConflict({ conflict, onCheckAgain }: { conflict: AppError; onCheckAgain(): void }) {
  return (
    <div className="banner banner-error" role="alert" data-testid="publish-conflict">
      <div className="banner-body">
        <p className="banner-title">Someone else published this product first</p>
        <p className="banner-message">{conflict.message}</p>
        <p className="banner-place">Your file, description and decisions are kept. Check again to see the version number against what they published.</p>
      </div>
      <button type="button" className="button button-primary" data-testid="publish-check-again" onClick={onCheckAgain}>
        Check again
      </button>
    </div>
  );
}

export function PublishDone({ result, onHome, onAgain }: { result: PublishResult; onHome(): void; onAgain(): void }) {
  return (
    <section className="card form-section publish-done" data-testid="publish-done" aria-labelledby="publish-done-title">
      <h2 id="publish-done-title">{doneTitle(result)}</h2>
      <PublishDoneFacts result={result} data={doneSizeText(result)} />
      {!result.catalogUpdated && (
        <p className="banner banner-notice" role="note" data-testid="publish-catalog-note">
          The product is published and its address works, but the catalog could not be updated just now. It catches up by itself;
          colleagues searching the catalog may not find the new version for a little while.
        </p>
      )}
      {result.cleanedUp > 0 && (
        <p className="muted small">
          Mesh Desk also removed {result.cleanedUp === 1 ? '1 file' : `${result.cleanedUp} files`} left over from an earlier publish that did not finish.
        </p>
      )}
      <div className="step-actions">
        <button type="button" className="button" data-testid="publish-home" onClick={onHome}>
          Back to start
        </button>
        <button type="button" className="button button-primary" data-testid="publish-again" onClick={onAgain}>
          Publish another version
        </button>
      </div>
    </section>
  );
}

/** Where a published version is and when it went out; `data` says what readers get (a file or a description-only publish). */
export function PublishDoneFacts({ result, data, dataTestId }: { result: PublishResult; data: ReactNode; dataTestId?: string }) {
  return (
    <dl className="fact-lines">
      <div>
        <dt>Address</dt>
        <dd>
          <code className="address is-selectable" data-testid="publish-done-address">
            {result.address}
          </code>
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>{formatWhen(result.publishedAt)}</dd>
      </div>
      <div>
        <dt>Data</dt>
        <dd data-testid={dataTestId}>{data}</dd>
      </div>
    </dl>
  );
}
