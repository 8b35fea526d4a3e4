// Node only (bench tooling).
// The parent's side of the export measurements: which children to run against the bench's one
// S3 server (the full-size product to XLSX and to CSV, and the 1/4-size product to XLSX to see
// whether memory stays flat), and turning their reports into the export section and targets.

import type { ChildReport } from './child-main';
import type { ExportSection } from './export-format';
import { evaluateExportTargets, rowsLabel, skippedExport, summarizeExport, type ExportSummary } from './export-summary';
import { EXPORT_PART_ROWS, type MeasureKind } from './measures';
import type { TargetResult } from './summary';

export type ExportRole = 'xlsx' | 'xlsx-quarter' | 'csv';

export interface ExportSpec {
  name: string;
  kind: MeasureKind;
  role: ExportRole;
  /** Data rows of the bench CSV this child publishes and exports. */
  rows: number;
  /** The child's third argument. */
  params: { endpoint: string };
}

/** The three measurements, in the order they run. `rows` is the full bench CSV's row count. */
export function exportSpecs(rows: number, endpoint: string): ExportSpec[] {
  const quarter = rows / 4;
  return [
    { name: `export XLSX ${rowsLabel(rows)}`, kind: 'export-xlsx', role: 'xlsx', rows, params: { endpoint } },
    { name: `export XLSX ${rowsLabel(quarter)}`, kind: 'export-xlsx', role: 'xlsx-quarter', rows: quarter, params: { endpoint } },
    { name: `export CSV ${rowsLabel(rows)}`, kind: 'export-csv', role: 'csv', rows, params: { endpoint } },
  ];
}

/** Names and kinds shown when the server could not start. */
export function skippedExportSection(rows: number, reason: string): { section: ExportSection; targets: TargetResult[] } {
  const specs = exportSpecs(rows, '');
  return finish(specs, specs.map((s) => skippedExport(s.name, s.kind, reason)), rows, undefined);
}

export function exportOutcome(specs: ExportSpec[], reports: ChildReport[][], rows: number, endpoint: string): { section: ExportSection; targets: TargetResult[] } {
  return finish(specs, specs.map((s, i) => summarizeExport(s.name, s.kind, reports[i] ?? [])), rows, endpoint);
}

function finish(specs: ExportSpec[], summaries: ExportSummary[], rows: number, endpoint: string | undefined): { section: ExportSection; targets: TargetResult[] } {
  const byRole = (role: ExportRole): ExportSummary => {
    const i = specs.findIndex((s) => s.role === role);
    return summaries[i] ?? skippedExport(role, 'export-xlsx', 'not planned');
  };
  const targets = evaluateExportTargets({ rows, quarterRows: rows / 4, xlsx: byRole('xlsx'), xlsxQuarter: byRole('xlsx-quarter'), csv: byRole('csv') });
  return { section: { ...(endpoint ? { endpoint } : {}), partRows: EXPORT_PART_ROWS, summaries }, targets };
}
