// Browser (renderer). How the Check step arranges its findings: grouped by column (plus "Whole
// file"), the owner's waivers applied at once (the host applies them again on the next run),
// and the counts on the summary tiles.

import type { CheckOutcome, ColumnProfile, Finding } from '../../../shared/core/inspect/report';
import type { Waiver } from '../../../shared/core/metadata/types';
import { waiverMatches } from '../state/describe-state';

export interface FindingView {
  finding: Finding;
  /** The waiver in effect: the owner's current one, not a stale one from the last run. */
  waiver: Waiver | undefined;
  /** Only warnings that do not stop publishing may be waived. */
  waivable: boolean;
}

export interface FindingGroup {
  /** Column letter, or "" for the whole file. */
  column: string;
  title: string;
  findings: FindingView[];
}

export type ColumnStatus = 'ok' | 'warnings' | 'blocking';

export function viewFinding(f: Finding, waivers: readonly Waiver[]): FindingView {
  const waivable = !f.blocking && f.severity === 'warning';
  const waiver = waivable ? waivers.find((w) => waiverMatches(w, f)) : undefined;
  return { finding: f, waiver, waivable };
}

/** Column groups in sheet order, then "Whole file"; blocking findings first within a group. */
export function groupFindings(
  findings: readonly Finding[],
  columns: readonly Pick<ColumnProfile, 'letter' | 'name'>[],
  waivers: readonly Waiver[],
): FindingGroup[] {
  const rank = (v: FindingView) => (v.finding.blocking ? 0 : v.finding.severity === 'error' ? 1 : v.finding.severity === 'warning' ? 2 : 3);
  const byCol = new Map<string, FindingView[]>();
  for (const f of findings) {
    const key = f.column ?? '';
    const list = byCol.get(key) ?? [];
    list.push(viewFinding(f, waivers));
    byCol.set(key, list);
  }
  const groups: FindingGroup[] = [];
  const known = new Set<string>();
  for (const c of columns) {
    known.add(c.letter);
    const list = byCol.get(c.letter);
    if (list) groups.push({ column: c.letter, title: `Column ${c.letter} · ${c.name}`, findings: list.sort((a, b) => rank(a) - rank(b)) });
  }
  for (const [key, list] of byCol) {
    if (key === '' || known.has(key)) continue;
    groups.push({ column: key, title: `Column ${key}`, findings: list.sort((a, b) => rank(a) - rank(b)) });
  }
  const whole = byCol.get('');
  if (whole) groups.push({ column: '', title: 'Whole file', findings: whole.sort((a, b) => rank(a) - rank(b)) });
  return groups;
}

export interface CheckTotals {
  blocking: number;
  warnings: number;
  waived: number;
  canPublish: boolean;
}

/** Counts with the owner's waivers applied; publishing still needs the host's own yes. */
export function checkTotals(check: CheckOutcome, waivers: readonly Waiver[]): CheckTotals {
  let blocking = 0;
  let warnings = 0;
  let waived = 0;
  for (const f of check.findings) {
    const v = viewFinding(f, waivers);
    if (f.blocking) blocking++;
    else if (v.waiver) waived++;
    else if (f.severity === 'warning') warnings++;
  }
  return { blocking, warnings, waived, canPublish: check.canPublish && blocking === 0 };
}

export function columnStatus(letter: string, check: CheckOutcome, waivers: readonly Waiver[]): ColumnStatus {
  let status: ColumnStatus = 'ok';
  for (const f of check.findings) {
    if (f.column !== letter) continue;
    if (f.blocking) return 'blocking';
    if (f.severity === 'warning' && !viewFinding(f, waivers).waiver) status = 'warnings';
  }
  return status;
}

/** An ISO time as the owner's clock shows it: "2026-11-21 10:07". Unreadable text is shown as is. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
