// Browser (renderer). The Describe step of "Edit description": the published product's words,
// editable, over its published columns, whose types and rules are shown but locked (the data
// stays as published). Next is Publish: there is no file to check.

import { useMemo } from 'react';
import '../styles/meta-edit.css';
import { ColumnMetaTable } from '../components/column-meta-table';
import { MetaEditBanner } from '../components/meta-edit-banner';
import { ProductForm } from '../components/product-form';
import type { PersonalDataSuggestion } from '../../../shared/core/inspect/report';
import { slugProblem } from '../state/describe-state';
import { metaEditColumns } from '../state/meta-edit-state';
import { useActions, useImport } from '../state/store-context';
import { NextStepButton } from '../components/next-step-button';

const NO_SUGGESTIONS = new Map<string, PersonalDataSuggestion>();

export function MetaEditDescribe() {
  const actions = useActions();
  const meta = useImport((s) => s.draft.meta);
  const decisions = useImport((s) => s.draft.decisions);
  const info = useImport((s) => s.draftInfo);
  const columns = useMemo(() => metaEditColumns({ draftInfo: info }), [info]);
  const base = info?.base;
  const title = meta.title?.trim() || base?.product || 'this product';
  const nameProblem = slugProblem(meta.name);

  return (
    <div className="describe" data-testid="describe-screen">
      <header className="import-head">
        <div className="import-title">
          <p className="eyebrow">Step 1 of 2 · Describe</p>
          <h1>Edit the description of “{title}”</h1>
        </div>
      </header>
      {base && <MetaEditBanner title={title} version={base.version} />}

      <ProductForm meta={meta} columns={columns} edit={actions.updateDraft} nameLocked />
      <ColumnMetaTable columns={columns} meta={meta.columns} suggestions={NO_SUGGESTIONS} decisions={decisions} edit={actions.updateDraft} onTypeChange={() => undefined} locked />

      <div className="step-actions">
        <button type="button" className="button" data-testid="meta-edit-home" onClick={() => void actions.backHome()}>
          Back to start
        </button>
        <NextStepButton id="to-publish" label="Next: publish" problem={nameProblem} onNext={() => actions.goToMetaStep('publish')} />
      </div>
    </div>
  );
}
