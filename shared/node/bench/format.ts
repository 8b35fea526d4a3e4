// Node only (bench tooling). The bench's two outputs: a table for people, JSON lines for tools.

import { basename } from 'node:path';
import type { BenchFile } from './fixtures';
import type { Summary, TargetResult } from './summary';
import { formatPublishSection, publishJsonLines, type PublishSection } from './publish-format';
import { exportJsonLines, formatExportSection, type ExportSection } from './export-format';

export interface BenchOutcome {
  runs: number;
  quick: boolean;
  bundled: boolean;
  /** 1-minute load average before and after, to tell whether other work competed for the CPU. */
  load?: { cpus: number; before: number; after: number };
  files: BenchFile[];
  summaries: Summary[];
  targets: TargetResult[];
  /** The "memory flat" comparison as a JSON-able line. */
  flat: { ratio?: number; peakRssMb?: number; pass?: boolean };
  /** The publish measurements against the local S3 server, when they were run. */
  publish?: PublishSection;
  /** The export measurements from the local S3 server, when they were run. */
  export?: ExportSection;
}

const num = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));
const int = (v: number | undefined): string => (v === undefined ? '-' : v.toLocaleString('en-US'));

export function formatTable(o: BenchOutcome): string {
  const lines: string[] = [];
  lines.push(`Mesh Desk bench — Node ${process.version}, ${o.runs} fresh process(es) per measurement (speed: median, memory: highest peak RSS), ${o.bundled ? 'bundled, plain node' : 'through the tsx loader'}`);
  if (o.load) {
    const busy = Math.max(o.load.before, o.load.after) > o.load.cpus * 0.75;
    lines.push(`Load average ${o.load.before.toFixed(1)} before, ${o.load.after.toFixed(1)} after, on ${o.load.cpus} CPUs${busy ? ' — BUSY MACHINE: wall-clock figures are inflated; compare ratios and CPU seconds' : ''}`);
  }
  lines.push(`Files: ${o.files.map((f) => `${basename(f.path)} ${(f.bytes / 1e6).toFixed(1)} MB`).join(' · ')}${o.quick ? '  [--quick]' : ''}`);
  lines.push('');
  const header = ['measurement', 'rows', 'MB/s', 'seconds', 'CPU s', 'peak RSS', ''];
  const rows: string[][] = [header];
  for (const s of o.summaries) {
    if (s.error) {
      rows.push([s.name, '-', '-', '-', '-', '-', s.error.notReady ? 'NOT READY (code under test cannot load yet)' : 'ERROR (see below)']);
      continue;
    }
    const showMbps = s.kind === 'papaparse' || (s.kind.startsWith('inspect') && s.name.includes('csv'));
    rows.push([
      s.name,
      s.kind === 'baseline' ? '-' : int(s.rows),
      showMbps ? num(s.mbps, 1) : '-',
      s.kind === 'baseline' ? '-' : num(s.seconds, 2),
      s.kind === 'baseline' ? '-' : num(s.cpuSeconds, 2),
      `${num(s.peakRssMb, 0)} MB`,
      s.ratio !== undefined ? `ratio ${s.ratio.toFixed(2)} (by CPU time ${num(s.cpuRatio, 2)})` : s.kind === 'baseline' ? 'fixed cost inside every row below' : '',
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) {
    lines.push(r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  }
  if (o.publish) {
    lines.push('');
    lines.push(...formatPublishSection(o.publish));
  }
  if (o.export) {
    lines.push('');
    lines.push(...formatExportSection(o.export));
  }
  lines.push('');
  lines.push('Targets');
  const lw = Math.max(...o.targets.map((t) => t.label.length));
  const tw = Math.max(...o.targets.map((t) => t.target.length));
  for (const t of o.targets) {
    lines.push(`  ${t.status.padEnd(4)}  ${t.label.padEnd(lw)}  ${t.target.padEnd(tw)}  measured: ${t.measured}`);
  }
  const failed = o.targets.filter((t) => t.status !== 'PASS');
  lines.push('');
  lines.push(failed.length === 0 ? 'All targets met.' : `${failed.length} of ${o.targets.length} target(s) NOT met: ${failed.map((t) => t.label).join('; ')}.`);
  if (o.quick) lines.push('Note: --quick uses a 100,000-row CSV; CSV targets are meant for the 1,000,000-row file.');
  const details = o.summaries.filter((s) => s.detail);
  if (details.length) {
    lines.push('');
    for (const s of details) lines.push(`${s.name}: ${s.detail}`);
  }
  const errors = o.summaries.filter((s) => s.error);
  if (errors.length) {
    lines.push('');
    for (const s of errors) lines.push(`${s.name}: ${s.error!.message.split('\n').slice(0, 6).join('\n    ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One JSON object per line: {name, mbps?, seconds?, cpuSeconds?, ratio?, peakRssMb, rows?, runs, pass?, error?}. */
export function formatJsonLines(o: BenchOutcome): string {
  const byLabel = new Map(o.targets.map((t) => [t.label, t.status]));
  const passOf = (...labels: string[]): boolean | undefined =>
    labels.every((l) => byLabel.get(l) === 'N/A') ? undefined : labels.every((l) => byLabel.get(l) === 'PASS');
  const out: string[] = [];
  for (const s of o.summaries) {
    const line: Record<string, unknown> = { name: s.name };
    if (s.error) {
      line.error = s.error.message.split('\n')[0];
      line.peakRssMb = null;
    } else {
      if (s.kind === 'papaparse' || (s.kind.startsWith('inspect') && s.name.includes('csv'))) line.mbps = round(s.mbps, 2);
      if (s.kind !== 'baseline') line.seconds = round(s.seconds, 3);
      if (s.kind !== 'baseline') line.cpuSeconds = round(s.cpuSeconds, 3);
      if (s.ratio !== undefined) line.ratio = round(s.ratio, 3);
      line.peakRssMb = round(s.peakRssMb, 1);
      if (s.kind !== 'baseline') line.rows = s.rows;
    }
    line.runs = s.runs;
    const pass = s.name === 'inspect csv' ? passOf('inspect csv speed vs papaparse', 'inspect csv peak memory')
      : s.name === 'inspect xlsx' ? passOf('inspect xlsx time', 'inspect xlsx peak memory') : undefined;
    if (pass !== undefined) line.pass = pass;
    out.push(JSON.stringify(line));
  }
  const flat: Record<string, unknown> = { name: 'memory flat' };
  if (o.flat.ratio !== undefined) flat.ratio = round(o.flat.ratio, 3);
  flat.peakRssMb = o.flat.peakRssMb === undefined ? null : round(o.flat.peakRssMb, 1);
  if (o.flat.pass !== undefined) flat.pass = o.flat.pass;
  out.push(JSON.stringify(flat));
  if (o.publish) out.push(...publishJsonLines(o.publish));
  if (o.export) out.push(...exportJsonLines(o.export));
  return `${out.join('\n')}\n`;
}

const round = (v: number | undefined, digits: number): number | null =>
  v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));
