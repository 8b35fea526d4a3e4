// Node only (bench tooling). The export section of the bench's two outputs (format.ts prints
// the rest): a table for people, JSON lines for tools.

import type { ExportSummary } from './export-summary';

export interface ExportSection {
  /** The one S3 server every export measurement read from. */
  endpoint?: string;
  /** Rows per data part of the published products. */
  partRows?: number;
  summaries: ExportSummary[];
}

const num = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));
const int = (v: number | undefined): string => (v === undefined ? '-' : v.toLocaleString('en-US'));
const mb = (bytes: number | undefined): string => num(bytes === undefined ? undefined : bytes / 1e6, 1);

function errorNote(s: ExportSummary): string {
  const e = s.error!;
  if (e.skipped) return `N/A: ${e.message}`;
  return e.notReady ? 'NOT READY (code under test cannot load yet)' : 'ERROR (see below)';
}

export function formatExportSection(x: ExportSection): string[] {
  const lines: string[] = [];
  const parts = x.partRows === undefined ? '' : `, ${x.partRows.toLocaleString('en-US')}-row parts`;
  lines.push(`Export from S3 (moto_server${x.endpoint ? ` at ${x.endpoint}` : ''}${parts}; product published once per run before the timing; seconds, MB/s and export RSS of the export alone)`);
  const header = ['measurement', 'rows', 'source MB', 'file MB', 'seconds', 'CPU s', 'source MB/s', 'written MB/s', 'setup s', 'peak RSS', 'RSS at start', 'export RSS', ''];
  const rows: string[][] = [header];
  for (const s of x.summaries) {
    if (s.error) {
      rows.push([s.name, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', errorNote(s)]);
      continue;
    }
    rows.push([
      s.name,
      int(s.rows),
      mb(s.sourceBytes),
      mb(s.bytesWritten),
      num(s.seconds, 2),
      num(s.cpuSeconds, 2),
      num(s.sourceMbps, 1),
      num(s.writtenMbps, 1),
      num(s.setupSeconds, 1),
      `${num(s.peakRssMb, 0)} MB`,
      s.startRssMb === undefined ? '-' : `${num(s.startRssMb, 0)} MB`,
      s.exportPeakRssMb === undefined ? '-' : `${num(s.exportPeakRssMb, 0)} MB`,
      '',
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) {
    lines.push(r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  }
  for (const s of x.summaries) if (s.detail) lines.push(`${s.name}: ${s.detail}`);
  for (const s of x.summaries) {
    if (s.error && !s.error.skipped) lines.push(`${s.name}: ${s.error.message.split('\n').slice(0, 8).join('\n    ')}`);
  }
  return lines;
}

/** One JSON object per export measurement. */
export function exportJsonLines(x: ExportSection): string[] {
  return x.summaries.map((s) => {
    const line: Record<string, unknown> = { name: s.name };
    if (s.error) {
      line.error = s.error.message.split('\n')[0];
      if (s.error.skipped) line.skipped = true;
      line.peakRssMb = null;
    } else {
      line.format = s.format;
      line.rows = s.rows;
      line.sourceBytes = s.sourceBytes;
      line.bytesWritten = s.bytesWritten;
      line.seconds = round(s.seconds, 3);
      line.cpuSeconds = round(s.cpuSeconds, 3);
      line.sourceMbps = round(s.sourceMbps, 2);
      line.writtenMbps = round(s.writtenMbps, 2);
      line.setupSeconds = round(s.setupSeconds, 3);
      line.peakRssMb = round(s.peakRssMb, 1);
      if (s.exportPeakRssMb !== undefined) line.exportPeakRssMb = round(s.exportPeakRssMb, 1);
      if (s.startRssMb !== undefined) line.startRssMb = round(s.startRssMb, 1);
    }
    line.runs = s.runs;
    return JSON.stringify(line);
  });
}

const round = (v: number | undefined, digits: number): number | null =>
  v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));
