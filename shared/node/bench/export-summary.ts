// Node only (bench tooling).
// The export measurements' figures: per measurement the median of the runs (speed) and the
// highest peak (memory), as summary.ts does for the readers; then the export targets. Memory
// targets use the peak during the export alone (the publish that set the product up ran
// before, in a worker of its own); where the kernel cannot reset the mark, the child's whole
// peak stands in.

import type { ChildReport, ChildSuccess } from './child-main';
import type { ExportFigures } from './export-measures';
import type { MeasureKind } from './measures';
import { median, type TargetResult } from './summary';

export interface ExportSummary {
  name: string;
  kind: MeasureKind;
  runs: number;
  /** Set when any run failed or the measurement could not run here; then no figures are given. */
  error?: { notReady: boolean; skipped: boolean; message: string };
  format?: ExportFigures['format'];
  rows?: number;
  /** Size of the published source CSV. */
  sourceBytes?: number;
  /** Size of the exported file. */
  bytesWritten?: number;
  /** The export alone (median). */
  seconds?: number;
  /** CPU time of the export child's timed work (median): steadier than `seconds` on a busy machine. */
  cpuSeconds?: number;
  /** 10^6 bytes of source CSV per second of export (median). */
  sourceMbps?: number;
  /** 10^6 bytes of file written per second of export (median): the CSV speed target. */
  writtenMbps?: number;
  /** Publishing the product once before the timing (median). */
  setupSeconds?: number;
  /** Highest peak of the whole child (setup included). */
  peakRssMb?: number;
  /** Highest peak during the export alone. */
  exportPeakRssMb?: number;
  /** Highest RSS at the start of the export (left by the setup; the export peak cannot go below it). */
  startRssMb?: number;
  detail?: string;
}

export function summarizeExport(name: string, kind: MeasureKind, reports: ChildReport[]): ExportSummary {
  const failure = reports.find((r) => 'error' in r);
  if (failure && 'error' in failure) {
    return { name, kind, runs: reports.length, error: { notReady: failure.error.code === 'not-ready', skipped: false, message: failure.error.message } };
  }
  const ok = (reports as ChildSuccess[]).filter((r) => r.export !== undefined);
  const first = ok[0];
  if (!first?.export || ok.length !== reports.length) {
    return { name, kind, runs: reports.length, error: { notReady: false, skipped: false, message: 'a run reported no export figures' } };
  }
  const med = (pick: (r: ChildSuccess, f: ExportFigures) => number): number => median(ok.map((r) => pick(r, r.export!)));
  const summary: ExportSummary = {
    name,
    kind,
    runs: ok.length,
    format: first.export.format,
    rows: first.export.rows,
    sourceBytes: first.bytes,
    bytesWritten: first.export.bytesWritten,
    seconds: med((_, f) => f.exportSeconds),
    cpuSeconds: med((r) => r.cpuSeconds),
    sourceMbps: med((r, f) => r.bytes / 1e6 / f.exportSeconds),
    writtenMbps: med((_, f) => f.bytesWritten / 1e6 / f.exportSeconds),
    setupSeconds: med((_, f) => f.setupSeconds),
    peakRssMb: Math.max(...ok.map((r) => r.peakRssMb)),
    startRssMb: Math.max(...ok.map((r) => r.export!.startRssMb)),
  };
  const peaks = ok.map((r) => r.export!.exportPeakRssMb).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (peaks.length === ok.length) summary.exportPeakRssMb = Math.max(...peaks);
  if (first.detail !== undefined) summary.detail = first.detail;
  return summary;
}

/** A measurement that could not run at all (no moto_server): shown as N/A with the reason. */
export function skippedExport(name: string, kind: MeasureKind, reason: string): ExportSummary {
  return { name, kind, runs: 0, error: { notReady: false, skipped: true, message: reason } };
}

/** The memory an export target judges: the export's own peak, else the whole child's. */
export function exportMemoryMb(s: ExportSummary): number | undefined {
  return s.error ? undefined : (s.exportPeakRssMb ?? s.peakRssMb);
}

export const EXPORT_TARGETS = {
  xlsxSeconds: 30,
  xlsxRssMb: 300,
  /** Peak memory may grow at most this much from the 1/4-size product to the full one (as for inspect). */
  flatGrowth: 0.25,
  csvMbps: 40,
} as const;

export interface ExportTargetInputs {
  /** Rows of the full product and of the 1/4-size one, as planned (labels stay right when a run failed). */
  rows: number;
  quarterRows: number;
  /** XLSX of the full product (1M rows; 100k with --quick). */
  xlsx: ExportSummary;
  /** XLSX of the 1/4-size product, for the flatness target. */
  xlsxQuarter: ExportSummary;
  csv: ExportSummary;
}

export function evaluateExportTargets(s: ExportTargetInputs): TargetResult[] {
  const out: TargetResult[] = [];
  const t = EXPORT_TARGETS;
  out.push(check(`export XLSX ${rowsLabel(s.rows)} rows`, `≤ ${t.xlsxSeconds} s`, s.xlsx.error ? undefined : s.xlsx.seconds, (v) => v <= t.xlsxSeconds,
    (v) => `${v.toFixed(1)} s${v > t.xlsxSeconds ? ` (${pct(v / t.xlsxSeconds - 1)} over)` : ''}`));
  out.push(check('export XLSX peak memory', `≤ ${t.xlsxRssMb} MB`, exportMemoryMb(s.xlsx), (v) => v <= t.xlsxRssMb,
    (v) => `${v.toFixed(0)} MB${s.xlsx.exportPeakRssMb === undefined ? ' (whole child: the peak mark could not be reset)' : ''}${v > t.xlsxRssMb ? ` (${pct(v / t.xlsxRssMb - 1)} over)` : ''}`));
  const big = exportMemoryMb(s.xlsx);
  const small = exportMemoryMb(s.xlsxQuarter);
  const growth = big !== undefined && small !== undefined && small > 0 ? big / small - 1 : undefined;
  out.push(check(`export XLSX memory flat ${rowsLabel(s.quarterRows)} → ${rowsLabel(s.rows)}`, `within +${pct(t.flatGrowth)}`, growth, (v) => v <= t.flatGrowth,
    (v) => `${small!.toFixed(0)} → ${big!.toFixed(0)} MB (${v >= 0 ? '+' : ''}${pct(v)})`));
  out.push(check('export CSV speed', `≥ ${t.csvMbps} MB/s`, s.csv.error ? undefined : s.csv.writtenMbps, (v) => v >= t.csvMbps,
    (v) => `${v.toFixed(1)} MB/s written${v < t.csvMbps ? ` (${pct(1 - v / t.csvMbps)} short)` : ''}`));
  return out;
}

function check(label: string, target: string, value: number | undefined, pass: (v: number) => boolean, describe: (v: number) => string): TargetResult {
  if (value === undefined || !Number.isFinite(value)) return { label, target, status: 'N/A', measured: 'not measured' };
  return { label, target, status: pass(value) ? 'PASS' : 'FAIL', measured: describe(value) };
}

const pct = (fraction: number): string => `${(fraction * 100).toFixed(0)} %`;

/** "1M", "250k", "?" — the rows the label names (from the measurement, or unknown). */
export function rowsLabel(rows: number | undefined): string {
  if (rows === undefined) return '?';
  return rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows >= 1000 ? `${Math.round(rows / 1000)}k` : String(rows);
}
