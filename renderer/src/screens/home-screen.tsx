// Browser (renderer). The start: drop or open a file; a reopened draft's file banner; the outbox;
// the owner's drafts and products (draft-list.tsx).

import { DraftList } from '../components/draft-list';
import { DraftSourceBanner } from '../components/draft-source-banner';
import { DropZone } from '../components/drop-zone';
import { ProgressBar } from '../components/progress-bar';
import { OutboxPanel } from '../components/outbox-panel';
import { formatBytes, percent } from '../lib/format';
import { useActions, useImport } from '../state/store-context';

function Arriving() {
  const busy = useImport((s) => s.busy);
  const upload = useImport((s) => s.upload);
  const source = useImport((s) => s.source);
  if (busy === 'adding' && upload) {
    const pct = percent(upload.loaded, upload.total);
    return (
      <div className="card arriving">
        <p>
          Copying “{upload.fileName}” into Mesh Desk… {pct}% ({formatBytes(upload.loaded)} of {formatBytes(upload.total)})
        </p>
        <ProgressBar value={pct} label={`Copying ${upload.fileName}`} />
        {/* Announced in 10 % steps, not on every progress event. */}
        <p className="sr-only" aria-live="polite">
          Copying, {Math.floor(pct / 10) * 10} percent
        </p>
      </div>
    );
  }
  if (busy === 'opening') {
    return (
      <div className="card arriving" aria-live="polite">
        <p>Opening “{source?.name ?? 'your file'}” and looking at its sheets…</p>
        <ProgressBar value={0} indeterminate label="Opening the file" />
      </div>
    );
  }
  return null;
}

export function HomeScreen() {
  const actions = useActions();
  const nativeDialogs = useImport((s) => s.appInfo?.nativeDialogs ?? false);
  const busy = useImport((s) => s.busy !== 'idle');
  return (
    <div className="home">
      <div className="home-intro">
        <h1>Mesh Desk</h1>
        <p className="lead">Turn a spreadsheet into a data product your colleagues can find, trust and open in Excel.</p>
      </div>
      <DraftSourceBanner />
      <DropZone
        nativeDialogs={nativeDialogs}
        busy={busy}
        onFile={(f) => void actions.addFile(f)}
        onPick={() => void actions.pickFile()}
      />
      <Arriving />
      <OutboxPanel />
      <DraftList />
    </div>
  );
}
