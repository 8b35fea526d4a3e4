// Node only (test helpers). Files and descriptions for the publish suite, and the expected
// normalized text of every row, computed independently of the code under test.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductMeta } from '../../../shared/core/metadata/types';

const REGIONS = ['North', 'South', 'East', 'West, Coast', 'Mitte "Süd"'];

/** A German-style CSV: semicolons, decimal commas, dd.mm.yyyy dates, leading-zero codes. */
export function salesCsv(dir: string, rows: number, opts: { name?: string; dropRegion?: boolean; extraColumn?: boolean } = {}): string {
  const head = ['id', ...(opts.dropRegion ? [] : ['region']), 'amount', 'day', 'code', ...(opts.extraColumn ? ['note'] : [])];
  const lines = [head.join(';')];
  for (let i = 1; i <= rows; i++) {
    const r = row(i);
    const cells = [String(i), ...(opts.dropRegion ? [] : [`"${r.region.replace(/"/g, '""')}"`]), r.amountDe, r.dayDe, r.code, ...(opts.extraColumn ? [`n${i}`] : [])];
    lines.push(cells.join(';'));
  }
  const path = join(dir, opts.name ?? 'sales.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

function row(i: number) {
  const cents = (i * 7919) % 1_000_000;
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  return {
    region: REGIONS[i % REGIONS.length]!,
    amountDe: `${whole.toLocaleString('de-DE')},${frac}`,
    amount: `${whole}.${frac}`,
    dayDe: `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2024`,
    day: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    code: String(i % 1000).padStart(5, '0'),
  };
}

/** The rows as every product must read: ISO dates, "." decimals, text as written. */
export function expectedRecords(rows: number, opts: { dropRegion?: boolean } = {}): string[][] {
  const out: string[][] = [];
  for (let i = 1; i <= rows; i++) {
    const r = row(i);
    out.push([String(i), ...(opts.dropRegion ? [] : [r.region]), r.amount, r.day, r.code]);
  }
  return out;
}

export function salesMeta(name = 'sales-demo', opts: { dropRegion?: boolean; extraColumn?: boolean } = {}): ProductMeta {
  const columns: ProductMeta['columns'] = {
    id: { description: 'Sale number', type: 'integer', primaryKey: true },
    amount: { description: 'Amount in EUR' },
    day: { description: 'Day of sale' },
    code: { description: 'Product code', type: 'text' },
  };
  if (!opts.dropRegion) columns.region = { description: 'Sales region' };
  if (opts.extraColumn) columns.note = { description: 'A note' };
  return {
    name,
    title: 'Sales demo',
    description: 'Sales by day',
    domain: 'finance',
    owner: { name: 'Anna Berg', email: 'anna@example.com' },
    frequency: 'weekly',
    classification: 'internal',
    columns,
  };
}

/** RFC 4180 reader for the test's own checks (independent of the code under test). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}
