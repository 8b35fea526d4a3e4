// Runs anywhere (pure core).
// The importer's entry points: a quick overview (format, sheets) and the full inspection
// (header row, types, profile, problems) in one streaming pass per sheet. Everything that can
// go wrong comes back as a Result in the owner's words; nothing is thrown across this line.

import { ProblemCollector } from '../problems';
import { fail, ok, throwIfCancelled, toAppError, type Result } from '../result';
import { openSource } from '../ingest/open-source';
import type { ByteSource, OpenedSource, SheetInfo, SourceFormat } from '../ingest/types';
import type { Problem } from '../problems';
import type { InspectOptions, InspectReport, SheetReport } from './report';
import { inspectSheet } from './inspect-sheet';
import { buildCheckOutcome } from './check-outcome';
import { DEFAULT_POLICY, type Policy } from '../policy/types';
import { recognizePulledWorkbook, type PulledWorkbookIdentity } from '../pull/recognize';

export interface InspectProgress {
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  sheet?: string;
}

export interface InspectRunOptions extends InspectOptions {
  fileName: string;
  /** The mesh's governance policy for the Check step (default: the policy Mesh Desk ships). */
  policy?: Policy;
  /** The published version's row count and empty cells per column, for the drift checks. */
  previous?: { rows: number; emptyByColumn: Record<string, number> };
  /** Epoch ms; injected by tests (freshness, future dates). */
  now?: number;
  signal?: AbortSignal;
  onProgress?: (p: InspectProgress) => void;
}

export interface Overview {
  format: SourceFormat;
  encoding?: string;
  delimiter?: string;
  sheets: SheetInfo[];
  problems: Problem[];
  /** A workbook Mesh Desk pulled from the mesh: the product, version and table it holds. */
  recognized?: PulledWorkbookIdentity;
}

export const DEFAULT_PREVIEW_ROWS = 10_000;

/** Format and sheet list, without profiling any rows (fast even for a large workbook). */
export async function overviewFile(bytes: ByteSource, fileName: string, signal?: AbortSignal): Promise<Result<Overview>> {
  let source: OpenedSource | undefined;
  try {
    source = await openSource(bytes, fileName, signal);
    const notes = new ProblemCollector();
    for (const note of source.notes ?? []) notes.add(note);
    const overview: Overview = { format: source.format, sheets: source.sheets, problems: notes.list() };
    if (source.encoding !== undefined) overview.encoding = source.encoding;
    if (source.delimiter !== undefined) overview.delimiter = source.delimiter;
    const recognized = await recognizePulledWorkbook(source, signal ? { signal } : {});
    if (recognized) overview.recognized = recognized;
    return ok(overview);
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  } finally {
    await source?.close().catch(() => undefined);
  }
}

/** Reads, types and profiles the chosen sheet (or every sheet) of a file. */
export async function inspectFile(bytes: ByteSource, opts: InspectRunOptions): Promise<Result<InspectReport>> {
  const started = Date.now();
  const problems = new ProblemCollector();
  let source: OpenedSource | undefined;
  try {
    source = await openSource(bytes, opts.fileName, opts.signal);
    const chosen = chooseSheets(source.sheets, opts.sheet, opts.fileName);
    if (!chosen.ok) return chosen;
    const sheets: SheetReport[] = [];
    let rowsSeen = 0;
    const policy = opts.policy ?? DEFAULT_POLICY;
    const check = opts.meta ? { meta: opts.meta, policy, now: opts.now ?? Date.now(), ...(opts.previous ? { previous: opts.previous } : {}) } : undefined;
    for (const sheet of chosen.value) {
      throwIfCancelled(opts.signal);
      const done = rowsSeen;
      const result = await inspectSheet(source, sheet, {
        format: source.format,
        headerRow: opts.headerRow,
        typeOverrides: opts.typeOverrides,
        previewRows: opts.previewRows ?? DEFAULT_PREVIEW_ROWS,
        problems,
        check,
        signal: opts.signal,
        onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, rows: done + p.rows, sheet: sheet.name })),
      });
      if (!result.ok) return result;
      rowsSeen += result.value.rowsRead;
      sheets.push(result.value.report);
    }
    if (rowsSeen === 0) {
      const what = source.format === 'csv' ? 'text' : 'cells with values';
      return fail('file.no-rows', `"${opts.fileName}" is not empty, but Mesh Desk found no ${what} in it${opts.sheet ? ` (sheet "${opts.sheet}")` : ''}. Check that you chose the right file and sheet, or save it again from your spreadsheet program.`);
    }
    const report: InspectReport = {
      file: opts.fileName,
      format: source.format,
      sheetList: source.sheets,
      sheets,
      problems: problems.list(),
      elapsedMs: Date.now() - started,
    };
    if (source.encoding !== undefined) report.encoding = source.encoding;
    if (source.delimiter !== undefined) report.delimiter = source.delimiter;
    if (opts.meta) {
      report.check = buildCheckOutcome({
        problems: report.problems,
        meta: opts.meta,
        columns: sheets[0]?.columns ?? [],
        sheet: sheets[0]?.name,
        policy,
        waivers: opts.waivers ?? [],
      });
    }
    return ok(report);
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  } finally {
    await source?.close().catch(() => undefined);
  }
}

function chooseSheets(all: SheetInfo[], wanted: string | undefined, fileName: string): Result<SheetInfo[]> {
  if (wanted === undefined) return ok(all);
  const exact = all.find((s) => s.name === wanted) ?? all.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (exact) return ok([exact]);
  const names = all.map((s) => `"${s.name}"`).join(', ');
  return fail('sheet.not-found', `"${fileName}" has no sheet called "${wanted}". Its sheets are: ${names}.`);
}
