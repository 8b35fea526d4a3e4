// Browser (renderer). The notice on the Import step for a workbook Mesh Desk pulled: where it
// came from, and "Use its description" to start the draft from the published description.

import { recognizedText } from '../lib/diff-view';
import { useActions, useImport } from '../state/store-context';

export function RecognizedBanner() {
  const actions = useActions();
  const recognized = useImport((s) => s.overview?.recognized);
  const loading = useImport((s) => s.roundtrip.metaCall !== null);
  const error = useImport((s) => s.roundtrip.metaError);
  if (!recognized) return null;
  return (
    <section className="card recognized" data-testid="recognized-banner" aria-labelledby="recognized-title">
      <h2 id="recognized-title" className="recognized-title">
        A workbook from the mesh
      </h2>
      <p>{recognizedText(recognized)}</p>
      <p className="muted small">
        To publish your edits as a new version of {recognized.product}, start from its published description. It replaces
        what is in the Describe step now.
      </p>
      <div className="recognized-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="use-product-meta"
          disabled={loading}
          onClick={() => void actions.useProductMeta()}
        >
          {loading ? 'Fetching the description…' : 'Use its description'}
        </button>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="product-meta-error">
          <div className="banner-body">
            <p className="banner-title">Could not fetch the description of {recognized.product}</p>
            <p className="banner-message">{error.message}</p>
          </div>
          <button type="button" className="button button-quiet" onClick={() => actions.dismissRoundTripMessages()}>
            Dismiss<span className="sr-only"> this message</span>
          </button>
        </div>
      )}
    </section>
  );
}
