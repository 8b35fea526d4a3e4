// "How old": minutes, hours, yesterday, days, weeks, months, years; unreadable times give null.
import { describe, expect, it } from 'vitest';
import { relativeAge } from '../../../renderer/src/lib/relative-age';

const at = Date.parse('2026-03-10T12:00:00Z');
const before = (ms: number) => new Date(at - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relativeAge', () => {
  it('says it in the words people use', () => {
    expect(relativeAge(before(10_000), at)).toBe('just now');
    expect(relativeAge(before(-30_000), at)).toBe('just now');
    expect(relativeAge(before(MIN), at)).toBe('1 minute ago');
    expect(relativeAge(before(59 * MIN), at)).toBe('59 minutes ago');
    expect(relativeAge(before(HOUR), at)).toBe('1 hour ago');
    expect(relativeAge(before(23 * HOUR + 59 * MIN), at)).toBe('23 hours ago');
    expect(relativeAge(before(DAY + HOUR), at)).toBe('yesterday');
    expect(relativeAge(before(13 * DAY), at)).toBe('13 days ago');
    expect(relativeAge(before(15 * DAY), at)).toBe('2 weeks ago');
    expect(relativeAge(before(90 * DAY), at)).toBe('3 months ago');
    expect(relativeAge(before(800 * DAY), at)).toBe('2 years ago');
  });

  it('returns null for a time it cannot read', () => {
    expect(relativeAge('yesterday-ish', at)).toBeNull();
  });
});
