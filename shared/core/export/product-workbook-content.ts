// Runs anywhere (pure core).
// What the side sheets of a pulled product's workbook say, as plain tables: "About" (which
// product, version and table this is, from where, when) and "Columns" (the data dictionary in
// the reader's words). Kept apart from the writer so the words can be read and tested without
// a workbook. Values are raw here; the writer makes every text safe for a spreadsheet.

import type { PulledColumn } from '../pull/read-endpoint';

export interface ExportedProduct {
  /** The product's id in the mesh (slug), e.g. "campaign-budgets". */
  name: string;
  title?: string;
  /** The version pulled, e.g. "1.2.0". */
  version: string;
  /** Where the product lives, e.g. "s3://acme-mesh/data-services/campaign-budgets". */
  address: string;
  owner?: { name?: string; email?: string };
  description?: string;
  domain?: string;
  classification?: string;
  license?: string;
  /** When the version was published (ISO text, as the mesh records it). */
  publishedAt?: string;
}

export interface AboutFacts {
  product: ExportedProduct;
  endpoint: string;
  rows: number;
  pulledAt: Date;
}

/** Labels of the About rows a re-import reads back (through defined names). */
export const ABOUT_KEYS = { product: 'Product id', version: 'Version', address: 'Mesh address', endpoint: 'Table' } as const;

/** [label, value] rows of the About sheet; rows without a value are left out. */
export function aboutRows(f: AboutFacts): [string, string | number][] {
  const p = f.product;
  const rows: [string, string | number | undefined][] = [
    ['Product', p.title ?? p.name],
    [ABOUT_KEYS.product, p.name],
    [ABOUT_KEYS.version, p.version],
    [ABOUT_KEYS.endpoint, f.endpoint],
    [ABOUT_KEYS.address, p.address],
    ['Description', p.description],
    ['Owner', p.owner?.name],
    ['Owner e-mail', p.owner?.email],
    ['Domain', p.domain],
    ['Classification', p.classification],
    ['License or terms of use', p.license],
    ['Published', p.publishedAt],
    ['Pulled', utcText(f.pulledAt)],
    ['Rows', f.rows],
    ['Note', 'This workbook is a copy pulled from the data mesh. Changing it here does not change the product; ask the owner to publish a new version.'],
  ];
  return rows.filter((r): r is [string, string | number] => r[1] !== undefined && r[1] !== '');
}

export const COLUMNS_HEADER = ['Column', 'Business name', 'Type', 'Description', 'Personal data', 'Required', 'Allowed values'];

/** One row per column of the data sheet, in its order. */
export function columnRows(columns: PulledColumn[]): string[][] {
  return columns.map((c) => [
    c.name,
    c.businessName ?? '',
    typeWords(c.type),
    c.description ?? '',
    c.personal === 'sensitive' ? 'Yes, sensitive personal data' : c.personal === 'personal' ? 'Yes, personal data' : 'No',
    c.required ? 'Yes, never empty' : 'No',
    (c.allowed ?? []).join(', '),
  ]);
}

/** A column type in the reader's words. */
export function typeWords(type: PulledColumn['type']): string {
  switch (type) {
    case 'string':
      return 'Text';
    case 'integer':
      return 'Whole number';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Yes/no (true or false)';
    case 'date':
      return 'Date';
    case 'timestamp':
      return 'Date and time (UTC)';
  }
}

/** "2026-11-21 10:15:00 UTC": the time zone said, so nobody reads it as local time. */
export function utcText(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The text of a header note: business name and description, when there are any. */
export function headerNote(c: PulledColumn): string | undefined {
  const lines = [c.businessName && c.businessName !== c.name ? c.businessName : undefined, c.description].filter(
    (s): s is string => !!s && s.trim() !== '',
  );
  return lines.length ? lines.join('\n') : undefined;
}
