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
  const extra = extraSheetsFor(s, base.sheet);
  if (extra.length > 0) req.extraSheets = extra;
  return req;
}

/**
 * The further sheets chosen, in workbook order, each with the header row the owner picked for it
 * on the Import step (if they looked at it); never the default sheet itself.
 */
function extraSheetsFor(s: ImportState, main: string | undefined): NonNullable<PrepareInput['extraSheets']> {
  const order = s.overview?.sheets.map((x) => x.name) ?? [];
  return order
    .filter((name) => name !== main && s.publish.extraSheets.includes(name))
    .map((sheet) => {
      const picked = s.choices.bySheet[sheet];
      return { sheet, ...(picked?.headerRow !== undefined ? { headerRow: picked.headerRow } : {}), ...(picked && Object.keys(picked.typeOverrides).length > 0 ? { typeOverrides: picked.typeOverrides } : {}) };
    });
}

/** True when the data, description or waivers changed since the proposal was prepared. */
export function publishIsStale(s: ImportState): boolean {
  const now = prepareRequestFor(s);
  return JSON.stringify(now) !== JSON.stringify(s.publish.request);
}
