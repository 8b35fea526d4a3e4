// Browser (renderer). What the outbox says, in the owner's words: each job's state, the message
// that replaces a publish error when the job was queued, and what each conflict choice does.
// Pure, so the wording is tested once and the components only lay it out.

import type { OutboxConflict, OutboxJob, OutboxView } from '../../../shared/core/api/contract';
import { formatWhen } from '../lib/publish-view';

export function jobName(job: Pick<OutboxJob, 'title' | 'product'>): string {
  return job.title?.trim() || job.product;
}

/** The short state label of a row ("Waiting", "Sending…", "Failed", "Conflict", "Delivered v1.2.0"). */
export function stateLabel(job: OutboxJob): string {
  switch (job.state) {
    case 'waiting':
      return 'Waiting';
    case 'sending':
      return 'Sending…';
    case 'failed':
      return 'Failed';
    case 'conflict':
      return 'Conflict';
    case 'delivered':
      return job.delivered ? `Delivered v${job.delivered.version}` : 'Delivered';
  }
}

/** The sentence under the label: what is going on and what happens next. */
export function stateDetail(job: OutboxJob): string {
  switch (job.state) {
    case 'waiting':
      return job.attempts > 0
        ? `Goes out as soon as “${job.meshName}” can be reached (tried ${job.attempts === 1 ? 'once' : `${job.attempts} times`} so far).`
        : `Goes out as soon as “${job.meshName}” can be reached.`;
    case 'sending':
      return `Being published to “${job.meshName}” now.`;
    case 'failed':
      return `${job.reason ?? 'It could not be sent.'} It stays in the outbox: fix what is said, then press Retry.`;
    case 'conflict':
      return job.reason ?? `Someone published a newer version on “${job.meshName}” after you queued yours. Nothing was overwritten: choose what to keep.`;
    case 'delivered':
      return job.delivered ? `Published on ${formatWhen(job.delivered.at)}.` : 'Published.';
  }
}

/** "Queued 2026-01-02 10:15 from the command line". */
export function queuedText(job: OutboxJob): string {
  return `Queued ${formatWhen(job.queuedAt)}${job.queuedBy === 'cli' ? ' from the command line' : ''}`;
}

/** "Nothing was published." is true but beside the point once the publish waits in the outbox. */
const NOTHING_PUBLISHED = /\s*Nothing was published\.?\s*$/;

/**
 * The host's reason split for the queued message: its first sentence (without the full stop,
 * starting lower case after "The") to follow a colon in a sentence, and what it says to do, if anything.
 */
export function splitReason(reason: string): { why: string; advice: string | null } {
  const text = reason.trim().replace(NOTHING_PUBLISHED, '').trim();
  // A sentence ends at ". " followed by a capital letter (not inside "e.g. x" or a file name).
  const end = text.search(/\.\s+(?=[A-Z])/);
  const first = (end >= 0 ? text.slice(0, end) : text).replace(/[.。]+$/, '').trim();
  const rest = end >= 0 ? text.slice(end + 1).trim() : '';
  const why = first.length === 0 ? 'it did not answer' : /^The\s/.test(first) ? `t${first.slice(1)}` : first;
  return { why, advice: rest.length > 0 ? rest : null };
}

/** The line under the outbox's title: can the meshes of waiting jobs be reached, and since when not. */
export function reachabilityText(view: OutboxView | null): string {
  // The last probe only matters while something waits for that mesh (it may be stale once all went out).
  const waiting = view?.jobs.some((j) => j.state === 'waiting') ?? false;
  if (view?.reachable === false && waiting) {
    const why = view.reason ? `: ${splitReason(view.reason).why}` : '';
    const when = view.checkedAt ? `; last tried ${formatWhen(view.checkedAt)}` : '';
    return `The mesh cannot be reached right now${why}. Mesh Desk keeps trying by itself${when}.`;
  }
  if (view?.reachable === true && waiting) return 'The mesh can be reached: waiting publishes go out by themselves.';
  return 'Publishes wait here while their mesh cannot be reached, and go out by themselves once it can.';
}

/** What the Publish step shows instead of the error when the publish was queued. */
export function queuedMessage(meshName: string, reason: string): string {
  // After a colon, not in brackets: the reason often has brackets of its own.
  return `“${meshName}” cannot be reached right now: ${splitReason(reason).why}. Your product is queued and will be published as soon as it can be reached — you can close Mesh Desk meanwhile.`;
}

export const CHOICE_TEXT = {
  theirs: 'Keep theirs: their version stays as it is and your queued publish is dropped. Your draft is kept on the start page, so nothing you typed is lost.',
  mine: 'Keep mine: your version is published on top of theirs, as the next version. For each field in the table above choose whose value goes out (yours is preselected); the data goes out as you queued it.',
  rebase: 'Rebase my draft: your draft is moved onto their version, with your changes carried over, and opened for you to review. Nothing is published until you publish again.',
} as const;

/** "v1.3.0, published 2026-01-02 10:15 by Anna Berg" / "not published yet". */
export function sideText(side: OutboxConflict['theirs']): string {
  if (side.version === null) return 'a new product, not published yet';
  const when = side.publishedAt ? `, published ${formatWhen(side.publishedAt)}` : '';
  const by = side.publishedBy ? ` by ${side.publishedBy}` : '';
  return `v${side.version}${when}${by}`;
}

/** A field value for display: empty means "(empty)" so a cleared field is visible. */
export function fieldValue(v: string | undefined): string {
  return v === undefined || v.trim() === '' ? '(empty)' : v;
}
