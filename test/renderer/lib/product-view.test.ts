// The product page's words: column types, version steps, frequencies, preview cells and the
// owner's mail link (only for something that looks like an address).
import { describe, expect, it } from 'vitest';
import { bumpLabel, cellText, frequencyLabel, mailtoHref, personalLabel, pulledTypeLabel } from '../../../renderer/src/lib/product-view';

describe('product page words', () => {
  it('names published column types as the Describe step does', () => {
    expect(pulledTypeLabel('string')).toBe('Text');
    expect(pulledTypeLabel('timestamp')).toBe('Date and time');
    expect(pulledTypeLabel('integer')).toBe('Whole number');
  });

  it('version steps, frequencies and personal data in plain words; unknown values as written', () => {
    expect(bumpLabel('initial')).toBe('First version');
    expect(bumpLabel('major')).toBe('Major change');
    expect(bumpLabel('weird')).toBe('weird');
    expect(frequencyLabel('monthly')).toBe('Every month');
    expect(frequencyLabel('fortnightly')).toBe('fortnightly');
    expect(frequencyLabel(undefined)).toBe('Not stated');
    expect(personalLabel('sensitive')).toBe('Sensitive personal data');
    expect(personalLabel(undefined)).toBe('');
  });

  it('shows preview cells as text, dates as their ISO text', () => {
    expect(cellText({ kind: 'date', iso: '2026-03-31' })).toBe('2026-03-31');
    expect(cellText({ kind: 'datetime', iso: '2026-03-31T14:05:00Z' })).toBe('2026-03-31T14:05:00Z');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(true)).toBe('yes');
    expect(cellText(null)).toBe('');
    expect(cellText('=cmd')).toBe('=cmd');
  });

  it('links only e-mail-like owners', () => {
    expect(mailtoHref('zoe@example.com')).toBe('mailto:zoe@example.com');
    expect(mailtoHref('zoë+sales@example.com')).toBe('mailto:zo%C3%AB%2Bsales@example.com');
    expect(mailtoHref('javascript:alert(1)')).toBeUndefined();
    expect(mailtoHref('a@b.c?cc=x@y.z')).toBeUndefined(); // two addresses in one
    expect(mailtoHref('a@b.c?cc=x')).toBe('mailto:a@b.c%3Fcc%3Dx'); // no extra headers smuggled in
    expect(mailtoHref(undefined)).toBeUndefined();
  });
});
