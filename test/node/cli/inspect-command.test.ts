// The `mesh-desk inspect` command as a user runs it: a real process, real files, exit codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { europeanCsv, multiSheetWorkbook, notAWorkbook, tempDir } from '../../fixtures/make-fixtures';

const repo = resolve(__dirname, '../../..');
const bin = join(repo, 'shared/node/cli/bin.mjs');

function meshDesk(...args: string[]) {
  return meshDeskIn(undefined, ...args);
}

function meshDeskIn(tz: string | undefined, ...args: string[]) {
  const env = tz === undefined ? process.env : { ...process.env, TZ: tz };
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mesh-desk inspect', () => {
  let dir: string;
  let csv: string;
  let xlsx: string;
  beforeAll(async () => {
    dir = tempDir();
    csv = europeanCsv(dir);
    xlsx = await multiSheetWorkbook(dir);
  });

  it('prints the documented JSON object for a CSV', () => {
    const r = meshDesk('inspect', csv, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: 'umsatz-q3.csv', format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(out.sheets).toHaveLength(1);
    const [sheet] = out.sheets;
    expect(sheet).toMatchObject({ name: 'umsatz-q3', headerRow: 3, rows: 240 });
    expect(sheet.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'Kunden-Nr:text',
      'Datum:date',
      'Betrag:number',
      'Region:text',
      'Aktiv:boolean',
    ]);
    const amount = sheet.columns[2];
    expect(amount).toMatchObject({ filled: 240, empty: 0, distinct: 240, min: 1234.5, max: 296280 });
    const region = sheet.columns[3];
    expect(region.top).toHaveLength(4);
    expect(region.top[0].count).toBe(60);
    for (const p of out.problems) {
      expect(p).toHaveProperty('severity');
      expect(p).toHaveProperty('code');
      expect(p).toHaveProperty('message');
      expect(p).toHaveProperty('sheet');
      expect(p).toHaveProperty('row');
      expect(p).toHaveProperty('column');
    }
    expect(out.problems.some((p: { code: string }) => p.code === 'header.rows-skipped')).toBe(true);
  });

  it('lists and inspects every sheet of a workbook, or the one asked for', () => {
    const all = JSON.parse(meshDesk('inspect', xlsx, '--json').stdout);
    expect(all.format).toBe('xlsx');
    expect(all.sheets.map((s: { name: string; rows: number }) => `${s.name}:${s.rows}`)).toEqual(['Budget:150', 'Contacts:30']);
    const one = meshDesk('inspect', xlsx, '--sheet', 'Contacts', '--json');
    expect(one.code).toBe(0);
    const out = JSON.parse(one.stdout);
    expect(out.sheets.map((s: { name: string }) => s.name)).toEqual(['Contacts']);
    expect(out.sheets[0].columns.map((c: { type: string }) => c.type)).toEqual(['text', 'text', 'integer']);
  });

  it('reads dates the same in every time zone (whole pipeline: reader, inference, profile)', () => {
    for (const file of [csv, xlsx]) {
      const [utc, auckland, saoPaulo] = ['UTC', 'Pacific/Auckland', 'America/Sao_Paulo'].map((tz) => {
        const r = meshDeskIn(tz, 'inspect', file, '--json');
        expect(r.code, `${tz}: ${r.stderr}`).toBe(0);
        return r.stdout;
      });
      expect(auckland).toBe(utc);
      expect(saoPaulo).toBe(utc);
    }
    const budget = JSON.parse(meshDeskIn('Pacific/Auckland', 'inspect', xlsx, '--sheet', 'Budget', '--json').stdout).sheets[0];
    expect(budget.columns[1]).toMatchObject({ type: 'date', min: '2026-01-01', max: '2026-12-27' });
  });

  it('honours --header-row', () => {
    const out = JSON.parse(meshDesk('inspect', csv, '--header-row', '1', '--json').stdout);
    expect(out.sheets[0].headerRow).toBe(1);
    expect(out.sheets[0].headerDetected).toBe(false);
  });

  it('prints a readable text report', () => {
    const r = meshDesk('inspect', xlsx);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sheet "Budget": header on row 1 \(detected\), 150 data rows, 5 columns/);
    expect(r.stdout).toMatch(/C\s+Budget EUR\s+Decimal number \(number\)/);
  });

  it('exits 2 with a one-line reason on unreadable input', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    for (const [file, reason] of [
      [empty, /empty/],
      [notAWorkbook(dir), /broken\.xlsx/],
      [join(dir, 'missing.csv'), /missing\.csv/],
      [resolve(repo, '../shared/corpus/poi/poc-xmlbomb.xlsx'), /poc-xmlbomb\.xlsx/],
    ] as const) {
      const r = meshDesk('inspect', file);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
  });

  it('exits 2 on a sheet that does not exist, naming the sheets there are', () => {
    const r = meshDesk('inspect', xlsx, '--sheet', 'Nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Budget", "Contacts"/);
  });

  it('exits 2 on wrong usage', () => {
    expect(meshDesk('inspect').code).toBe(2);
    expect(meshDesk('inspect', csv, '--header-row', 'zero').code).toBe(2);
    expect(meshDesk('frobnicate').code).toBe(2);
  });
});
