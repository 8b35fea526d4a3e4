// The Check step's arrangement: findings by column then "Whole file", waivers applied at once,
// and counts that never let a waiver hide a blocking finding.
import { describe, expect, it } from 'vitest';
import type { CheckOutcome, Finding } from '../../../shared/core/inspect/report';
import type { Waiver } from '../../../shared/core/metadata/types';
import { checkTotals, columnStatus, formatLocalTime, groupFindings } from '../../../renderer/src/lib/check-view';

const f = (code: string, severity: Finding['severity'], blocking: boolean, column?: string): Finding => ({
  code,
  severity,
  blocking,
  message: `${code} in ${column ?? 'file'}`,
  count: 1,
  examples: [],
  sheet: 'Sales',
  ...(column ? { column } : {}),
});

const findings = [
  f('policy.required-field', 'error', true),
  f('check.spaces', 'warning', false, 'B'),
  f('check.duplicate-key', 'error', true, 'B'),
  f('check.type-mismatch', 'warning', false, 'A'),
  f('infer.note', 'info', false, 'A'),
  f('check.old', 'warning', false, 'Z'),
];
const columns = [{ letter: 'A', name: 'Code' }, { letter: 'B', name: 'Region' }, { letter: 'C', name: 'Price' }];
const check: CheckOutcome = { findings, blocking: 2, warnings: 3, canPublish: false, suggestions: [], partRows: 1000 };
const waiver = (code: string, column: string): Waiver => ({ code, sheet: 'Sales', column, reason: 'Good reason here', at: '2026-01-01T00:00:00Z' });

describe('groupFindings', () => {
  it('orders by column, puts blocking first, and keeps unknown columns and the whole file last', () => {
    const groups = groupFindings(findings, columns, []);
    expect(groups.map((g) => g.title)).toEqual(['Column A · Code', 'Column B · Region', 'Column Z', 'Whole file']);
    expect(groups[1]!.findings.map((v) => v.finding.code)).toEqual(['check.duplicate-key', 'check.spaces']);
    expect(groups[0]!.findings.map((v) => v.waivable)).toEqual([true, false]);
  });

  it('applies a waiver only to the warning it names, never to a blocking finding', () => {
    const groups = groupFindings(findings, columns, [waiver('check.spaces', 'B'), waiver('check.duplicate-key', 'B')]);
    const b = groups[1]!.findings;
    expect(b.find((v) => v.finding.code === 'check.spaces')!.waiver?.reason).toBe('Good reason here');
    expect(b.find((v) => v.finding.code === 'check.duplicate-key')!.waiver).toBeUndefined();
  });
});

describe('checkTotals and columnStatus', () => {
  it('counts warnings left after waivers; blocking findings stay', () => {
    expect(checkTotals(check, [])).toEqual({ blocking: 2, warnings: 3, waived: 0, canPublish: false });
    expect(checkTotals(check, [waiver('check.spaces', 'B')])).toEqual({ blocking: 2, warnings: 2, waived: 1, canPublish: false });
  });

  it('allows publishing only when the host said yes and nothing blocks', () => {
    const clean: CheckOutcome = { ...check, findings: findings.filter((x) => !x.blocking), blocking: 0, canPublish: true };
    expect(checkTotals(clean, []).canPublish).toBe(true);
    expect(checkTotals({ ...clean, canPublish: false }, []).canPublish).toBe(false);
  });

  it('gives each column a badge', () => {
    expect(columnStatus('B', check, [waiver('check.spaces', 'B')])).toBe('blocking');
    expect(columnStatus('A', check, [])).toBe('warnings');
    expect(columnStatus('A', check, [waiver('check.type-mismatch', 'A')])).toBe('ok');
    expect(columnStatus('C', check, [])).toBe('ok');
  });
});

describe('formatLocalTime', () => {
  it('shows a readable local time and leaves unreadable text alone', () => {
    expect(formatLocalTime('2026-11-21T10:07:00Z')).toMatch(/^2026-11-2\d \d\d:\d7$/);
    expect(formatLocalTime('yesterday')).toBe('yesterday');
  });
});
