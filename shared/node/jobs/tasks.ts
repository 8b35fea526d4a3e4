// Node only (types shared by the job runner's callers and the inspect worker).
// The heavy tasks that run off the main thread, by name, with their payloads and outputs.

import type { InspectOptions, InspectReport } from '../../core/inspect/report';
import type { Overview } from '../../core/inspect/inspect';
import type { Result } from '../../core/result';
import type { JobRunner, RunOptions } from './job-runner';
import type { ProductMeta, Waiver } from '../../core/metadata/types';
import type { PublishPlan, SheetChoice } from '../../core/publish/prepare';
import type { PublishOutcome } from '../../core/publish/run';
import type { Bump } from '../../core/publish/version-history';
import type { MeshConnection } from '../publish/publish-file';
import type { ExportResult } from '../export/export-product';
import type { DataDiff } from '../../core/pull/data-diff';
import type { MetaPublishPlan } from '../../core/publish/meta-prepare';
import type { PublishResult } from '../../core/api/publish-types';

export interface OverviewTaskPayload {
  /** Absolute path of the file (stays inside the host; workers are part of it). */
  path: string;
  /** The name the owner knows the file by (used in messages and to tell CSV from XLSX). */
  fileName: string;
}

export interface InspectTaskPayload extends OverviewTaskPayload {
  options: InspectOptions;
}

export interface ReportTaskPayload extends InspectTaskPayload {
  /** Where the workbook is written (the caller chose the place). */
  outPath: string;
}

export interface ReportTaskOutput {
  path: string;
  findings: number;
  problemRows: number;
}

export interface PublishPrepareTaskPayload extends OverviewTaskPayload {
  mesh: MeshConnection;
  sheets: SheetChoice[];
  meta: ProductMeta;
  waivers?: Waiver[];
}

export interface PublishRunTaskPayload extends OverviewTaskPayload {
  mesh: MeshConnection;
  plan: PublishPlan;
  bump?: Bump;
  publisher?: string;
  /** An outbox job's stable publish id (see runFilePublish). */
  publishId?: string;
}

export interface ExportTaskPayload {
  mesh: MeshConnection;
  product: string;
  version?: string;
  endpoint?: string;
  path: string;
  csv?: { delimiter: ',' | ';'; bom: boolean };
}

export interface DiffTaskPayload extends OverviewTaskPayload {
  mesh: MeshConnection;
  sheet?: string;
  headerRow?: number;
  product: string;
  version: string;
  endpoint?: string;
}

export interface FileTasks {
  export: { payload: ExportTaskPayload; output: ExportResult };
  diff: { payload: DiffTaskPayload; output: DataDiff };
  'publish-prepare': { payload: PublishPrepareTaskPayload; output: PublishPlan };
  'publish-run': { payload: PublishRunTaskPayload; output: PublishOutcome };
  overview: { payload: OverviewTaskPayload; output: Overview };
  inspect: { payload: InspectTaskPayload; output: InspectReport };
  report: { payload: ReportTaskPayload; output: ReportTaskOutput };
  // "Edit description": no file, but the official schema validators (Ajv) stay out of the main process.
  'publish-meta-prepare': { payload: MetaPrepareTaskPayload; output: MetaPublishPlan };
  'publish-meta-run': { payload: MetaRunTaskPayload; output: PublishResult };
}

/** A metadata-only publish (publish-meta.ts): the words, the product and the version they were edited on. */
export interface MetaPrepareTaskPayload {
  mesh: MeshConnection;
  product: string;
  baseVersion: string;
  meta: ProductMeta;
}

export interface MetaRunTaskPayload {
  mesh: MeshConnection;
  plan: MetaPublishPlan;
  bump?: Bump;
  publisher?: string;
  publishId: string;
}

export type FileTaskName = keyof FileTasks;

/** Runs one of the file tasks in a worker, typed by its name. */
export function runFileTask<K extends FileTaskName>(
  jobs: JobRunner,
  task: K,
  payload: FileTasks[K]['payload'],
  opts: RunOptions = {},
): Promise<Result<FileTasks[K]['output']>> {
  return jobs.run<FileTasks[K]['output']>(task, payload, opts);
}
