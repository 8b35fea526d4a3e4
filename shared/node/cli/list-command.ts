// Node only. `mesh-desk list --mesh <url> [--json]`: the products of a mesh, from its catalog
// (rebuilt from every product.yaml when the catalog is missing or stale).

import { parseArgs } from 'node:util';
import { readCatalog } from '../../core/catalog/catalog-store';
import { toAppError } from '../../core/result';
import { openMesh } from '../mesh/open-mesh';
import { stop } from './cli-exit';

export async function runList(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: false, options: { mesh: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (e) {
    return stop((e as Error).message);
  }
  const { values } = parsed;
  if (values.mesh === undefined) return stop('list needs --mesh <address>, e.g. "mesh-desk list --mesh s3://acme-mesh/finance".');
  const opened = openMesh(values.mesh);
  if (!opened.ok) return stop(opened.error.message);
  try {
    const { index, rebuilt } = await readCatalog(opened.value.store, { now: Date.now, verify: true });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ mesh: opened.value.store.url, rebuilt, products: index.products })}\n`);
      return 0;
    }
    if (index.products.length === 0) {
      process.stdout.write(`No products in ${opened.value.store.url} yet.\n`);
      return 0;
    }
    const lines = index.products.map((p) => {
      const head = `${p.name}  v${p.version}${p.publishedAt ? `  ${p.publishedAt.slice(0, 10)}` : ''}`;
      const who = [p.domain, p.owner?.name ?? p.owner?.email].filter(Boolean).join(', ');
      return `${head}${p.title ? `  ${p.title}` : ''}${who ? `  (${who})` : ''}`;
    });
    process.stdout.write(`${lines.join('\n')}\n${index.products.length} product${index.products.length === 1 ? '' : 's'} in ${opened.value.store.url}${rebuilt ? ' (catalog rebuilt)' : ''}\n`);
    return 0;
  } catch (e) {
    return stop(toAppError(e).message);
  }
}
