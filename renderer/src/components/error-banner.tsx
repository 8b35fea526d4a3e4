// Browser (renderer). The one place a failed step is shown: the message exactly as the host
// wrote it (it already says what happened and what to do), plus the place when given.

import type { AppError } from '../../../shared/core/result';
import { problemPlace } from '../lib/problems-view';

export function ErrorBanner({ error, fileName, onDismiss }: { error: AppError; fileName: string | null; onDismiss: () => void }) {
  const place = problemPlace({ sheet: error.sheet, row: error.row, column: error.column });
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-body">
        <p className="banner-title">{fileName ? `A problem with “${fileName}”` : 'Something went wrong'}</p>
        <p className="banner-message">{error.message}</p>
        {place && <p className="banner-place">Where: {place}</p>}
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss<span className="sr-only"> this message</span>
      </button>
    </div>
  );
}

export function NoticeBanner({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <div className="banner banner-notice" role="status">
      <p className="banner-message">{text}</p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
