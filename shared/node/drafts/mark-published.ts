// Node only.
// After a publish from the Publish step, the draft it came from says so on Home ("Published
// v1.2.0") and remembers the version, so its next publish knows which version it builds on.
// Queued publishes get the same through the outbox (outbox-sync.ts).

import type { PublishResult } from '../../core/api/contract';
import { openDraftStore } from './draft-store';

export async function markDraftPublished(dataDir: string, draftId: string, result: PublishResult, meshName: string): Promise<void> {
  const store = await openDraftStore(dataDir);
  await store.setState(draftId, {
    state: 'published',
    stateReason: undefined,
    outboxId: undefined,
    published: { version: result.version, at: result.publishedAt, meshName, address: result.address },
  });
}
