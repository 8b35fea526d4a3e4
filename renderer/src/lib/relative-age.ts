// Browser (renderer). "3 minutes ago", "yesterday", "5 days ago": how old a saved copy or a queued
// job is, in the words people use. Pure (the clock is passed in) so tests can pin it.

/** The age of `iso` at `now`, rounded down; "just now" under a minute; null for an unreadable time. */
export function relativeAge(iso: string, now: number = Date.now()): string | null {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  const seconds = Math.floor((now - t) / 1000);
  // A clock a little ahead of the host's still reads as "just now", not "in the future".
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 730) return `${Math.floor(days / 30)} months ago`;
  return `${Math.floor(days / 365)} years ago`;
}
