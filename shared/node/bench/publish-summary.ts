// Node only (bench tooling).
// The publish measurements' figures: per measurement the median of the runs (speed) and the
// highest peak (memory), as summary.ts does for the readers; then our write pass against the
// plain upload of the same bytes as the same number of objects, and the publish targets.

import type { ChildReport, ChildSuccess } from './child-main';
import type { MeasureKind } from './measures';
import { median, type TargetResult } from './summary';

export interface PublishSummary {
  name: string;
  kind: MeasureKind;
  runs: number;
  /** Set when any run failed or the measurement could not run here; then no figures are given. */
  error?: { notReady: boolean; skipped: boolean; message: string };
  rows?: number;
  partRows?: number;
  parts?: number;
  bytesSent?: number;
  concurrency?: number;
  /** Check pass (publish only). */
  prepareSeconds?: number;
  /** Write pass (publish) or the whole upload (plain). */
  writeSeconds?: number;
  /** Check + write, per run, median (publish only). */
  totalSeconds?: number;
  /** 10^6 bytes sent per second of the write pass. */
  mbps?: number;
  partsPerSecond?: number;
  peakRssMb?: number;
  writePeakRssMb?: number;
  detail?: string;
}

/** Our publish against the plain upload at one part size. */
export interface PublishComparison {
  partRows: number;
  /** Plain upload seconds ÷ our write-pass seconds (1 = as fast as the plain upload). */
  writeRatio?: number;
  /** Plain upload seconds ÷ (check + write) seconds: the whole cost of a CLI publish. No target. */
  fullRatio?: number;
}

export function summarizePublish(name: string, kind: MeasureKind, reports: ChildReport[]): PublishSummary {
  const failure = reports.find((r) => 'error' in r);
  if (failure && 'error' in failure) {
    return { name, kind, runs: reports.length, error: { notReady: failure.error.code === 'not-ready', skipped: false, message: failure.error.message } };
  }
  const ok = (reports as ChildSuccess[]).filter((r) => r.publish !== undefined);
  const first = ok[0];
  if (!first?.publish) return { name, kind, runs: reports.length, error: { notReady: false, skipped: false, message: 'no run reported publish figures' } };
  const fig = ok.map((r) => r.publish!);
  const med = (pick: (f: NonNullable<ChildSuccess['publish']>) => number | undefined): number | undefined => {
    const values = fig.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return values.length === fig.length ? median(values) : undefined;
  };
  const summary: PublishSummary = {
    name,
    kind,
    runs: ok.length,
    rows: first.rows,
    partRows: first.publish.partRows,
    parts: first.publish.parts,
    bytesSent: first.publish.bytesSent,
    concurrency: first.publish.concurrency,
    writeSeconds: med((f) => f.writeSeconds),
    mbps: med((f) => f.bytesSent / 1e6 / f.writeSeconds),
    partsPerSecond: med((f) => f.parts / f.writeSeconds),
    peakRssMb: Math.max(...ok.map((r) => r.peakRssMb)),
  };
  const prepare = med((f) => f.prepareSeconds);
  if (prepare !== undefined) {
    summary.prepareSeconds = prepare;
    summary.totalSeconds = med((f) => (f.prepareSeconds ?? 0) + f.writeSeconds);
  }
  const writePeaks = fig.map((f) => f.writePeakRssMb).filter((v): v is number => v !== undefined);
  if (writePeaks.length > 0) summary.writePeakRssMb = Math.max(...writePeaks);
  if (first.detail !== undefined) summary.detail = first.detail;
  return summary;
}

/** A measurement that could not run at all (no moto_server): shown as N/A with the reason. */
export function skippedPublish(name: string, kind: MeasureKind, reason: string): PublishSummary {
  return { name, kind, runs: 0, error: { notReady: false, skipped: true, message: reason } };
}

export function comparePublish(ours: PublishSummary, plain: PublishSummary, partRows: number): PublishComparison {
  const out: PublishComparison = { partRows };
  const base = plain.writeSeconds;
  if (base === undefined || ours.error || plain.error) return out;
  if (ours.writeSeconds) out.writeRatio = base / ours.writeSeconds;
  if (ours.totalSeconds) out.fullRatio = base / ours.totalSeconds;
  return out;
}

export const PUBLISH_TARGETS = {
  /** Write pass vs plain upload with 1000-row parts (small objects: the server's per-request cost rules). */
  ratioSmallParts: 0.5,
  ratioLargeParts: 0.6,
  rssMb: 250,
} as const;

export function evaluatePublishTargets(small: PublishComparison, large: PublishComparison, publishes: PublishSummary[]): TargetResult[] {
  const ratioTarget = (label: string, c: PublishComparison, min: number): TargetResult => {
    const v = c.writeRatio;
    if (v === undefined || !Number.isFinite(v)) return { label, target: `ratio ≥ ${min.toFixed(2)}`, status: 'N/A', measured: 'not measured' };
    const short = v < min ? ` (${pct(1 - v / min)} short)` : '';
    return { label, target: `ratio ≥ ${min.toFixed(2)}`, status: v >= min ? 'PASS' : 'FAIL', measured: `ratio ${v.toFixed(2)}${short}` };
  };
  const out = [
    ratioTarget(`publish (${partsLabel(small.partRows)} parts) vs plain S3 upload`, small, PUBLISH_TARGETS.ratioSmallParts),
    ratioTarget(`publish (${partsLabel(large.partRows)} parts) vs plain S3 upload`, large, PUBLISH_TARGETS.ratioLargeParts),
  ];
  // The Publish button's memory: the write pass (the check pass ran earlier in a worker of its own,
  // as in the app, and its memory is the Check step's — the "all checks" row above). Where the
  // kernel cannot reset the peak mark, the whole child's peak stands in.
  const memOf = (p: PublishSummary) => p.writePeakRssMb ?? p.peakRssMb;
  const measured = publishes.filter((p) => memOf(p) !== undefined);
  const label = 'publish peak memory (write pass)';
  const target = `≤ ${PUBLISH_TARGETS.rssMb} MB`;
  if (measured.length === 0) {
    out.push({ label, target, status: 'N/A', measured: 'not measured' });
  } else {
    const peak = Math.max(...measured.map((p) => memOf(p)!));
    const each = measured.map((p) => `${partsLabel(p.partRows)}: ${memOf(p)!.toFixed(0)} MB`).join(', ');
    const over = peak > PUBLISH_TARGETS.rssMb ? `, ${pct(peak / PUBLISH_TARGETS.rssMb - 1)} over` : '';
    // Only what was measured can pass: a failed publish leaves its memory unknown.
    const status = peak > PUBLISH_TARGETS.rssMb ? 'FAIL' : measured.length < publishes.length ? 'N/A' : 'PASS';
    out.push({ label, target, status, measured: `${peak.toFixed(0)} MB (${each}${over})` });
  }
  return out;
}

/** "1000-row" / "100,000-row". */
export function partsLabel(partRows: number | undefined): string {
  return partRows === undefined ? '?-row' : `${partRows.toLocaleString('en-US').replace(/^(\d),(\d{3})$/, '$1$2')}-row`;
}

const pct = (fraction: number): string => `${(fraction * 100).toFixed(0)} %`;
