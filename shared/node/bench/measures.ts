// Node only (bench tooling).
// The things the bench times, one function each. Each runs in its own fresh child process
// (see child-main.ts), so a measurement's peak memory is its own and not left over from
// another. Each measurement loads its modules first and returns the function to time, so
// module loading (exceljs alone takes ~0.3 s) is neither timed nor loaded where not measured.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BENCH_META } from './bench-meta';
// Types only: the publish measurements (and the AWS SDK they load) are imported on demand, so
// the other measurements' memory figures do not carry them.
import type { PublishFigures, PublishParams } from './publish-measures';
import type { ExportFigures } from './export-measures';

export const MEASURE_KINDS = ['baseline', 'papaparse', 'inspect', 'inspect-checks', 'exceljs', 'publish-1000', 'publish-100k', 'plain-s3-1000', 'plain-s3-100k', 'export-xlsx', 'export-csv'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface Measured {
  /** Rows the reader produced (papaparse/exceljs: every record including the header; inspect: data rows). */
  rows: number;
  /** A short line showing the work was real, e.g. the column types inspect found. */
  detail?: string;
  /** Publish and plain-upload measurements: what was sent and how long each pass took. */
  publish?: PublishFigures;
  /** Export measurements: what was written and how long the export alone took. */
  export?: ExportFigures;
  /** Tidies up after the timing and the memory reading (e.g. deletes the bench bucket). */
  cleanup?: () => Promise<void>;
}

/** Thrown when the code under test cannot be loaded yet (another engineer is still writing it). */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

export type Run = (path: string) => Promise<Measured>;

/** Rows per part of each publish measurement (the plain upload sends as many objects). */
export const PART_ROWS: Partial<Record<MeasureKind, number>> = {
  'publish-1000': 1000,
  'publish-100k': 100_000,
  'plain-s3-1000': 1000,
  'plain-s3-100k': 100_000,
};
/** Rows per data part of the product the export measurements read: few parts, quick setup. */
export const EXPORT_PART_ROWS = 100_000;
/**
 * The hidden first argument of child.mjs that runs the export measurements' setup (publishing
 * the product to export) in a process of its own instead of a measurement (export-setup.ts).
 */
export const EXPORT_SETUP_ARG = 'export-setup';
/** Parts in flight for the plain upload: the same as our part writer's DEFAULT_PART_CONCURRENCY. */
export const PLAIN_S3_CONCURRENCY = 8;

/**
 * Loads what `kind` needs (and sets up what it writes to) and returns the work to time.
 * `path` is the file the run will be given: the export measurements publish it in setup.
 */
export async function prepare(kind: MeasureKind, params: PublishParams = {}, path = ''): Promise<Run> {
  switch (kind) {
    case 'baseline':
      return measureBaseline;
    case 'papaparse':
      return preparePapaparse();
    case 'inspect':
      return prepareInspect();
    case 'inspect-checks':
      return prepareInspect(BENCH_META);
    case 'exceljs':
      return prepareExceljs();
    case 'publish-1000':
    case 'publish-100k':
      return (await import('./publish-measures')).preparePublishMeasure(PART_ROWS[kind]!, params);
    case 'plain-s3-1000':
    case 'plain-s3-100k':
      return (await import('./publish-measures')).preparePlainS3Measure(PART_ROWS[kind]!, params, PLAIN_S3_CONCURRENCY);
    case 'export-xlsx':
    case 'export-csv':
      return (await import('./export-measures')).prepareExportMeasure(kind === 'export-xlsx' ? 'xlsx' : 'csv', params, path);
  }
}

/** Node + the TypeScript loader and nothing else: the fixed cost inside every other figure. */
async function measureBaseline(path: string): Promise<Measured> {
  await stat(path);
  return { rows: 0 };
}

/** The yardstick: papaparse at its fastest (no header mapping, no typing), streamed. */
async function preparePapaparse(): Promise<Run> {
  const { default: Papa } = await import('papaparse');
  return (path) => new Promise<Measured>((resolve, reject) => {
    let rows = 0;
    // Buffer chunks, as in FIELD-NOTES: papaparse decodes each with toString(). A multi-byte
    // character split across chunks may be garbled, which cannot change the row count.
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    input.once('error', reject);
    Papa.parse(input as unknown as File, {
      header: false,
      dynamicTyping: false,
      chunk: (results: { data: unknown[] }) => {
        rows += results.data.length;
      },
      complete: () => resolve({ rows }),
      error: (e: Error) => reject(e),
    });
  });
}

/** Mesh Desk's own inspection: detect, type and profile every column in one pass. */
async function prepareInspect(meta?: typeof BENCH_META): Promise<Run> {
  let inspectFile: typeof import('../../core/inspect/inspect').inspectFile;
  let openFileByteSource: typeof import('../files/file-byte-source').openFileByteSource;
  try {
    ({ inspectFile } = await import('../../core/inspect/inspect'));
    ({ openFileByteSource } = await import('../files/file-byte-source'));
  } catch (e) {
    throw new NotReadyError(`the inspect code cannot be loaded yet (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof inspectFile !== 'function' || typeof openFileByteSource !== 'function') {
    throw new NotReadyError('inspectFile or openFileByteSource is not implemented yet');
  }
  return async (path) => {
    // Exactly what the app does: open the file, inspect it with default options.
    const fileName = basename(path);
    const bytes = await openFileByteSource(path);
    try {
      const result = await inspectFile(bytes, { fileName, ...(meta ? { meta } : {}) });
      if (!result.ok) throw new Error(`inspect failed: ${result.error.code}: ${result.error.message}`);
      const report = result.value;
      const rows = report.sheets.reduce((sum, s) => sum + s.rows, 0);
      const types = report.sheets.map((s) => s.columns.map((c) => c.inferredType).join(' ')).join(' | ');
      return { rows, detail: `${report.sheets.length} sheet(s); types: ${types}` };
    } finally {
      await bytes.close();
    }
  };
}

/** Reference for XLSX: exceljs's streaming reader, with styles so dates come out as dates. */
async function prepareExceljs(): Promise<Run> {
  const { default: ExcelJS } = await import('exceljs');
  return async (path) => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let rows = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row) rows++;
      }
    }
    return { rows };
  };
}
