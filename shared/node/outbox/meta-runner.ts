// Node only.
// Metadata-only outbox jobs ("Edit description" while offline) go out through the same steps as
// publish.prepareMeta: a new version that reuses the published data. The description is checked
// against the mesh's rules first; a blocking finding fails the job with the finding in words.
// The two steps are handed in: the app runs them in a worker (publish-runner.ts), the CLI in its
// own process (local-runners.ts), so the app's main process never loads the schema validators.

import type { ProductMeta } from '../../core/metadata/types';
import type { MetaPublishPlan } from '../../core/publish/meta-prepare';
import type { Bump } from '../../core/publish/version-history';
import type { PublishResult } from '../../core/api/contract';
import { fail, ok, type Result } from '../../core/result';
import type { MeshConnection } from '../publish/publish-file';
import { blockedWords } from './blocked-words';
import type { RunControl } from './publish-runner';
import type { MetaPublisher } from './send-job';

export interface MetaSteps {
  prepare(input: { mesh: MeshConnection; product: string; baseVersion: string; meta: ProductMeta }, ctl: RunControl): Promise<Result<MetaPublishPlan>>;
  run(input: { mesh: MeshConnection; plan: MetaPublishPlan; bump?: Bump; publisher?: string; publishId: string }, ctl: RunControl): Promise<Result<PublishResult>>;
}

export function metaPublisher(steps: MetaSteps): MetaPublisher {
  return {
    async publish(input, ctl) {
      const plan = await steps.prepare({ mesh: input.mesh, product: input.product, baseVersion: input.baseVersion, meta: input.meta }, ctl);
      if (!plan.ok) return plan;
      if (!plan.value.check.canPublish) return fail('outbox.blocked', blockedWords(`The description of "${input.product}"`, plan.value.check));
      if (plan.value.current.version !== input.baseVersion) return fail('publish.lost-race', 'Someone else published meanwhile.');
      const run = await steps.run(
        {
          mesh: input.mesh,
          plan: plan.value,
          publishId: input.publishId,
          ...(input.bump ? { bump: input.bump } : {}),
          ...(input.publisher ? { publisher: input.publisher } : {}),
        },
        ctl,
      );
      if (!run.ok) return run;
      return ok({ version: run.value.version, address: run.value.address, publishedAt: run.value.publishedAt });
    },
  };
}
