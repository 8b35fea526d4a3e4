// Node only (bench tooling).
import type { ProductMeta } from '../../core/metadata/types';

/**
 * The Check step at its heaviest: a unique primary key and duplicate rows (both hash every
 * row), an allowed list, a pattern, ranges, required columns, personal-data and space checks
 * on the text columns, and freshness — every kind of rule DESIGN.md §6 lists, on one pass.
 */
export const BENCH_META: ProductMeta = {
  name: 'bench-orders',
  title: 'Orders',
  description: 'Benchmark orders.',
  domain: 'finance',
  owner: { name: 'Bench', email: 'bench@example.com' },
  frequency: 'monthly',
  classification: 'confidential',
  freshnessColumn: 'order_date',
  columns: {
    order_id: { type: 'integer', required: true, unique: true, primaryKey: true },
    order_date: { type: 'date', required: true },
    created_at: { type: 'datetime' },
    amount: { type: 'number', min: 0, max: 10_000_000 },
    quantity: { type: 'integer', min: 0 },
    category: { allowed: ['Travel', 'Software', 'Hardware', 'Ads', 'Events', 'Payroll', 'Office', 'Consulting', 'Training'] },
    region: { required: true },
    paid: { type: 'boolean' },
    customer_email: { personal: 'personal' },
    note: {},
    product_code: { pattern: '[0-9]{3,8}' },
    discount: { pattern: '[0-9]{1,2}(\.[0-9]+)?%?' },
  },
};

