// Node only.
// The handlers of the mesh-settings and publish calls (part of the one handler map, handlers.ts).
// A prepared publish is kept here under a plan id until the owner presses Publish, so the file
// is checked once and then sent — the page only ever holds the proposal.

import type { ApiHandlers, CallContext, JobProgress, PublishProposal, PublishResult } from '../../core/api/contract';
import type { PublishPlan } from '../../core/publish/prepare';
import { productAddress } from '../../core/publish/servers';
import { BUMPS, type Bump } from '../../core/publish/version-history';
import { parseMeshUrl } from '../../core/mesh/mesh-url';
import { fail, ok, type Result } from '../../core/result';
import { bumpRank, bumpVersion } from '../../core/versioning/semver';
import type { JobRunner } from '../jobs/job-runner';
import type { JobProgressUpdate } from '../jobs/protocol';
import { runFileTask } from '../jobs/tasks';
import { openMesh } from '../mesh/open-mesh';
import type { MeshConnectionInfo, MeshSettingsStore } from '../settings/mesh-settings';
import type { SourceRegistry } from '../sources/source-registry';
import { planShelfFor, type HeldPlan } from './held-plans';

type PublishHandlers = Pick<ApiHandlers, 'settings.get' | 'mesh.save' | 'mesh.remove' | 'mesh.use' | 'mesh.test' | 'publish.prepare' | 'publish.run'>;

export interface PublishDeps {
  sources: SourceRegistry;
  jobs: JobRunner;
  settings: MeshSettingsStore;
}

export function createPublishHandlers(deps: PublishDeps): PublishHandlers {
  // Shared with publish.prepareMeta (meta-publish-handlers.ts): one Publish button runs either plan.
  const plans = planShelfFor(deps.settings);
  const keep = (held: HeldPlan): string => plans.keep(held);

  return {
    async 'settings.get'() {
      return ok(await deps.settings.view());
    },
    async 'mesh.save'(input) {
      return deps.settings.save(input);
    },
    async 'mesh.remove'({ id }) {
      return deps.settings.remove(id);
    },
    async 'mesh.use'({ id }) {
      return deps.settings.use(id);
    },

    async 'mesh.test'(input) {
      const conn = input.id ? await deps.settings.connection(input.id) : await deps.settings.draftConnection(input.draft!);
      if (!conn.ok) return conn;
      const opened = openMesh(conn.value.url, { ...conn.value.options, connectTimeoutMs: 5_000, requestTimeoutMs: 15_000 });
      if (!opened.ok) return opened;
      try {
        // Raced against a deadline too: a folder on a dead network share may never answer at all.
        const deadline = AbortSignal.timeout(30_000);
        await Promise.race([
          opened.value.store.check(deadline),
          new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(new Error(`${opened.value.store.url} did not answer within 30 seconds. Check the address and that the storage is reachable, then try again.`)), { once: true })),
        ]);
        return ok({ message: `Connected. Mesh Desk can read and write in ${opened.value.store.url}.` });
      } catch (e) {
        return fail((e as { code?: string }).code ?? 'mesh.io', e instanceof Error ? e.message : String(e));
      }
    },

    async 'publish.prepare'(input, ctx) {
      const source = deps.sources.get(input.sourceId);
      if (!source) return fail('source.unknown', 'Mesh Desk no longer has that file open (perhaps the app was restarted). Add the file again.');
      const mesh = await deps.settings.connection();
      if (!mesh.ok) return mesh;
      const sheets = [
        { ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), ...(input.headerRow !== undefined ? { headerRow: input.headerRow } : {}), ...(input.typeOverrides ? { typeOverrides: input.typeOverrides } : {}) },
        ...(input.extraSheets ?? []),
      ];
      const result = await withJobProgress(ctx, input.jobId, source.ref.size, (onProgress) =>
        runFileTask(deps.jobs, 'publish-prepare', { path: source.path, fileName: source.ref.name, mesh: { url: mesh.value.url, options: mesh.value.options }, sheets, meta: input.meta, ...(input.waivers ? { waivers: input.waivers } : {}) }, { jobId: input.jobId, onProgress }),
      );
      if (!result.ok) return result;
      const planId = keep({ kind: 'file', plan: result.value, source, mesh: mesh.value });
      return ok(proposalOf(planId, result.value, mesh.value));
    },

    async 'publish.run'(input, ctx) {
      const held = plans.get(input.planId);
      if (!held) return fail('publish.plan-expired', 'This publish is no longer ready (it was sent already, or several newer ones were prepared since). Press "Check again", then publish.');
      if (held.running) return fail('publish.running', 'This version is being published right now. Wait for it to finish.');
      const decision = held.plan.decision;
      if (input.bump && bumpRank(input.bump) < bumpRank(decision.required === 'initial' ? 'patch' : decision.required)) {
        return fail('version.bump-too-low', `A ${input.bump} version is not enough: ${decision.reason}. Choose ${decision.required} or higher.`);
      }
      if (held.kind === 'metadata-only') {
        held.running = true;
        const sent = await held.run(input.bump, ctx, input.jobId).finally(() => (held.running = false));
        if (sent.ok) plans.delete(input.planId);
        return sent;
      }
      const { plan, source, mesh } = held;
      const owner = plan.meta.owner?.name || plan.meta.owner?.email;
      held.running = true;
      const result = await withJobProgress(ctx, input.jobId, source.ref.size, (onProgress) =>
        runFileTask(deps.jobs, 'publish-run', { path: source.path, fileName: source.ref.name, mesh: { url: mesh.url, options: mesh.options }, plan, ...(input.bump ? { bump: input.bump } : {}), ...(owner ? { publisher: owner } : {}) }, { jobId: input.jobId, onProgress }),
      );
      held.running = false;
      if (!result.ok) return result;
      plans.delete(input.planId);
      await plans.onPublished?.(mesh, plan.product).catch(() => undefined);
      const { keys: _keys, bump: _bump, changes: _changes, ...rest } = result.value;
      return ok<PublishResult>({ ...rest, mesh: mesh.url });
    },
  };
}

function proposalOf(planId: string, plan: PublishPlan, mesh: MeshConnectionInfo): PublishProposal {
  const d = plan.decision;
  const top = plan.current?.history[0];
  const loc = parseMeshUrl(mesh.url);
  const required: Bump = d.required === 'initial' ? 'patch' : d.required;
  const choices = d.required === 'initial' || !plan.current
    ? []
    : BUMPS.filter((b) => bumpRank(b) >= bumpRank(required)).map((bump) => ({ bump, version: bumpVersion(plan.current!.version, bump) }));
  return {
    planId,
    meshName: mesh.name,
    mesh: mesh.url,
    product: plan.product,
    address: loc.ok ? productAddress(loc.value, plan.product) : `${mesh.url}/${plan.product}`,
    current: plan.current ? { version: plan.current.version, ...(top ? { publishedAt: top.publishedAt } : {}), ...(top?.publishedBy ? { publishedBy: top.publishedBy } : {}) } : null,
    version: d.version,
    required: d.required,
    changes: d.changes,
    reason: d.reason,
    choices,
    endpoints: plan.sheets.map((s) => ({ name: s.endpoint, sheet: s.report.name, rows: s.report.rows, columns: s.report.columns.length, parts: Math.max(1, Math.ceil(s.report.rows / plan.policy.partRows)) })),
    partRows: plan.policy.partRows,
    check: plan.check,
    policySource: plan.policySource,
  };
}

/** Progress events for a publish job, ending with 'done' whatever happens. */
export async function withJobProgress<T>(ctx: CallContext, jobId: string, bytesTotal: number, run: (onProgress: (p: JobProgressUpdate) => void) => Promise<Result<T>>): Promise<Result<T>> {
  const emit = (p: Omit<JobProgress, 'jobId'>) => ctx.emit('job.progress', { jobId, ...p });
  emit({ phase: 'opening', bytesDone: 0, bytesTotal, rows: 0 });
  let last: Omit<JobProgress, 'jobId'> = { phase: 'opening', bytesDone: 0, bytesTotal, rows: 0 };
  const result = await run((p) => {
    last = { ...p, phase: p.phase ?? 'reading' };
    emit(last);
  });
  emit({ ...last, phase: 'done', bytesDone: result.ok ? bytesTotal : last.bytesDone });
  return result;
}
