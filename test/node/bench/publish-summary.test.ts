// Node only. How the publish bench turns child reports into figures, ratios against the plain
// upload, PASS/FAIL, and the lines it prints — without a server (see publish-child.test.ts).

import { describe, expect, it } from 'vitest';
import type { ChildReport } from '../../../shared/node/bench/child-main';
import type { MeasureKind } from '../../../shared/node/bench/measures';
import { formatPublishSection, publishJsonLines } from '../../../shared/node/bench/publish-format';
import { publishSpecs, skippedSection } from '../../../shared/node/bench/publish-bench';
import { byteRange } from '../../../shared/node/bench/publish-measures';
import { comparePublish, evaluatePublishTargets, partsLabel, summarizePublish, type PublishSummary } from '../../../shared/node/bench/publish-summary';

const ours = (kind: MeasureKind, prepareSeconds: number, writeSeconds: number, peakRssMb: number, parts = 1000): ChildReport => ({
  kind,
  file: 'x.csv',
  bytes: 130e6,
  rows: 1_000_000,
  seconds: prepareSeconds + writeSeconds,
  cpuSeconds: prepareSeconds + writeSeconds,
  mbps: 130 / (prepareSeconds + writeSeconds),
  peakRssMb,
  publish: { partRows: 1_000_000 / parts, parts, bytesSent: 140e6, concurrency: 8, prepareSeconds, writeSeconds, writePeakRssMb: peakRssMb - 10 },
});

const plain = (kind: MeasureKind, writeSeconds: number, parts = 1000): ChildReport => ({
  kind,
  file: 'x.csv',
  bytes: 130e6,
  rows: 0,
  seconds: writeSeconds,
  cpuSeconds: 1,
  mbps: 130 / writeSeconds,
  peakRssMb: 100,
  publish: { partRows: 1_000_000 / parts, parts, bytesSent: 130e6, concurrency: 8, writeSeconds },
});

describe('publish bench summary', () => {
  it('takes median times and speeds and the highest peak memory of the runs', () => {
    const s = summarizePublish('publish (1000-row parts)', 'publish-1000', [ours('publish-1000', 4, 10, 200), ours('publish-1000', 6, 7, 240), ours('publish-1000', 5, 8, 220)]);
    expect(s.error).toBeUndefined();
    expect(s.prepareSeconds).toBe(5);
    expect(s.writeSeconds).toBe(8);
    expect(s.totalSeconds).toBe(13); // medians of 14, 13, 13
    expect(s.mbps).toBeCloseTo(140 / 8, 9);
    expect(s.partsPerSecond).toBeCloseTo(1000 / 8, 9);
    expect(s.peakRssMb).toBe(240);
    expect(s.writePeakRssMb).toBe(230);
    expect(s).toMatchObject({ parts: 1000, bytesSent: 140e6, concurrency: 8, partRows: 1000, rows: 1_000_000 });
  });

  it('gives no figures when a run failed', () => {
    const s = summarizePublish('p', 'publish-1000', [ours('publish-1000', 4, 10, 200), { kind: 'publish-1000', file: 'x', error: { code: 'failed', message: 'the write pass failed: mesh.io' } }]);
    expect(s.writeSeconds).toBeUndefined();
    expect(s.error).toEqual({ notReady: false, skipped: false, message: 'the write pass failed: mesh.io' });
  });

  it('compares the plain upload time with our write pass, and with check + write', () => {
    const o = summarizePublish('p', 'publish-1000', [ours('publish-1000', 5, 10, 200)]);
    const p = summarizePublish('q', 'plain-s3-1000', [plain('plain-s3-1000', 6)]);
    expect(comparePublish(o, p, 1000)).toEqual({ partRows: 1000, writeRatio: 0.6, fullRatio: 0.4 });
    const broken: PublishSummary = { name: 'q', kind: 'plain-s3-1000', runs: 1, error: { notReady: false, skipped: false, message: 'x' } };
    expect(comparePublish(o, broken, 1000)).toEqual({ partRows: 1000 });
  });

  it('passes and fails the targets at their bounds', () => {
    const pub = (peak: number, partRows: number): PublishSummary => ({ name: 'p', kind: 'publish-1000', runs: 1, partRows, peakRssMb: peak });
    const pass = evaluatePublishTargets({ partRows: 1000, writeRatio: 0.5 }, { partRows: 100_000, writeRatio: 0.6 }, [pub(250, 1000), pub(200, 100_000)]);
    expect(pass.map((t) => t.status)).toEqual(['PASS', 'PASS', 'PASS']);
    expect(pass.map((t) => t.label)).toEqual(['publish (1000-row parts) vs plain S3 upload', 'publish (100,000-row parts) vs plain S3 upload', 'publish peak memory (write pass)']);
    expect(pass[2]!.measured).toBe('250 MB (1000-row: 250 MB, 100,000-row: 200 MB)');

    const fail = evaluatePublishTargets({ partRows: 1000, writeRatio: 0.45 }, { partRows: 100_000, writeRatio: 0.3 }, [pub(251, 1000), pub(200, 100_000)]);
    expect(fail.map((t) => t.status)).toEqual(['FAIL', 'FAIL', 'FAIL']);
    expect(fail[0]!.measured).toBe('ratio 0.45 (10 % short)');
    expect(fail[1]!.measured).toBe('ratio 0.30 (50 % short)');
    expect(fail[2]!.measured).toContain('0 % over');
  });

  it('does not pass memory when one publish could not be measured, but still fails a measured excess', () => {
    const failed: PublishSummary = { name: 'p', kind: 'publish-100k', runs: 1, error: { notReady: false, skipped: false, message: 'x' } };
    const ok: PublishSummary = { name: 'p', kind: 'publish-1000', runs: 1, partRows: 1000, peakRssMb: 100 };
    expect(evaluatePublishTargets({ partRows: 1000 }, { partRows: 100_000 }, [ok, failed]).map((t) => t.status)).toEqual(['N/A', 'N/A', 'N/A']);
    expect(evaluatePublishTargets({ partRows: 1000 }, { partRows: 100_000 }, [{ ...ok, peakRssMb: 300 }, failed])[2]!.status).toBe('FAIL');
  });

  it('judges memory on the write pass (the Publish button) when it was measured apart', () => {
    const both: PublishSummary = { name: 'p', kind: 'publish-1000', runs: 1, partRows: 1000, peakRssMb: 360, writePeakRssMb: 210 };
    const both100k: PublishSummary = { ...both, kind: 'publish-100k', partRows: 100_000, writePeakRssMb: 230 };
    const mem = evaluatePublishTargets({ partRows: 1000 }, { partRows: 100_000 }, [both, both100k])[2]!;
    expect(mem).toMatchObject({ status: 'PASS', measured: '230 MB (1000-row: 210 MB, 100,000-row: 230 MB)' });
  });

  it('labels part sizes the way the issue writes them', () => {
    expect(partsLabel(1000)).toBe('1000-row');
    expect(partsLabel(100_000)).toBe('100,000-row');
  });
});

describe('publish bench plan', () => {
  it('sends the plain upload as many objects as our publish writes parts', () => {
    const specs = publishSpecs(1_000_000, 'http://127.0.0.1:9');
    expect(specs.map((s) => [s.kind, s.params.objects])).toEqual([['publish-1000', undefined], ['plain-s3-1000', 1000], ['publish-100k', undefined], ['plain-s3-100k', 10]]);
    expect(specs.every((s) => s.params.endpoint === 'http://127.0.0.1:9')).toBe(true);
    expect(publishSpecs(100_001, 'e').find((s) => s.kind === 'plain-s3-100k')!.params.objects).toBe(2);
  });

  it('cuts the file into equal byte ranges that cover it exactly', () => {
    for (const [size, count] of [[10, 3], [137_822_553, 1000], [5, 5], [1, 1]] as const) {
      let at = 0;
      const lengths = new Set<number>();
      for (let i = 0; i < count; i++) {
        const r = byteRange(size, count, i);
        expect(r.start).toBe(at);
        lengths.add(r.end - r.start);
        at = r.end;
      }
      expect(at).toBe(size);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    }
  });

  it('shows every publish row as N/A with the reason when there is no S3 server', () => {
    const { section, targets } = skippedSection(1_000_000, 'moto_server is not on PATH; install it with: pip install "moto[server]"');
    expect(targets.map((t) => t.status)).toEqual(['N/A', 'N/A', 'N/A']);
    const text = formatPublishSection(section).join('\n');
    expect(text.match(/N\/A: moto_server is not on PATH/g)).toHaveLength(4);
    const json = publishJsonLines(section).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.slice(0, 4).every((l) => l.skipped === true && l.peakRssMb === null)).toBe(true);
  });

  it('prints the figures, both ratios and one JSON line per measurement', () => {
    const summaries = [
      summarizePublish('publish (1000-row parts)', 'publish-1000', [ours('publish-1000', 5, 10, 200)]),
      summarizePublish('plain S3 (1,000 objects)', 'plain-s3-1000', [plain('plain-s3-1000', 6)]),
    ];
    const comparisons = [comparePublish(summaries[0]!, summaries[1]!, 1000)];
    const text = formatPublishSection({ endpoint: 'http://127.0.0.1:9', summaries, comparisons }).join('\n');
    expect(text).toContain('moto_server at http://127.0.0.1:9');
    expect(text).toMatch(/publish \(1000-row parts\)\s+1,000,000\s+1,000\s+140\.0\s+5\.00\s+10\.00\s+14\.0\s+100\.0\s+8\s+200 MB\s+190 MB/);
    expect(text).toContain('1000-row parts: write pass (Publish button) 0.60 · check + write (whole CLI publish, no target) 0.40');
    const json = publishJsonLines({ summaries, comparisons }).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json[0]).toMatchObject({ name: 'publish (1000-row parts)', prepareSeconds: 5, writeSeconds: 10, mbps: 14, partsPerSecond: 100, concurrency: 8, peakRssMb: 200, writePeakRssMb: 190 });
    expect(json[1]).not.toHaveProperty('prepareSeconds');
    expect(json[2]).toEqual({ name: 'publish vs plain S3 (1000-row parts)', ratio: 0.6, fullRatio: 0.4 });
  });
});
