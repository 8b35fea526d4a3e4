// The Publish step's sentences.
import { describe, expect, it } from 'vitest';
import * as V from '../../../renderer/src/lib/publish-view';

describe('publish sentences', () => {
  it('labels the version choices', () => {
    expect(V.bumpLabel({ bump: 'major', version: '2.0.0' }, 'major')).toBe('2.0.0 — major (required)');
    expect(V.bumpLabel({ bump: 'major', version: '2.0.0' }, 'minor')).toBe('2.0.0 — major');
    expect(V.bumpLabel({ bump: 'major', version: '1.0.0' }, 'initial')).toBe('1.0.0 — first version');
  });

  it('says what consumers will see', () => {
    expect(V.partsText({ rows: 12_345, parts: 13 }, 1000)).toBe('12,345 rows in 13 files of up to 1,000 rows');
    expect(V.partsText({ rows: 1, parts: 1 }, 1)).toBe('1 row in 1 file of up to 1 row');
    expect(V.totalParts({ endpoints: [{ name: 'a', sheet: 'A', rows: 1, columns: 1, parts: 3 }, { name: 'b', sheet: 'B', rows: 1, columns: 1, parts: 2 }] })).toBe(5);
    expect(V.currentVersionText({ current: null })).toMatch(/New product/);
    expect(V.currentVersionText({ current: { version: '1.2.0', publishedBy: 'Ana' } })).toBe('Now 1.2.0 by Ana');
  });

  it('tells progress in words per phase', () => {
    const base = { jobId: 'j', bytesDone: 50, bytesTotal: 100, rows: 10 };
    expect(V.publishProgressView(null, 10, false)).toMatchObject({ text: 'Getting ready…', indeterminate: true });
    expect(V.publishProgressView({ ...base, phase: 'reading' }, 10, false)).toEqual({ text: 'Reading your file… 50%', pct: 50, indeterminate: false });
    expect(V.publishProgressView({ ...base, phase: 'uploading', partsDone: 120, bytesSent: 16_000_000 }, 1000, false)).toEqual({ text: 'Sent 120 of ~1,000 files, 16 MB', pct: 12, indeterminate: false });
    expect(V.publishProgressView({ ...base, phase: 'uploading', partsDone: 3 }, 0, false).text).toBe('Sent 3 files');
    expect(V.publishProgressView({ ...base, phase: 'committing' }, 10, false).text).toMatch(/visible to readers/);
    expect(V.publishProgressView({ ...base, phase: 'uploading' }, 10, true).text).toBe('Stopping…');
  });

  it('words the success page', () => {
    expect(V.doneTitle({ product: 'price-list', version: '1.2.0' })).toBe('Published price-list v1.2.0');
    expect(V.doneSizeText({ rows: 12_345, parts: 13, bytes: 2_100_000 })).toBe('12,345 rows in 13 files (2.1 MB)');
    expect(V.formatWhen('2026-01-02T03:04:05Z', (d) => new Date(d.getTime() + d.getTimezoneOffset() * 60_000))).toBe('2026-01-02 03:04');
    expect(V.formatWhen('not a date')).toBe('not a date');
  });
});
