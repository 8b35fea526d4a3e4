// Node only.
// How the outbox sends a job's file: in this process (the CLI), or in the app's worker threads
// (the same tasks publish.prepare/publish.run use), so a big file never blocks the app and
// job.cancel stops it. Both report progress in the page's JobProgress terms.

import type { ProductMeta, Waiver } from '../../core/metadata/types';
import type { PublishPlan, SheetChoice } from '../../core/publish/prepare';
import type { PublishOutcome } from '../../core/publish/run';
import type { Bump } from '../../core/publish/version-history';
import type { Result } from '../../core/result';
import type { JobRunner } from '../jobs/job-runner';
import type { JobProgressUpdate } from '../jobs/protocol';
import { runFileTask } from '../jobs/tasks';
import type { MeshConnection } from '../publish/publish-file';
import type { MetaSteps } from './meta-runner';

export interface RunControl {
  jobId: string;
  signal?: AbortSignal;
  onProgress: (p: JobProgressUpdate) => void;
}

export interface PrepareFileInput {
  mesh: MeshConnection;
  path: string;
  fileName: string;
  sheets: SheetChoice[];
  meta: ProductMeta;
  waivers: Waiver[];
}

export interface RunFileInput {
  mesh: MeshConnection;
  path: string;
  fileName: string;
  plan: PublishPlan;
  bump?: Bump;
  publisher?: string;
  publishId: string;
}

export interface PublishRunner {
  prepareFile(input: PrepareFileInput, ctl: RunControl): Promise<Result<PublishPlan>>;
  runFile(input: RunFileInput, ctl: RunControl): Promise<Result<PublishOutcome>>;
}

/** Publishes in the app's worker threads; job.cancel(jobId) stops a send like any other job. */
export function workerRunner(jobs: JobRunner): PublishRunner {
  const opts = (ctl: RunControl) => ({ jobId: ctl.jobId, onProgress: ctl.onProgress, ...(ctl.signal ? { signal: ctl.signal } : {}) });
  return {
    prepareFile: (input, ctl) =>
      runFileTask(jobs, 'publish-prepare', { path: input.path, fileName: input.fileName, mesh: input.mesh, sheets: input.sheets, meta: input.meta, waivers: input.waivers }, opts(ctl)),
    runFile: (input, ctl) =>
      runFileTask(
        jobs,
        'publish-run',
        { path: input.path, fileName: input.fileName, mesh: input.mesh, plan: input.plan, publishId: input.publishId, ...(input.bump ? { bump: input.bump } : {}), ...(input.publisher ? { publisher: input.publisher } : {}) },
        opts(ctl),
      ),
  };
}

/** The metadata-only steps in the app's worker threads (the schema validators stay out of the main process). */
export function workerMetaSteps(jobs: JobRunner): MetaSteps {
  const opts = (ctl: RunControl) => ({ jobId: ctl.jobId, onProgress: ctl.onProgress, ...(ctl.signal ? { signal: ctl.signal } : {}) });
  return {
    prepare: (input, ctl) => runFileTask(jobs, 'publish-meta-prepare', input, opts(ctl)),
    run: (input, ctl) => runFileTask(jobs, 'publish-meta-run', input, opts(ctl)),
  };
}
