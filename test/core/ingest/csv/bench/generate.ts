// Node only.
// Writes the benchmark CSV: rows × 12 columns mixing integers, decimals, ISO dates, short text
// and quoted values (some with commas, doubled quotes and line breaks), like a real export.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const PRODUCTS = ['Widget', 'Gadget', 'Doohickey', 'Sprocket', 'Gizmo', 'Thingamajig'];

export async function generateBenchCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('id,date,region,product,units,price,discount,total,customer,note,updated,active\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const units = Math.floor(rand() * 500);
    const price = (rand() * 1000).toFixed(2);
    const r = rand();
    const customer = r < 0.1 ? `"Smith, ${i % 1000}"` : r < 0.12 ? `"The ""Best"" Co ${i % 77}"` : `Customer account ${i % 5000}`;
    const note = r > 0.995 ? `"line one\nline two"` : r > 0.9 ? '' : `Delivered to warehouse ${i % 97}`;
    chunk +=
      `${i},2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${REGIONS[i % 5]},${PRODUCTS[i % 6]},` +
      `${units},${price},${(rand() * 0.3).toFixed(3)},${(units * Number(price)).toFixed(2)},${customer},${note},` +
      `2024-06-${String(day).padStart(2, '0')}T12:${String(i % 60).padStart(2, '0')}:00Z,${i % 3 === 0 ? 'true' : 'false'}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
