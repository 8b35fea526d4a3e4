// Node only (bench tooling). `npm run bench`: generates the bench files once, measures each
// reader in fresh child processes, and prints the figures against the targets.

import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { USAGE, parseBenchArgs, type BenchArgs } from './args';
import type { ChildReport } from './child-main';
import { bundleChild } from './bundle-child';
import { formatProfileSummary, summarizeNewestProfile } from './cpu-profile-summary';
import { DEFAULT_BENCH_DIR, ensureBenchFile, type BenchFile } from './fixtures';
import { formatJsonLines, formatTable } from './format';
import type { MeasureKind } from './measures';
import { exportOutcome, exportSpecs, skippedExportSection, type ExportSpec } from './export-bench';
import { childEnv, publishOutcome, publishSpecs, skippedSection, startBenchS3, type PublishSpec } from './publish-bench';
import { runChild } from './run-child';
import { evaluateTargets, summarize, TARGETS } from './summary';

interface Spec {
  name: string;
  kind: MeasureKind;
  file: BenchFile;
  /** The child's third argument (publish measurements: the S3 endpoint, object count). */
  params?: object;
}

export async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const csvRows = args.quick ? 100_000 : 1_000_000;
  const csv = await ensureBenchFile('csv', csvRows);
  const prefix = await ensureBenchFile('csv', csvRows / 4);
  const xlsx = await ensureBenchFile('xlsx', 100_000);
  // Read each file once so the first timed run does not pay for a cold disk and later ones not.
  for (const f of [csv, prefix, xlsx]) await warm(f.path);

  let entry: string | undefined;
  if (args.bundled) {
    try {
      entry = await bundleChild(DEFAULT_BENCH_DIR);
    } catch (e) {
      process.stderr.write(`bench: could not bundle the measurement child (${(e as Error).message.split('\n')[0]}). Run without --bundled.\n`);
      return 2;
    }
  }

  const specs: Spec[] = [
    { name: args.bundled ? 'node baseline (bundled)' : 'node + tsx baseline', kind: 'baseline', file: csv },
    { name: 'papaparse bare', kind: 'papaparse', file: csv },
    { name: 'inspect csv', kind: 'inspect', file: csv },
    { name: `inspect csv ${csvRows / 4000}k`, kind: 'inspect', file: prefix },
    { name: 'inspect xlsx', kind: 'inspect', file: xlsx },
    { name: 'inspect csv + all checks', kind: 'inspect-checks', file: csv },
    { name: 'exceljs streaming read', kind: 'exceljs', file: xlsx },
  ];
  // One S3 server for every publish and export measurement, started before the first and stopped after the last.
  const s3 = await startBenchS3();
  const publish = 'server' in s3 ? publishSpecs(csvRows, s3.server.endpoint).map((p) => ({ ...p, file: csv })) : [];
  // Each export child publishes its source CSV (the full one, or the 1/4-size one) once, untimed.
  const exports = 'server' in s3 ? exportSpecs(csvRows, s3.server.endpoint).map((x) => ({ ...x, file: x.rows === csvRows ? csv : prefix })) : [];
  try {
    return await measureAndReport(args, { csv, prefix, xlsx, csvRows, entry, specs, s3, publish, exports });
  } finally {
    if ('server' in s3) await s3.server.stop();
  }
}

interface Plan {
  csv: BenchFile;
  prefix: BenchFile;
  xlsx: BenchFile;
  csvRows: number;
  entry: string | undefined;
  /** The reader measurements (fixed order: the summaries below are read by position). */
  specs: Spec[];
  s3: Awaited<ReturnType<typeof startBenchS3>>;
  /** The publish measurements, after the readers. */
  publish: (PublishSpec & { file: BenchFile })[];
  /** The export measurements, after the publish ones. */
  exports: (ExportSpec & { file: BenchFile })[];
}

async function measureAndReport(args: BenchArgs, { csv, prefix, xlsx, csvRows, entry, specs, s3, publish, exports }: Plan): Promise<number> {
  const measured: Spec[] = [...specs, ...publish, ...exports];
  const env = childEnv(args.bundled);
  const profileDir = (s: Spec) => join(DEFAULT_BENCH_DIR, 'profiles', s.name.replace(/[^a-z0-9]+/gi, '-'));
  if (args.cpuProf) {
    for (const s of measured) {
      await rm(profileDir(s), { recursive: true, force: true });
      await mkdir(profileDir(s), { recursive: true });
    }
  }

  const loadBefore = loadavg()[0]!;
  // Runs are interleaved (every measurement once, then again) so drift in machine speed
  // hits papaparse and inspect alike and their ratio stays fair.
  const reports: ChildReport[][] = measured.map(() => []);
  for (let run = 1; run <= args.runs; run++) {
    for (const [i, spec] of measured.entries()) {
      const previous = reports[i]!;
      if (previous.some((r) => 'error' in r)) continue; // already broken: do not wait for it again
      const nodeArgs = args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir(spec)}`] : [];
      process.stderr.write(`run ${run}/${args.runs}  ${spec.name} … `);
      const report = await runChild(spec.kind, spec.file.path, { nodeArgs, entry, ...(spec.params ? { params: spec.params } : {}), ...(env ? { env } : {}) });
      previous.push(report);
      process.stderr.write(`${describe(report)}\n`);
    }
  }

  const summaries = specs.map((s, i) => summarize(s.name, s.kind, reports[i]!));
  const [, papaparse, inspectCsv, inspectCsvPrefix, inspectXlsx, inspectChecks] = summaries;
  if (inspectChecks!.mbps !== undefined && papaparse!.mbps !== undefined) inspectChecks!.ratio = inspectChecks!.mbps / papaparse!.mbps;
  if (inspectChecks!.cpuSeconds && papaparse!.cpuSeconds) inspectChecks!.cpuRatio = papaparse!.cpuSeconds / inspectChecks!.cpuSeconds;
  if (inspectCsv!.mbps !== undefined && papaparse!.mbps !== undefined) inspectCsv!.ratio = inspectCsv!.mbps / papaparse!.mbps;
  if (inspectCsv!.cpuSeconds && papaparse!.cpuSeconds) inspectCsv!.cpuRatio = papaparse!.cpuSeconds / inspectCsv!.cpuSeconds;
  const pub = 'server' in s3 ? publishOutcome(publish, reports.slice(specs.length, specs.length + publish.length), s3.server.endpoint) : skippedSection(csvRows, s3.skipped);
  const exp = 'server' in s3 ? exportOutcome(exports, reports.slice(specs.length + publish.length), csvRows, s3.server.endpoint) : skippedExportSection(csvRows, s3.skipped);
  const targets = [
    ...evaluateTargets({ papaparse: papaparse!, inspectCsv: inspectCsv!, inspectCsvPrefix: inspectCsvPrefix!, inspectXlsx: inspectXlsx!, inspectChecks: inspectChecks! }),
    ...pub.targets,
    ...exp.targets,
  ];
  const big = inspectCsv!.peakRssMb;
  const small = inspectCsvPrefix!.peakRssMb;
  const flat = {
    ratio: big !== undefined && small !== undefined ? big / small : undefined,
    peakRssMb: big,
    pass: big !== undefined && small !== undefined ? big / small - 1 <= TARGETS.flatGrowth : undefined,
  };
  const load = { cpus: availableParallelism(), before: loadBefore, after: loadavg()[0]! };
  const outcome = { runs: args.runs, quick: args.quick, bundled: args.bundled, load, files: [csv, prefix, xlsx], summaries, targets, flat, publish: pub.section, export: exp.section };
  process.stdout.write(args.json ? formatJsonLines(outcome) : formatTable(outcome));

  if (args.cpuProf) {
    for (const s of measured) {
      const summary = await summarizeNewestProfile(profileDir(s));
      if (summary) process.stderr.write(`\n${formatProfileSummary(s.name, summary)}`);
    }
    process.stderr.write(`\nProfiles (open in Chrome DevTools → Performance): ${join(DEFAULT_BENCH_DIR, 'profiles')}\n`);
  }
  const allMet = targets.every((t) => t.status === 'PASS');
  return args.strict && !allMet ? 1 : 0;
}

function describe(r: ChildReport): string {
  if ('error' in r) return r.error.code === 'not-ready' ? 'not ready' : 'FAILED';
  if (r.export) {
    const x = r.export;
    const rss = x.exportPeakRssMb !== undefined ? `${x.exportPeakRssMb.toFixed(0)} MB export peak` : `${r.peakRssMb.toFixed(0)} MB peak`;
    return `setup ${x.setupSeconds.toFixed(1)} s, export ${x.exportSeconds.toFixed(2)} s, ${(x.bytesWritten / 1e6 / x.exportSeconds).toFixed(1)} MB/s written, ${rss}`;
  }
  if (r.publish) {
    const p = r.publish;
    const check = p.prepareSeconds !== undefined ? `check ${p.prepareSeconds.toFixed(2)} s, ` : '';
    return `${check}write ${p.writeSeconds.toFixed(2)} s, ${(p.bytesSent / 1e6 / p.writeSeconds).toFixed(1)} MB/s, ${p.parts} part${p.parts === 1 ? '' : 's'}, ${r.peakRssMb.toFixed(0)} MB peak`;
  }
  const speed = r.kind === 'baseline' ? '' : `${r.seconds.toFixed(2)} s, ${r.mbps.toFixed(1)} MB/s, `;
  return `${speed}${r.peakRssMb.toFixed(0)} MB peak`;
}

async function warm(path: string): Promise<void> {
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 20 })) {
    // Reading is the point; the bytes are dropped.
  }
}
