// Node only. `mesh-desk publish <file> --mesh <url> --meta <meta.yaml> [--sheet NAME]…
// [--header-row N] [--bump major|minor|patch] [--by NAME] [--json]`: check the file against the
// mesh's policy, decide the version, send the data parts and commit product.yaml.
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

    const plan = await prepareFilePublish({ mesh, path, fileName, sheets, meta, signal: interrupt.signal, onProgress: (p) => progress.reading(p.bytesDone, p.bytesTotal) });
    progress.clear();
    if (!plan.ok) return failed(fileName, plan.error.message, plan.error.code);
    if (!plan.value.check.canPublish) {
      if (values.json) process.stdout.write(`${JSON.stringify({ published: false, ...toInspectJson(plan.value.report) })}\n`);
      else process.stdout.write(formatCheckText(plan.value.report, undefined));
      return 1;
    }
    if (!values.json) process.stderr.write(formatProposal(plan.value, values.bump as Bump | undefined));

    const run = await runFilePublish({
      mesh,
      path,
      plan: plan.value,
      ...(values.bump !== undefined ? { bump: values.bump as Bump } : {}),
      ...(values.by ?? meta.owner?.name ?? meta.owner?.email ? { publisher: (values.by ?? meta.owner?.name ?? meta.owner?.email)! } : {}),
      signal: interrupt.signal,
      onProgress: (p) => progress.sending(p),
    });
    progress.clear();
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
