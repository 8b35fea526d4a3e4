// The Settings form's access-key choice, rendered to HTML: where the desktop app refuses to keep
// keys (no safe keychain) the key fields never appear and the owner reads how to use a profile.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MeshForm } from '../../../renderer/src/components/mesh-form';
import { editMeshForm, emptyMeshForm } from '../../../renderer/src/lib/mesh-url-form';

const s3Keys = editMeshForm(emptyMeshForm, { name: 'Finance', kind: 's3', bucket: 'acme', credentials: 'keys' });
const noop = () => undefined;
const render = (keysRefused?: string) =>
  renderToStaticMarkup(h(MeshForm, { form: s3Keys, tried: false, keysPersist: false, keysRefused, busy: false, test: null, edit: noop, onSave: noop, onTest: noop, onCancel: noop }));

describe('MeshForm access keys', () => {
  it('offers key fields where keys can be kept (or kept for the session in browser mode)', () => {
    const html = render();
    expect(html).toContain('data-testid="mesh-secret"');
    expect(html).not.toContain('mesh-keys-refused');
  });

  it('hides the key fields and explains the profile way when keys are refused', () => {
    const html = render('No secure password store: use an AWS profile instead.');
    expect(html).not.toContain('data-testid="mesh-secret"');
    expect(html).not.toContain('data-testid="mesh-access-key"');
    expect(html).toContain('data-testid="mesh-keys-refused"');
    expect(html).toContain('use an AWS profile instead');
    expect(html).toMatch(/data-testid="mesh-creds-keys"[^>]*disabled|disabled[^>]*data-testid="mesh-creds-keys"/);
  });
});
