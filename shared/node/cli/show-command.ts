// Node only. `mesh-desk show <product> --mesh <url> [--version X.Y.Z] [--json]`: one product as
// readers see it — its card, its versions, and the endpoints and columns of one version.

import { parseArgs } from 'node:util';
import { parseContractYaml } from '../../core/contract/standard-yaml';
import { readCurrentProduct } from '../../core/publish/mesh-state';
import { catalogEntry } from '../../core/catalog/catalog-index';
import { toAppError } from '../../core/result';
import { openMesh } from '../mesh/open-mesh';
import { formatShowText } from './format-show-text';
import { stop } from './cli-exit';

export async function runShow(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { mesh: { type: 'string' }, version: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (e) {
    return stop((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return stop('show needs one product name, e.g. "mesh-desk show price-list --mesh file:///home/me/Mesh".');
  if (values.mesh === undefined) return stop('show needs --mesh <address>.');
  const name = positionals[0]!;
  const opened = openMesh(values.mesh);
  if (!opened.ok) return stop(opened.error.message);
  const { store } = opened.value;
  try {
    const current = await readCurrentProduct(store, name);
    if (!current.ok) return stop(current.error.message);
    if (!current.value) return stop(`There is no product "${name}" in ${store.url}. Run "mesh-desk list --mesh ${values.mesh}" to see the products.`);
    const { history, descriptor, etag } = current.value;
    const wanted = (values.version ?? history[0]?.version ?? current.value.version).replace(/^v/, '');
    const record = history.find((h) => h.version === wanted);
    if (!record) {
      const known = history.map((h) => h.version).join(', ') || current.value.version;
      return stop(`"${name}" has no version ${wanted}. Its versions are: ${known}.`);
    }
    const contractFile = await store.get(`${name}/${record.contract}`);
    const contract = contractFile ? parseContractYaml(new TextDecoder().decode(contractFile.body)) : undefined;
    const card = catalogEntry(descriptor, etag);
    const columns = contract?.ok ? (contract.value.schema ?? []).map((s) => ({ endpoint: s.name, columns: (s.properties ?? []).map((p) => ({ name: p.name, type: p.logicalType, required: p.required === true, description: p.description })) })) : [];
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ product: card, version: record, versions: history, schema: columns, contractReadable: contract?.ok === true })}\n`);
      return 0;
    }
    process.stdout.write(formatShowText(card, record, history, columns, contract?.ok === true));
    return 0;
  } catch (e) {
    return stop(toAppError(e).message);
  }
}
