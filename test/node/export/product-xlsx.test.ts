// Node only (tests). "Open in Excel" for a pulled product: a workbook written from typed rows,
// read back with exceljs's own (non-streaming) reader and converted by LibreOffice, compared
// value by value and type by type.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { excelSerial } from '../../../shared/core/export/excel-date-serial';
import { safeCellText } from '../../../shared/core/export/spreadsheet-safe';
import type { PulledBatch, PulledColumn, PulledValue } from '../../../shared/core/pull/read-endpoint';
import { CancelledError, UserFacingError } from '../../../shared/core/result';
import { PRODUCT_EXPORT_FORMAT, PRODUCT_PROPERTIES, writeProductXlsx, type ProductXlsxOptions } from '../../../shared/node/export/product-xlsx';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-product-xlsx-'));
const NOW = new Date('2026-11-21T10:15:00Z');

const HOSTILE = ['=1+1\nnote', "@SUM(1+1)*cmd|' /C calc'!A0", '\t=1+1', '+1', '-1', 'javascript:alert(1)', '=HYPERLINK("file:///etc/passwd","x")'];

const COLUMNS: PulledColumn[] = [
  { name: 'id', type: 'integer', required: true, description: 'Row number, unique' },
  { name: 'region', type: 'string', required: false, businessName: 'Sales region', allowed: ['North', 'South', '-'] },
  { name: 'amount', type: 'number', required: false, description: '=cmd| in EUR' },
  { name: 'active', type: 'boolean', required: false },
  { name: 'day', type: 'date', required: false },
  { name: 'at', type: 'timestamp', required: false, personal: 'personal' },
  { name: 'note', type: 'string', required: false },
];

/** Row i: every type, nulls every 11th value, the hostile texts, dates across years. */
function row(i: number): PulledValue[] {
  const nul = (k: number) => (i + k) % 11 === 0;
  return [
    i,
    nul(1) ? null : ['North', 'South', '-'][i % 3]!,
    nul(2) ? null : i % 2 ? -i * 1.25 : i * 0.5,
    nul(3) ? null : i % 3 === 0,
    nul(4) ? null : { kind: 'date', iso: `${1990 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` },
    nul(5) ? null : { kind: 'datetime', iso: `2025-0${(i % 9) + 1}-15T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07Z` },
    i % 5 === 0 ? HOSTILE[(i / 5) % HOSTILE.length]! : nul(6) ? null : `Zürich – 東京 ${i}`,
  ];
}
const ROWS: PulledValue[][] = Array.from({ length: 300 }, (_, i) => row(i + 1));
// Dates Excel cannot show as dates (before March 1900) and a broken one stay text.
ROWS.push([301, 'North', 0, false, { kind: 'date', iso: '1899-12-31' }, { kind: 'datetime', iso: 'not a date' }, '']);

async function* batchesOf(rows: PulledValue[][], size = 64): AsyncIterable<PulledBatch> {
  for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size), rowsDone: Math.min(rows.length, i + size) };
}

const PRODUCT: ProductXlsxOptions['product'] = {
  name: 'campaign-budgets',
  title: 'Campaign budgets',
  version: '1.2.0',
  address: 's3://acme-mesh/data-services/campaign-budgets',
  owner: { name: 'Ana Lopez', email: 'ana@example.com' },
  description: '-Budgets per campaign and region',
  domain: 'marketing',
  classification: 'internal',
  license: 'Internal use only',
  publishedAt: '2026-11-20T09:00:00Z',
};

async function write(name: string, extra: Partial<ProductXlsxOptions> = {}): Promise<{ path: string; rows: number }> {
  const path = join(dir, name);
  const r = await writeProductXlsx({ path, product: PRODUCT, endpoint: 'default', columns: COLUMNS, batches: batchesOf(ROWS), now: NOW, ...extra });
  return { path, rows: r.rows };
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** What exceljs must read back for a value: the types the brief asks for. */
function expectedCell(v: PulledValue): unknown {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return safeCellText(v);
  if (typeof v === 'object') {
    const serial = excelSerial(v.iso);
    return serial === undefined ? safeCellText(v.iso) : new Date(Math.round((serial - 25569) * 86_400_000));
  }
  return v;
}

function allCells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(c))));
  return cells;
}

describe('writeProductXlsx', () => {
  it('writes every value with its type, read back by exceljs', async () => {
    const { path, rows } = await write('typed.xlsx');
    expect(rows).toBe(ROWS.length);
    const wb = await readBack(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'About', 'Columns', 'Allowed values']);
    const data = wb.getWorksheet('Data')!;
    expect(data.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.name)]);
    expect(data.rowCount).toBe(ROWS.length + 1);
    ROWS.forEach((values, r) => {
      values.forEach((v, c) => {
        const cell = data.getCell(r + 2, c + 1);
        const want = expectedCell(v);
        if (want === null) expect(cell.value ?? null, `${cell.address}`).toBeNull();
        else expect(cell.value, `${cell.address}`).toEqual(want);
      });
    });
    // Spot checks in words: a date is a real date cell with a date format.
    expect(data.getCell('E2').value).toBeInstanceOf(Date);
    expect(data.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(data.getCell('F2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(data.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(typeof data.getCell('D2').value).toBe('boolean');
    expect(data.getCell(`E${ROWS.length + 1}`).value).toBe('1899-12-31');
  });

  it('never writes a formula or a hyperlink: the injection strings are plain text', async () => {
    const { path } = await write('hostile.xlsx');
    const wb = await readBack(path);
    for (const cell of allCells(wb)) {
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Hyperlink);
      if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^\s*[=+\-@\t\r\n]/);
    }
    const notes = wb.getWorksheet('Data')!.getColumn(7).values.filter((v) => typeof v === 'string') as string[];
    for (const h of HOSTILE) expect(notes).toContain(h.startsWith('javascript:') ? h : `'${h}`);
    const xml = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toMatch(/<f>|<f |<hyperlink/);
    expect(xml).toContain('javascript:alert(1)');
  });

  it('bold frozen header, autofilter, widths, descriptions as notes', async () => {
    const { path } = await write('layout.xlsx');
    const data = (await readBack(path)).getWorksheet('Data')!;
    expect(data.getCell('A1').font?.bold).toBe(true);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.autoFilter).toBe(`A1:G${ROWS.length + 1}`);
    expect(data.getCell('A1').note).toBe('Row number, unique');
    expect(data.getCell('B1').note).toBe('Sales region');
    expect(data.getCell('C1').note).toBe("'=cmd| in EUR");
    expect(data.getCell('D1').note).toBeUndefined();
    for (let c = 1; c <= COLUMNS.length; c++) expect(data.getColumn(c).width).toBeGreaterThanOrEqual(8);
    expect(data.getColumn(7).width).toBeGreaterThan(data.getColumn(1).width!);
  });

  it('About and Columns sheets, dropdown of allowed values', async () => {
    const { path } = await write('about.xlsx');
    const wb = await readBack(path);
    const about = new Map<string, unknown>();
    wb.getWorksheet('About')!.eachRow((r, n) => n > 1 && about.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(Object.fromEntries(about)).toMatchObject({
      Product: 'Campaign budgets',
      'Product id': 'campaign-budgets',
      Version: '1.2.0',
      Table: 'default',
      'Mesh address': 's3://acme-mesh/data-services/campaign-budgets',
      Description: "'-Budgets per campaign and region",
      Owner: 'Ana Lopez',
      'Owner e-mail': 'ana@example.com',
      Pulled: '2026-11-21 10:15:00 UTC',
      Rows: ROWS.length,
    });
    const columns = wb.getWorksheet('Columns')!;
    expect(columns.getRow(1).values).toEqual([undefined, 'Column', 'Business name', 'Type', 'Description', 'Personal data', 'Required', 'Allowed values']);
    expect(columns.getRow(2).values).toEqual([undefined, 'id', undefined, 'Whole number', 'Row number, unique', 'No', 'Yes, never empty']);
    expect(columns.getRow(3).getCell(7).value).toBe('North, South, -');
    expect(columns.getRow(7).getCell(3).value).toBe('Date and time (UTC)');
    expect(columns.getRow(7).getCell(5).value).toBe('Yes, personal data');

    const lists = wb.getWorksheet('Allowed values')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual(['region', 'North', 'South', "'-"]);
    const dv = wb.getWorksheet('Data')!.getCell('B2').dataValidation;
    expect(dv).toMatchObject({ type: 'list', allowBlank: true, formulae: ["'Allowed values'!$A$2:$A$4"], showErrorMessage: true });
    expect(wb.getWorksheet('Data')!.getCell(`B${ROWS.length + 1}`).dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('Data')!.getCell('C2').dataValidation).toBeUndefined();
  });

  it('records product, version, table and address as custom properties and defined names', async () => {
    const { path } = await write('props.xlsx');
    const zip = unzipSync(readFileSync(path));
    const custom = strFromU8(zip['docProps/custom.xml']!);
    const props = Object.fromEntries([...custom.matchAll(/name="([^"]+)"><vt:lpwstr>([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(props).toEqual({
      [PRODUCT_PROPERTIES.format]: PRODUCT_EXPORT_FORMAT,
      [PRODUCT_PROPERTIES.product]: 'campaign-budgets',
      [PRODUCT_PROPERTIES.version]: '1.2.0',
      [PRODUCT_PROPERTIES.endpoint]: 'default',
      [PRODUCT_PROPERTIES.address]: 's3://acme-mesh/data-services/campaign-budgets',
      [PRODUCT_PROPERTIES.pulledAt]: '2026-11-21T10:15:00.000Z',
    });
    expect(strFromU8(zip['[Content_Types].xml']!)).toContain('PartName="/docProps/custom.xml"');
    expect(strFromU8(zip['_rels/.rels']!)).toContain('Target="docProps/custom.xml"');

    const wb = await readBack(path);
    const names = new Map(wb.definedNames.model.map((n) => [n.name, n.ranges[0]]));
    const at = (name: string) => {
      const [sheet, ref] = names.get(name)!.split('!');
      return wb.getWorksheet(sheet!)!.getCell(ref!.replace(/\$/g, '')).value;
    };
    expect(at('MeshDesk_Product')).toBe('campaign-budgets');
    expect(at('MeshDesk_Version')).toBe('1.2.0');
    expect(at('MeshDesk_Table')).toBe('default');
    expect(at('MeshDesk_Address')).toBe(PRODUCT.address);
  });

  it('shows the same calendar days whatever the machine time zone', async () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Auckland', 'America/Sao_Paulo']) {
        process.env.TZ = tz;
        const { path } = await write(`tz-${tz.replace('/', '-')}.xlsx`);
        const data = (await readBack(path)).getWorksheet('Data')!;
        expect((data.getCell('E2').value as Date).toISOString()).toBe('1991-02-02T00:00:00.000Z');
        expect((data.getCell('F2').value as Date).toISOString()).toBe('2025-02-15T01:01:07.000Z');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('cancelling removes the temporary file and leaves no workbook', async () => {
    const controller = new AbortController();
    async function* cancelled(): AsyncIterable<PulledBatch> {
      let n = 0;
      for await (const b of batchesOf(ROWS, 20)) {
        if (++n === 14) controller.abort(); // after the 200 rows sampled for widths
        yield b;
      }
    }
    const sub = mkdtempSync(join(dir, 'cancel-'));
    const progress: number[] = [];
    await expect(
      writeProductXlsx({ path: join(sub, 'c.xlsx'), product: PRODUCT, endpoint: 'default', columns: COLUMNS, batches: cancelled(), now: NOW, signal: controller.signal, onProgress: (p) => progress.push(p.rows) }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(sub)).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('says in words when the folder does not exist', async () => {
    const err = await writeProductXlsx({ path: join(dir, 'missing', 'x.xlsx'), product: PRODUCT, endpoint: 'default', columns: COLUMNS, batches: batchesOf(ROWS), now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as UserFacingError).code).toBe('export.enoent');
    expect((err as UserFacingError).message).toContain('does not exist');
  });

  it.skipIf(!hasSoffice())('LibreOffice opens it and shows the same data', async () => {
    const { path } = await write('libre.xlsx');
    const outDir = mkdtempSync(join(dir, 'soffice-'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outDir, path], { stdio: 'ignore', timeout: 120_000 });
    const csv = readFileSync(join(outDir, 'libre.csv'), 'utf8');
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(COLUMNS.map((c) => c.name));
    const shown = (v: PulledValue): string => {
      const want = expectedCell(v);
      if (want === null) return '';
      if (want instanceof Date) return (v as { kind: string }).kind === 'date' ? want.toISOString().slice(0, 10) : want.toISOString().slice(0, 19).replace('T', ' ');
      if (typeof want === 'boolean') return want ? 'TRUE' : 'FALSE';
      return String(want);
    };
    expect(parsed.data.slice(1)).toEqual(ROWS.map((r) => r.map(shown)));
  }, 120_000);

  it.skipIf(!process.env.MESH_DESK_MEMORY_TEST)('memory stays flat for a million rows (opt-in: MESH_DESK_MEMORY_TEST=1)', async () => {
    const wide: PulledColumn[] = Array.from({ length: 12 }, (_, i) => ({ name: `c${i}`, type: i % 2 ? 'number' : 'string', required: false }));
    async function* many(): AsyncIterable<PulledBatch> {
      for (let b = 0; b < 1000; b++) {
        const rows = Array.from({ length: 1000 }, (_, k) => wide.map((c, i) => (c.type === 'number' ? b * 1000 + k + i : `text ${b}-${k}-${i}`)));
        yield { rows, rowsDone: (b + 1) * 1000 };
      }
    }
    let peak = 0;
    const start = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    try {
      const r = await writeProductXlsx({ path: join(dir, 'million.xlsx'), product: PRODUCT, endpoint: 'default', columns: wide, batches: many(), now: NOW });
      expect(r.rows).toBe(1_000_000);
    } finally {
      clearInterval(timer);
    }
    // Without backpressure this grew by ~500 MB; with it, by a few tens.
    expect(peak - start).toBeLessThan(150 * 1024 * 1024);
  }, 600_000);
});

function hasSoffice(): boolean {
  const dirs = (process.env.PATH ?? '').split(':');
  return dirs.some((d) => d && existsSync(join(d, 'soffice')));
}
