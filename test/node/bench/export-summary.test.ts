// Node only. How the export bench turns child reports into figures, PASS/FAIL and the lines it
// prints — without a server (see export-child.test.ts for the children themselves).

import { describe, expect, it } from 'vitest';
import type { ChildReport } from '../../../shared/node/bench/child-main';
import { exportOutcome, exportSpecs, skippedExportSection } from '../../../shared/node/bench/export-bench';
import { exportJsonLines, formatExportSection } from '../../../shared/node/bench/export-format';
import { evaluateExportTargets, exportMemoryMb, summarizeExport, type ExportSummary } from '../../../shared/node/bench/export-summary';
import { formatJsonLines, formatTable } from '../../../shared/node/bench/format';

const run = (format: 'xlsx' | 'csv', exportSeconds: number, exportPeakRssMb: number | undefined, opts: { rows?: number; bytes?: number; written?: number; peak?: number } = {}): ChildReport => ({
  kind: format === 'xlsx' ? 'export-xlsx' : 'export-csv',
  file: 'orders.csv',
  bytes: opts.bytes ?? 140e6,
  rows: opts.rows ?? 1_000_000,
  seconds: exportSeconds + 0.01,
  cpuSeconds: exportSeconds * 0.9,
  mbps: (opts.bytes ?? 140e6) / 1e6 / exportSeconds,
  peakRssMb: opts.peak ?? 400,
  export: {
    format,
    rows: opts.rows ?? 1_000_000,
    bytesWritten: opts.written ?? 100e6,
    exportSeconds,
    ...(exportPeakRssMb === undefined ? {} : { exportPeakRssMb }),
    startRssMb: 150,
    setupSeconds: 12,
    partRows: 100_000,
  },
});

const summary = (over: Partial<ExportSummary>): ExportSummary => ({ name: 'x', kind: 'export-xlsx', runs: 3, rows: 1_000_000, seconds: 20, peakRssMb: 350, exportPeakRssMb: 250, writtenMbps: 50, ...over });

describe('export bench summary', () => {
  it('takes the median time and speeds and the highest peaks of the runs', () => {
    const s = summarizeExport('export XLSX 1M', 'export-xlsx', [run('xlsx', 30, 250, { peak: 380 }), run('xlsx', 20, 280, { peak: 360 }), run('xlsx', 25, 260, { peak: 390 })]);
    expect(s.error).toBeUndefined();
    expect(s.seconds).toBe(25);
    expect(s.cpuSeconds).toBeCloseTo(22.5);
    expect(s.sourceMbps).toBeCloseTo(140 / 25);
    expect(s.writtenMbps).toBeCloseTo(100 / 25);
    expect(s.exportPeakRssMb).toBe(280);
    expect(s.peakRssMb).toBe(390);
    expect(s.setupSeconds).toBe(12);
    expect(s).toMatchObject({ format: 'xlsx', rows: 1_000_000, sourceBytes: 140e6, bytesWritten: 100e6 });
  });

  it('gives no figures when any run failed or reported no export', () => {
    const failed = summarizeExport('e', 'export-csv', [run('csv', 3, 100), { kind: 'export-csv', file: 'x', error: { code: 'failed', message: 'boom\nstack' } }]);
    expect(failed.seconds).toBeUndefined();
    expect(failed.error).toEqual({ notReady: false, skipped: false, message: 'boom\nstack' });
    const bare: ChildReport = { kind: 'export-csv', file: 'x', bytes: 1, rows: 1, seconds: 1, cpuSeconds: 1, mbps: 1, peakRssMb: 1 };
    expect(summarizeExport('e', 'export-csv', [run('csv', 3, 100), bare]).error?.message).toContain('no export figures');
  });

  it('judges memory by the export-only peak, and by the whole child only where that is missing', () => {
    const s = summarizeExport('e', 'export-xlsx', [run('xlsx', 20, 250), run('xlsx', 20, undefined, { peak: 420 })]);
    expect(s.exportPeakRssMb).toBeUndefined();
    expect(exportMemoryMb(s)).toBe(420);
    const t = evaluateExportTargets({ rows: 1_000_000, quarterRows: 250_000, xlsx: s, xlsxQuarter: summary({ exportPeakRssMb: 400 }), csv: summary({}) });
    expect(t[1]).toMatchObject({ status: 'FAIL', measured: expect.stringContaining('whole child') });
  });

  it('passes and fails every target at its bound', () => {
    const at = evaluateExportTargets({
      rows: 1_000_000,
      quarterRows: 250_000,
      xlsx: summary({ seconds: 30, exportPeakRssMb: 300 }),
      xlsxQuarter: summary({ rows: 250_000, exportPeakRssMb: 240 }),
      csv: summary({ kind: 'export-csv', writtenMbps: 40 }),
    });
    expect(at.map((t) => t.label)).toEqual(['export XLSX 1M rows', 'export XLSX peak memory', 'export XLSX memory flat 250k → 1M', 'export CSV speed']);
    expect(at.map((t) => t.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
    expect(at[2]!.measured).toBe('240 → 300 MB (+25 %)');

    const over = evaluateExportTargets({
      rows: 1_000_000,
      quarterRows: 250_000,
      xlsx: summary({ seconds: 39.6, exportPeakRssMb: 301 }),
      xlsxQuarter: summary({ rows: 250_000, exportPeakRssMb: 240 }),
      csv: summary({ kind: 'export-csv', writtenMbps: 30 }),
    });
    expect(over.map((t) => t.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL']);
    expect(over[0]!.measured).toBe('39.6 s (32 % over)');
    expect(over[2]!.measured).toContain('+25 %'); // 301/240 - 1 = 25.4 %: rounds to 25 yet fails
    expect(over[3]!.measured).toBe('30.0 MB/s written (25 % short)');
  });

  it('marks what could not be measured N/A, with labels from the planned rows', () => {
    const { section, targets } = skippedExportSection(100_000, 'moto_server is not installed');
    expect(section.summaries.map((s) => s.name)).toEqual(['export XLSX 100k', 'export XLSX 25k', 'export CSV 100k']);
    expect(targets.map((t) => t.status)).toEqual(['N/A', 'N/A', 'N/A', 'N/A']);
    expect(targets[0]!.label).toBe('export XLSX 100k rows');
    expect(targets[2]!.label).toBe('export XLSX memory flat 25k → 100k');
    expect(formatExportSection(section).join('\n')).toContain('N/A: moto_server is not installed');
    expect(exportJsonLines(section).map((l) => JSON.parse(l) as Record<string, unknown>)[0]).toMatchObject({ skipped: true, peakRssMb: null });
  });

  it('plans the full product to XLSX and CSV and the 1/4-size one to XLSX, and reads reports by position', () => {
    const specs = exportSpecs(1_000_000, 'http://127.0.0.1:1');
    expect(specs.map((s) => [s.name, s.kind, s.rows])).toEqual([
      ['export XLSX 1M', 'export-xlsx', 1_000_000],
      ['export XLSX 250k', 'export-xlsx', 250_000],
      ['export CSV 1M', 'export-csv', 1_000_000],
    ]);
    const { section, targets } = exportOutcome(specs, [
      [run('xlsx', 25, 270)],
      [run('xlsx', 6, 240, { rows: 250_000, bytes: 35e6, written: 25e6 })],
      [run('csv', 3, 90, { written: 150e6 })],
    ], 1_000_000, 'http://127.0.0.1:1');
    expect(targets.map((t) => t.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
    expect(targets[3]!.measured).toBe('50.0 MB/s written');
    const table = formatExportSection(section);
    expect(table[0]).toContain('100,000-row parts');
    expect(table.find((l) => l.startsWith('export CSV 1M'))).toMatch(/1,000,000\s+140\.0\s+150\.0\s+3\.00\s+2\.70\s+46\.7\s+50\.0\s+12\.0\s+400 MB\s+150 MB\s+90 MB/);
    const json = exportJsonLines(section).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json[2]).toMatchObject({ name: 'export CSV 1M', format: 'csv', rows: 1_000_000, writtenMbps: 50, exportPeakRssMb: 90, runs: 1 });
  });

  it('adds the export section and its targets to the whole bench output', () => {
    const specs = exportSpecs(1_000_000, 'e');
    const { section, targets } = exportOutcome(specs, [[run('xlsx', 25, 270)], [{ kind: 'export-xlsx', file: 'x', error: { code: 'not-ready', message: 'later' } }], [run('csv', 3, 90)]], 1_000_000, 'e');
    const outcome = { runs: 1, quick: false, bundled: false, files: [], summaries: [], targets, flat: {}, export: section };
    const table = formatTable(outcome);
    expect(table).toContain('Export from S3');
    expect(table).toMatch(/export XLSX 250k.*NOT READY/);
    expect(table).toMatch(/N\/A\s+export XLSX memory flat 250k → 1M/);
    const names = formatJsonLines(outcome).trimEnd().split('\n').map((l) => (JSON.parse(l) as { name: string }).name);
    expect(names).toEqual(['memory flat', 'export XLSX 1M', 'export XLSX 250k', 'export CSV 1M']);
  });
});
