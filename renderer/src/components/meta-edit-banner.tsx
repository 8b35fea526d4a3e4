// Browser (renderer). The line above a metadata-only draft: which product and version the owner
// is describing, and that its data stays exactly as published (no file, nothing re-sent).

import { metaEditBannerText } from '../state/meta-edit-state';

export function MetaEditBanner({ title, version }: { title: string; version: string }) {
  return (
    <div className="banner banner-notice meta-edit-banner" role="note" data-testid="meta-edit-banner">
      <div className="banner-body">
        <p className="banner-message">{metaEditBannerText(title, version)}</p>
        <p className="muted small">
          Change the words freely. The columns, their types and their rules come from the published data and stay as they are; to change
          those, publish the data again from your file.
        </p>
      </div>
    </div>
  );
}
