// Node only (bench tooling).
// The export measurements ("Open in Excel" / "Save as CSV" of a published product), each in its
// own child like every other measurement. Setup, outside the timing: a fresh bucket, a policy
// with 100,000-row parts (so setup is quick), and the bench CSV published ONCE through the same
// check and write passes the app runs — in a process of its own (export-setup.ts), so the
// export's memory is not mixed with the publish's. Timed: exportProduct from the local S3
// server to a temporary file. Afterwards the file and the bucket are deleted.

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchS3Client, createBucket, deleteBucket, uniqueBucketName } from './bench-s3';
import { meshFor, runExportSetup } from './export-setup';
import type { Measured, Run } from './measures';
import { EXPORT_PART_ROWS, NotReadyError } from './measures';
import { peakRssSinceResetMb, resetPeakRss } from './peak-rss';
import type { PublishParams } from './publish-measures';

export type ExportFormat = 'xlsx' | 'csv';

/** What an export child reports beyond the common figures. */
export interface ExportFigures {
  format: ExportFormat;
  /** Data rows the export wrote (exportProduct's count). */
  rows: number;
  /** Size of the exported file. */
  bytesWritten: number;
  /** exportProduct alone, from opening the endpoint to the renamed file. */
  exportSeconds: number;
  /** Peak RSS during the export alone, where the kernel lets us reset the mark. */
  exportPeakRssMb?: number;
  /** RSS when the export started: what the setup left behind (a floor under exportPeakRssMb). */
  startRssMb: number;
  /** Publishing the product once before the timing (policy, check and write pass, in its own process): not a target. */
  setupSeconds: number;
  /** Rows per data part of the published product. */
  partRows: number;
}

/** Loads the export and publish code, publishes `source` once, and returns the export to time. */
export async function prepareExportMeasure(format: ExportFormat, params: PublishParams, source: string): Promise<Run> {
  if (!params.endpoint) throw new Error('no S3 endpoint given: the parent passes {"endpoint": "http://127.0.0.1:PORT"} as the third argument');
  const endpoint = params.endpoint;
  let exportModule: typeof import('../export/export-product');
  let openMeshModule: typeof import('../mesh/open-mesh');
  try {
    [exportModule, openMeshModule] = await Promise.all([import('../export/export-product'), import('../mesh/open-mesh')]);
  } catch (e) {
    throw new NotReadyError(`the export code cannot be loaded yet (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof exportModule.exportProduct !== 'function') throw new NotReadyError('exportProduct is not implemented yet');

  const client = benchS3Client(endpoint);
  const bucket = uniqueBucketName(`export-${format}`);
  await createBucket(client, bucket);
  const dir = await mkdtemp(join(tmpdir(), 'mesh-bench-export-'));
  const cleanup = async () => {
    await rm(dir, { recursive: true, force: true });
    await deleteBucket(client, bucket);
  };

  try {
    const product = await runExportSetup(source, { endpoint, bucket, partRows: EXPORT_PART_ROWS });
    const setupSeconds = product.seconds;
    const mesh = meshFor({ endpoint, bucket });
    const opened = openMeshModule.openMesh(mesh.url, mesh.options);
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
    const { store, location } = opened.value;

    return async (): Promise<Measured> => {
      const out = join(dir, `${product.product}.${format}`);
      let result;
      let exportSeconds;
      let exportPeakRssMb;
      let bytesWritten;
      const startRssMb = process.memoryUsage.rss() / 1024 / 1024;
      try {
        resetPeakRss();
        const started = performance.now();
        result = await exportModule.exportProduct({
          store,
          location,
          product: product.product,
          version: product.version,
          path: out,
          ...(format === 'csv' ? { csv: { delimiter: ',', bom: true } } : {}),
        });
        exportSeconds = (performance.now() - started) / 1000;
        exportPeakRssMb = peakRssSinceResetMb();
        bytesWritten = (await stat(out)).size;
        if (result.format !== format) throw new Error(`asked for ${format}, exportProduct wrote ${result.format}`);
        if (result.rows !== product.rows) throw new Error(`exported ${result.rows} rows; the product has ${product.rows}`);
      } catch (e) {
        // The child reports the failure; the bucket must not stay behind in the shared server.
        await cleanup().catch(() => undefined);
        throw e;
      }
      return {
        rows: result.rows,
        detail: `v${result.version} "${result.endpoint}" from ${product.parts} part${product.parts === 1 ? '' : 's'} → ${(bytesWritten / 1e6).toFixed(1)} MB ${format.toUpperCase()}; published once before the timing in ${setupSeconds.toFixed(1)} s (own process)`,
        export: { format, rows: result.rows, bytesWritten, exportSeconds, exportPeakRssMb, startRssMb, setupSeconds, partRows: EXPORT_PART_ROWS },
        cleanup,
      };
    };
  } catch (e) {
    await cleanup().catch(() => undefined);
    throw e;
  }
}
