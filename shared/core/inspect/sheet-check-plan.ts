// Runs anywhere (pure core).
// Turns the owner's description into the checker's plan for one sheet, once the header row is
// known: which column gets which rules, how fresh the data must be, and which checks the
// governance policy switched off (those are not even run).

import { columnLetter } from '../columns';
import type { SourceFormat } from '../ingest/types';
import type { ColumnMeta, ProductMeta } from '../metadata/types';
import type { Policy } from '../policy/types';
import { CHECK_DEFAULTS, FRESHNESS_MAX_AGE_DAYS, type CheckCode, type CheckLevel } from '../checks/check-defaults';
import type { CheckColumn, CheckPlanInput } from '../checks/check-plan';
import type { ColumnType } from './report';

export interface SheetCheckInput {
  sheet: string;
  format: SourceFormat;
  /** Column names as the profiler gives them (SheetProfiler.headerNames). */
  names: readonly string[];
  meta: ProductMeta;
  typeOverrides: Record<number, ColumnType> | undefined;
  policy: Policy;
  now: number;
  /** The published version's counts, for the drift checks. */
  previous?: { rows: number; emptyByColumn: Record<string, number> };
}

export function buildSheetCheckPlan(input: SheetCheckInput): CheckPlanInput {
  const { names } = input;
  const owned = input.meta.columns ?? {};
  const columns: CheckColumn[] = names.map((name, index) => {
    const meta: ColumnMeta = Object.hasOwn(owned, name) ? owned[name]! : {};
    // Without a declared type a column is checked as text: the profiler reports values that do
    // not fit the inferred type (infer.mixed-types), so the checker need not repeat it.
    const type = meta.type ?? input.typeOverrides?.[index] ?? 'text';
    return { index, letter: columnLetter(index), name, type, meta };
  });
  const plan: CheckPlanInput = { sheet: input.sheet, format: input.format, columns, now: input.now, levels: levelsFrom(input.policy) };
  if (input.previous) plan.previous = input.previous;
  const maxAgeDays = input.meta.frequency ? FRESHNESS_MAX_AGE_DAYS[input.meta.frequency] : undefined;
  const freshIndex = input.meta.freshnessColumn === undefined ? -1 : names.indexOf(input.meta.freshnessColumn);
  if (maxAgeDays !== undefined && freshIndex >= 0) plan.freshness = { columnIndex: freshIndex, maxAgeDays };
  return plan;
}

/** Only "off" matters here (it saves the work); severities are decided with the whole outcome. */
function levelsFrom(policy: Policy): Partial<Record<CheckCode, CheckLevel>> {
  const levels: Partial<Record<CheckCode, CheckLevel>> = {};
  for (const code of Object.keys(CHECK_DEFAULTS) as CheckCode[]) {
    if (Object.hasOwn(policy.checks, code) && policy.checks[code] === 'off') levels[code] = 'off';
  }
  return levels;
}
