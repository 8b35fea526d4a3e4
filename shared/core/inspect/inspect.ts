// Runs anywhere (pure core).
// PLACEHOLDER SIGNATURES — being implemented now; the orchestration lands in this file.
import type { Result } from '../result';
import type { ByteSource, SheetInfo, SourceFormat } from '../ingest/types';
import type { Problem } from '../problems';
import type { InspectOptions, InspectReport } from './report';

export interface InspectRunOptions extends InspectOptions {
  fileName: string;
  signal?: AbortSignal;
  onProgress?: (p: { bytesDone: number; bytesTotal: number; rows: number; sheet?: string }) => void;
}

export interface Overview {
  format: SourceFormat;
  encoding?: string;
  delimiter?: string;
  sheets: SheetInfo[];
  problems: Problem[];
}

export declare function overviewFile(bytes: ByteSource, fileName: string, signal?: AbortSignal): Promise<Result<Overview>>;
export declare function inspectFile(bytes: ByteSource, opts: InspectRunOptions): Promise<Result<InspectReport>>;
