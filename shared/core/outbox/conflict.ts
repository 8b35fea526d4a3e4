// Runs anywhere (pure core).
// A conflict in words: the two sides' columns compared ("column "region" added by them"), and
// the one-sentence reason the outbox shows next to a job that could not go out as it was.

import type { ConflictSide, DraftColumn } from '../api/draft-types';
import type { ColumnType } from '../inspect/report';
import type { ProductMeta } from '../metadata/types';

const TYPE_WORDS: Record<ColumnType, string> = {
  integer: 'whole numbers',
  number: 'numbers',
  boolean: 'yes/no values',
  date: 'dates',
  datetime: 'dates with times',
  text: 'text',
};

/** The columns a description names, in its order (type "text" where it does not say). */
export function columnsOfMeta(meta: ProductMeta): DraftColumn[] {
  return Object.entries(meta.columns ?? {}).map(([name, c]) => ({ name, type: c.type ?? 'text' }));
}

/** How their version's table differs from the owner's, in words. */
export function schemaChanges(theirs: DraftColumn[], mine: DraftColumn[]): string[] {
  const out: string[] = [];
  const mineByName = new Map(mine.map((c) => [c.name, c]));
  const theirsByName = new Map(theirs.map((c) => [c.name, c]));
  for (const t of theirs) {
    const m = mineByName.get(t.name);
    if (!m) out.push(`Column "${t.name}" is in their version but not in yours.`);
    else if (m.type !== t.type) out.push(`Column "${t.name}" holds ${TYPE_WORDS[t.type]} in their version and ${TYPE_WORDS[m.type]} in yours.`);
  }
  for (const m of mine) if (!theirsByName.has(m.name)) out.push(`Column "${m.name}" is in your version but not in theirs.`);
  return out;
}

const when = (iso: string | undefined) => (iso ? ` on ${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC` : '');

/** Why the job stopped, for the outbox list and the draft's state. */
export function conflictReason(product: string, baseVersion: string | null, theirs: ConflictSide): string {
  const who = theirs.publishedBy ? `${theirs.publishedBy} ` : 'Someone else ';
  const since = baseVersion === null ? `created the product "${product}"` : `published version ${theirs.version} of "${product}"`;
  const started = baseVersion === null ? 'while yours waited to be sent' : `after the version ${baseVersion} you started from`;
  return `${who}${since}${when(theirs.publishedAt)}, ${started}. Nothing was sent, so nothing was overwritten: choose to keep their version, keep yours, or carry your changes over to theirs.`;
}
