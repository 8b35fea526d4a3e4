// Browser (renderer). "Add a mesh" / "Change a mesh": a folder on this computer or a network
// share, or an S3 bucket (AWS or compatible), with how Mesh Desk signs in; or a whole address
// typed by hand. The address is built and checked by lib/mesh-url-form.ts as the owner types.
// Secrets are typed here only: saved keys are never shown, only "Keys saved".

import { useState } from 'react';
import type { MeshForm as Form, MeshFormField } from '../lib/mesh-url-form';
import { editMeshForm, kindOf, meshFormErrors, meshUrlOf, setMeshUrlText } from '../lib/mesh-url-form';
import type { MeshTestState } from '../state/settings-state';
import { FormField } from './form-field';

interface Props {
  form: Form;
  tried: boolean;
  keysPersist: boolean;
  /** The desktop app found no safe keychain: keys cannot be entered (why, and how to use a profile). */
  keysRefused?: string | undefined;
  busy: boolean;
  test: MeshTestState | null;
  edit(f: (form: Form) => Form): void;
  onSave(): void;
  onTest(): void;
  onCancel(): void;
}

type TextField = 'name' | 'folder' | 'bucket' | 'prefix' | 'region' | 'endpoint' | 'profile' | 'accessKeyId';

export function MeshForm({ form, tried, keysPersist, keysRefused, busy, test, edit, onSave, onTest, onCancel }: Props) {
  const [touched, setTouched] = useState<Partial<Record<MeshFormField, boolean>>>({});
  const errors = meshFormErrors(form);
  const show = (f: MeshFormField) => (tried || touched[f] ? (errors[f] ?? null) : null);
  const touch = (f: MeshFormField) => setTouched((t) => (t[f] ? t : { ...t, [f]: true }));
  const kind = kindOf(form);
  const built = form.url === null ? meshUrlOf(form) : null;

  const text = (field: TextField, testid: string, opts: { label: string; hint?: string; error?: MeshFormField; mono?: boolean; placeholder?: string }) => (
    <FormField label={opts.label} hint={opts.hint} error={show(opts.error ?? (field as MeshFormField))}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          className={`input-text${opts.mono ? ' input-mono' : ''}${invalid ? ' is-invalid' : ''}`}
          data-testid={testid}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          autoComplete="off"
          placeholder={opts.placeholder}
          value={form[field]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            edit((f) => editMeshForm(f, { [field]: v }));
          }}
          onBlur={() => touch(opts.error ?? (field as MeshFormField))}
        />
      )}
    </FormField>
  );

  return (
    <form
      className="card form-section mesh-form"
      data-testid="mesh-form"
      aria-labelledby="mesh-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h2 id="mesh-form-title">{form.id ? `Change “${form.name || 'mesh'}”` : 'Add a mesh'}</h2>
      {text('name', 'mesh-name', { label: 'Name', hint: 'How you will recognise it, e.g. “Finance mesh”.' })}

      <fieldset className="form-group">
        <legend>Where products are kept</legend>
        <label className="radio">
          <input type="radio" name="mesh-kind" data-testid="mesh-kind-file" checked={kind === 'file'} onChange={() => edit((f) => editMeshForm(f, { kind: 'file' }))} />
          A folder on this computer or a network share
        </label>
        <label className="radio">
          <input type="radio" name="mesh-kind" data-testid="mesh-kind-s3" checked={kind === 's3'} onChange={() => edit((f) => editMeshForm(f, { kind: 's3' }))} />
          Amazon S3, or a store that works like it
        </label>

        {kind === 'file' &&
          text('folder', 'mesh-folder', { label: 'Folder', mono: true, hint: 'The full path, e.g. C:\\Users\\me\\Documents\\Mesh, \\\\server\\share\\mesh or /Users/me/Mesh.' })}
        {kind === 's3' && (
          <div className="form-grid">
            {text('bucket', 'mesh-bucket', { label: 'Bucket', mono: true, placeholder: 'acme-mesh' })}
            {text('prefix', 'mesh-prefix', { label: 'Folder in the bucket', mono: true, hint: 'Optional, e.g. data-services.', placeholder: 'data-services' })}
            {text('region', 'mesh-region', { label: 'Region', mono: true, hint: 'Optional, e.g. eu-central-1.' })}
            {text('endpoint', 'mesh-endpoint', { label: 'Endpoint', mono: true, hint: 'For S3-compatible stores (MinIO, Ceph, R2…; leave empty for AWS), e.g. https://s3.example.com.' })}
            <label className="radio meta-check">
              <input type="checkbox" data-testid="mesh-path-style" checked={form.pathStyle} onChange={(e) => { const v = e.currentTarget.checked; edit((f) => editMeshForm(f, { pathStyle: v })); }} />
              Put the bucket name in the path (most MinIO and Ceph servers need this)
            </label>
          </div>
        )}
      </fieldset>

      {kind === 's3' && (
        <fieldset className="form-group">
          <legend>How Mesh Desk signs in</legend>
          <label className="radio">
            <input type="radio" name="mesh-creds" data-testid="mesh-creds-chain" checked={form.credentials === 'chain'} onChange={() => edit((f) => editMeshForm(f, { credentials: 'chain' }))} />
            Use my AWS profile or environment
          </label>
          {form.credentials === 'chain' && text('profile', 'mesh-profile', { label: 'Profile name', mono: true, hint: 'Optional: a profile from your AWS settings. Empty = the default one.' })}
          <label className="radio">
            <input type="radio" name="mesh-creds" data-testid="mesh-creds-keys" disabled={keysRefused !== undefined} checked={form.credentials === 'keys'} onChange={() => edit((f) => editMeshForm(f, { credentials: 'keys' }))} />
            Enter access keys
          </label>
          {keysRefused !== undefined && (
            <p className="field-hint" data-testid="mesh-keys-refused">
              {keysRefused}
            </p>
          )}
          {form.credentials === 'keys' && keysRefused === undefined && (
            <div className="form-grid">
              {form.hasSavedKeys && <p className="field-hint" data-testid="mesh-keys-saved">Keys saved. Leave both fields empty to keep them, or type new ones to replace them.</p>}
              {text('accessKeyId', 'mesh-access-key', { label: 'Access key ID', mono: true, error: 'keys' })}
              <FormField label="Secret access key" error={show('keys')}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    type="password"
                    className={`input-text input-mono${invalid ? ' is-invalid' : ''}`}
                    data-testid="mesh-secret"
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    autoComplete="new-password"
                    value={form.secretAccessKey}
                    onChange={(e) => { const v = e.currentTarget.value; edit((f) => editMeshForm(f, { secretAccessKey: v })); }}
                    onBlur={() => touch('keys')}
                  />
                )}
              </FormField>
              <p className="field-hint" data-testid="mesh-keys-note">
                {keysPersist
                  ? 'Keys are kept in your computer’s secure password store, never in a file, and are not shown again.'
                  : 'In this browser window Mesh Desk cannot store keys safely: they are kept only until Mesh Desk closes, and you will be asked again next time.'}
              </p>
            </div>
          )}
        </fieldset>
      )}

      <FormField
        label="Advanced: mesh address"
        error={show('url')}
        hint={form.url === null ? 'Built from your choices above. You can also paste a whole address here (s3://… or file:///…).' : 'Using the address typed here.'}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="text"
            className={`input-text input-mono${invalid ? ' is-invalid' : ''}`}
            data-testid="mesh-url"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            spellCheck={false}
            autoComplete="off"
            value={form.url ?? (built?.ok ? built.value : '')}
            onChange={(e) => { const v = e.currentTarget.value; edit((f) => setMeshUrlText(f, v)); }}
            onBlur={() => touch('url')}
          />
        )}
      </FormField>

      <p className={`mesh-test-result${test ? (test.running ? '' : test.ok ? ' is-ok' : ' is-error') : ''}`} role="status" data-testid="mesh-test-result">
        {test ? test.message : ''}
      </p>

      <div className="step-actions">
        {form.id && (
          <button type="button" className="button" data-testid="mesh-cancel" onClick={onCancel}>
            Stop changing<span className="sr-only"> this mesh</span>
          </button>
        )}
        <div className="step-actions-end">
          <button type="button" className="button" data-testid="mesh-test" disabled={!!test?.running} onClick={onTest}>
            {test?.running ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" className="button button-primary" data-testid="mesh-save" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>
    </form>
  );
}
