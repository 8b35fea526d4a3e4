// Node only.
// Prepared publishes waiting for the Publish button, by plan id. publish.prepare (a file) and
// publish.prepareMeta (a description only) both put plans here and publish.run takes either, so
// the page has one Publish button. The two handler groups are made separately (handlers.ts), so
// they find the same shelf through the settings store both are given: one shelf per handler map.

import { randomUUID } from 'node:crypto';
import type { CallContext, PublishResult } from '../../core/api/contract';
import type { MetaPublishPlan } from '../../core/publish/meta-prepare';
import type { PublishPlan } from '../../core/publish/prepare';
import type { Bump } from '../../core/publish/version-history';
import type { Result } from '../../core/result';
import type { MeshConnectionInfo } from '../settings/mesh-settings';
import type { RegisteredSource } from '../sources/source-registry';

export interface FilePlanHeld {
  kind: 'file';
  /** Set while publish.run sends it: a second press must not start a second publish. */
  running?: boolean;
  plan: PublishPlan;
  source: RegisteredSource;
  mesh: MeshConnectionInfo;
}

export interface MetaPlanHeld {
  kind: 'metadata-only';
  running?: boolean;
  plan: MetaPublishPlan;
  mesh: MeshConnectionInfo;
  /** Sends it (made by the handlers that prepared it, which know the data folder). */
  run: (bump: Bump | undefined, ctx: CallContext, jobId: string) => Promise<Result<PublishResult>>;
}

export type HeldPlan = FilePlanHeld | MetaPlanHeld;

/** Plans waiting for the Publish button; older ones are dropped (the page prepares again). */
const MAX_PLANS = 8;

export class PlanShelf {
  private readonly plans = new Map<string, HeldPlan>();
  /** Called after any publish succeeds (keeps the offline copy of the product's description). */
  onPublished?: (mesh: MeshConnectionInfo, product: string) => Promise<void>;

  keep(held: HeldPlan): string {
    const id = randomUUID().replace(/-/g, '');
    this.plans.set(id, held);
    while (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    return id;
  }

  get(id: string): HeldPlan | undefined {
    return this.plans.get(id);
  }

  delete(id: string): void {
    this.plans.delete(id);
  }
}

const shelves = new WeakMap<object, PlanShelf>();

/** The shelf of the handler map built around this settings store. */
export function planShelfFor(settings: object): PlanShelf {
  let shelf = shelves.get(settings);
  if (!shelf) {
    shelf = new PlanShelf();
    shelves.set(settings, shelf);
  }
  return shelf;
}
