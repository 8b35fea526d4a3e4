import { describe, expect, it } from 'vitest';
import { bumpRank, bumpVersion, compareVersions, formatVersion, parseVersion } from '../../../shared/core/versioning/semver';
import { UserFacingError } from '../../../shared/core/result';

describe('parseVersion', () => {
  it('reads plain versions, with or without a leading v', () => {
    expect(parseVersion('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3 });
    expect(parseVersion('v0.0.0')).toEqual({ major: 0, minor: 0, patch: 0 });
    expect(parseVersion('10.20.300')).toEqual({ major: 10, minor: 20, patch: 300 });
  });

  it.each(['', '1', '1.2', '1.2.3.4', '1.2.3-beta', '1.2.3+build', 'V1.2.3', ' 1.2.3', '1.2.3 ', '01.2.3', '1.02.3', '1.2.03',
    '-1.2.3', '1.x.3', 'vv1.2.3', '１.2.3', '1e3.0.0', '99999999999999999999.0.0'])('refuses %j', (s) => {
    expect(parseVersion(s)).toBeUndefined();
  });

  it('does not crash on a non-string from a hand-edited file', () => {
    expect(parseVersion(123 as unknown as string)).toBeUndefined();
  });
});

describe('formatVersion', () => {
  it('round-trips', () => {
    expect(formatVersion({ major: 1, minor: 10, patch: 0 })).toBe('1.10.0');
    expect(formatVersion(parseVersion('v3.4.5')!)).toBe('3.4.5');
  });
});

describe('compareVersions', () => {
  it('compares numbers, not text', () => {
    expect(compareVersions('1.9.0', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '1.99.99')).toBeGreaterThan(0);
    expect(compareVersions('1.2.10', '1.2.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2.3', 'v1.2.3')).toBe(0);
  });

  it('sorts unparsable versions first, deterministically', () => {
    expect(compareVersions('garbage', '0.0.0')).toBeLessThan(0);
    expect(compareVersions('0.0.1', 'garbage')).toBeGreaterThan(0);
    expect(compareVersions('x', 'x')).toBe(0);
    const sorted = ['1.10.0', 'zzz', '1.9.0', '1.2', '0.1.0'].sort(compareVersions);
    expect(sorted).toEqual(['1.2', 'zzz', '0.1.0', '1.9.0', '1.10.0']);
  });
});

describe('bumpVersion', () => {
  it('raises one part and resets the lower ones', () => {
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('v1.9.9', 'minor')).toBe('1.10.0');
    expect(bumpVersion('0.0.0', 'patch')).toBe('0.0.1');
  });

  it('refuses an unreadable version with a message for the owner', () => {
    expect(() => bumpVersion('1.2', 'patch')).toThrow(UserFacingError);
    expect(() => bumpVersion('1.2', 'patch')).toThrow(/"1.2" is not a version number/);
  });

  it('refuses to go past the largest exact number', () => {
    const top = `${Number.MAX_SAFE_INTEGER}.0.0`;
    expect(parseVersion(top)).toBeDefined();
    expect(() => bumpVersion(top, 'major')).toThrow(/too large/);
    expect(bumpVersion(top, 'minor')).toBe(`${Number.MAX_SAFE_INTEGER}.1.0`);
  });
});

describe('bumpRank', () => {
  it('orders patch < minor < major', () => {
    expect([bumpRank('patch'), bumpRank('minor'), bumpRank('major')]).toEqual([0, 1, 2]);
  });
});
