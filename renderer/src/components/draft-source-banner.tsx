// Browser (renderer). A reopened draft whose file moved or changed: the host's words, and the
// way on — "Locate the file…" (another file becomes the draft's file) or, for a changed file,
// "Read it again". What the owner typed is kept either way, and the banner says so.

import { useEffect, useRef } from 'react';
import { useActions, useImport } from '../state/store-context';

export function DraftSourceBanner() {
  const actions = useActions();
  const problem = useImport((s) => s.draftSource);
  const nativeDialogs = useImport((s) => s.appInfo?.nativeDialogs ?? false);
  const busy = useImport((s) => s.busy !== 'idle');
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // The owner pressed Open far down the list: bring the banner into view so the answer is seen.
  useEffect(() => {
    if (problem) box.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  if (!problem) return null;
  const status = problem.check.status;
  const heading =
    status === 'changed'
      ? `The file of “${problem.title}” has changed`
      : status === 'missing'
        ? `The file of “${problem.title}” cannot be found`
        : `“${problem.title}” has no file yet`;
  const message =
    problem.check.message ?? (status === 'none' ? 'Add the file this draft is about to go on.' : 'Locate the file to go on.');
  return (
    <div ref={box} className="banner banner-notice draft-source-banner" role="alert" data-testid="draft-source-banner" data-status={status}>
      <div className="banner-body">
        <p className="banner-title">{heading}</p>
        <p className="banner-message">{message}</p>
        {/* The host's words usually say it already; said here only when they do not. */}
        {!/kept|lost/i.test(message) && <p className="banner-message">Your description, column notes and choices are kept.</p>}
        <div className="draft-source-actions">
          {status === 'changed' && (
            <button type="button" className="button button-primary" data-testid="draft-reread" disabled={busy} onClick={() => void actions.rereadDraftFile()}>
              Read it again
            </button>
          )}
          <button
            type="button"
            className={status === 'changed' ? 'button' : 'button button-primary'}
            data-testid="draft-locate"
            disabled={busy}
            onClick={() => (nativeDialogs ? void actions.locateDraftFile() : input.current?.click())}
          >
            Locate the file…
          </button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.tsv,.txt,.xlsx,.xlsm"
            data-testid="draft-locate-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void actions.locateDraftFile(file);
            }}
          />
        </div>
      </div>
      <button type="button" className="button button-quiet" onClick={actions.dismissDraftSource}>
        Close<span className="sr-only"> this message</span>
      </button>
    </div>
  );
}
