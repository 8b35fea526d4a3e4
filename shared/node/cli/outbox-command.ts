// Node only. `mesh-desk outbox [--json]`: the publishes waiting in the outbox of the data folder
// ($MESH_DESK_HOME, shared with the app), oldest first, with their state and, for failed ones
// and conflicts, the reason. Exit 0 (2 for wrong usage or an unreadable data folder).

import { parseArgs } from 'node:util';
import type { OutboxJob } from '../../core/api/draft-types';
import { toAppError } from '../../core/result';
import { resolveDataDir } from '../app/data-dir';
import { jobView } from '../outbox/outbox-job';
import { OutboxStore } from '../outbox/outbox-store';
import { stop } from './cli-exit';

const STATE_WORDS: Record<OutboxJob['state'], string> = {
  waiting: 'waiting',
  sending: 'sending now',
  failed: 'FAILED',
  conflict: 'CONFLICT',
  delivered: 'delivered',
};

export function formatJobLine(j: OutboxJob): string {
  const what = `${j.product}${j.source ? ` (${j.source.name})` : j.metadataOnly ? ' (description only)' : ''}`;
  const done = j.delivered ? ` as version ${j.delivered.version}` : '';
  const tries = j.attempts > 0 ? `, tried ${j.attempts} time${j.attempts === 1 ? '' : 's'}` : '';
  const lines = [`${STATE_WORDS[j.state].padEnd(11)} ${what} → ${j.mesh}${done}  [queued ${j.queuedAt.slice(0, 16).replace('T', ' ')} UTC by ${j.queuedBy === 'cli' ? 'the command line' : 'the app'}${tries}; id ${j.id}]`];
  if (j.reason && j.state !== 'delivered') lines.push(`            ${j.reason}`);
  for (const change of j.conflict?.schemaChanges ?? []) lines.push(`            - ${change}`);
  for (const f of j.conflict?.fields ?? []) lines.push(`            - ${f.label}: theirs ${f.theirs === undefined ? '(empty)' : `"${f.theirs}"`}, yours ${f.mine === undefined ? '(empty)' : `"${f.mine}"`}`);
  return lines.join('\n');
}

export async function runOutbox(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } }));
  } catch (e) {
    return stop((e as Error).message);
  }
  try {
    const store = await OutboxStore.open(resolveDataDir());
    const jobs = (await store.list()).map(jobView);
    if (values.json) process.stdout.write(`${JSON.stringify({ jobs })}\n`);
    else if (jobs.length === 0) process.stdout.write('The outbox is empty: nothing waits to be published.\n');
    else process.stdout.write(`${jobs.map(formatJobLine).join('\n')}\n`);
    return 0;
  } catch (e) {
    return stop(toAppError(e).message);
  }
}
