// Node only. `mesh-desk export <product> --mesh <url> --out <file.xlsx|file.csv> [--version X.Y.Z]
// [--endpoint NAME] [--delimiter , | ;] [--no-bom] [--json]`: a published version into a file.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { toAppError } from '../../core/result';
import { exportProduct } from '../export/export-product';
import { openMesh } from '../mesh/open-mesh';
import { interruptSignal, stop } from './cli-exit';

export async function runExport(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        mesh: { type: 'string' },
        out: { type: 'string' },
        version: { type: 'string' },
        endpoint: { type: 'string' },
        delimiter: { type: 'string', default: ',' },
        'no-bom': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return stop((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return stop('export needs one product name, e.g. "mesh-desk export price-list --mesh file:///home/me/Mesh --out prices.xlsx".');
  if (values.mesh === undefined) return stop('export needs --mesh <address>.');
  if (values.out === undefined) return stop('export needs --out <file.xlsx or file.csv>: where to save.');
  if (values.delimiter !== ',' && values.delimiter !== ';') return stop(`--delimiter must be "," or ";", not "${values.delimiter}".`);
  const opened = openMesh(values.mesh);
  if (!opened.ok) return stop(opened.error.message);
  const interrupt = interruptSignal();
  try {
    const out = await exportProduct({
      store: opened.value.store,
      location: opened.value.location,
      product: positionals[0]!,
      path: values.out,
      ...(values.version ? { version: values.version } : {}),
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      csv: { delimiter: values.delimiter, bom: !values['no-bom'] },
      signal: interrupt.signal,
    });
    if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else process.stdout.write(`Saved ${out.product} v${out.version} (${out.endpoint}): ${out.rows.toLocaleString('en-US')} rows to ${basename(out.path)}.\n`);
    return 0;
  } catch (e) {
    const err = toAppError(e);
    return stop(err.code === 'cancelled' ? 'export cancelled; no file was written.' : err.message);
  } finally {
    interrupt.dispose();
  }
}
