import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, compilePattern, riskyGroup } from '../../../shared/core/checks/pattern-rule';

describe('compilePattern', () => {
  it('accepts ordinary patterns and anchors them to the whole value', () => {
    const r = compilePattern('[A-Z]{2}-\\d{4}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regex.test('AB-1234')).toBe(true);
    expect(r.regex.test('xAB-1234')).toBe(false);
    expect(r.regex.test('AB-12345')).toBe(false);
  });

  it('keeps alternatives inside the anchors', () => {
    const r = compilePattern('cat|dog');
    expect(r.ok && r.regex.test('cat') && r.regex.test('dog') && !r.regex.test('cats')).toBe(true);
  });

  it.each(['(a+)+', '(a*)*b', '(a|aa)+', '(\\d{1,3})+x', '((ab)*c)+', '(a?)+', '(?:x+y?)*'])('refuses the backtracking shape %s', (p) => {
    const r = compilePattern(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('repeats a group');
  });

  it.each(['(\\d{3})+', '(ab)+', '(?:[a+*]|x)', '\\(a+\\)+', '[(a+)+]', '(\\d+)-(\\d+)', '(a+)?'])('accepts the safe shape %s', (p) => {
    expect(riskyGroup(p)).toBeUndefined();
    expect(compilePattern(p).ok).toBe(true);
  });

  it('reports a syntax error and an over-long pattern in words', () => {
    const bad = compilePattern('(abc');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('not a valid pattern');
    const long = compilePattern('a'.repeat(MAX_PATTERN_LENGTH + 1));
    expect(long.ok).toBe(false);
  });
});
