// Node only (test). More of publishing on the folder mesh: cancel half-way, drift against the
// published version, a workbook with two sheets (two endpoints, typed cells normalized), and a
// part too large to hold in memory, streamed.

import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { policyToYaml } from '../../../shared/core/policy/policy-yaml';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';
import { preparePublish, type SheetChoice } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import { STREAM_PART_BYTES } from '../../../shared/core/publish/part-writer';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { openMesh, type OpenedMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { multiSheetWorkbook, tempDir } from '../../fixtures/make-fixtures';
import { expectedRecords, parseCsv, salesCsv, salesMeta } from './publish-fixtures';

const dir = tempDir('mesh-desk-publish-more-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folderMesh(): OpenedMesh & { root: string } {
  const root = tempDir('mesh-desk-more-mesh-');
  const opened = openMesh(`file://${root}`);
  if (!opened.ok) throw new Error(opened.error.message);
  return { ...opened.value, root };
}

const walk = (d: string, pre = ''): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name), `${pre}${e.name}/`) : [`${pre}${e.name}`]));

async function prepare(mesh: OpenedMesh, file: string, meta: ProductMeta, sheets: SheetChoice[] = [{}]) {
  const bytes = await openFileByteSource(file, file.split('/').pop()!);
  try {
    const r = await preparePublish({ store: mesh.store, bytes, fileName: file.split('/').pop()!, sheets, meta, now: Date.now });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  } finally {
    await bytes.close();
  }
}

async function run(mesh: OpenedMesh, file: string, plan: Awaited<ReturnType<typeof prepare>>, signal?: AbortSignal, onParts?: (n: number) => void) {
  const bytes = await openFileByteSource(file, plan.fileName);
  try {
    return await runPublish({ store: mesh.store, location: mesh.location, plan, bytes, publishId: 'p', validators: await standardValidators(), now: Date.now, partConcurrency: 1, ...(signal ? { signal } : {}), onProgress: (p) => onParts?.(p.partsDone) });
  } finally {
    await bytes.close();
  }
}

describe('publishing, further cases', () => {
  it('cancel half-way: readers keep the old version, our files are removed, the claim is given back', async () => {
    const mesh = folderMesh();
    const small = salesCsv(dir, 100, { name: 'c-small.csv' });
    expect((await run(mesh, small, await prepare(mesh, small, salesMeta()))).ok).toBe(true);
    const before = walk(mesh.root).filter((k) => !k.startsWith('.'));
    const big = salesCsv(dir, 30_000, { name: 'c-big.csv' });
    const plan = await prepare(mesh, big, salesMeta());
    const stop = new AbortController();
    const r = await run(mesh, big, plan, stop.signal, (n) => n >= 3 && stop.abort());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
    const after = walk(mesh.root).filter((k) => !k.startsWith('.'));
    expect(after.sort()).toEqual(before.sort());
  }, 60_000);

  it('drift: the next version is compared with the published one', async () => {
    const mesh = folderMesh();
    const full = salesCsv(dir, 1_000, { name: 'd-full.csv' });
    expect((await run(mesh, full, await prepare(mesh, full, salesMeta()))).ok).toBe(true);
    const half = salesCsv(dir, 400, { name: 'd-half.csv' });
    const plan = await prepare(mesh, half, salesMeta());
    const drift = plan.check.findings.find((f) => f.code === 'check.drift-rows');
    expect(drift?.message).toMatch(/1,?000/);
    expect(drift?.message).toMatch(/400/);
  }, 60_000);

  it('a workbook: two sheets become two endpoints, typed cells normalized', async () => {
    const mesh = folderMesh();
    const file = await multiSheetWorkbook(dir);
    const meta: ProductMeta = {
      ...salesMeta('campaigns'),
      columns: Object.fromEntries(['Campaign', 'Start', 'Budget EUR', 'Approved', 'Channel'].map((c) => [c, { description: c }])),
    };
    const plan = await prepare(mesh, file, meta, [{ sheet: 'Budget' }, { sheet: 'Contacts' }]);
    expect(plan.sheets.map((s) => s.endpoint)).toEqual(['default', 'contacts']);
    const r = await run(mesh, file, plan);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows).toBe(180);
    const budget = parseCsv(readFileSync(join(mesh.root, 'campaigns/default/v1.0.0.datapart0001.csv'), 'utf8'));
    expect(budget[0]).toEqual(['Campaign', 'Start', 'Budget EUR', 'Approved', 'Channel']);
    expect(budget[1]).toEqual(['Campaign 1', '2026-02-02', '1000.5', 'false', 'Social']);
    expect(budget[2]).toEqual(['Campaign 2', '2026-03-03', '2000.5', 'true', 'Print']);
    const contacts = parseCsv(readFileSync(join(mesh.root, 'campaigns/contacts/v1.0.0.datapart0001.csv'), 'utf8'));
    expect(contacts[0]).toEqual(['Name', 'Phone', 'Employees']);
    expect(contacts[1]).toEqual(['Agency 1', '+49 30 1000001', '3']);
    expect(contacts).toHaveLength(31);
  }, 60_000);

  it('a part larger than the in-memory limit is streamed and arrives whole', async () => {
    const mesh = folderMesh();
    await mesh.store.put('_governance/policy.yaml', new TextEncoder().encode(policyToYaml({ ...DEFAULT_POLICY, partRows: 300_000 })));
    const rows = 250_000;
    const file = salesCsv(dir, rows, { name: 's-big.csv' });
    const r = await run(mesh, file, await prepare(mesh, file, salesMeta()));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.parts).toBe(1);
    expect(r.value.bytes).toBeGreaterThan(STREAM_PART_BYTES);
    const text = readFileSync(join(mesh.root, 'sales-demo/default/v1.0.0.datapart0001.csv'), 'utf8');
    expect(new TextEncoder().encode(text).byteLength).toBe(r.value.bytes);
    const records = parseCsv(text);
    expect(records.slice(1)).toEqual(expectedRecords(rows));
  }, 120_000);
});
