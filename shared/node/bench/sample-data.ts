// Node only (bench tooling).
// The one row model behind both bench files, so the CSV and the XLSX hold the same kind of
// data: what a finance or marketing export looks like (ids, order dates, amounts with a
// decimal point, product codes with leading zeros, e-mails, free-text notes with commas,
// quotes and the odd accented word, percentages, some empty cells).

import { pick, randomInt, seededRandom } from './prng';

export const HEADERS = [
  'order_id',
  'order_date',
  'created_at',
  'amount',
  'quantity',
  'category',
  'region',
  'paid',
  'customer_email',
  'note',
  'product_code',
  'discount',
] as const;

export interface SampleRow {
  id: number;
  /** Whole day, as UTC midnight in epoch ms. */
  orderDay: number;
  /** Date and time to the second, as UTC wall clock in epoch ms. */
  createdAt: number;
  /** Amount in cents (integer, so text and number forms agree exactly). */
  amountCents: number;
  quantity: number;
  category: string;
  region: string;
  paid: boolean;
  email: string;
  /** "" when the note is empty. */
  note: string;
  /** Six digits with leading zeros kept: must stay text. */
  productCode: string;
  /** Discount in tenths of a percent (125 = 12.5 %). */
  discountTenths: number;
}

const CATEGORIES = ['Travel', 'Software', 'Hardware', 'Ads', 'Events', 'Payroll', 'Office', 'Consulting', 'Training', 'Freight'];
const REGIONS = ['EMEA', 'APAC', 'NA', 'LATAM', 'DACH', 'Nordics', 'UK&I', 'France'];
const FIRST = ['anna', 'ben', 'chloe', 'david', 'emma', 'felix', 'grace', 'hugo', 'ines', 'jonas', 'karin', 'liam', 'maria', 'noah', 'olga', 'paul'];
const LAST = ['smith', 'mueller', 'garcia', 'rossi', 'dubois', 'nowak', 'jansen', 'silva', 'berg', 'kim', 'tanaka', 'oconnor'];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'shop.example.de'];
const WORDS = [
  'invoice', 'paid', 'late', 'customer', 'asked', 'for', 'refund', 'partial', 'delivery', 'next', 'week',
  'approved', 'by', 'finance', 'campaign', 'spring', 'budget', 'promo', 'code', 'applied', 'see', 'ticket',
  'contract', 'renewal', 'Q3', 'forecast', 'adjusted', 'shipping', 'included', 'VAT', 'Zürich', 'café', '€',
];

const DAY_MS = 86_400_000;
/** 2022-01-01T00:00:00Z: the first order date. */
const FIRST_DAY = Date.UTC(2022, 0, 1);

/** Deterministic rows: row i is the same on every machine for a given seed. */
export function sampleRows(seed = 20240601): (id: number) => SampleRow {
  const rand = seededRandom(seed);
  return (id) => {
    const orderDay = FIRST_DAY + randomInt(rand, 0, 3 * 365) * DAY_MS;
    const createdAt = orderDay + randomInt(rand, 0, DAY_MS / 1000 - 1) * 1000;
    const refund = rand() < 0.03;
    const cents = randomInt(rand, 100, 2_500_000);
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    return {
      id,
      orderDay,
      createdAt,
      amountCents: refund ? -cents : cents,
      quantity: randomInt(rand, 1, 99),
      category: pick(rand, CATEGORIES),
      region: pick(rand, REGIONS),
      paid: rand() < 0.7,
      email: `${first}.${last}${randomInt(rand, 1, 999)}@${pick(rand, DOMAINS)}`,
      note: makeNote(rand),
      productCode: String(randomInt(rand, 1, 99_999)).padStart(6, '0'),
      discountTenths: randomInt(rand, 0, 400),
    };
  };
}

function makeNote(rand: () => number): string {
  const r = rand();
  if (r < 0.15) return '';
  const words: string[] = [];
  const n = randomInt(rand, 2, 7);
  for (let i = 0; i < n; i++) words.push(pick(rand, WORDS));
  // A tenth of the notes carry a comma and a few an embedded quote: real exports do, and it
  // is what makes a CSV reader take its slow, quoted-field path.
  if (r > 0.9) words.splice(1, 0, 'see,');
  if (r > 0.98) words.push('"urgent"');
  return words.join(' ');
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** yyyy-mm-dd */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** yyyy-mm-dd hh:mm:ss (the usual export form: no zone, space separator). */
export function isoDateTime(ms: number): string {
  const d = new Date(ms);
  return `${isoDay(ms)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** -12.34 style, always two decimals with a point. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${frac < 10 ? '0' : ''}${frac}`;
}

/** One CSV field, quoted only when it must be (RFC 4180). */
export function csvField(text: string): string {
  if (text.includes(',') || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** The row as one CSV line (without the line break). */
export function csvLine(r: SampleRow): string {
  return [
    r.id,
    isoDay(r.orderDay),
    isoDateTime(r.createdAt),
    formatCents(r.amountCents),
    r.quantity,
    r.category,
    csvField(r.region),
    r.paid ? 'true' : 'false',
    r.email,
    csvField(r.note),
    r.productCode,
    `${(r.discountTenths / 10).toFixed(1)}%`,
  ].join(',');
}
