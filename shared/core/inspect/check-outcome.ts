// Runs anywhere (pure core).
// The verdict of the Check step: every problem found while reading, profiling and checking,
// plus the governance policy's violations, each with the policy's decision (block, warn, inform,
// or ignore), the owner's waivers applied, and whether the product may be published.

import type { Problem, Severity } from '../problems';
import type { ProductMeta, Waiver } from '../metadata/types';
import type { CheckSeverity, Policy } from '../policy/types';
import { evaluatePolicy, severityFor } from '../policy/evaluate';
import { suggestPersonalData } from '../metadata/personal-suggest';
import type { CheckOutcome, ColumnProfile, Finding, PersonalDataSuggestion } from './report';

export interface CheckOutcomeInput {
  problems: Problem[];
  meta: ProductMeta;
  /** Columns of the checked sheet (the first one inspected). */
  columns: ColumnProfile[];
  sheet: string | undefined;
  policy: Policy;
  waivers: Waiver[];
}

const SEVERITY_OF: Record<Exclude<CheckSeverity, 'off'>, Severity> = { block: 'error', warn: 'warning', info: 'info' };

function matchesWaiver(f: Problem, w: Waiver): boolean {
  return w.code === f.code && (w.sheet === undefined || w.sheet === f.sheet) && (w.column === undefined || w.column === f.column);
}

export function buildCheckOutcome(input: CheckOutcomeInput): CheckOutcome {
  const { policy } = input;
  const violations: Problem[] = evaluatePolicy(input.meta, input.columns, policy).map((v) => {
    const column = v.column === undefined ? undefined : input.columns.find((c) => c.name === v.column);
    return {
      severity: v.blocking ? 'error' : 'warning',
      code: v.code,
      message: v.message,
      count: 1,
      examples: [],
      ...(column ? { column: column.letter, columnName: column.name } : {}),
      ...(input.sheet !== undefined && column ? { sheet: input.sheet } : {}),
    };
  });

  // With a declared type the checker reports misfits against it (check.type-mismatch); the
  // profiler's report on the same column (infer.mixed-types) would count the same values twice.
  const typeChecked = new Set(input.problems.filter((p) => p.code === 'check.type-mismatch').map((p) => `${p.sheet}\u0000${p.column}`));
  const problems = input.problems.filter((p) => !(p.code === 'infer.mixed-types' && typeChecked.has(`${p.sheet}\u0000${p.column}`)));

  const findings: Finding[] = [];
  for (const p of [...violations, ...problems]) {
    const verdict = severityFor(p.code, policy, p.severity);
    if (verdict === 'off') continue;
    const finding: Finding = { ...p, severity: SEVERITY_OF[verdict], blocking: verdict === 'block' };
    if (!finding.blocking) {
      const waiver = input.waivers.find((w) => matchesWaiver(finding, w));
      if (waiver) finding.waived = waiver;
    }
    findings.push(finding);
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);

  const blocking = findings.filter((f) => f.blocking).length;
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.waived).length;
  return {
    findings,
    blocking,
    warnings,
    canPublish: blocking === 0,
    suggestions: personalSuggestions(input.columns, input.meta),
    partRows: policy.partRows,
  };
}

/** Suggestions only for columns whose personal-data status the owner has not decided yet. */
function personalSuggestions(columns: ColumnProfile[], meta: ProductMeta): PersonalDataSuggestion[] {
  const undecided = columns.filter((c) => {
    const own = meta.columns && Object.hasOwn(meta.columns, c.name) ? meta.columns[c.name] : undefined;
    return own?.personal === undefined;
  });
  const out: PersonalDataSuggestion[] = [];
  for (const s of suggestPersonalData(undecided)) {
    if (s.suggested !== 'none') out.push({ column: s.column, kind: s.kind, suggested: s.suggested, reason: s.reason, source: s.source });
  }
  return out;
}
