// Runs anywhere (pure core).
// Which outbox jobs go out, and in what order: oldest queued first (by the sequence number given
// when queued; the clock may jump on a laptop that travels), one at a time.

import type { OutboxState } from '../api/draft-types';

export interface Orderable {
  id: string;
  sequence: number;
  queuedAt: string;
  state: OutboxState;
}

/** The jobs to send now, in order: waiting ones, and failed ones too when the owner asks. */
export function jobsToSend<T extends Orderable>(jobs: readonly T[], opts: { includeFailed?: boolean; id?: string } = {}): T[] {
  const wanted = (j: T) => j.state === 'waiting' || (opts.includeFailed === true && j.state === 'failed');
  return [...jobs].filter((j) => (opts.id === undefined ? wanted(j) : j.id === opts.id && (wanted(j) || j.state === 'failed'))).sort(byQueueOrder);
}

export function byQueueOrder(a: Orderable, b: Orderable): number {
  return a.sequence - b.sequence || a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id);
}

/** The sequence number for a new job: after every job already there. */
export function nextSequence(jobs: readonly Pick<Orderable, 'sequence'>[]): number {
  return jobs.reduce((max, j) => Math.max(max, j.sequence), 0) + 1;
}
