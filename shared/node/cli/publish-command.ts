// Node only. `mesh-desk publish <file> --mesh <url> --meta <meta.yaml> [--sheet NAME]…
// [--header-row N] [--bump major|minor|patch] [--by NAME] [--queue [--base X.Y.Z]] [--json]`:
// check the file against the mesh's policy, decide the version, send the data parts and commit
// product.yaml. With --queue, a mesh that cannot be reached puts the publish in the outbox
// ($MESH_DESK_HOME/outbox, shared with the app) and exits 0 reporting "queued".
// Exit: 0 published, 1 blocking findings (listed), 2 unreadable input / mesh problem, 3 someone
// else published first (nothing of ours reached readers).

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { SheetChoice } from '../../core/publish/prepare';
import type { PublishProgress } from '../../core/publish/run';
import { BUMPS, type Bump } from '../../core/publish/version-history';
import { toAppError } from '../../core/result';
import { openFileByteSource } from '../files/file-byte-source';
import { prepareFilePublish, runFilePublish } from '../publish/publish-file';
import { formatCheckText } from './format-check-text';
import { describeWithSuggestions, readOwnerMeta } from './inspect-check';
import { toInspectJson } from './inspect-json';
import { formatPublished, formatProposal } from './format-publish-text';
import { interruptSignal, stop } from './cli-exit';
import { resolveDataDir } from '../app/data-dir';
import { queueCliPublish, type CliQueueInput } from '../outbox/cli-job';
import { newJobId } from '../outbox/job-from-draft';
import { UNREACHABLE } from '../outbox/unreachable';

export const EXIT_LOST_RACE = 3;

export async function runPublishCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        mesh: { type: 'string' },
        meta: { type: 'string' },
        sheet: { type: 'string', multiple: true },
        'header-row': { type: 'string' },
        bump: { type: 'string' },
        by: { type: 'string' },
        queue: { type: 'boolean', default: false },
        base: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return stop((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return stop('publish needs exactly one file, e.g. "mesh-desk publish prices.xlsx --mesh file:///home/me/Mesh --meta meta.yaml".');
  if (values.mesh === undefined) return stop('publish needs --mesh <address>: where to publish, e.g. "s3://acme-mesh/finance" or "file:///home/me/Mesh".');
  if (values.meta === undefined) return stop('publish needs --meta <meta.yaml>: your description of the product (at least its name).');
  if (values.bump !== undefined && !(BUMPS as readonly string[]).includes(values.bump)) return stop(`--bump must be major, minor or patch, not "${values.bump}".`);
  if (values.base !== undefined && !/^\d+\.\d+\.\d+$/.test(values.base)) return stop(`--base must be the version you start from, like 1.2.0, not "${values.base}".`);
  if (values.base !== undefined && !values.queue) return stop('--base only goes with --queue (it tells the outbox which version your publish builds on).');
  let headerRow: number | undefined;
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) return stop(`--header-row must be a row number (1, 2, 3 …), not "${values['header-row']}".`);
  }
  const path = positionals[0]!;
  const fileName = basename(path);
  const mesh = { url: values.mesh };
  const interrupt = interruptSignal();
  const progress = progressPrinter(values.json === true);
  try {
    const owner = await readOwnerMeta(values.meta);
    if (!owner.ok) return stop(owner.error.message);
    const sheetsWanted = values.sheet ?? [];
    // First pass: what the owner left out of meta.yaml (types, examples), as `inspect --meta` does.
    const bytes = await openFileByteSource(path, fileName);
    let described;
    try {
      described = await describeWithSuggestions(bytes, { fileName, owner: owner.value, signal: interrupt.signal, ...(sheetsWanted[0] !== undefined ? { sheet: sheetsWanted[0] } : {}), ...(headerRow !== undefined ? { headerRow } : {}) });
    } finally {
      await bytes.close();
    }
    if (!described.ok) return failed(fileName, described.error.message, described.error.code);
    const { meta, sheet, headerRow: chosenRow } = described.value;
    const sheets: SheetChoice[] = [{ sheet, ...(chosenRow !== undefined ? { headerRow: chosenRow } : {}) }, ...sheetsWanted.slice(1).map((s) => ({ sheet: s }))];

    const publisher = values.by ?? meta.owner?.name ?? meta.owner?.email;
    const queue = (reason: string, baseVersion: string | null | undefined, publishId?: string) =>
      queueForLater({ json: values.json === true, reason, meshUrl: mesh.url, path, fileName, sheets, meta, ...(values.bump !== undefined ? { bump: values.bump as Bump } : {}), ...(publisher ? { publisher } : {}), ...(baseVersion !== undefined ? { baseVersion } : {}), ...(publishId ? { publishId } : {}) });
    const plan = await prepareFilePublish({ mesh, path, fileName, sheets, meta, signal: interrupt.signal, onProgress: (p) => progress.reading(p.bytesDone, p.bytesTotal) });
    progress.clear();
    if (!plan.ok && plan.error.code === UNREACHABLE && values.queue) return await queue(plan.error.message, values.base);
    if (!plan.ok) return failed(fileName, plan.error.message, plan.error.code);
    if (!plan.value.check.canPublish) {
      if (values.json) process.stdout.write(`${JSON.stringify({ published: false, ...toInspectJson(plan.value.report) })}\n`);
      else process.stdout.write(formatCheckText(plan.value.report, undefined));
      return 1;
    }
    if (!values.json) process.stderr.write(formatProposal(plan.value, values.bump as Bump | undefined));

    // With --queue the send carries the id the queued job would keep: if the commit landed but
    // the reply was lost, the outbox recognizes it as delivered instead of sending it twice.
    const publishId = values.queue ? newJobId() : undefined;
    const run = await runFilePublish({
      mesh,
      path,
      plan: plan.value,
      ...(publishId ? { publishId } : {}),
      ...(values.bump !== undefined ? { bump: values.bump as Bump } : {}),
      ...(publisher ? { publisher } : {}),
      signal: interrupt.signal,
      onProgress: (p) => progress.sending(p),
    });
    progress.clear();
    if (!run.ok && run.error.code === UNREACHABLE && values.queue) return await queue(run.error.message, values.base ?? plan.value.current?.version ?? null, publishId);
    if (!run.ok) return failed(fileName, run.error.message, run.error.code);
    const o = run.value;
    if (values.json) {
      const { keys, ...rest } = o;
      process.stdout.write(`${JSON.stringify({ published: true, ...rest, files: keys.length })}\n`);
    } else process.stdout.write(formatPublished(o));
    return 0;
  } catch (e) {
    progress.clear();
    return failed(fileName, toAppError(e).message, toAppError(e).code);
  } finally {
    interrupt.dispose();
  }
}

/** --queue and the mesh cannot be reached: the publish waits in the outbox (exit 0, "queued"). */
async function queueForLater(input: Omit<CliQueueInput, 'dataDir'> & { json: boolean; reason: string }): Promise<number> {
  const { json, reason, ...rest } = input;
  const job = await queueCliPublish({ ...rest, dataDir: resolveDataDir() });
  const why = reason.replace(/\s*\n\s*/g, ' ');
  if (json) process.stdout.write(`${JSON.stringify({ published: false, queued: true, id: job.id, product: job.product, mesh: job.mesh, baseVersion: job.baseVersion, reason: why })}\n`);
  else process.stdout.write(`queued: "${job.product}" waits in the outbox (job ${job.id}) because the mesh cannot be reached now: ${why}\nRun "mesh-desk sync" (or open Mesh Desk) when you are back online to send it.\n`);
  return 0;
}

function failed(fileName: string, message: string, code: string): number {
  const text = message.replace(/\s*\n\s*/g, ' ');
  if (code === 'publish.lost-race') {
    process.stderr.write(`mesh-desk: not published: ${text}\n`);
    return EXIT_LOST_RACE;
  }
  if (code === 'cancelled') {
    process.stderr.write('mesh-desk: publishing was cancelled; nothing changed for readers.\n');
    return 2;
  }
  if (/^(meta|policy|cli|contract|publish|mesh|version|product)\./.test(code)) process.stderr.write(`mesh-desk: ${text}\n`);
  else process.stderr.write(`mesh-desk: cannot read ${fileName}: ${text}\n`);
  return 2;
}


/** One rewritten status line on a terminal (stderr), nothing otherwise or with --json. */
function progressPrinter(quiet: boolean) {
  const live = !quiet && process.stderr.isTTY === true;
  let last = 0;
  const show = (line: string) => {
    const t = Date.now();
    if (!live || t - last < 250) return;
    last = t;
    process.stderr.write(`\r${line.padEnd(70)}`);
  };
  return {
    reading: (done: number, total: number) => show(`Checking… ${total > 0 ? Math.floor((done / total) * 100) : 0}%`),
    sending: (p: PublishProgress) => show(p.phase === 'committing' ? 'Committing…' : `Sending… ${p.partsDone} parts, ${(p.bytesSent / 1048576).toFixed(1)} MB, ${p.rows} rows`),
    clear: () => {
      if (live && last > 0) process.stderr.write(`\r${' '.repeat(70)}\r`);
      last = 0;
    },
  };
}
