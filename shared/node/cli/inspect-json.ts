// Node only (pure mapping, kept beside the CLI that owns the format).
// The documented `inspect --json` object: {file, format, encoding?, delimiter?, sheets, problems}.
// Extra fields beyond the documented ones are additive; the preview grid is left out.

import type { InspectReport } from '../../core/inspect/report';

export function toInspectJson(r: InspectReport) {
  return {
    file: r.file,
    format: r.format,
    ...(r.encoding !== undefined && { encoding: r.encoding }),
    ...(r.delimiter !== undefined && { delimiter: r.delimiter }),
    sheets: r.sheets.map((s) => ({
      name: s.name,
      headerRow: s.headerRow,
      headerDetected: s.headerDetected,
      rows: s.rows,
      columns: s.columns.map((c) => ({
        name: c.name,
        letter: c.letter,
        header: c.header,
        type: c.type,
        inferredType: c.inferredType,
        ...(c.format !== undefined && { format: c.format }),
        filled: c.filled,
        empty: c.empty,
        distinct: c.distinct,
        distinctExact: c.distinctExact,
        min: c.min,
        max: c.max,
        ...(c.minLength !== undefined && { minLength: c.minLength, maxLength: c.maxLength }),
        top: c.top,
        nonConforming: c.nonConforming,
        ...(c.histogram !== undefined && { histogram: c.histogram }),
      })),
    })),
    sheetList: r.sheetList,
    ...(r.check !== undefined && {
      check: {
        canPublish: r.check.canPublish,
        blocking: r.check.blocking,
        warnings: r.check.warnings,
        partRows: r.check.partRows,
        findings: r.check.findings.map((f) => ({
          severity: f.severity,
          code: f.code,
          message: f.message,
          sheet: f.sheet ?? null,
          row: f.row ?? null,
          column: f.column ?? null,
          ...(f.columnName !== undefined && { columnName: f.columnName }),
          count: f.count,
          blocking: f.blocking,
          ...(f.waived !== undefined && { waived: f.waived }),
          examples: f.examples,
        })),
        suggestions: r.check.suggestions,
      },
    }),
    problems: r.problems.map((p) => ({
      severity: p.severity,
      code: p.code,
      message: p.message,
      sheet: p.sheet ?? null,
      row: p.row ?? null,
      column: p.column ?? null,
      ...(p.columnName !== undefined && { columnName: p.columnName }),
      ...(p.line !== undefined && { line: p.line }),
      count: p.count,
      examples: p.examples,
    })),
  };
}
