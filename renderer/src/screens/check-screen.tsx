// Browser (renderer). Step 3: the data checked against the owner's description and the
// company's rules. Warnings can be accepted with a written reason; blocking findings cannot.
// "Publish…" opens the Publish step, which prepares the publish with these same inputs.

import { useMemo } from 'react';
import { CheckTiles, ColumnBadges } from '../components/check-tiles';
import { FindingsList } from '../components/findings-list';
import { JobProgressPanel } from '../components/job-progress';
import { ProblemsPanel } from '../components/problems-panel';
import { WhatChanged } from '../components/what-changed';
import { checkTotals, groupFindings } from '../lib/check-view';
import { plural } from '../lib/format';
import * as D from '../state/describe-state';
import { checkIsStale, chosenSheetReport } from '../state/steps-state';
import { useActions, useImport } from '../state/store-context';

export function CheckScreen() {
  const actions = useActions();
  const overview = useImport((s) => s.overview);
  const report = useImport((s) => s.checkReport);
  const sheetName = useImport((s) => s.choices.sheet);
  const current = useImport(chosenSheetReport);
  const job = useImport((s) => s.job);
  const waivers = useImport((s) => s.draft.waivers);
  const stale = useImport(checkIsStale);
  const saving = useImport((s) => s.saving);
  const title = useImport((s) => s.draft.meta.title);
  const sheet = report?.sheets.find((x) => x.name === sheetName) ?? current;
  const check = report?.check;
  const groups = useMemo(() => (check && sheet ? groupFindings(check.findings, sheet.columns, waivers) : []), [check, sheet, waivers]);
  const totals = useMemo(() => (check ? checkTotals(check, waivers) : null), [check, waivers]);
  if (!overview || !sheet) return null;

  const checking = job?.purpose === 'check';
  const canPublish = !!totals?.canPublish && !stale && !job;
  const publishWhy = !report
    ? 'Run the check first.'
    : stale
      ? 'Check again: the data or its description changed.'
      : !check
        ? 'Your company’s rules have not been applied yet.'
        : totals && totals.blocking > 0
          ? `Fix ${plural(totals.blocking, 'finding')} that stop publishing first.`
          : null;

  return (
    <div className="check" data-testid="check-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 3 of 4 · Check</p>
          <h1>Check “{title?.trim() || overview.source.name}”</h1>
          <p className="muted">Mesh Desk reads every row again and compares it with your description and your company’s rules.</p>
        </div>
      </header>

      {job && <JobProgressPanel job={job} sheet={sheetName} onCancel={() => void actions.cancelJob()} />}

      {!job && !report && (
        <div className="empty-state">
          <p>The check has not run yet.</p>
          <button type="button" className="button button-primary" data-testid="run-check" onClick={() => void actions.runCheck()}>
            Run the check
          </button>
        </div>
      )}
      {!job && report && stale && (
        <div className="banner banner-notice" role="status">
          <p className="banner-message">You changed the data or its description after this check ran. The results below may be out of date.</p>
          <button type="button" className="button button-primary" data-testid="run-check" onClick={() => void actions.runCheck()}>
            Check again
          </button>
        </div>
      )}

      <WhatChanged />

      {report && (
        <div className={checking ? 'is-stale' : undefined}>
          <CheckTiles sheet={sheet} totals={totals} />
          {!check && (
            <div className="banner banner-notice" role="note" data-testid="check-missing">
              <p className="banner-message">
                This Mesh Desk could not yet apply your company’s rules or your column descriptions. Below are the problems found while
                reading the file; the full check comes with the next update.
              </p>
            </div>
          )}
          {check && (
            <div className="check-body">
              <ColumnBadges sheet={sheet} check={check} waivers={waivers} />
              <FindingsList
                groups={groups}
                showSheet={overview.sheets.length > 1}
                onWaive={(t, reason) => actions.updateDraft((d) => D.addWaiver(d, t, reason, new Date().toISOString()))}
                onUndo={(t) => actions.updateDraft((d) => D.removeWaiver(d, t))}
              />
            </div>
          )}
          {!check && <ProblemsPanel problems={report.problems} showSheet={overview.sheets.length > 1} />}
        </div>
      )}

      <div className="step-actions">
        <button type="button" className="button" data-testid="back-to-describe" onClick={() => actions.goTo('describe')}>
          Back to Describe
        </button>
        <div className="step-actions-end">
          {publishWhy && (
            <p className="muted small" id="publish-why">
              {publishWhy}
            </p>
          )}
          <button type="button" className="button" data-testid="save-report" disabled={!!job || saving} onClick={() => void actions.saveReport()}>
            {saving ? 'Saving the report…' : 'Save report as Excel'}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="publish"
            disabled={!canPublish}
            aria-describedby={publishWhy ? 'publish-why' : undefined}
            onClick={() => void actions.startPublish()}
          >
            Publish…
          </button>
        </div>
      </div>
    </div>
  );
}
