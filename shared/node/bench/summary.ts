// Node only (bench tooling).
// Turns the children's reports into one figure per measurement and checks the targets.
// Speed is the median of the runs (robust to one slow run); memory is the maximum (a target
// on peak memory must hold every time, not on average).

import type { ChildReport, ChildSuccess } from './child-main';
import type { MeasureKind } from './measures';

export interface Summary {
  name: string;
  kind: MeasureKind;
  runs: number;
  /** Set when any run failed; then no figures are given. */
  error?: { notReady: boolean; message: string };
  rows?: number;
  bytes?: number;
  mbps?: number;
  seconds?: number;
  cpuSeconds?: number;
  peakRssMb?: number;
  /** inspect csv only: its MB/s ÷ papaparse's MB/s in this same bench run. */
  ratio?: number;
  /** The same ratio from CPU time instead of wall time (steadier on a busy machine). */
  cpuRatio?: number;
  detail?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(name: string, kind: MeasureKind, reports: ChildReport[]): Summary {
  const failure = reports.find((r) => 'error' in r);
  if (failure && 'error' in failure) {
    return { name, kind, runs: reports.length, error: { notReady: failure.error.code === 'not-ready', message: failure.error.message } };
  }
  const ok = reports as ChildSuccess[];
  const first = ok[0];
  const summary: Summary = {
    name,
    kind,
    runs: ok.length,
    rows: first?.rows,
    bytes: first?.bytes,
    mbps: median(ok.map((r) => r.mbps)),
    seconds: median(ok.map((r) => r.seconds)),
    cpuSeconds: median(ok.map((r) => r.cpuSeconds)),
    peakRssMb: Math.max(...ok.map((r) => r.peakRssMb)),
  };
  if (first?.detail !== undefined) summary.detail = first.detail;
  return summary;
}

export type Status = 'PASS' | 'FAIL' | 'N/A';

export interface TargetResult {
  label: string;
  target: string;
  status: Status;
  /** The measured figure in words, with the shortfall when it fails. */
  measured: string;
}

export interface TargetInputs {
  papaparse: Summary;
  inspectCsv: Summary;
  inspectCsvPrefix: Summary;
  inspectXlsx: Summary;
  /** Inspect with every quality check (issue 3); absent in older callers. */
  inspectChecks?: Summary;
}

export const TARGETS = {
  csvRatio: 0.5,
  csvRssMb: 200,
  xlsxSeconds: 5,
  xlsxRssMb: 250,
  /** Peak memory may grow at most this much from the 1/4-size CSV to the full one. */
  flatGrowth: 0.25,
  checksRatio: 0.3,
  checksRssMb: 300,
} as const;

export function evaluateTargets(s: TargetInputs): TargetResult[] {
  const out: TargetResult[] = [];
  const ratio = s.inspectCsv.ratio;
  out.push(check('inspect csv speed vs papaparse', `ratio ≥ ${TARGETS.csvRatio.toFixed(2)}`, ratio, (v) => v >= TARGETS.csvRatio,
    (v) => `ratio ${v.toFixed(2)}${v < TARGETS.csvRatio ? ` (${pct(1 - v / TARGETS.csvRatio)} short: needs ${((TARGETS.csvRatio * (s.papaparse.mbps ?? 0))).toFixed(1)} MB/s)` : ''}`));
  out.push(check('inspect csv peak memory', `≤ ${TARGETS.csvRssMb} MB`, s.inspectCsv.peakRssMb, (v) => v <= TARGETS.csvRssMb,
    (v) => `${v.toFixed(0)} MB${v > TARGETS.csvRssMb ? ` (${pct(v / TARGETS.csvRssMb - 1)} over)` : ''}`));
  out.push(check('inspect xlsx time', `≤ ${TARGETS.xlsxSeconds} s`, s.inspectXlsx.seconds, (v) => v <= TARGETS.xlsxSeconds,
    (v) => `${v.toFixed(2)} s${v > TARGETS.xlsxSeconds ? ` (${pct(v / TARGETS.xlsxSeconds - 1)} over)` : ''}`));
  out.push(check('inspect xlsx peak memory', `≤ ${TARGETS.xlsxRssMb} MB`, s.inspectXlsx.peakRssMb, (v) => v <= TARGETS.xlsxRssMb,
    (v) => `${v.toFixed(0)} MB${v > TARGETS.xlsxRssMb ? ` (${pct(v / TARGETS.xlsxRssMb - 1)} over)` : ''}`));
  if (s.inspectChecks) {
    const c = s.inspectChecks;
    out.push(check('inspect + all checks vs papaparse', `ratio ≥ ${TARGETS.checksRatio.toFixed(2)}`, c.ratio, (v) => v >= TARGETS.checksRatio,
      (v) => `ratio ${v.toFixed(2)}${v < TARGETS.checksRatio ? ` (${pct(1 - v / TARGETS.checksRatio)} short)` : ''}`));
    out.push(check('inspect + all checks peak memory', `≤ ${TARGETS.checksRssMb} MB`, c.peakRssMb, (v) => v <= TARGETS.checksRssMb,
      (v) => `${v.toFixed(0)} MB${v > TARGETS.checksRssMb ? ` (${pct(v / TARGETS.checksRssMb - 1)} over)` : ''}`));
  }
  const big = s.inspectCsv.peakRssMb;
  const small = s.inspectCsvPrefix.peakRssMb;
  const growth = big !== undefined && small !== undefined ? big / small - 1 : undefined;
  out.push(check('memory flat as files grow', `${rowsLabel(s.inspectCsvPrefix.rows)} → ${rowsLabel(s.inspectCsv.rows)} rows: within +${pct(TARGETS.flatGrowth)}`, growth,
    (v) => v <= TARGETS.flatGrowth,
    (v) => `${small!.toFixed(0)} → ${big!.toFixed(0)} MB (${v >= 0 ? '+' : ''}${pct(v)})`));
  return out;
}

function check(label: string, target: string, value: number | undefined, pass: (v: number) => boolean, describe: (v: number) => string): TargetResult {
  if (value === undefined || !Number.isFinite(value)) return { label, target, status: 'N/A', measured: 'not measured' };
  return { label, target, status: pass(value) ? 'PASS' : 'FAIL', measured: describe(value) };
}

const pct = (fraction: number): string => `${(fraction * 100).toFixed(0)} %`;

function rowsLabel(rows: number | undefined): string {
  if (rows === undefined) return '?';
  return rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows >= 1000 ? `${Math.round(rows / 1000)}k` : String(rows);
}
