// Node only (tests). A publish from the Publish step marks its draft: Home then shows "Published
// vX.Y.Z" with where it went, and an earlier outbox failure no longer shows.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDraftStore } from '../../../shared/node/drafts/draft-store';
import { markDraftPublished } from '../../../shared/node/drafts/mark-published';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-mark-published-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('markDraftPublished', () => {
  it('records the version, time, mesh and address, and clears an earlier failure', async () => {
    const dataDir = join(root, 'a');
    const store = await openDraftStore(dataDir);
    const draft = await store.create({ meta: { name: 'price-list', title: 'Price list' }, waivers: [] });
    await store.setState(draft.id, { state: 'failed', stateReason: 'The mesh could not be reached.' });
    const result = { product: 'price-list', version: '1.1.0', address: 'file:///mesh/price-list/product.yaml', mesh: 'file:///mesh', publishedAt: '2026-11-21T10:00:00.000Z', rows: 3, parts: 1, bytes: 100, catalogUpdated: true, cleanedUp: 0 };
    await markDraftPublished(dataDir, draft.id, result, 'Finance mesh');
    const listed = (await store.list()).find((d) => d.id === draft.id)!;
    expect(listed.state).toBe('published');
    expect(listed.stateReason).toBeUndefined();
    expect(listed.published).toEqual({ version: '1.1.0', at: '2026-11-21T10:00:00.000Z', meshName: 'Finance mesh', address: 'file:///mesh/price-list/product.yaml' });
  });

  it('does nothing for a draft that was deleted meanwhile', async () => {
    const dataDir = join(root, 'b');
    const store = await openDraftStore(dataDir);
    const draft = await store.create({ meta: { name: 'x1' }, waivers: [] });
    await store.remove(draft.id);
    await markDraftPublished(dataDir, draft.id, { product: 'x1', version: '1.0.0', address: 'a', mesh: 'm', publishedAt: '2026-11-21T10:00:00.000Z', rows: 0, parts: 0, bytes: 0, catalogUpdated: true, cleanedUp: 0 }, 'M');
    expect((await store.list()).some((d) => d.id === draft.id)).toBe(false);
  });
});
