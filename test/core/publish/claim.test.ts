// Test. The publish claim on a real folder mesh: one holder at a time, resumed by the same
// draft, taken over only once stale, and a heartbeat that notices a takeover.

import { describe, expect, it } from 'vitest';
import { acquireClaim, CLAIM_STALE_MS, heartbeat, PublishConflict, releaseClaim } from '../../../shared/core/publish/claim';
import { removeLeftovers } from '../../../shared/core/publish/cleanup';
import { claimKey } from '../../../shared/core/mesh/layout';
import { createFileStore } from '../../../shared/node/mesh/file-store';
import { tempDir } from '../../fixtures/make-fixtures';

const T0 = Date.parse('2026-11-21T10:00:00Z');

describe('publish claims', () => {
  it('one holder; the same draft resumes; others are told who and since when', async () => {
    const store = createFileStore(tempDir());
    const a = await acquireClaim(store, { publishId: 'anna-draft', product: 'prices', version: '1.1.0', by: 'Anna' }, () => T0);
    expect(a.resumed).toBe(false);
    const again = await acquireClaim(store, { publishId: 'anna-draft', product: 'prices', version: '1.1.0', by: 'Anna' }, () => T0 + 1000);
    expect(again.resumed).toBe(true);
    const refused = await acquireClaim(store, { publishId: 'ben-draft', product: 'prices', version: '2.0.0', by: 'Ben' }, () => T0 + 2000).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(PublishConflict);
    expect((refused as Error).message).toMatch(/Anna started publishing "prices" v1\.1\.0 at 2026-11-21 10:00 UTC/);
    await releaseClaim(store, again);
    expect(await store.head(claimKey('prices'))).toBeNull();
  });

  it('a stale claim is taken over, and the old holder learns it at its next heartbeat', async () => {
    const store = createFileStore(tempDir());
    const a = await acquireClaim(store, { publishId: 'a', product: 'prices', version: '1.1.0' }, () => T0);
    const b = await acquireClaim(store, { publishId: 'b', product: 'prices', version: '1.1.0' }, () => T0 + CLAIM_STALE_MS + 1);
    expect(b.tookOver).toBe(true);
    await expect(heartbeat(store, a, () => T0 + CLAIM_STALE_MS + 2)).rejects.toBeInstanceOf(PublishConflict);
    // A release by the old holder must not remove the new holder's claim.
    await releaseClaim(store, a);
    expect(await store.head(claimKey('prices'))).not.toBeNull();
    const b2 = await heartbeat(store, b, () => T0 + CLAIM_STALE_MS + 3);
    expect(b2.doc.heartbeatAt).toBe(new Date(T0 + CLAIM_STALE_MS + 3).toISOString());
  });

  it('clean-up removes only versions above the current one', async () => {
    const store = createFileStore(tempDir());
    const put = (k: string) => store.put(k, new TextEncoder().encode('x'));
    for (const k of ['p1/default/v0.9.0.datapart0001.csv', 'p1/default/v1.0.0.datapart0001.csv', 'p1/default/v1.0.1.datapart0001.csv', 'p1/stats/v1.0.1.json', 'p1/schemata/v2.0.0.20261121T100000Z.yaml', 'p1/product.yaml', 'p10/default/v9.0.0.datapart0001.csv']) await put(k);
    const current = { version: '1.0.0', etag: '', descriptor: { apiVersion: 'v1.0.0' as const, kind: 'DataProduct' as const, id: 'x', status: 'active' }, history: [] };
    expect(await removeLeftovers(store, 'p1', current)).toBe(3);
    const left: string[] = [];
    for await (const o of store.list('')) left.push(o.key);
    expect(left.sort()).toEqual(['p1/default/v0.9.0.datapart0001.csv', 'p1/default/v1.0.0.datapart0001.csv', 'p1/product.yaml', 'p10/default/v9.0.0.datapart0001.csv']);
  });
});
