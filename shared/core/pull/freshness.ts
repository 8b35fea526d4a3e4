// Runs anywhere (pure core).
// Is a product's latest version as fresh as its owner promised? Due when the update frequency
// has passed since the last publish; one-off products are never late. Used by the product page
// and by the Catalog screen's "overdue" filter (pure, so the renderer may import it).

import type { UpdateFrequency } from '../metadata/types';

const DAY_MS = 86_400_000;

export const FREQUENCY_DAYS: Readonly<Record<UpdateFrequency, number | undefined>> = {
  daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366, 'one-off': undefined,
};

export interface Freshness {
  status: 'fresh' | 'overdue' | 'unknown';
  /** Whole days past the due date (any part of a day counts), when overdue. */
  daysLate?: number;
  /** ISO time by which the next version was (or is) expected. */
  dueAt?: string;
  /** One sentence for the badge's tooltip. */
  text: string;
}

/** "1 day", "1,204 days": a count with its noun, for the product page's sentences. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function freshnessOf(frequency: string | undefined, publishedAt: string | undefined, now: number): Freshness {
  const published = publishedAt ? Date.parse(publishedAt) : NaN;
  if (frequency === 'one-off') return { status: 'fresh', text: 'Published once; no updates are planned.' };
  const days = frequency && Object.hasOwn(FREQUENCY_DAYS, frequency) ? FREQUENCY_DAYS[frequency as UpdateFrequency] : undefined;
  if (days === undefined) return { status: 'unknown', text: 'The owner has not said how often this product is updated.' };
  if (Number.isNaN(published)) return { status: 'unknown', text: `Updated ${frequency}, but when it was last published is not known.` };
  const due = published + days * DAY_MS;
  const dueAt = new Date(due).toISOString();
  const last = publishedAt!.slice(0, 10);
  if (now <= due) return { status: 'fresh', dueAt, text: `Updated ${frequency}; last published ${last}, next update due by ${dueAt.slice(0, 10)}.` };
  const daysLate = Math.ceil((now - due) / DAY_MS);
  return { status: 'overdue', daysLate, dueAt, text: `Overdue: this product is updated ${frequency}, but the next update is ${plural(daysLate, 'day')} late (last published ${last}). Ask the owner whether the data is still current.` };
}
