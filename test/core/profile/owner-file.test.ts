// A whole owner-style CSV file written to a temp dir, read back with papaparse (as plain
// strings), then header detection and the one-pass profile — the path an inspection takes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../shared/core/ingest/types';
import { detectHeaderRow, HEADER_SCAN_ROWS } from '../../../shared/core/infer/header-detect';
import { ProblemCollector } from '../../../shared/core/problems';
import { SheetProfiler } from '../../../shared/core/profile/sheet-profiler';

const dir = mkdtempSync(join(tmpdir(), 'mesh-desk-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeOwnerFile(): string {
  const regions = ['Nord', 'Süd', 'Ost', 'West'];
  const lines = ['Kampagnenbudget 2025;;;;;', 'Erstellt von Marketing am 01.10.2025;;;;;', ';;;;;', 'Kampagne;Region;Start;Budget;Aktiv;Telefon'];
  for (let i = 0; i < 500; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const budget = `${Math.floor(i * 37.5) % 9000 + 1000}`.replace(/(\d)(\d{3})$/, '$1.$2') + `,${String(i % 100).padStart(2, '0')}`;
    const phone = `+49 30 ${1000000 + i}`;
    lines.push(`K-${String(i).padStart(4, '0')};${regions[i % 4]};${day}.${month}.2025;${budget};${i % 3 ? 'ja' : 'nein'};${phone}`);
  }
  lines[100] = 'K-0096;Nord;31.02.2025;1.500,00;ja;+49 30 1000096'; // an impossible date
  const path = join(dir, 'kampagnen.csv');
  writeFileSync(path, lines.join('\r\n'), 'utf8');
  return path;
}

describe('an owner-style CSV file', () => {
  it('finds the header below the title lines and profiles the table', () => {
    const text = readFileSync(writeOwnerFile(), 'utf8');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: false });
    const rows: SourceRow[] = parsed.data.map((cells, i) => ({ row: i + 1, line: i + 1, cells }));

    const h = detectHeaderRow(rows.slice(0, HEADER_SCAN_ROWS));
    expect(h).toBe(3);
    const problems = new ProblemCollector();
    const p = new SheetProfiler({ sheet: 'kampagnen', format: 'csv', header: rows[h], problems, previewRows: 10 });
    for (let i = h + 1; i < rows.length; i += 64) p.addRows(rows.slice(i, i + 64));
    const r = p.finish();

    expect(r.rows).toBe(500);
    expect(r.preview.rowNumbers[0]).toBe(5);
    expect(r.preview.truncated).toBe(true);
    const byName = new Map(r.columns.map((c) => [c.name, c]));
    expect(byName.get('Kampagne')).toMatchObject({ type: 'text', distinct: 500 });
    expect(byName.get('Region')).toMatchObject({ type: 'text', distinct: 4, top: [{ value: 'Nord', count: 125 }, { value: 'Süd', count: 125 }, { value: 'Ost', count: 125 }, { value: 'West', count: 125 }] });
    expect(byName.get('Start')).toMatchObject({ type: 'date', nonConforming: 1, format: { dateOrder: 'DMY', pattern: 'dd.mm.yyyy' }, min: '2025-01-01', max: '2025-12-28' });
    expect(byName.get('Budget')).toMatchObject({ type: 'number', format: { decimal: ',', thousands: '.' }, min: 1000 });
    expect(byName.get('Aktiv')).toMatchObject({ type: 'boolean', format: { booleanWords: ['ja', 'nein'] } });
    expect(byName.get('Telefon')).toMatchObject({ type: 'text', examples: ['+49 30 1000000', '+49 30 1000001', '+49 30 1000002', '+49 30 1000003', '+49 30 1000004'] });
    expect(problems.list().map((x) => [x.code, x.column, x.row])).toEqual([['infer.mixed-types', 'C', 101]]);
  });
});
