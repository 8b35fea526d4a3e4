// Node only. How the bench turns runs into figures and PASS/FAIL, and the --json line shape.

import { describe, expect, it } from 'vitest';
import { evaluateTargets, median, summarize, type Summary } from '../../../shared/node/bench/summary';
import { formatJsonLines } from '../../../shared/node/bench/format';
import type { ChildReport } from '../../../shared/node/bench/child-main';

const run = (mbps: number, peakRssMb: number, bytes = 100e6): ChildReport => ({
  kind: 'inspect',
  file: 'x.csv',
  bytes,
  rows: 1000,
  seconds: bytes / 1e6 / mbps,
  cpuSeconds: bytes / 1e6 / mbps,
  mbps,
  peakRssMb,
});

const ok = (name: string, mbps: number, peakRssMb: number, seconds = 1): Summary => ({
  name,
  kind: name.startsWith('papaparse') ? 'papaparse' : 'inspect',
  runs: 3,
  rows: 1000,
  mbps,
  seconds,
  peakRssMb,
});

describe('bench summary', () => {
  it('takes the median speed and the highest memory of the runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const s = summarize('inspect csv', 'inspect', [run(50, 120), run(10, 150), run(60, 130)]);
    expect(s.mbps).toBe(50);
    expect(s.peakRssMb).toBe(150);
    expect(s.error).toBeUndefined();
  });

  it('gives no figures when any run failed', () => {
    const s = summarize('inspect csv', 'inspect', [run(50, 120), { kind: 'inspect', file: 'x', error: { code: 'not-ready', message: 'later' } }]);
    expect(s.mbps).toBeUndefined();
    expect(s.error).toEqual({ notReady: true, message: 'later' });
  });

  it('passes and fails the targets at their bounds', () => {
    const inspectCsv = { ...ok('inspect csv', 50, 200), ratio: 0.5 };
    const pass = evaluateTargets({
      papaparse: ok('papaparse bare', 100, 80),
      inspectCsv,
      inspectCsvPrefix: ok('inspect csv 250k', 50, 160),
      inspectXlsx: ok('inspect xlsx', 1, 250, 5),
    });
    expect(pass.map((t) => t.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);

    const fail = evaluateTargets({
      papaparse: ok('papaparse bare', 100, 80),
      inspectCsv: { ...ok('inspect csv', 30, 201), ratio: 0.3 },
      inspectCsvPrefix: ok('inspect csv 250k', 30, 100),
      inspectXlsx: ok('inspect xlsx', 1, 251, 6),
    });
    expect(fail.map((t) => t.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL']);
    expect(fail[0]!.measured).toContain('40 % short');
    expect(fail[4]!.measured).toContain('+101 %');
  });

  it('marks targets it could not measure as N/A', () => {
    const notReady: Summary = { name: 'inspect csv', kind: 'inspect', runs: 1, error: { notReady: true, message: 'later' } };
    const t = evaluateTargets({ papaparse: ok('papaparse bare', 100, 80), inspectCsv: notReady, inspectCsvPrefix: notReady, inspectXlsx: notReady });
    expect(t.every((x) => x.status === 'N/A')).toBe(true);
  });

  it('prints one JSON object per line with a name and peak memory', () => {
    const summaries = [ok('papaparse bare', 100, 80), { ...ok('inspect csv', 60, 150), ratio: 0.6 }, ok('inspect csv 250k', 60, 140), ok('inspect xlsx', 1, 200, 3)];
    const [papaparse, inspectCsv, inspectCsvPrefix, inspectXlsx] = summaries;
    const targets = evaluateTargets({ papaparse: papaparse!, inspectCsv: inspectCsv!, inspectCsvPrefix: inspectCsvPrefix!, inspectXlsx: inspectXlsx! });
    const text = formatJsonLines({ runs: 3, quick: false, bundled: false, files: [], summaries, targets, flat: { ratio: 150 / 140, peakRssMb: 150, pass: true } });
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.name)).toEqual(['papaparse bare', 'inspect csv', 'inspect csv 250k', 'inspect xlsx', 'memory flat']);
    for (const l of lines) expect(typeof l.peakRssMb).toBe('number');
    expect(lines[1]).toMatchObject({ mbps: 60, ratio: 0.6, pass: true });
    expect(lines[3]).toMatchObject({ seconds: 3, pass: true });
    expect(lines[3]).not.toHaveProperty('mbps');
  });
});
