// Node only (bench tooling). The publish section of the bench's two outputs (format.ts prints
// the rest): a table for people, JSON lines for tools.

import type { PublishComparison, PublishSummary } from './publish-summary';
import { partsLabel } from './publish-summary';

export interface PublishSection {
  /** The one S3 server every publish measurement used. */
  endpoint?: string;
  summaries: PublishSummary[];
  comparisons: PublishComparison[];
}

const num = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));
const int = (v: number | undefined): string => (v === undefined ? '-' : v.toLocaleString('en-US'));

function errorNote(s: PublishSummary): string {
  const e = s.error!;
  if (e.skipped) return `N/A: ${e.message}`;
  return e.notReady ? 'NOT READY (code under test cannot load yet)' : 'ERROR (see below)';
}

export function formatPublishSection(p: PublishSection): string[] {
  const lines: string[] = [];
  lines.push(`Publish to S3 (moto_server${p.endpoint ? ` at ${p.endpoint}` : ''}; one server for every run; MB/s and parts/s of the write pass)`);
  const header = ['measurement', 'rows', 'parts', 'MB sent', 'check s', 'write s', 'MB/s', 'parts/s', 'in flight', 'peak RSS', 'write-pass RSS', ''];
  const rows: string[][] = [header];
  for (const s of p.summaries) {
    if (s.error) {
      rows.push([s.name, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', errorNote(s)]);
      continue;
    }
    rows.push([
      s.name,
      s.kind.startsWith('publish') ? int(s.rows) : '-',
      int(s.parts),
      num(s.bytesSent === undefined ? undefined : s.bytesSent / 1e6, 1),
      num(s.prepareSeconds, 2),
      num(s.writeSeconds, 2),
      num(s.mbps, 1),
      num(s.partsPerSecond, 1),
      int(s.concurrency),
      `${num(s.peakRssMb, 0)} MB`,
      s.writePeakRssMb === undefined ? '-' : `${num(s.writePeakRssMb, 0)} MB`,
      '',
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) {
    lines.push(r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  }
  lines.push('Plain S3 upload time ÷ ours (1.00 = as fast as uploading the bytes with nothing else to do):');
  for (const c of p.comparisons) {
    lines.push(`  ${partsLabel(c.partRows)} parts: write pass (Publish button) ${num(c.writeRatio, 2)} · check + write (whole CLI publish, no target) ${num(c.fullRatio, 2)}`);
  }
  for (const s of p.summaries) if (s.detail) lines.push(`${s.name}: ${s.detail}`);
  for (const s of p.summaries) {
    if (s.error && !s.error.skipped) lines.push(`${s.name}: ${s.error.message.split('\n').slice(0, 8).join('\n    ')}`);
  }
  return lines;
}

/** One JSON object per publish measurement, then one per comparison. */
export function publishJsonLines(p: PublishSection): string[] {
  const out: string[] = [];
  for (const s of p.summaries) {
    const line: Record<string, unknown> = { name: s.name };
    if (s.error) {
      line.error = s.error.message.split('\n')[0];
      if (s.error.skipped) line.skipped = true;
      line.peakRssMb = null;
    } else {
      if (s.kind.startsWith('publish')) line.rows = s.rows;
      line.parts = s.parts;
      line.bytesSent = s.bytesSent;
      if (s.prepareSeconds !== undefined) line.prepareSeconds = round(s.prepareSeconds, 3);
      line.writeSeconds = round(s.writeSeconds, 3);
      line.mbps = round(s.mbps, 2);
      line.partsPerSecond = round(s.partsPerSecond, 1);
      line.concurrency = s.concurrency;
      line.peakRssMb = round(s.peakRssMb, 1);
      if (s.writePeakRssMb !== undefined) line.writePeakRssMb = round(s.writePeakRssMb, 1);
    }
    line.runs = s.runs;
    out.push(JSON.stringify(line));
  }
  for (const c of p.comparisons) {
    out.push(JSON.stringify({ name: `publish vs plain S3 (${partsLabel(c.partRows)} parts)`, ratio: round(c.writeRatio, 3), fullRatio: round(c.fullRatio, 3) }));
  }
  return out;
}

const round = (v: number | undefined, digits: number): number | null =>
  v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));
