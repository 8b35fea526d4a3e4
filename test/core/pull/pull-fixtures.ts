// Node only (test helpers). Publishes small products into a temporary folder mesh with the real
// pipeline (prepare + run, official schema validators), and computes independently what a
// reader must get back for every cell of the "typed" file.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductMeta } from '../../../shared/core/metadata/types';
import { policyToYaml } from '../../../shared/core/policy/policy-yaml';
import { DEFAULT_POLICY } from '../../../shared/core/policy/types';
import { preparePublish, type SheetChoice } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import type { PulledValue } from '../../../shared/core/pull/read-endpoint';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { openMesh, type OpenedMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { tempDir } from '../../fixtures/make-fixtures';

export function folderMesh(): OpenedMesh & { root: string } {
  const root = tempDir('mesh-desk-pull-mesh-');
  const opened = openMesh(`file://${root}`);
  if (!opened.ok) throw new Error(opened.error.message);
  return { ...opened.value, root };
}

export async function setPartRows(mesh: OpenedMesh, partRows: number): Promise<void> {
  await mesh.store.put('_governance/policy.yaml', new TextEncoder().encode(policyToYaml({ ...DEFAULT_POLICY, partRows })));
}

/** Publishes a file; throws with the pipeline's own message when it refuses. */
export async function publishFile(mesh: OpenedMesh, file: string, meta: ProductMeta, o: { sheets?: SheetChoice[]; now?: () => number } = {}): Promise<{ version: string; rows: number; parts: number }> {
  const name = file.split('/').pop()!;
  const now = o.now ?? Date.now;
  const read = await openFileByteSource(file, name);
  let plan;
  try {
    const r = await preparePublish({ store: mesh.store, bytes: read, fileName: name, sheets: o.sheets ?? [{}], meta, now });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    plan = r.value;
  } finally {
    await read.close();
  }
  const bytes = await openFileByteSource(file, name);
  try {
    const r = await runPublish({ store: mesh.store, location: mesh.location, plan, bytes, publishId: 'pull-test', publisher: 'Anna Berg', validators: await standardValidators(), now });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  } finally {
    await bytes.close();
  }
}

const REGIONS = ['North', 'South', 'East', 'West, Coast', 'Mitte "Süd"'];

interface TypedRow {
  source: string[];
  expected: PulledValue[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Row i of the typed file, as the owner writes it and as a reader must get it back. Every 50th
 * row holds misfits (a number column with "n/a", a date column with "soon", …): those must come
 * back as the owner wrote them, as text.
 */
function typedRow(i: number): TypedRow {
  const misfit = i % 50 === 7;
  const cents = ((i * 7919) % 2_000_000) - 1_000_000;
  const amount = (cents / 100).toFixed(2);
  const y = 2020 + (i % 6);
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const hh = i % 24;
  const mi = (i * 7) % 60;
  const ss = (i * 13) % 60;
  const stamp = `${day}T${pad(hh)}:${pad(mi)}:${pad(ss)}`;
  const active = i % 3 === 0;
  const region = REGIONS[i % REGIONS.length]!;
  const note = i % 10 === 0 ? `line one\nline two, with "quotes" ${i}` : i % 4 === 0 ? '' : `Zoë ${i} 😀`;
  const code = pad(i % 1000, 5);
  return {
    source: [String(i), misfit ? 'n/a' : amount, misfit ? 'soon' : day, stamp.replace('T', ' '), misfit ? 'maybe' : active ? 'yes' : 'no', region, note, code],
    expected: [
      i,
      misfit ? 'n/a' : Number(amount),
      misfit ? 'soon' : { kind: 'date', iso: day },
      { kind: 'datetime', iso: stamp },
      misfit ? 'maybe' : active,
      region,
      note === '' ? null : note,
      code,
    ],
  };
}

export const TYPED_HEADER = ['id', 'amount', 'day', 'stamp', 'active', 'region', 'note', 'code'];

export function typedCsv(dir: string, rows: number, name = 'typed.csv'): { path: string; expected: PulledValue[][] } {
  const lines = [TYPED_HEADER.join(',')];
  const expected: PulledValue[][] = [];
  for (let i = 1; i <= rows; i++) {
    const r = typedRow(i);
    lines.push(r.source.map(quote).join(','));
    expected.push(r.expected);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return { path, expected };
}

export function typedMeta(name = 'typed-demo'): ProductMeta {
  return {
    name,
    title: 'Typed demo',
    description: 'Every kind of value, read back',
    purpose: 'Testing the pull reader',
    domain: 'finance',
    owner: { name: 'Anna Berg', email: 'anna@example.com' },
    support: 'anna@example.com',
    frequency: 'weekly',
    classification: 'internal',
    license: 'Internal use only',
    tags: ['sales', 'test'],
    columns: {
      id: { description: 'Row number', type: 'integer', primaryKey: true, businessName: 'Row' },
      amount: { description: 'Amount in EUR', type: 'number', businessName: 'Amount (EUR)' },
      day: { description: 'Day of sale', type: 'date' },
      stamp: { description: 'Time of entry', type: 'datetime' },
      active: { description: 'Still active', type: 'boolean' },
      region: { description: 'Sales region', allowed: REGIONS },
      note: { description: 'A note' },
      code: { description: 'Product code', type: 'text' },
    },
  };
}
