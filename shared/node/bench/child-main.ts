// Node only (bench tooling).
// One measurement in this (fresh) process: `child.mjs <kind> <file> [params JSON]` (the
// publish measurements take {"endpoint", "objects"} there, the export ones {"endpoint"}; the
// export ones start `child.mjs export-setup …` for their untimed setup). Prints exactly one
// JSON line on stdout — {kind, file, bytes, rows, seconds, cpuSeconds, mbps, peakRssMb, detail?} on
// success, {kind, file, error: {code, message}} on failure — so the parent never has to
// guess. Time covers the work only, not Node's start-up or module loading.

import { stat } from 'node:fs/promises';
import { EXPORT_SETUP_ARG, MEASURE_KINDS, NotReadyError, prepare, type MeasureKind } from './measures';
import { peakRssMb } from './peak-rss';
import type { PublishFigures, PublishParams } from './publish-measures';
import type { ExportFigures } from './export-measures';

export interface ChildSuccess {
  kind: MeasureKind;
  file: string;
  bytes: number;
  rows: number;
  seconds: number;
  /** CPU time (user + system, all threads) of the work: less disturbed than `seconds` when
   * other processes compete for the CPU. */
  cpuSeconds: number;
  /** 10^6 bytes per second of file read. */
  mbps: number;
  peakRssMb: number;
  detail?: string;
  /** Publish and plain-upload measurements only. */
  publish?: PublishFigures;
  /** Export measurements only. */
  export?: ExportFigures;
}

export interface ChildFailure {
  kind: string;
  file: string;
  error: { code: 'not-ready' | 'failed' | 'usage'; message: string };
}

export type ChildReport = ChildSuccess | ChildFailure;

export async function main(argv: string[]): Promise<number> {
  const [kind = '', file = '', paramsJson = '{}'] = argv;
  // Not a measurement: the export measurements' setup, in a process of its own (export-setup.ts).
  if (kind === EXPORT_SETUP_ARG) return (await import('./export-setup')).exportSetupMain(file, paramsJson);
  let params: PublishParams;
  try {
    params = JSON.parse(paramsJson) as PublishParams;
  } catch {
    params = null as unknown as PublishParams;
  }
  if (!(MEASURE_KINDS as readonly string[]).includes(kind) || !file || typeof params !== 'object' || params === null) {
    return emit({ kind, file, error: { code: 'usage', message: `usage: child.mjs <${MEASURE_KINDS.join('|')}> <file> [params JSON]` } }, 2);
  }
  try {
    const bytes = (await stat(file)).size;
    const run = await prepare(kind as MeasureKind, params, file);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const measured = await run(file);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const report: ChildSuccess = {
      kind: kind as MeasureKind,
      file,
      bytes,
      rows: measured.rows,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      mbps: bytes / 1e6 / seconds,
      peakRssMb: peakRssMb(),
    };
    if (measured.detail !== undefined) report.detail = measured.detail;
    if (measured.publish !== undefined) report.publish = measured.publish;
    if (measured.export !== undefined) report.export = measured.export;
    // After the figures are taken: tidying up is not part of the measurement. A failed tidy-up
    // does not void them (the bucket is only left behind in the bench's own server).
    await measured.cleanup?.().catch((e: unknown) => process.stderr.write(`clean-up failed: ${(e as Error).message}\n`));
    return emit(report, 0);
  } catch (e) {
    const code = e instanceof NotReadyError ? 'not-ready' : 'failed';
    // A stack helps when our code breaks; "not ready yet" needs no stack.
    const message = e instanceof NotReadyError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
    return emit({ kind, file, error: { code, message } }, code === 'not-ready' ? 3 : 1);
  }
}

function emit(report: ChildReport, exitCode: number): number {
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return exitCode;
}
