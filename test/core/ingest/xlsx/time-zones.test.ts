// Dates must not move with the computer's time zone. Each check runs in a child process whose TZ
// really is that zone (a TZ change inside a running worker does not reliably take effect), and
// the child reports its zone so the test proves it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('./tz-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'xlsx-tz-'));

// Moments chosen around daylight-saving changes: 2018-11-04 00:00 did not exist in São Paulo,
// 2024-09-29 02:30 did not exist in Auckland; plus the Lotus 1900 boundary.
const WANTED = [
  Date.UTC(2018, 10, 4),
  Date.UTC(2018, 10, 4, 0, 30),
  Date.UTC(2024, 8, 29, 2, 30),
  Date.UTC(2024, 3, 7, 2, 30),
  Date.UTC(1900, 1, 28),
  Date.UTC(1900, 2, 1),
  Date.UTC(2038, 0, 19, 3, 14, 7),
];
// The 1904 system starts on 1904-01-01: earlier dates cannot be written there.
const WANTED_1904 = WANTED.filter((ms) => ms >= Date.UTC(1904, 0, 1));

let file1900 = '';
let file1904 = '';

beforeAll(async () => {
  const a = new ExcelJS.Workbook();
  const b = new ExcelJS.Workbook();
  b.properties.date1904 = true;
  const sa = a.addWorksheet('D');
  const sb = b.addWorksheet('D');
  for (const ms of WANTED) {
    // Serials written as numbers: exceljs ignores the Lotus leap-year rule before March 1900
    // and writes 1900 serials even when date1904 is set.
    const modern = ms / 86_400_000 + 25_569;
    sa.addRow([ms < Date.UTC(1900, 2, 1) ? modern - 1 : modern]);
    if (WANTED_1904.includes(ms)) sb.addRow([modern - 1_462]);
  }
  sa.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
  sb.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
  file1900 = join(dir, 'd1900.xlsx');
  file1904 = join(dir, 'd1904.xlsx');
  writeFileSync(file1900, new Uint8Array(await a.xlsx.writeBuffer()));
  writeFileSync(file1904, new Uint8Array(await b.xlsx.writeBuffer()));
});

function readIn(tz: string, file: string): { zone: string; offsetJan: number; cells: { epochMs: number }[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, file], { cwd: repoRoot, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  return JSON.parse(out);
}

describe.each([
  ['UTC', 0],
  ['Pacific/Auckland', -780],
  ['America/Sao_Paulo', 180],
])('dates read under TZ=%s', (tz, offsetJan) => {
  it('are the same wall-clock values in the 1900 and 1904 systems', () => {
    for (const [file, wanted] of [[file1900, WANTED], [file1904, WANTED_1904]] as const) {
      const r = readIn(tz, file);
      expect(r.zone).toBe(tz);
      expect(r.offsetJan).toBe(offsetJan);
      expect(r.cells.map((c) => c.epochMs)).toEqual(wanted);
    }
  });
});
