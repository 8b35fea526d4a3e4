// Node only.
// Pulling one version's endpoint out of the mesh into a file: XLSX for Excel or CSV. The one copy
// of these steps, shared by the CLI (`mesh-desk export`) and, next, the app's "Open in Excel" and
// "Save as CSV".

import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { csvExportChunks } from '../../core/export/csv-export';
import { csvFastExportChunks, csvFastPathApplies } from '../../core/export/csv-export-fast';
import type { MeshLocation } from '../../core/mesh/mesh-url';
import type { MeshStore } from '../../core/mesh/mesh-store';
import { productAddress } from '../../core/publish/servers';
import { productPage } from '../../core/pull/product-page';
import { endpointRows, openEndpoint, type PullProgress } from '../../core/pull/read-endpoint';
import { writeProductXlsx } from './product-xlsx';
import { writeFileAtomically } from './atomic-file';

export interface ExportRequest {
  store: MeshStore;
  location: MeshLocation;
  product: string;
  version?: string;
  endpoint?: string;
  /** Where to write; ".csv" writes CSV, anything else XLSX. */
  path: string;
  csv?: { delimiter: ',' | ';'; bom: boolean };
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
}

export interface ExportResult {
  product: string;
  version: string;
  endpoint: string;
  rows: number;
  path: string;
  format: 'xlsx' | 'csv';
}

export async function exportProduct(r: ExportRequest): Promise<ExportResult> {
  const opened = await openEndpoint(r.store, { product: r.product, ...(r.version ? { version: r.version.replace(/^v/, '') } : {}), ...(r.endpoint ? { endpoint: r.endpoint } : {}), ...(r.signal ? { signal: r.signal } : {}) });
  const batches = endpointRows(r.store, opened, { ...(r.signal ? { signal: r.signal } : {}), ...(r.onProgress ? { onProgress: r.onProgress } : {}) });
  const base = { product: r.product, version: opened.version.version, endpoint: opened.endpoint.name, path: r.path };
  if (r.path.toLowerCase().endsWith('.csv')) {
    const csv = r.csv ?? { delimiter: ',', bom: true };
    let rows = 0;
    if (csvFastPathApplies(csv)) {
      // Comma CSV is what the mesh stores: the parts' bytes are copied, not parsed and rewritten
      // (same bytes as the typed path below, several times faster).
      const onProgress = (p: PullProgress) => {
        rows = p.rowsDone;
        r.onProgress?.(p);
      };
      const chunks = csvFastExportChunks(r.store, opened, { ...csv, onProgress, ...(r.signal ? { signal: r.signal } : {}) });
      await writeFileAtomically(r.path, r.signal, (stream) => pipeline(Readable.from(chunks), stream));
      return { ...base, rows, format: 'csv' };
    }
    const counted = (async function* () {
      for await (const b of batches) {
        rows = b.rowsDone;
        yield b;
      }
    })();
    await writeFileAtomically(r.path, r.signal, (stream) => pipeline(Readable.from(csvExportChunks(opened.columns, counted, { ...csv, ...(r.signal ? { signal: r.signal } : {}) })), stream));
    return { ...base, rows, format: 'csv' };
  }
  const page = productPage(opened.current, Date.now());
  const { rows } = await writeProductXlsx({
    path: r.path,
    product: {
      name: r.product,
      ...(page.title ? { title: page.title } : {}),
      version: opened.version.version,
      address: productAddress(r.location, r.product),
      ...(page.owner ? { owner: page.owner } : {}),
      ...(page.description ? { description: page.description } : {}),
      ...(page.domain ? { domain: page.domain } : {}),
      ...(page.classification ? { classification: page.classification } : {}),
      ...(page.license ? { license: page.license } : {}),
      publishedAt: opened.version.publishedAt,
    },
    endpoint: opened.endpoint.name,
    columns: opened.columns,
    batches,
    ...(r.signal ? { signal: r.signal } : {}),
    now: new Date(),
  });
  return { ...base, rows, format: 'xlsx' };
}
