// Node only.
// THE handler map of the API contract, written once: Electron main serves it over IPC and the
// loopback web host over HTTP. Inputs arrive already validated (dispatch.ts); heavy work goes to
// worker threads through the JobRunner so neither shell's main thread ever blocks on a file.

import type { ApiHandlers, CallContext, JobProgress, SavedFile, SourceRef, SourceOverview } from '../../core/api/contract';
import { fail, ok, type Result } from '../../core/result';
import type { JobRunner } from '../jobs/job-runner';
import { runFileTask } from '../jobs/tasks';
import type { SourceRegistry, RegisteredSource } from '../sources/source-registry';
import type { MeshSettingsStore } from '../settings/mesh-settings';
import { createPublishHandlers } from './publish-handlers';
import { createCatalogHandlers } from './catalog-handlers';
import { createDraftHandlers } from './draft-handlers';
import { markDraftPublished } from '../drafts/mark-published';
import { createOutboxHandlers } from './outbox-handlers';
import { createMetaPublishHandlers } from './meta-publish-handlers';

export interface HandlerDeps {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  sources: SourceRegistry;
  jobs: JobRunner;
  /** The meshes the owner set up (and their keys, through a SecretStore). */
  settings: MeshSettingsStore;
  /** The native "Open file" dialog (Electron); returns a path, or null when the owner cancels. */
  pickFile?: () => Promise<string | null>;
  /**
   * Where a file the owner saves goes: a save dialog in the desktop app, the export folder (and a
   * download link) in browser mode. Null when the owner cancels.
   */
  saveTarget: (suggestedName: string) => Promise<{ path: string; saved: SavedFile } | null>;
  /** Pushes an event to every window or tab, outside of any call (the outbox's own sending). */
  broadcast?: CallContext['emit'];
}

/**
 * Runs a file job with progress events, and always ends with a 'done' event (success, failure
 * or cancel) so that no progress bar is left spinning in the UI.
 */
async function withProgress<T>(
  ctx: CallContext,
  jobId: string,
  bytesTotal: number,
  run: (onProgress: (p: { bytesDone: number; bytesTotal: number; rows: number; sheet?: string }) => void) => Promise<Result<T>>,
  /** Data rows of a finished job, for the final event (progress counts every row read). */
  doneRows?: (value: T) => number,
): Promise<Result<T>> {
  const progress = (p: Omit<JobProgress, 'jobId'>) => ctx.emit('job.progress', { jobId, ...p });
  progress({ phase: 'opening', bytesDone: 0, bytesTotal, rows: 0 });
  let last = { bytesDone: 0, bytesTotal, rows: 0 };
  const result = await run((p) => {
    last = { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, rows: p.rows };
    progress({ phase: 'reading', ...p });
  });
  if (result.ok) last = { ...last, bytesDone: bytesTotal, ...(doneRows ? { rows: doneRows(result.value) } : {}) };
  progress({ phase: 'done', ...last });
  return result;
}

const unknownSource = (): Result<never> =>
  fail(
    'source.unknown',
    'Mesh Desk no longer has that file open (perhaps the app was restarted). Add the file again.',
  );

/** publish.run with a draftId: the draft shows as published on Home once the version is in. */
function withDraftMarking<T extends Pick<ApiHandlers, 'publish.run'>>(handlers: T, deps: HandlerDeps): T {
  const run = handlers['publish.run'];
  return {
    ...handlers,
    async 'publish.run'(input, ctx) {
      const { draftId, ...rest } = input;
      const result = await run(rest, ctx);
      if (result.ok && draftId) {
        const settings = await deps.settings.view();
        const meshName = settings.meshes.find((m) => m.url === result.value.mesh)?.name ?? result.value.mesh;
        // The version is published whatever happens here; a draft that cannot be marked is only a stale badge.
        await markDraftPublished(deps.dataDir, draftId, result.value, meshName).catch(() => undefined);
      }
      return result;
    },
  };
}

export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const { sources, jobs } = deps;
  const find = (id: string): RegisteredSource | undefined => sources.get(id);

  return {
    async 'app.info'() {
      return ok({
        name: 'Mesh Desk',
        version: deps.version,
        mode: deps.mode,
        dataDir: deps.dataDir,
        nativeDialogs: deps.pickFile !== undefined,
      });
    },

    async 'source.pick'() {
      if (!deps.pickFile) {
        return fail(
          'not-available',
          'Choosing a file with a dialog only works in the desktop app. Drag your file onto this window, or use the "Add file" button.',
        );
      }
      const path = await deps.pickFile();
      if (path === null) return ok<SourceRef | null>(null);
      return ok<SourceRef | null>(await sources.addPath(path));
    },

    async 'source.open'({ sourceId }) {
      const entry = find(sourceId);
      if (!entry) return unknownSource();
      // Even the first look can be slow (a big xlsx must be unzipped): it runs in a worker.
      const overview = await runFileTask(jobs, 'overview', { path: entry.path, fileName: entry.ref.name });
      if (!overview.ok) return overview;
      return ok<SourceOverview>({ source: entry.ref, ...overview.value });
    },

    async 'inspect.run'(input, ctx) {
      const { jobId, sourceId, ...options } = input;
      const entry = find(sourceId);
      if (!entry) return unknownSource();
      return withProgress(ctx, jobId, entry.ref.size, (onProgress) =>
        runFileTask(jobs, 'inspect', { path: entry.path, fileName: entry.ref.name, options }, { jobId, onProgress }),
        (report) => report.sheets.reduce((n, s) => n + s.rows, 0),
      );
    },

    async 'report.save'(input, ctx) {
      const { jobId, sourceId, ...options } = input;
      const entry = find(sourceId);
      if (!entry) return unknownSource();
      const base = entry.ref.name.replace(/\.[^.]*$/, '') || 'data';
      const target = await deps.saveTarget(`${base} - quality report.xlsx`);
      if (target === null) return ok<SavedFile | null>(null);
      const written = await withProgress(ctx, jobId, entry.ref.size, (onProgress) =>
        runFileTask(jobs, 'report', { path: entry.path, fileName: entry.ref.name, options, outPath: target.path }, { jobId, onProgress }),
      );
      if (!written.ok) return written;
      return ok<SavedFile | null>(target.saved);
    },

    async 'job.cancel'({ jobId }) {
      return ok({ cancelled: jobs.cancel(jobId) });
    },

    async 'product.diff'(input, ctx) {
      const { jobId, sourceId, ...rest } = input;
      const entry = find(sourceId);
      if (!entry) return unknownSource();
      const mesh = await deps.settings.connection();
      if (!mesh.ok) return mesh;
      return withProgress(ctx, jobId, entry.ref.size, (onProgress) =>
        runFileTask(jobs, 'diff', { path: entry.path, fileName: entry.ref.name, mesh: { url: mesh.value.url, options: mesh.value.options }, ...rest }, { jobId, onProgress }),
      );
    },

    async 'product.export'(input, ctx) {
      const { jobId, product, version, endpoint, format } = input;
      const mesh = await deps.settings.connection();
      if (!mesh.ok) return mesh;
      const name = `${product}${version ? ` v${version.replace(/^v/, '')}` : ''}${endpoint && endpoint !== 'default' ? ` - ${endpoint}` : ''}.${format}`;
      const target = await deps.saveTarget(name);
      if (target === null) return ok<SavedFile | null>(null);
      const written = await withProgress(ctx, jobId, 0, (onProgress) =>
        runFileTask(
          jobs,
          'export',
          {
            mesh: { url: mesh.value.url, options: mesh.value.options },
            product,
            path: target.path,
            ...(version ? { version } : {}),
            ...(endpoint ? { endpoint } : {}),
            ...(format === 'csv' ? { csv: { delimiter: input.delimiter ?? ',', bom: input.bom ?? true } } : {}),
          },
          { jobId, onProgress },
        ),
        (out) => out.rows,
      );
      if (!written.ok) return written;
      return ok<SavedFile | null>(target.saved);
    },

    ...withDraftMarking(createPublishHandlers({ sources, jobs, settings: deps.settings }), deps),
    ...createCatalogHandlers({ dataDir: deps.dataDir, settings: deps.settings }),
    ...createDraftHandlers(deps),
    ...createOutboxHandlers(deps),
    ...createMetaPublishHandlers(deps),
  } satisfies ApiHandlers;
}
