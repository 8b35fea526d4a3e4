// The Check verdict: policy decisions, waivers, and one report per misfit value.
import { describe, expect, it } from 'vitest';
import { buildCheckOutcome } from '../../../shared/core/inspect/check-outcome';
import { severityFor } from '../../../shared/core/policy/evaluate';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';
import type { Problem } from '../../../shared/core/problems';
import type { ColumnProfile } from '../../../shared/core/inspect/report';

const problem = (code: string, severity: Problem['severity'], column?: string): Problem => ({
  severity, code, message: `${code} here`, sheet: 'S', count: 1, examples: [], ...(column ? { column } : {}),
});

const column = (index: number, name: string): ColumnProfile => ({
  index, letter: String.fromCharCode(65 + index), name, header: name, type: 'text', inferredType: 'text', filled: 1, empty: 0,
  distinct: 1, distinctExact: true, min: null, max: null, top: [], nonConforming: 0, examples: [],
});

const fullMeta = {
  name: 'orders', title: 'Orders', description: 'All orders.', domain: 'sales', owner: { name: 'Ana', email: 'ana@acme.example' },
  frequency: 'monthly' as const, classification: 'internal' as const,
  columns: { Id: { description: 'Order id' }, Amount: { description: 'EUR' } },
};

const verdictFor = (code: string, severity: Problem['severity'], policy: typeof DEFAULT_POLICY) => severityFor(code, policy, severity);

describe('check outcome', () => {
  it('lets the policy decide, and falls back to the severity for reading problems', () => {
    expect(verdictFor('check.required-empty', 'warning', DEFAULT_POLICY)).toBe('block');
    expect(verdictFor('check.spaces', 'warning', DEFAULT_POLICY)).toBe('info');
    expect(verdictFor('csv.unterminated-quote', 'error', DEFAULT_POLICY)).toBe('block');
    expect(verdictFor('infer.ambiguous-date', 'warning', DEFAULT_POLICY)).toBe('warn');
    expect(verdictFor('policy.anything', 'warning', DEFAULT_POLICY)).toBe('block');
  });

  it('blocks on policy violations and blocking checks, and waives only warnings', () => {
    const columns = [column(0, 'Id'), column(1, 'Amount')];
    const problems = [problem('check.duplicate-key', 'error', 'A'), problem('check.future-date', 'warning', 'B')];
    const waivers = [
      { code: 'check.future-date', column: 'B', reason: 'Planned deliveries', at: '2026-11-21T10:00:00Z' },
      { code: 'check.duplicate-key', column: 'A', reason: 'Trying to skip a blocker', at: '2026-11-21T10:00:00Z' },
    ];
    const out = buildCheckOutcome({ problems, meta: { ...fullMeta, columns: { Id: {}, Amount: { description: 'EUR' } } }, columns, sheet: 'S', policy: DEFAULT_POLICY, waivers });
    const byCode = new Map(out.findings.map((f) => [f.code, f]));
    expect(byCode.get('check.duplicate-key')).toMatchObject({ blocking: true, severity: 'error' });
    expect(byCode.get('check.duplicate-key')?.waived).toBeUndefined();
    expect(byCode.get('check.future-date')).toMatchObject({ blocking: false, waived: { reason: 'Planned deliveries' } });
    expect(byCode.get('policy.required-column-field')).toMatchObject({ blocking: true, column: 'A', columnName: 'Id' });
    expect(out).toMatchObject({ blocking: 2, warnings: 0, canPublish: false, partRows: 1000 });
  });

  it('can publish when nothing blocks; turned-off checks disappear', () => {
    const policy = { ...DEFAULT_POLICY, checks: { ...DEFAULT_POLICY.checks, 'check.duplicate-row': 'off' as const } };
    const out = buildCheckOutcome({ problems: [problem('check.duplicate-row', 'warning')], meta: fullMeta, columns: [column(0, 'Id'), column(1, 'Amount')], sheet: 'S', policy, waivers: [] });
    expect(out.findings).toEqual([]);
    expect(out.canPublish).toBe(true);
  });

  it('reports a misfit once: the declared-type check replaces the profiler note on that column', () => {
    const problems = [problem('check.type-mismatch', 'error', 'B'), problem('infer.mixed-types', 'warning', 'B'), problem('infer.mixed-types', 'warning', 'C')];
    const out = buildCheckOutcome({ problems, meta: fullMeta, columns: [column(0, 'Id'), column(1, 'Amount')], sheet: 'S', policy: DEFAULT_POLICY, waivers: [] });
    expect(out.findings.map((f) => `${f.code}@${f.column}`).sort()).toEqual(['check.type-mismatch@B', 'infer.mixed-types@C']);
  });

  it('suggests personal data only where the owner has not decided', () => {
    const email = { ...column(0, 'Email'), examples: ['ana@acme.example', 'ben@acme.example'] };
    const undecided = buildCheckOutcome({ problems: [], meta: fullMeta, columns: [email], sheet: 'S', policy: DEFAULT_POLICY, waivers: [] });
    expect(undecided.suggestions.map((s) => `${s.column}:${s.kind}`)).toEqual(['Email:email']);
    const decided = buildCheckOutcome({ problems: [], meta: { ...fullMeta, columns: { Email: { personal: 'none' } } }, columns: [email], sheet: 'S', policy: DEFAULT_POLICY, waivers: [] });
    expect(decided.suggestions).toEqual([]);
  });
});
