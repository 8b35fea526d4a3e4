// Browser (renderer). How Home words a draft: "5 minutes ago", the state badge, the file line,
// and the autosave status. Pure, so the words are tested without a page.

import type { DraftSummary } from '../../../shared/core/api/draft-types';
import type { DraftSaveStatus } from './draft-list-state';
import { formatBytes, formatDateTime } from '../lib/format';

/** "just now", "5 minutes ago", "yesterday", "3 days ago", else the date. */
export function relativeTime(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now.getTime() - t) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return m === 1 ? 'a minute ago' : `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 24) return h === 1 ? 'an hour ago' : `${h} hours ago`;
  const d = Math.round(h / 24);
  if (d === 1) return 'yesterday';
  if (d < 7) return `${d} days ago`;
  return formatDateTime(iso).slice(0, 10);
}

export type BadgeTone = 'neutral' | 'busy' | 'good' | 'bad';

export interface DraftBadge {
  label: string;
  tone: BadgeTone;
  /** The sentence for screen readers and the tooltip. */
  text: string;
}

export function draftBadge(d: DraftSummary): DraftBadge {
  switch (d.state) {
    case 'queued':
      return { label: 'Queued', tone: 'busy', text: 'Waiting in the outbox: it goes out when the mesh can be reached.' };
    case 'sending':
      return { label: 'Sending', tone: 'busy', text: 'Going out to the mesh now.' };
    case 'published':
      return d.published
        ? { label: `Published v${d.published.version}`, tone: 'good', text: `Published as version ${d.published.version} to ${d.published.meshName}.` }
        : { label: 'Published', tone: 'good', text: 'Published.' };
    case 'conflict':
      return { label: 'Conflict', tone: 'bad', text: d.stateReason ?? 'Someone else published this product first. Open the outbox to choose what to keep.' };
    case 'failed':
      return { label: 'Failed', tone: 'bad', text: d.stateReason ?? 'The outbox could not send it. Open the outbox to try again.' };
    default:
      return d.metadataOnly
        ? { label: 'Draft', tone: 'neutral', text: 'A change to the description of a published product, not published yet.' }
        : { label: 'Draft', tone: 'neutral', text: 'Not published yet.' };
  }
}

/** The second line: which file (and its size), or what the draft is about. */
export function draftFileLine(d: DraftSummary): string {
  if (d.source) return `${d.source.name} · ${formatBytes(d.source.size)}`;
  if (d.metadataOnly && d.base) return `Description of “${d.base.product}” v${d.base.version} · no file needed`;
  if (d.metadataOnly) return 'Description only · no file needed';
  return 'No file chosen yet';
}

/** The autosave's words near the step list; empty when there is nothing to say yet. */
export function saveStatusText(s: DraftSaveStatus): string {
  switch (s.status) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'retrying':
      return 'Not saved — retrying';
    default:
      return '';
  }
}
