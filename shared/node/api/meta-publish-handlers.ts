// Node only.
// publish.prepareMeta: "Edit description" → the proposal of a metadata-only version (words
// checked against the mesh's rules, version proposed, no data read or sent). The plan goes on
// the same shelf as file plans, so the page's one Publish button (publish.run) sends it. Both
// steps run in a worker like a file publish: the official schema validators (Ajv, which compiles
// code) stay out of the main process, and job.cancel stops them.

import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { ApiHandlers, PublishProposal } from '../../core/api/contract';
import { parseMeshUrl } from '../../core/mesh/mesh-url';
import type { MetaPublishPlan } from '../../core/publish/meta-prepare';
import { readCurrentProduct } from '../../core/publish/mesh-state';
import { productAddress } from '../../core/publish/servers';
import { BUMPS, type Bump } from '../../core/publish/version-history';
import { ok } from '../../core/result';
import { bumpRank, bumpVersion } from '../../core/versioning/semver';
import { openMesh } from '../mesh/open-mesh';
import { rememberProduct } from '../products/product-cache';
import { runFileTask } from '../jobs/tasks';
import type { MeshConnectionInfo } from '../settings/mesh-settings';
import type { HandlerDeps } from './handlers';
import { planShelfFor } from './held-plans';
import { withJobProgress } from './publish-handlers';

export function createMetaPublishHandlers(deps: HandlerDeps): Pick<ApiHandlers, 'publish.prepareMeta'> {
  const shelf = planShelfFor(deps.settings);
  // After any publish from this app, the product's description is kept for offline editing.
  shelf.onPublished = (mesh, product) => rememberLatest(deps.dataDir, mesh, product);

  return {
    async 'publish.prepareMeta'(input, ctx) {
      const mesh = await deps.settings.connection();
      if (!mesh.ok) return mesh;
      const prepared = await withJobProgress(ctx, input.jobId, 0, () =>
        runFileTask(deps.jobs, 'publish-meta-prepare', { mesh: { url: mesh.value.url, options: mesh.value.options }, product: input.product, baseVersion: input.baseVersion, meta: input.meta }, { jobId: input.jobId }),
      );
      if (!prepared.ok) return prepared;
      const plan = prepared.value;
      const conn = mesh.value;
      const planId = shelf.keep({
        kind: 'metadata-only',
        plan,
        mesh: conn,
        run: async (bump, runCtx, jobId) => {
          const owner = plan.meta.owner?.name || plan.meta.owner?.email;
          const sent = await withJobProgress(runCtx, jobId, 0, (onProgress) =>
            runFileTask(
              deps.jobs,
              'publish-meta-run',
              { mesh: { url: conn.url, options: conn.options }, plan, ...(bump ? { bump } : {}), ...(owner ? { publisher: owner } : {}), publishId: metaPublishId(conn.url, plan.product, plan.baseVersion) },
              { jobId, onProgress },
            ),
          );
          if (sent.ok) await rememberLatest(deps.dataDir, conn, plan.product);
          return sent;
        },
      });
      return ok(metaProposal(planId, plan, conn));
    },
  };
}

/**
 * The same description edit of the same version, sent again from this computer by the same
 * person, gets the same id (a retry resumes its own claim); anyone else gets another.
 */
export function metaPublishId(meshUrl: string, product: string, baseVersion: string): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    /* no user database (containers): the host name still separates machines */
  }
  return createHash('sha256').update(`meta\u0000${hostname()}\u0000${user}\u0000${meshUrl}\u0000${product}\u0000${baseVersion}`).digest('hex').slice(0, 24);
}

async function rememberLatest(dataDir: string, mesh: MeshConnectionInfo, product: string): Promise<void> {
  const opened = openMesh(mesh.url, mesh.options);
  if (!opened.ok) return;
  const read = await readCurrentProduct(opened.value.store, product, AbortSignal.timeout(20_000)).catch(() => undefined);
  if (read?.ok && read.value) await rememberProduct(dataDir, mesh.url, product, read.value);
}

function metaProposal(planId: string, plan: MetaPublishPlan, mesh: MeshConnectionInfo): PublishProposal {
  const d = plan.decision;
  const top = plan.current.history[0];
  const loc = parseMeshUrl(mesh.url);
  const required: Bump = d.required === 'initial' ? 'patch' : d.required;
  const dataVersion = plan.base.endpoints[0]?.dataVersion ?? plan.base.version;
  return {
    planId,
    meshName: mesh.name,
    mesh: mesh.url,
    product: plan.product,
    address: loc.ok ? productAddress(loc.value, plan.product) : `${mesh.url}/${plan.product}`,
    current: { version: plan.current.version, ...(top ? { publishedAt: top.publishedAt } : {}), ...(top?.publishedBy ? { publishedBy: top.publishedBy } : {}) },
    version: d.version,
    required: d.required,
    changes: d.changes,
    reason: `${d.reason}. Only the description changes: no data is sent, the version keeps the rows of v${dataVersion}`,
    choices: BUMPS.filter((b) => bumpRank(b) >= bumpRank(required)).map((bump) => ({ bump, version: bumpVersion(plan.current.version, bump) })),
    // Parts to send: none; the rows stay in the parts already published.
    endpoints: plan.base.endpoints.map((e) => ({ name: e.name, sheet: e.sheet, rows: e.rows, columns: e.columns, parts: 0 })),
    partRows: plan.policy.partRows,
    check: plan.check,
    policySource: plan.policySource,
  };
}
