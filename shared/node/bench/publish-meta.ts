// Node only (bench tooling).
// The description an owner would give the bench orders before publishing: everything the
// default mesh policy requires (title, description, domain, owner, frequency, classification,
// a description of every column, the e-mail column marked personal), and ordinary rules —
// not BENCH_META's heaviest-possible checks, which the "inspect + all checks" row measures.

import type { ColumnMeta, ProductMeta } from '../../core/metadata/types';
import { HEADERS } from './sample-data';

const COLUMNS: Record<(typeof HEADERS)[number], ColumnMeta> = {
  order_id: { description: 'Order number.', type: 'integer', required: true },
  order_date: { description: 'Day the order was placed.', type: 'date', required: true },
  created_at: { description: 'When the order was entered, to the second.', type: 'datetime' },
  amount: { description: 'Order amount in euros.', type: 'number' },
  quantity: { description: 'Items ordered.', type: 'integer' },
  category: { description: 'Spending category.' },
  region: { description: 'Sales region.', required: true },
  paid: { description: 'Whether the order is paid.', type: 'boolean' },
  customer_email: { description: 'Customer contact e-mail.', personal: 'personal' },
  note: { description: 'Free-text note from the sales team.' },
  product_code: { description: 'Product code (keep the leading zeros).' },
  discount: { description: 'Discount given, as a percentage.' },
};

export const PUBLISH_META: ProductMeta = {
  name: 'bench-orders',
  title: 'Orders',
  description: 'Benchmark orders, published to measure the write path.',
  domain: 'finance',
  owner: { name: 'Bench', email: 'bench@example.com' },
  frequency: 'monthly',
  classification: 'confidential',
  columns: COLUMNS,
};
