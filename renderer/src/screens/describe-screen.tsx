// Browser (renderer). Step 2: the owner describes the product and its columns. Everything typed
// lives in the store's draft, so going back to the data or on to the check keeps it.

import { useCallback, useMemo } from 'react';
import type { ColumnType } from '../../../shared/core/inspect/report';
import { ColumnMetaTable } from '../components/column-meta-table';
import { JobProgressPanel } from '../components/job-progress';
import { ProductForm } from '../components/product-form';
import { personalSuggestions } from '../lib/personal-suggestions';
import { slugProblem } from '../state/describe-state';
import { chosenSheetReport } from '../state/steps-state';
import { useActions, useImport } from '../state/store-context';
import { isMetaEdit } from '../state/meta-edit-state';
import { MetaEditDescribe } from './meta-edit-describe';
import { NextStepButton } from '../components/next-step-button';

export function DescribeScreen() {
  const actions = useActions();
  const overview = useImport((s) => s.overview);
  const sheet = useImport(chosenSheetReport);
  const meta = useImport((s) => s.draft.meta);
  const decisions = useImport((s) => s.draft.decisions);
  const checkSuggestions = useImport((s) => s.checkReport?.check?.suggestions);
  const job = useImport((s) => s.job);
  const sheetName = useImport((s) => s.choices.sheet);
  const onTypeChange = useCallback((i: number, t: ColumnType, inferred: ColumnType) => void actions.setColumnType(i, t, inferred), [actions]);
  const suggestions = useMemo(() => personalSuggestions(sheet?.columns ?? [], checkSuggestions), [sheet, checkSuggestions]);
  // "Edit description" of a published product: no file, the published columns (meta-edit-describe.tsx).
  const metaOnly = useImport(isMetaEdit);
  if (metaOnly) return <MetaEditDescribe />;
  if (!overview || !sheet) return null;
  const nameProblem = slugProblem(meta.name);

  return (
    <div className="describe" data-testid="describe-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 2 of 4 · Describe</p>
          <h1>Describe “{meta.title?.trim() || overview.source.name}”</h1>
          <p className="muted">
            Tell colleagues what this data is, who looks after it and what each column means. Only the name is needed to go on; the
            check tells you what else your company asks for.
          </p>
        </div>
      </header>

      {job && <JobProgressPanel job={job} sheet={sheetName} onCancel={() => void actions.cancelJob()} />}

      <ProductForm meta={meta} columns={sheet.columns} edit={actions.updateDraft} />
      <ColumnMetaTable columns={sheet.columns} meta={meta.columns} suggestions={suggestions} decisions={decisions} edit={actions.updateDraft} onTypeChange={onTypeChange} />

      <div className="step-actions">
        <button type="button" className="button" data-testid="back-to-import" onClick={() => actions.goTo('import')}>
          Back to your data
        </button>
        <NextStepButton id="to-check" label="Next: check" problem={nameProblem} disabled={!!job} onNext={() => actions.goTo('check')} />
      </div>
    </div>
  );
}
