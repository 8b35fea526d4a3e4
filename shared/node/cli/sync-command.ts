// Node only. `mesh-desk sync [--json]`: sends what waits in the outbox (the app's queued
// publishes too: same data folder), oldest first, one at a time, and says how each went.
// Exit 0 when everything went out (or nothing waited); 1 when a publish failed, is in conflict
// or still waits because its mesh cannot be reached (each with its reason); 2 when another
// Mesh Desk is sending right now, or for wrong usage.

import { parseArgs } from 'node:util';
import { toAppError } from '../../core/result';
import { resolveDataDir } from '../app/data-dir';
import { openDraftStore } from '../drafts/draft-store';
import { metaPublisher } from '../outbox/meta-runner';
import { jobView } from '../outbox/outbox-job';
import { OutboxStore } from '../outbox/outbox-store';
import { syncOutbox } from '../outbox/outbox-sync';
import { inProcessRunner, localMetaSteps } from '../outbox/local-runners';
import { interruptSignal, stop } from './cli-exit';
import { formatJobLine } from './outbox-command';

export async function runSync(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, failed: { type: 'boolean', default: false } } }));
  } catch (e) {
    return stop((e as Error).message);
  }
  const interrupt = interruptSignal();
  try {
    const dataDir = resolveDataDir();
    const store = await OutboxStore.open(dataDir);
    const report = await syncOutbox(
      {
        store,
        runner: inProcessRunner(),
        meta: metaPublisher(localMetaSteps()),
        // The command line has no access to the app's saved keys: the environment or AWS profile signs in.
        connect: async (job) => ({ ok: true, value: { url: job.mesh } }),
        updateDraft: async (id, patch) => void (await (await openDraftStore(dataDir)).setState(id, patch)),
      },
      { signal: interrupt.signal, ...(values.failed ? { includeFailed: true } : {}) },
    );
    if (report.busy) return stop('Another Mesh Desk (the app or another command) is sending the outbox right now. Try again when it has finished.');
    const jobs = report.outcomes.map((o) => jobView(o.job));
    const notOut = jobs.filter((j) => j.state !== 'delivered');
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ sent: jobs.length - notOut.length, notSent: notOut.length, jobs })}\n`);
    } else if (jobs.length === 0) {
      process.stdout.write('Nothing to send: the outbox has no waiting publishes.\n');
    } else {
      process.stdout.write(`${jobs.map(formatJobLine).join('\n')}\n`);
      process.stdout.write(notOut.length === 0 ? `All ${jobs.length} sent.\n` : `${jobs.length - notOut.length} of ${jobs.length} sent; the others stay in the outbox (see the reasons above).\n`);
    }
    return notOut.length === 0 ? 0 : 1;
  } catch (e) {
    return stop(toAppError(e).message);
  } finally {
    interrupt.dispose();
  }
}
