// Browser (renderer). The product half of the Describe step: what the product is called, what
// it is for, who owns it, how often it changes and who may see it. Every keystroke goes to the
// draft, so moving between steps loses nothing.

import { useState } from 'react';
import type { ColumnProfile } from '../../../shared/core/inspect/report';
import { CLASSIFICATIONS, UPDATE_FREQUENCIES } from '../../../shared/core/metadata/types';
import type { Classification, ProductMeta, UpdateFrequency } from '../../../shared/core/metadata/types';
import { CLASSIFICATION_LABELS, FREQUENCY_LABELS, looksLikeEmail } from '../lib/meta-labels';
import * as D from '../state/describe-state';
import type { DescribeDraft, ProductField } from '../state/describe-state';
import { ChipsInput } from './chips-input';
import { FormField } from './form-field';

interface Props {
  meta: ProductMeta;
  columns: readonly ColumnProfile[];
  edit(f: (d: DescribeDraft) => DescribeDraft): void;
  /** "Edit description" of a published product: its name is its address and cannot change. */
  nameLocked?: boolean;
}

export function ProductForm({ meta, columns, edit, nameLocked = false }: Props) {
  // Errors show once the owner has left a field, not while they are still typing the first letter.
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const touch = (k: string) => setTouched((t) => (t[k] ? t : { ...t, [k]: true }));
  const text = (field: ProductField) => (meta[field] as string | undefined) ?? '';
  const setText = (field: ProductField, value: string) => edit((d) => D.setProductField(d, field, value));

  const nameError = D.slugProblem(meta.name);
  const email = meta.owner?.email ?? '';
  const emailError = touched.email && email.trim() !== '' && !looksLikeEmail(email) ? 'This does not look like an e-mail address (name@company.com).' : null;
  const dateColumns = columns.filter((c) => c.type === 'date' || c.type === 'datetime');
  const source = meta.source?.kind ?? 'manual';

  return (
    <section className="card form-section" aria-labelledby="product-title">
      <h2 id="product-title">The product</h2>
      <div className="form-grid">
        <FormField
          label="Name"
          technical="name (slug)"
          error={touched.name || meta.name !== undefined ? nameError : null}
          hint="Part of the product's address, so it never changes once published: lower-case letters a–z, digits and dashes, 2 to 63 characters, starting with a letter or digit."
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              className={`input-text input-mono${invalid ? ' is-invalid' : ''}`}
              data-testid="meta-name"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              spellCheck={false}
              autoComplete="off"
              value={text('name')}
              readOnly={nameLocked}
              onChange={(e) => setText('name', e.currentTarget.value)}
              onBlur={() => touch('name')}
            />
          )}
        </FormField>
        <FormField label="Title" technical="title" hint="What people read in the catalog, e.g. “Price list 2025”.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" data-testid="meta-title" aria-describedby={describedBy} value={text('title')} onChange={(e) => setText('title', e.currentTarget.value)} />
          )}
        </FormField>
      </div>

      <fieldset className="form-group">
        <legend>Description</legend>
        <FormField label="In one sentence" technical="description" hint="Shown in search results, e.g. “Monthly list prices of all products, in EUR”.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" data-testid="meta-description" aria-describedby={describedBy} value={text('description')} onChange={(e) => setText('description', e.currentTarget.value)} />
          )}
        </FormField>
        <FormField label="What is it for?" technical="description.purpose" hint="What the data is, where it comes from, and which question it answers.">
          {({ id, describedBy }) => (
            <textarea id={id} rows={3} className="input-text" data-testid="meta-description-purpose" aria-describedby={describedBy} value={text('purpose')} onChange={(e) => setText('purpose', e.currentTarget.value)} />
          )}
        </FormField>
        <FormField label="How to use it" technical="description.usage" hint="Who uses it and how, e.g. “Join on Product ID with the orders product”.">
          {({ id, describedBy }) => (
            <textarea id={id} rows={2} className="input-text" data-testid="meta-description-usage" aria-describedby={describedBy} value={text('usage')} onChange={(e) => setText('usage', e.currentTarget.value)} />
          )}
        </FormField>
        <FormField label="What to watch out for" technical="description.limitations" hint="Gaps, delays, estimates: what the data cannot tell.">
          {({ id, describedBy }) => (
            <textarea id={id} rows={2} className="input-text" data-testid="meta-description-limitations" aria-describedby={describedBy} value={text('limitations')} onChange={(e) => setText('limitations', e.currentTarget.value)} />
          )}
        </FormField>
      </fieldset>

      <div className="form-grid">
        <FormField label="Domain" technical="domain" hint="The business area it belongs to, e.g. Marketing, Finance, Sales.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" data-testid="meta-domain" aria-describedby={describedBy} value={text('domain')} onChange={(e) => setText('domain', e.currentTarget.value)} />
          )}
        </FormField>
        <FormField label="Support or contact" technical="support" hint="Where people ask questions: an e-mail address, a chat channel or a web page.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" data-testid="meta-support" aria-describedby={describedBy} value={text('support')} onChange={(e) => setText('support', e.currentTarget.value)} />
          )}
        </FormField>
        <FormField label="Owner's name" technical="owner.name" hint="The person who answers for this data.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" autoComplete="name" data-testid="meta-owner-name" aria-describedby={describedBy} value={meta.owner?.name ?? ''} onChange={(e) => { const name = e.currentTarget.value; edit((d) => D.setOwner(d, { name })); }} />
          )}
        </FormField>
        <FormField label="Owner's e-mail" technical="owner.email" error={emailError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="email" className={`input-text${invalid ? ' is-invalid' : ''}`} autoComplete="email" data-testid="meta-owner-email" aria-describedby={describedBy} aria-invalid={invalid || undefined} value={email} onChange={(e) => { const v = e.currentTarget.value; edit((d) => D.setOwner(d, { email: v })); }} onBlur={() => touch('email')} />
          )}
        </FormField>
        <FormField label="Updated" technical="frequency" hint="How often you will publish a new version.">
          {({ id, describedBy }) => (
            <select id={id} data-testid="meta-frequency" aria-describedby={describedBy} value={meta.frequency ?? ''} onChange={(e) => { const v = e.currentTarget.value as UpdateFrequency | ''; edit((d) => D.setProductField(d, 'frequency', v === '' ? undefined : v)); }}>
              <option value="">Choose…</option>
              {UPDATE_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Who may see it" technical="classification" hint={meta.classification ? CLASSIFICATION_LABELS[meta.classification].hint : 'Choose how widely the data may be shared.'}>
          {({ id, describedBy }) => (
            <select id={id} data-testid="meta-classification" aria-describedby={describedBy} value={meta.classification ?? ''} onChange={(e) => { const v = e.currentTarget.value as Classification | ''; edit((d) => D.setProductField(d, 'classification', v === '' ? undefined : v)); }}>
              <option value="">Choose…</option>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {CLASSIFICATION_LABELS[c].label} — {CLASSIFICATION_LABELS[c].hint}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Tags" technical="tags" hint="Words people search for. Press Enter or type a comma after each.">
          {({ id, describedBy }) => (
            <ChipsInput inputId={id} label="Tags" testId="meta-tags" describedBy={describedBy} values={meta.tags ?? []} onAdd={(t) => edit((d) => D.addTags(d, t))} onRemove={(t) => edit((d) => D.removeTag(d, t))} />
          )}
        </FormField>
        <FormField label="License or terms of use" technical="license" hint="E.g. “Internal use only” or the vendor's licence name.">
          {({ id, describedBy }) => (
            <input id={id} type="text" className="input-text" data-testid="meta-license" aria-describedby={describedBy} value={text('license')} onChange={(e) => setText('license', e.currentTarget.value)} />
          )}
        </FormField>
      </div>

      <div className="form-grid">
        <fieldset className="form-group">
          <legend title="Technical name: source">Where the data comes from</legend>
          <label className="radio">
            <input type="radio" name="source-kind" data-testid="meta-source-manual" checked={source === 'manual'} onChange={() => edit((d) => D.setSource(d, 'manual'))} />
            Made by us
          </label>
          <label className="radio">
            <input type="radio" name="source-kind" data-testid="meta-source-external" checked={source === 'external'} onChange={() => edit((d) => D.setSource(d, 'external'))} />
            Bought or received from a vendor
          </label>
          {source === 'external' && (
            <FormField label="Vendor" technical="source.vendor">
              {({ id }) => (
                <input id={id} type="text" className="input-text" data-testid="meta-vendor" value={meta.source?.vendor ?? ''} onChange={(e) => { const v = e.currentTarget.value; edit((d) => D.setSource(d, 'external', v)); }} />
              )}
            </FormField>
          )}
        </fieldset>
        <FormField label="Date that shows how fresh it is" technical="freshnessColumn" hint={dateColumns.length ? 'The column whose newest date tells when the data was last current.' : 'No column holds dates, so freshness cannot be measured from the data.'}>
          {({ id, describedBy }) => (
            <select id={id} data-testid="meta-freshness" aria-describedby={describedBy} disabled={dateColumns.length === 0} value={meta.freshnessColumn ?? ''} onChange={(e) => { const v = e.currentTarget.value; edit((d) => D.setProductField(d, 'freshnessColumn', v === '' ? undefined : v)); }}>
              <option value="">None</option>
              {dateColumns.map((c) => (
                <option key={c.index} value={c.name}>
                  {c.letter} · {c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </section>
  );
}
