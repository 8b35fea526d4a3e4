// Browser (renderer). What publish.prepare is sent: exactly the inputs the Check step used (file,
// sheet, header row, column types, description and accepted warnings), so the host checks and
// publishes what the owner saw checked. Kept apart from publish-state.ts so the pure publish
// transitions do not depend on the import flow.

import type { ImportState } from './import-state';
import type { PrepareInput } from './publish-state';
import { checkRequestFor } from './steps-state';

export function prepareRequestFor(s: ImportState): PrepareInput | null {
  const base = checkRequestFor(s);
  if (!base?.meta) return null;
  const req: PrepareInput = { sourceId: base.sourceId, meta: base.meta };
  if (base.sheet !== undefined) req.sheet = base.sheet;
  if (base.headerRow !== undefined) req.headerRow = base.headerRow;
  if (base.typeOverrides !== undefined) req.typeOverrides = base.typeOverrides;
  if (base.waivers && base.waivers.length > 0) req.waivers = base.waivers;
  return req;
}

/** True when the data, description or waivers changed since the proposal was prepared. */
export function publishIsStale(s: ImportState): boolean {
  const now = prepareRequestFor(s);
  return JSON.stringify(now) !== JSON.stringify(s.publish.request);
}
