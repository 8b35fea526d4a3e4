// Tests of the check applied to file paths that arrive over IPC, on real files in a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateLocalFilePath } from '../../electron/local-path';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-desk-path-'));
  writeFileSync(join(dir, 'budget 2026.csv'), 'a,b\n1,2\n');
  mkdirSync(join(dir, 'Reports.xlsx'));
  symlinkSync(join(dir, 'budget 2026.csv'), join(dir, 'link.csv'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateLocalFilePath', () => {
  it('accepts an existing regular file, and a link to one', async () => {
    expect(await validateLocalFilePath(join(dir, 'budget 2026.csv'))).toEqual({ ok: true, value: join(dir, 'budget 2026.csv') });
    expect((await validateLocalFilePath(join(dir, 'link.csv'))).ok).toBe(true);
  });

  it('normalises the path', async () => {
    const r = await validateLocalFilePath(`${dir}/.//budget 2026.csv`);
    expect(r).toEqual({ ok: true, value: join(dir, 'budget 2026.csv') });
  });

  it.each([undefined, null, 42, {}, ['x'], '', 'a\0b'])('refuses %j as not a path', async (x) => {
    const r = await validateLocalFilePath(x);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('source.bad-path');
  });

  it('refuses relative paths, naming the file', async () => {
    const r = await validateLocalFilePath('budget 2026.csv');
    expect(r).toMatchObject({ ok: false, error: { code: 'source.bad-path' } });
    if (!r.ok) expect(r.error.message).toContain('"budget 2026.csv"');
  });

  it('says when the file is gone, in words', async () => {
    const r = await validateLocalFilePath(join(dir, 'moved.csv'));
    expect(r).toMatchObject({ ok: false, error: { code: 'source.not-found' } });
    if (!r.ok) expect(r.error.message).toMatch(/"moved\.csv" could not be found.*choose the file again/);
  });

  it('refuses folders and devices', async () => {
    const folder = await validateLocalFilePath(join(dir, 'Reports.xlsx'));
    expect(folder).toMatchObject({ ok: false, error: { code: 'source.not-a-file' } });
    if (!folder.ok) expect(folder.error.message).toContain('"Reports.xlsx" is a folder');
    if (process.platform !== 'win32') {
      expect(await validateLocalFilePath('/dev/zero')).toMatchObject({ ok: false, error: { code: 'source.not-a-file' } });
    }
  });
});
