// Runs anywhere (pure core).
// One publish of a product at a time. Before writing a version's files, the publisher creates a
// claim with If-None-Match: * — of two owners pressing Publish together exactly one gets it. A
// claim carries a publish id that stays the same when the same draft is retried, so a publish
// killed half-way can be resumed by its owner, and a heartbeat, so a claim left by a crashed
// machine is taken over (conditionally) once it is stale. product.yaml's own conditional write
// stays the final guard.

import type { MeshStore } from '../mesh/mesh-store';
import { MeshError } from '../mesh/mesh-store';
import { claimKey } from '../mesh/layout';
import { UserFacingError } from '../result';

/** A claim not refreshed for this long belongs to a publish that died. */
export const CLAIM_STALE_MS = 10 * 60_000;
/** How often a running publish refreshes its claim. */
export const HEARTBEAT_MS = 60_000;

export interface ClaimDoc {
  publishId: string;
  product: string;
  version: string;
  by?: string;
  startedAt: string;
  heartbeatAt: string;
}

export interface HeldClaim {
  doc: ClaimDoc;
  etag: string;
  /** True when an earlier, interrupted publish of the same draft held it. */
  resumed: boolean;
  /** True when a stale claim of someone else was taken over. */
  tookOver: boolean;
}

/** Lost a race or found someone mid-publish: the owner's draft is untouched; check again later. */
export class PublishConflict extends UserFacingError {
  constructor(message: string) {
    super('publish.lost-race', message);
    this.name = 'PublishConflict';
  }
}

const enc = new TextEncoder();
const toBytes = (doc: ClaimDoc) => enc.encode(`${JSON.stringify(doc, null, 2)}\n`);

function parseClaim(body: Uint8Array): ClaimDoc | undefined {
  try {
    const x = JSON.parse(new TextDecoder().decode(body)) as Partial<ClaimDoc>;
    if (typeof x.publishId === 'string' && typeof x.heartbeatAt === 'string' && typeof x.version === 'string' && typeof x.startedAt === 'string') return x as ClaimDoc;
  } catch {
    /* unreadable: treated as stale */
  }
  return undefined;
}

const isPrecondition = (e: unknown) => e instanceof MeshError && e.code === 'mesh.precondition-failed';

function whenText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export async function acquireClaim(
  store: MeshStore,
  want: { publishId: string; product: string; version: string; by?: string },
  now: () => number,
  signal?: AbortSignal,
): Promise<HeldClaim> {
  const key = claimKey(want.product);
  for (let attempt = 0; attempt < 5; attempt++) {
    const stamp = new Date(now()).toISOString();
    const doc: ClaimDoc = { publishId: want.publishId, product: want.product, version: want.version, ...(want.by ? { by: want.by } : {}), startedAt: stamp, heartbeatAt: stamp };
    try {
      const { etag } = await store.put(key, toBytes(doc), { condition: { ifNoneMatch: '*' }, contentType: 'application/json', ...(signal ? { signal } : {}) });
      return { doc, etag, resumed: false, tookOver: false };
    } catch (e) {
      if (!isPrecondition(e)) throw e;
    }
    const held = await store.get(key, signal);
    if (!held) continue; // released meanwhile: try again
    const other = parseClaim(held.body);
    const mine = other?.publishId === want.publishId;
    const stale = !other || now() - Date.parse(other.heartbeatAt) > CLAIM_STALE_MS || Number.isNaN(Date.parse(other.heartbeatAt));
    if (!mine && !stale) {
      const who = other.by ? `${other.by}` : 'Someone else';
      throw new PublishConflict(
        `${who} started publishing "${want.product}" v${other.version} at ${whenText(other.startedAt)} and has not finished yet. Nothing of yours was sent and your draft is kept. Wait until they are done, then check again to see their version before you publish.`,
      );
    }
    const next: ClaimDoc = mine && other ? { ...doc, startedAt: other.startedAt } : doc;
    try {
      const { etag } = await store.put(key, toBytes(next), { condition: { ifMatch: held.etag }, contentType: 'application/json', ...(signal ? { signal } : {}) });
      return { doc: next, etag, resumed: mine, tookOver: !mine };
    } catch (e) {
      if (!isPrecondition(e)) throw e;
      // Someone else changed the claim between our read and write: look again.
    }
  }
  throw new PublishConflict(`Several people are publishing "${want.product}" at this moment. Nothing of yours was sent and your draft is kept. Wait a minute, then check again.`);
}

/** Refreshes the claim; a claim taken over meanwhile means another publisher now owns the product. */
export async function heartbeat(store: MeshStore, claim: HeldClaim, now: () => number, signal?: AbortSignal): Promise<HeldClaim> {
  const doc = { ...claim.doc, heartbeatAt: new Date(now()).toISOString() };
  try {
    const { etag } = await store.put(claimKey(doc.product), toBytes(doc), { condition: { ifMatch: claim.etag }, contentType: 'application/json', ...(signal ? { signal } : {}) });
    return { ...claim, doc, etag };
  } catch (e) {
    if (!isPrecondition(e)) throw e;
    throw new PublishConflict(`Publishing "${doc.product}" v${doc.version} took so long that another publisher took over. Nothing was changed for readers and your draft is kept. Check again, then publish.`);
  }
}

/** Gives the claim up (best effort: a left-over claim only goes stale). */
export async function releaseClaim(store: MeshStore, claim: HeldClaim): Promise<void> {
  try {
    const held = await store.get(claimKey(claim.doc.product));
    if (held && parseClaim(held.body)?.publishId === claim.doc.publishId) await store.delete(claimKey(claim.doc.product));
  } catch {
    /* stale claims are taken over later */
  }
}
