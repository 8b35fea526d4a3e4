// Node only (tests). The quality report as XLSX: written for a real inspection of a generated
// CSV full of hostile values, then read back with exceljs's own reader.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCheckReportXlsx, REPORT_SHEETS } from '../../../shared/node/export/check-report-xlsx';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { inspectFile } from '../../../shared/core/inspect/inspect';
import { openSource } from '../../../shared/core/ingest/open-source';
import { ProblemCollector } from '../../../shared/core/problems';
import type { SourceRow } from '../../../shared/core/ingest/types';
import type { Finding, InspectReport } from '../../../shared/core/inspect/report';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-report-'));

const HOSTILE = ['=1+1\nnote', "@SUM(1+1)*cmd|' /C calc'!A0", '\t=1+1', '-2+3', '+49 30 123', '=HYPERLINK("javascript:alert(1)","x")', 'javascript:alert(1)'];

/**
 * 60 data rows. Every 7th row carries one value too many, a hostile text: the inspection
 * reports those rows (extra values), so their copies must come out made safe.
 */
function makeCsv(): string {
  const lines = ['id,region,amount,phone'];
  for (let i = 1; i <= 60; i++) {
    const cells = [String(i), i % 2 ? 'North' : 'South', String(i % 5 === 0 ? -i * 1.5 : i * 1.5), i % 10 === 0 ? '+49 30 123' : `0${i}`];
    if (i % 7 === 3) cells.push(HOSTILE[Math.floor(i / 7) % HOSTILE.length]!);
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
const quote = (s: string) => (/[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function inspected(name: string, text: string): Promise<{ report: InspectReport; csv: string }> {
  const csv = join(dir, name);
  writeFileSync(csv, text);
  const bytes = await openFileByteSource(csv);
  const r = await inspectFile(bytes, { fileName: name });
  await bytes.close();
  if (!r.ok) throw new Error(r.error.message);
  return { report: r.value, csv };
}

/** The owner's rows read again through the same reader the inspection used. */
async function* rowsOf(csv: string, fileName: string, sheet: string): AsyncIterable<SourceRow[]> {
  const bytes = await openFileByteSource(csv);
  const source = await openSource(bytes, fileName);
  try {
    yield* source.rows(sheet, { problems: new ProblemCollector() });
  } finally {
    await source.close();
    await bytes.close();
  }
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => (out[n - 1] = (row.values as unknown[]).slice(1)));
  return out;
}

function everyCell(wb: ExcelJS.Workbook, fn: (cell: ExcelJS.Cell, where: string) => void): number {
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (n++, fn(cell, `${ws.name}!${cell.address}`)))));
  return n;
}

describe('writeCheckReportXlsx on a real inspection', async () => {
  const { report, csv } = await inspected('Budget 2026.csv', makeCsv());
  const sheet = report.sheets[0]!.name;
  const path = join(dir, 'report.xlsx');
  const progress: number[] = [];
  const result = await writeCheckReportXlsx({ report, rows: rowsOf(csv, report.file, sheet), path, onProgress: (p) => progress.push(p.rowsCopied) });
  if (!result.ok) throw new Error(result.error.message);
  const wb = await readBack(path);

  it('succeeds and names the four sheets', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.path).toBe(path);
    expect(result.value.findings).toBe(report.problems.length);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('the summary names the file, sheet, header row, size and says no check ran', () => {
    const rows = new Map(sheetValues(wb.getWorksheet('Summary')!).map((r) => [r[0], r[1]]));
    expect(rows.get('File')).toBe('Budget 2026.csv');
    expect(rows.get('Sheet')).toBe(sheet);
    expect(rows.get('Header row')).toBe(1);
    expect(rows.get('Rows of data')).toBe(60);
    expect(rows.get('Columns')).toBe(report.sheets[0]!.columns.length);
    expect(String(rows.get('Verdict'))).toMatch(/^Not checked yet/);
    expect(String(rows.get('Generated at'))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  });

  it('lists one findings row per problem, header bold, frozen and filtered', () => {
    const ws = wb.getWorksheet('Findings')!;
    const values = sheetValues(ws);
    expect(values[0]).toEqual(['#', 'Severity', 'What', 'Sheet', 'First row', 'Column', 'Column name', 'How many', 'Accepted because', 'Code']);
    expect(values.length).toBe(report.problems.length + 1);
    report.problems.forEach((p, i) => {
      const row = values[i + 1]!;
      expect(row[0]).toBe(i + 1);
      expect(row[2]).toBe(p.message.startsWith('=') ? `'${p.message}` : p.message);
      expect(row[7]).toBe(p.count);
      expect(row[9]).toBe(p.code);
    });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:J${report.problems.length + 1}`);
  });

  it('lists every example with its place', () => {
    const values = sheetValues(wb.getWorksheet('Examples')!);
    const total = report.problems.reduce((n, p) => n + p.examples.length, 0);
    expect(values.length).toBe(total + 1);
    const first = report.problems[0]!.examples[0]!;
    expect(values[1]!.slice(0, 4)).toEqual([1, report.problems[0]!.code, report.problems[0]!.sheet ?? null, first.row ?? null].map((v) => v ?? undefined));
  });

  it('copies exactly the rows named in examples, with their row numbers', () => {
    const ws = wb.getWorksheet('Rows with problems')!;
    const values = sheetValues(ws);
    const named = [...new Set(report.problems.flatMap((p) => p.examples.map((e) => e.row)).filter((r): r is number => r !== undefined))].sort((a, b) => a - b);
    expect(named.length).toBeGreaterThan(3);
    expect(values[0]![0]).toBe('Row in your file');
    expect(values[0]![1]).toBe('id (A)');
    expect(values.slice(1).map((r) => r[0])).toEqual(named);
    if (result.ok) expect(result.value.problemRows).toBe(named.length);
    // Row 4 of the file is data row 3: id 3 as a number, the extra hostile text made safe.
    const row4 = values.find((r) => r[0] === 4)!;
    expect(row4.slice(0, 6)).toEqual([4, 3, 'North', 4.5, '03', "'=1+1\nnote"]);
    const row11 = values.find((r) => r[0] === 11)!;
    expect(row11[5]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    // The row an example points at is highlighted.
    const at = values.findIndex((r) => r[0] === 4) + 1;
    expect(ws.getRow(at).getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('writes no formula and no hyperlink anywhere, and no text that starts like one', () => {
    const count = everyCell(wb, (cell, where) => {
      expect(cell.formula, where).toBeFalsy();
      expect(cell.hyperlink, where).toBeFalsy();
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Boolean], where).toContain(cell.type);
      if (typeof cell.value === 'string') expect(cell.value, where).not.toMatch(/^\s*[=+\-@\t\r\n]/);
    });
    expect(count).toBeGreaterThan(100);
    // The raw XML agrees: no <f> (formula) element and no hyperlink relationship in any part.
    const parts = execFileSync('unzip', ['-p', path, 'xl/worksheets/*', 'xl/_rels/*'], { maxBuffer: 64 << 20 }).toString('utf8');
    expect(parts).toContain('<sheetData>');
    expect(/<f[ >]/.test(parts)).toBe(false);
    expect(/<hyperlink|relationships\/hyperlink/.test(parts)).toBe(false);
  });
});

function finding(over: Partial<Finding>): Finding {
  return { severity: 'error', code: 'check.type-mismatch', message: 'Row 3, column C (amount): "abc" is not a number. Correct the value.', sheet: 'Prices', row: 3, column: 'C', columnName: 'amount', count: 1, examples: [{ row: 3, column: 'C', value: 'abc' }], blocking: true, ...over };
}

function checkedReport(findings: Finding[], canPublish: boolean): InspectReport {
  return {
    file: 'prices.xlsx',
    format: 'xlsx',
    sheetList: [{ name: 'Prices', index: 0 }],
    sheets: [{ name: 'Prices', headerRow: 2, headerDetected: true, rows: 500, columns: [], preview: { rowNumbers: [], cells: [], truncated: false } }],
    problems: [],
    check: { findings, blocking: findings.filter((f) => f.blocking).length, warnings: findings.filter((f) => !f.blocking && f.severity === 'warning' && !f.waived).length, canPublish, suggestions: [], partRows: 1000 },
    elapsedMs: 1,
  };
}

/** Rows 1..n, counting how far the writer read. */
function countingRows(n: number, batch: number, seen: { rows: number }): AsyncIterable<SourceRow[]> {
  return (async function* () {
    for (let at = 1; at <= n; at += batch) {
      const rows: SourceRow[] = [];
      for (let r = at; r < at + batch && r <= n; r++) rows.push({ row: r, cells: [`id-${r}`, r * 2, true, { kind: 'date', epochMs: Date.UTC(2026, 0, 2), hasTime: false }, { kind: 'error', code: '#REF!' }, '@bad'] });
      seen.rows += rows.length;
      yield rows;
    }
  })();
}

describe('writeCheckReportXlsx with a check outcome', () => {
  it('words severities by the policy verdict and shows waivers', async () => {
    const findings = [
      finding({}),
      finding({ severity: 'warning', code: 'check.spaces', blocking: false, row: 7, examples: [{ row: 7, column: 'B', value: ' x' }], waived: { code: 'check.spaces', reason: 'Supplier sends it so', by: 'Ana', at: '2026-11-20T10:00:00Z' } }),
      finding({ severity: 'info', code: 'check.empty-row', blocking: false, row: 9, column: undefined, examples: [{ row: 9 }] }),
      finding({ severity: 'error', code: 'check.pattern', blocking: false, sheet: 'Other', examples: [{ row: 400, column: 'A', value: 'x' }] }),
    ];
    const path = join(dir, 'checked.xlsx');
    const seen = { rows: 0 };
    const r = await writeCheckReportXlsx({ report: checkedReport(findings, false), rows: countingRows(100_000, 10, seen), path, generatedAt: new Date(Date.UTC(2026, 10, 21, 9, 3, 50)) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ path, findings: 4, problemRows: 3 });
    // Rows 3, 7, 9 are wanted (row 400 is on another sheet): reading stops in the batch after row 9.
    expect(seen.rows).toBeLessThanOrEqual(20);
    const wb = await readBack(path);
    const f = sheetValues(wb.getWorksheet('Findings')!);
    expect(f.slice(1).map((row) => row[1])).toEqual(['Stops publishing', 'Worth checking', 'For your information', 'Worth checking']);
    expect(f[2]![8]).toBe('Supplier sends it so (Ana, 2026-11-20T10:00:00Z)');
    const s = new Map(sheetValues(wb.getWorksheet('Summary')!).map((row) => [row[0], row[1]]));
    expect(s.get('Verdict')).toBe('1 problem stops publishing');
    expect(s.get('Problems that stop publishing')).toBe(1);
    expect(s.get('Warnings you accepted (waived)')).toBe(1);
    expect(s.get('Header row')).toBe(2);
    expect(s.get('Generated at')).toBe('2026-11-21 09:03:50 UTC');
    const rows = sheetValues(wb.getWorksheet('Rows with problems')!);
    expect(rows.slice(1).map((row) => row[0])).toEqual([3, 7, 9]);
    expect(rows[1]).toEqual([3, 'id-3', 6, true, '2026-01-02', '#REF!', "'@bad"]);
    // Row 3's example names column C: that cell is highlighted, not the row number.
    const rws = wb.getWorksheet('Rows with problems')!;
    expect(rws.getRow(2).getCell(4).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(rws.getRow(2).getCell(1).fill?.type === 'pattern' && (rws.getRow(2).getCell(1).fill as ExcelJS.FillPattern).pattern === 'solid').toBe(false);
  });

  it('says "Ready to publish" when the policy allows it', async () => {
    const path = join(dir, 'ready.xlsx');
    const r = await writeCheckReportXlsx({ report: checkedReport([], true), path });
    expect(r.ok && r.value.problemRows).toBe(0);
    const s = new Map(sheetValues((await readBack(path)).getWorksheet('Summary')!).map((row) => [row[0], row[1]]));
    expect(s.get('Verdict')).toBe('Ready to publish');
  });

  it('replaces an existing report and leaves no temporary file', async () => {
    const path = join(dir, 'again.xlsx');
    writeFileSync(path, 'old');
    const r = await writeCheckReportXlsx({ report: checkedReport([finding({})], false), path });
    expect(r.ok).toBe(true);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((n) => n.includes('.part'))).toEqual([]);
  });
});

describe('writeCheckReportXlsx failures', () => {
  const report = checkedReport([finding({})], false);

  it('a missing folder is said in words', async () => {
    const r = await writeCheckReportXlsx({ report, path: join(dir, 'no-such-folder', 'r.xlsx') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('export.enoent');
    expect(r.error.message).toContain('does not exist');
    expect(r.error.message).toContain('no-such-folder');
  });

  it('a target that is a folder is said in words', async () => {
    const target = join(dir, 'a-folder.xlsx');
    mkdirSync(target, { recursive: true });
    const r = await writeCheckReportXlsx({ report, path: target });
    expect(!r.ok && r.error.code).toBe('export.eisdir');
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission is said in words', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = await writeCheckReportXlsx({ report, path: join(locked, 'r.xlsx') });
    chmodSync(locked, 0o755);
    expect(!r.ok && r.error.message).toContain('permission');
    expect(readdirSync(locked)).toEqual([]);
  });

  it('cancelling while the rows are read leaves nothing behind', async () => {
    const sub = mkdtempSync(join(dir, 'cancel-'));
    const controller = new AbortController();
    const seen = { rows: 0 };
    const rows = (async function* () {
      for await (const b of countingRows(1_000_000, 100, seen)) {
        if (seen.rows >= 500) controller.abort();
        yield b;
      }
    })();
    const big = checkedReport([finding({ examples: [{ row: 900_000, column: 'A' }] })], false);
    const r = await writeCheckReportXlsx({ report: big, rows, path: join(sub, 'r.xlsx'), signal: controller.signal });
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect(seen.rows).toBeLessThan(1_000);
    expect(readdirSync(sub)).toEqual([]);
  });
});

const soffice = (() => {
  try {
    return execFileSync('which', ['soffice']).toString().trim();
  } catch {
    return '';
  }
})();

describe.skipIf(!soffice)('LibreOffice opens the report', () => {
  it('converts the Summary sheet to CSV', async () => {
    const path = join(dir, 'lo.xlsx');
    const r = await writeCheckReportXlsx({ report: checkedReport([finding({})], false), path });
    expect(r.ok).toBe(true);
    const outDir = mkdtempSync(join(dir, 'lo-'));
    execFileSync(soffice, ['--headless', '--convert-to', 'csv', '--outdir', outDir, path], { timeout: 120_000 });
    const out = join(outDir, 'lo.csv');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('prices.xlsx');
  }, 150_000);
});
