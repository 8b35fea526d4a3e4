// Browser (renderer). Moving between the steps (Import ⇄ Describe ⇄ Check ⇄ Publish) and what the Check
// step sends. Pure: the store sequences the calls. Moving never discards the draft.

import type { InspectRequest } from '../../../shared/core/api/contract';
import type { SheetReport } from '../../../shared/core/inspect/report';
import { suggestMeta } from '../../../shared/core/metadata/suggest';
import { metaForRequest, seedDraft, seedKey } from './describe-state';
import type { ImportState, Screen } from './import-state';
import { inspectRequestFor, reportMatchesChoices } from './import-state';

/** The sheet report of the sheet now chosen, when the report on screen is about it. */
export function chosenSheetReport(s: Pick<ImportState, 'report' | 'choices'>): SheetReport | null {
  return s.report?.sheets.find((x) => x.name === s.choices.sheet) ?? null;
}

/** Describe and Check need the chosen sheet read with the current choices. */
export function canLeaveImport(s: ImportState): boolean {
  return !!chosenSheetReport(s) && reportMatchesChoices(s);
}

/** Why the Publish step cannot be opened from the step list, or null when it can. */
export function publishBlockedReason(s: ImportState): string | null {
  return s.publish.request === null ? 'Press “Publish…” at the end of the Check step first.' : null;
}

export function goTo(s: ImportState, screen: Screen): ImportState {
  if (screen === 'home' || !s.overview) return s;
  if (screen === 'publish' && publishBlockedReason(s) !== null) return s;
  // A message about the previous step (a saved report, a stopped read) does not follow the owner.
  if (screen === 'import') return { ...s, screen, notice: null };
  const sheet = chosenSheetReport(s);
  if (!sheet || !canLeaveImport(s)) return s;
  // Seeded once per file and sheet; what the owner typed stays, only blanks are filled.
  const fileName = s.source?.name ?? s.overview.source.name;
  const draft = seedDraft(s.draft, seedKey(fileName, sheet.name), suggestMeta(fileName, sheet));
  return { ...s, screen, draft, notice: null };
}

/** inspect.run input for the Check step (without the job id). */
export function checkRequestFor(s: ImportState): Omit<InspectRequest, 'jobId'> | null {
  const base = inspectRequestFor(s);
  const sheet = chosenSheetReport(s);
  if (!base || !sheet) return null;
  return { ...base, meta: metaForRequest(s.draft.meta, sheet), waivers: s.draft.waivers.map((w) => ({ ...w })) };
}

const signature = (r: Omit<InspectRequest, 'jobId'> | null): string =>
  r ? JSON.stringify([r.sourceId, r.sheet ?? null, r.headerRow ?? null, r.typeOverrides ?? {}, r.meta ?? {}]) : '';

/**
 * True when the check on screen was made with other data or another description. Waivers are
 * left out: they are applied on screen at once and the host applies them again on the next run.
 */
export function checkIsStale(s: ImportState): boolean {
  if (!s.checkReport || !s.checkRequest) return true;
  return signature(s.checkRequest) !== signature(checkRequestFor(s));
}
