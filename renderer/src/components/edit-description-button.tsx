// Browser (renderer). "Edit description" on a product page: makes a metadata-only draft of the
// product's latest version (from the mesh, or offline from the copy kept on this computer) and
// opens it on Describe. A refusal is said right here, under the button, since the page is open.

import { useState } from 'react';
import type { AppError } from '../../../shared/core/result';
import { useActions } from '../state/store-context';

export function EditDescriptionButton({ product, disabled }: { product: string; disabled?: boolean }) {
  const actions = useActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <span className="edit-description">
      <button
        type="button"
        className="button"
        data-testid="product-edit-description"
        disabled={busy || disabled}
        title="Change the product's description and column descriptions; the data stays as published."
        onClick={async () => {
          setBusy(true);
          setError(null);
          const failed = await actions.editDescription(product);
          setBusy(false);
          setError(failed);
        }}
      >
        {busy ? 'Opening…' : 'Edit description'}
      </button>
      {error && (
        <span className="field-hint is-error" role="alert" data-testid="product-edit-description-error">
          {error.message}
        </span>
      )}
    </span>
  );
}
