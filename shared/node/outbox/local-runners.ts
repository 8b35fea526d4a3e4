// Node only.
// The CLI's way to publish queued jobs: in its own process (nothing else to keep responsive),
// with the same steps the app runs in worker threads (publish-runner.ts).

import { prepareFilePublish, runFilePublish } from '../publish/publish-file';
import { prepareMetaPublish, runMetaPublish } from '../publish/publish-meta';
import type { MetaSteps } from './meta-runner';
import type { PublishRunner } from './publish-runner';

/** Publishes in this process (the CLI: nothing else to keep responsive). */
export function inProcessRunner(): PublishRunner {
  return {
    prepareFile: (input, ctl) =>
      prepareFilePublish({ ...input, ...(ctl.signal ? { signal: ctl.signal } : {}), onProgress: (p) => ctl.onProgress({ ...p, phase: 'reading' }) }),
    runFile: (input, ctl) =>
      runFilePublish({
        mesh: input.mesh,
        path: input.path,
        plan: input.plan,
        publishId: input.publishId,
        ...(input.bump ? { bump: input.bump } : {}),
        ...(input.publisher ? { publisher: input.publisher } : {}),
        ...(ctl.signal ? { signal: ctl.signal } : {}),
        onProgress: (u) => ctl.onProgress({ bytesDone: u.bytesRead, bytesTotal: u.bytesTotal, rows: u.rows, phase: u.phase, partsDone: u.partsDone, bytesSent: u.bytesSent, ...(u.sheet ? { sheet: u.sheet } : {}) }),
      }),
  };
}


/** The metadata-only steps in this process. */
export function localMetaSteps(): MetaSteps {
  return {
    prepare: (input, ctl) => prepareMetaPublish({ ...input, ...(ctl.signal ? { signal: ctl.signal } : {}) }),
    run: (input, ctl) =>
      runMetaPublish({
        ...input,
        ...(ctl.signal ? { signal: ctl.signal } : {}),
        onProgress: (u) => ctl.onProgress({ bytesDone: u.bytesRead, bytesTotal: u.bytesTotal, rows: u.rows, phase: u.phase, partsDone: u.partsDone, bytesSent: u.bytesSent }),
      }),
  };
}
