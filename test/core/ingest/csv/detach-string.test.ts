import { describe, expect, it } from 'vitest';
import { detachString } from '../../../../shared/core/ingest/csv/detach-string';

describe('detachString', () => {
  it('returns an equal string', () => {
    const big = `${'x'.repeat(1000)}Customer account 42${'y'.repeat(1000)}`;
    expect(detachString(big.slice(1000, 1019))).toBe('Customer account 42');
    expect(detachString('short')).toBe('short');
    expect(detachString('')).toBe('');
  });
});
