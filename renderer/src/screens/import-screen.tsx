// Browser (renderer). The import screen: the file's facts, sheet and header choices, progress
// while reading, the preview grid with column types, and the problems found.

import { useCallback } from 'react';
import type { ColumnType } from '../../../shared/core/inspect/report';
import { HeaderRowPicker } from '../components/header-row-picker';
import { JobProgressPanel } from '../components/job-progress';
import { PreviewGrid } from '../components/preview-grid';
import { RecognizedBanner } from '../components/recognized-banner';
import { ProblemsPanel } from '../components/problems-panel';
import { SheetPicker } from '../components/sheet-picker';
import { plural, rowCountText, sourceFacts } from '../lib/format';
import { currentChoices, reportMatchesChoices } from '../state/import-state';
import { canLeaveImport } from '../state/steps-state';
import { useActions, useImport } from '../state/store-context';

export function ImportScreen() {
  const actions = useActions();
  const overview = useImport((s) => s.overview);
  const source = useImport((s) => s.source);
  const sheetName = useImport((s) => s.choices.sheet);
  const chosenHeader = useImport((s) => currentChoices(s).headerRow);
  const report = useImport((s) => s.report);
  const job = useImport((s) => s.job);
  const matches = useImport(reportMatchesChoices);
  const ready = useImport(canLeaveImport);
  // Stable, so the memoized column heads do not re-render when the screen does.
  const onTypeChange = useCallback(
    (i: number, t: ColumnType, inferred: ColumnType) => void actions.setColumnType(i, t, inferred),
    [actions],
  );
  if (!overview) return null;

  const sheetInfo = overview.sheets.find((s) => s.name === sheetName);
  const sheetReport = report?.sheets.find((s) => s.name === sheetName) ?? report?.sheets[0];
  const reportSameSheet = !!sheetReport && sheetReport.name === sheetName;
  const facts = sourceFacts({ format: overview.format, encoding: overview.encoding, delimiter: overview.delimiter, size: source?.size });
  const problems = report ? report.problems : overview.problems;
  const measured = Object.fromEntries((report?.sheets ?? []).map((s) => [s.name, { rows: s.rows, columns: s.columns.length }]));

  return (
    <div className="import" data-testid="import-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 1 of 4 · Check your data</p>
          <h1>{overview.source.name}</h1>
          <ul className="facts" aria-label="About this file">
            {facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
        <button type="button" className="button" onClick={() => void actions.backHome()}>
          Choose another file
        </button>
      </header>

      <RecognizedBanner />

      <div className="card choices">
        <SheetPicker sheets={overview.sheets} value={sheetName} measured={measured} onChange={(n) => void actions.chooseSheet(n)} />
        <HeaderRowPicker
          chosen={chosenHeader}
          reported={reportSameSheet && sheetReport ? { row: sheetReport.headerRow, detected: sheetReport.headerDetected } : null}
          maxRow={sheetInfo?.rowCount}
          reading={!!job}
          onChange={(row) => void actions.setHeaderRow(row)}
        />
      </div>

      {job && <JobProgressPanel job={job} sheet={sheetName} onCancel={() => void actions.cancelJob()} />}

      {report && !matches && !job && (
        <div className="banner banner-notice" role="status">
          <p className="banner-message">
            The preview below {reportSameSheet ? 'is from before your last change' : `still shows sheet “${sheetReport?.name ?? ''}”`}.
          </p>
          <button type="button" className="button button-primary" onClick={() => void actions.runInspect()}>
            Read the sheet again
          </button>
        </div>
      )}
      {!report && !job && (
        <div className="empty-state">
          <p>The sheet has not been read yet.</p>
          <button type="button" className="button button-primary" onClick={() => void actions.runInspect()}>
            Read the sheet
          </button>
        </div>
      )}

      {sheetReport && (
        <section className="preview" aria-labelledby="preview-title">
          <div className="preview-head">
            <h2 id="preview-title">Preview of “{sheetReport.name}”</h2>
            <p className="row-count">
              <span data-testid="row-count">{rowCountText(sheetReport)}</span>
              <span className="muted"> · {plural(sheetReport.columns.length, 'column')}</span>
            </p>
          </div>
          <p className="muted small">
            Check that each column has the right type. Change it with the menu under the column name; Mesh Desk reads the
            sheet again with your choice.
          </p>
          <PreviewGrid
            key={`${sheetReport.name}:${sheetReport.headerRow}`}
            sheet={sheetReport}
            stale={!!job}
            onTypeChange={onTypeChange}
          />
        </section>
      )}

      {(report || problems.length > 0) && <ProblemsPanel problems={problems} showSheet={overview.sheets.length > 1} />}

      <div className="step-actions">
        <span />
        <div className="step-actions-end">
          {!ready && (
            <p className="muted small" id="to-describe-why">
              {job ? 'Wait until the sheet has been read.' : 'Read the sheet with your choices first.'}
            </p>
          )}
          <button
            type="button"
            className="button button-primary"
            data-testid="to-describe"
            disabled={!ready}
            aria-describedby={ready ? undefined : 'to-describe-why'}
            onClick={() => actions.goTo('describe')}
          >
            Next: describe
          </button>
        </div>
      </div>
    </div>
  );
}
