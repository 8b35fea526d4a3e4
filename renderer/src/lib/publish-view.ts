// Browser (renderer). The sentences of the Publish step, as pure functions so the screen, the
// tests and the end-to-end tests agree on them: version choices, what consumers will see,
// progress in words, and the success line.

import type { JobProgress, PublishProposal, PublishResult } from '../../../shared/core/api/contract';
import type { Bump } from '../../../shared/core/publish/version-history';
import { formatBytes, formatCount, percent, plural } from './format';

/** What each step of the version number means for the people who use the data. */
export const BUMP_MEANING: Readonly<Record<Bump, string>> = {
  major: 'for changes that can break what readers built (a column removed, renamed or changed)',
  minor: 'for additions: nothing readers use changes',
  patch: 'for new data or descriptions only',
};

/** "2.0.0 — major (required)"; a first version reads "1.0.0 — first version". */
export function bumpLabel(choice: { bump: Bump; version: string }, required: Bump | 'initial'): string {
  if (required === 'initial') return `${choice.version} — first version`;
  return `${choice.version} — ${choice.bump}${choice.bump === required ? ' (required)' : ''}`;
}

/** "Now 1.2.0, published 2025-03-04 14:05 by Ana" or "New product: nothing published yet". */
export function currentVersionText(p: Pick<PublishProposal, 'current'>): string {
  const c = p.current;
  if (!c) return 'New product: nothing published yet';
  const when = c.publishedAt ? `, published ${formatWhen(c.publishedAt)}` : '';
  const by = c.publishedBy ? ` by ${c.publishedBy}` : '';
  return `Now ${c.version}${when}${by}`;
}

/** "12,345 rows in 13 files of up to 1,000 rows". */
export function partsText(e: { rows: number; parts: number }, partRows: number): string {
  return `${plural(e.rows, 'row')} in ${plural(e.parts, 'file')} of up to ${plural(partRows, 'row')}`;
}

export function policyText(source: PublishProposal['policySource']): string {
  return source === 'mesh'
    ? 'Checked with your company’s rules, as stored in this mesh.'
    : 'Checked with Mesh Desk’s built-in rules: this mesh has no rules of its own yet (its governance policy file is missing).';
}

/** Why Publish is not offered, from the host's check of the plan. */
export function cannotPublishText(check: PublishProposal['check']): string {
  if (check.blocking > 0) {
    return `${plural(check.blocking, 'finding')} ${check.blocking === 1 ? 'stops' : 'stop'} publishing under this mesh’s rules. Go back to the Check step to fix ${check.blocking === 1 ? 'it' : 'them'}, then press “Publish…” again.`;
  }
  return 'This mesh’s rules do not allow publishing this data as it is. Go back to the Check step to see what needs to change.';
}

export interface ProgressView {
  text: string;
  pct: number;
  indeterminate: boolean;
}

/** The running publish in words: reading → "Sent 120 of ~1,000 files, 16 MB" → committing. */
export function publishProgressView(p: JobProgress | null, totalParts: number, cancelling: boolean): ProgressView {
  if (cancelling) return { text: 'Stopping…', pct: 0, indeterminate: true };
  if (!p || p.phase === 'opening') return { text: 'Getting ready…', pct: 0, indeterminate: true };
  if (p.phase === 'reading') {
    const pct = percent(p.bytesDone, p.bytesTotal);
    return { text: `Reading your file… ${pct}%`, pct, indeterminate: !(p.bytesTotal > 0) };
  }
  if (p.phase === 'uploading') {
    const done = p.partsDone ?? 0;
    const sent = p.bytesSent !== undefined ? `, ${formatBytes(p.bytesSent)}` : '';
    const text = totalParts > 0 ? `Sent ${formatCount(done)} of ~${plural(totalParts, 'file')}${sent}` : `Sent ${plural(done, 'file')}${sent}`;
    const pct = totalParts > 0 ? Math.min(99, percent(done, totalParts)) : percent(p.bytesDone, p.bytesTotal);
    return { text, pct, indeterminate: !(totalParts > 0 || p.bytesTotal > 0) };
  }
  if (p.phase === 'committing') return { text: 'Making the new version visible to readers…', pct: 100, indeterminate: false };
  return { text: 'Finishing…', pct: 100, indeterminate: false };
}

/** Every data part of the plan, for "of ~N files". */
export function totalParts(p: Pick<PublishProposal, 'endpoints'> | null): number {
  return p ? p.endpoints.reduce((n, e) => n + e.parts, 0) : 0;
}

export function doneTitle(r: Pick<PublishResult, 'product' | 'version'>): string {
  return `Published ${r.product} v${r.version}`;
}

/** "12,345 rows in 13 files (2.1 MB)". */
export function doneSizeText(r: Pick<PublishResult, 'rows' | 'parts' | 'bytes'>): string {
  return `${plural(r.rows, 'row')} in ${plural(r.parts, 'file')} (${formatBytes(r.bytes)})`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO moment in the owner's own clock: "2025-03-04 14:05". Unreadable text is shown as it is. */
export function formatWhen(iso: string, toLocal: (d: Date) => Date = (d) => d): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = toLocal(new Date(t));
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
