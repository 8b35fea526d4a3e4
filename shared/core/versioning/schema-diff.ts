// Runs anywhere (pure core).
// What changed between the published contract and the new one, judged from a reader's side:
// whatever can break a reader's query or pipeline (a column gone, a type narrowed, a new promise
// the old data did not keep) is major; whatever only adds is minor; relaxing a promise or
// reordering columns is patch. Descriptions, names for people, examples and quality rules are
// metadata and are not listed at all (DESIGN §4 "Versions").

import type { OdcsContract, OdcsLogicalType, OdcsProperty, OdcsSchemaObject } from '../contract/odcs-types';
import type { Bump } from '../publish/version-history';
import { bumpRank } from './semver';

export interface VersionChange {
  level: Bump;
  /** Plain words for a spreadsheet owner, e.g. 'column "region" removed', 'column "amount" changed from whole number to text'. */
  text: string;
  endpoint: string;
  column?: string;
}

/** The owner's names for the types (the words the Inspect screen uses). */
const TYPE_WORDS: Readonly<Record<OdcsLogicalType, string>> = {
  integer: 'whole number',
  number: 'decimal number',
  string: 'text',
  date: 'date',
  timestamp: 'date and time',
  boolean: 'yes/no',
  time: 'time of day',
  object: 'group of values',
  array: 'list',
};

const typeWord = (t: string | undefined): string =>
  t !== undefined && Object.hasOwn(TYPE_WORDS, t) ? TYPE_WORDS[t as OdcsLogicalType] : `"${String(t)}"`;

/**
 * Every value of the old type can still be read as the new type, so readers keep working:
 * whole → decimal, date → date and time, anything → text. Everything else is a narrowing.
 */
function isWidening(from: string | undefined, to: string | undefined): boolean {
  return to === 'string' || (from === 'integer' && to === 'number') || (from === 'date' && to === 'timestamp');
}

/** By name; the first wins when a hand-edited contract repeats one (a Map, so "__proto__" is just a name). */
function byName<T extends { name: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) if (item && typeof item.name === 'string' && !map.has(item.name)) map.set(item.name, item);
  return map;
}

function sourceSheet(obj: OdcsSchemaObject): string | undefined {
  const v = obj.customProperties?.find((p) => p.property === 'sourceSheet')?.value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function tableLabel(obj: OdcsSchemaObject): string {
  const sheet = sourceSheet(obj);
  return sheet !== undefined && sheet !== obj.name ? `table "${obj.name}" (sheet "${sheet}")` : `table "${obj.name}"`;
}

/** Key columns in key order: primaryKeyPosition first, column order for ties or missing positions. */
function keyColumns(props: readonly OdcsProperty[]): string[] {
  return props
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.primaryKey === true)
    .sort((a, b) => (a.p.primaryKeyPosition ?? Infinity) - (b.p.primaryKeyPosition ?? Infinity) || a.i - b.i)
    .map(({ p }) => p.name);
}

const quoteList = (names: readonly string[], max = 8): string => {
  const shown = names.slice(0, max).map((n) => `"${n}"`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
};

function columnChanges(endpoint: string, prev: OdcsProperty, next: OdcsProperty, where: string): VersionChange[] {
  const out: VersionChange[] = [];
  const column = next.name;
  const add = (level: Bump, text: string) => out.push({ level, text: `column "${column}" ${text}${where}`, endpoint, column });
  if (prev.logicalType !== next.logicalType) {
    add(isWidening(prev.logicalType, next.logicalType) ? 'minor' : 'major', `changed from ${typeWord(prev.logicalType)} to ${typeWord(next.logicalType)}`);
  }
  // Missing flags mean false: the standard's default, and what other tools leave out.
  const wasRequired = prev.required === true;
  const isRequired = next.required === true;
  if (!wasRequired && isRequired) add('major', 'is now required (every row must have a value)');
  if (wasRequired && !isRequired) add('patch', 'is no longer required (rows may leave it empty)');
  const wasUnique = prev.unique === true;
  const isUnique = next.unique === true;
  if (!wasUnique && isUnique) add('major', 'must now be unique (no value may appear twice)');
  if (wasUnique && !isUnique) add('patch', 'no longer has to be unique (values may repeat)');
  return out;
}

function endpointChanges(prev: OdcsSchemaObject, next: OdcsSchemaObject, where: string): VersionChange[] {
  const endpoint = next.name;
  const out: VersionChange[] = [];
  const prevCols = byName(prev.properties);
  const nextCols = byName(next.properties);
  // Removed columns in their old order, then per surviving or new column in the new order.
  for (const name of prevCols.keys()) {
    if (!nextCols.has(name)) out.push({ level: 'major', text: `column "${name}" removed${where}`, endpoint, column: name });
  }
  for (const [name, col] of nextCols) {
    const old = prevCols.get(name);
    // A new column is additive even when required: existing readers never asked for it.
    if (!old) out.push({ level: 'minor', text: `column "${name}" added${where}`, endpoint, column: name });
    else out.push(...columnChanges(endpoint, old, col, where));
  }
  const prevKey = keyColumns([...prevCols.values()]);
  const nextKey = keyColumns([...nextCols.values()]);
  if (prevKey.join('\u0000') !== nextKey.join('\u0000')) {
    const text =
      prevKey.length === 0 ? `key columns set to ${quoteList(nextKey)} (there were none)`
      : nextKey.length === 0 ? `key columns removed (were ${quoteList(prevKey)})`
      : `key columns changed from ${quoteList(prevKey)} to ${quoteList(nextKey)}`;
    out.push({ level: 'major', text: `${text}${where}`, endpoint });
  }
  // Order among the columns both versions have; additions and removals are listed above.
  const oldOrder = [...prevCols.keys()].filter((n) => nextCols.has(n));
  const newOrder = [...nextCols.keys()].filter((n) => prevCols.has(n));
  if (oldOrder.some((n, i) => newOrder[i] !== n)) {
    out.push({ level: 'patch', text: `columns are in a different order, now ${quoteList([...nextCols.keys()])}${where}`, endpoint });
  }
  return out;
}

export function diffContracts(previous: OdcsContract, next: OdcsContract): VersionChange[] {
  const prevEps = byName(previous.schema);
  const nextEps = byName(next.schema);
  // With one table there is nothing to tell apart; with several, every line says which one.
  const several = prevEps.size > 1 || nextEps.size > 1;
  const changes: VersionChange[] = [];
  for (const [name, obj] of prevEps) {
    if (!nextEps.has(name)) changes.push({ level: 'major', text: `${tableLabel(obj)} removed`, endpoint: name });
  }
  for (const [name, obj] of nextEps) {
    const old = prevEps.get(name);
    if (!old) changes.push({ level: 'minor', text: `${tableLabel(obj)} added`, endpoint: name });
    else changes.push(...endpointChanges(old, obj, several ? ` in ${tableLabel(obj)}` : ''));
  }
  // Array sort is stable, so within a level the reading order above is kept.
  return changes.sort((a, b) => bumpRank(b.level) - bumpRank(a.level));
}

/** The highest level among the changes; "patch" when there are none (data or metadata only). */
export function requiredBump(changes: readonly VersionChange[]): Bump {
  let best: Bump = 'patch';
  for (const c of changes) if (bumpRank(c.level) > bumpRank(best)) best = c.level;
  return best;
}
