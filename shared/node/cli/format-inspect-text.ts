// Node only (pure formatting, kept beside the CLI that owns the format).
// The human-readable report of `mesh-desk inspect`: sheets, columns with types and profile,
// then the problems with their place in the file.

import type { ColumnProfile, InspectReport, SheetReport } from '../../core/inspect/report';
import type { Problem } from '../../core/problems';
import { TYPE_LABELS } from '../../core/inspect/type-labels';

const n = (x: number) => x.toLocaleString('en-US');

export function formatInspectText(r: InspectReport): string {
  const out: string[] = [];
  const facts = [r.format.toUpperCase(), r.encoding, r.delimiter && `delimiter ${JSON.stringify(r.delimiter)}`].filter(Boolean);
  out.push(`${r.file} — ${facts.join(', ')}`);
  if (r.sheetList.length > 1 || r.format === 'xlsx') {
    out.push('', 'Sheets:');
    for (const s of r.sheetList) {
      const size = s.rowCount !== undefined ? ` ${n(s.rowCount)} rows × ${n(s.columnCount ?? 0)} columns` : '';
      out.push(`  ${s.name}${size}${s.hidden ? ' (hidden)' : ''}`);
    }
  }
  for (const sheet of r.sheets) out.push('', ...formatSheet(sheet));
  // After a check, the findings (with the policy's verdict) replace the plain problem list.
  if (!r.check) out.push('', ...formatProblems(r.problems));
  return `${out.join('\n')}\n`;
}

function formatSheet(s: SheetReport): string[] {
  const how = s.headerDetected ? 'detected' : 'chosen';
  const lines = [`Sheet "${s.name}": header on row ${s.headerRow} (${how}), ${n(s.rows)} data rows, ${s.columns.length} columns`];
  const width = Math.max(4, ...s.columns.map((c) => c.name.length));
  for (const c of s.columns) lines.push(`  ${c.letter.padEnd(3)} ${truncate(c.name, 40).padEnd(Math.min(width, 40))}  ${describeColumn(c)}`);
  return lines;
}

function describeColumn(c: ColumnProfile): string {
  const parts = [`${TYPE_LABELS[c.type]} (${c.type})`.padEnd(26), `${n(c.filled)} filled`, `${n(c.empty)} empty`, `${c.distinctExact ? '' : '~'}${n(c.distinct)} distinct`];
  if (c.min !== null && c.max !== null) parts.push(`${c.min} … ${c.max}`);
  if (c.format?.pattern) parts.push(`as ${c.format.pattern}`);
  if (c.top.length > 0 && c.type === 'text') parts.push(`top: ${c.top.slice(0, 3).map((t) => `${truncate(t.value, 20)} (${n(t.count)})`).join(', ')}`);
  if (c.nonConforming > 0) parts.push(`${n(c.nonConforming)} not ${c.type}`);
  return parts.join(', ').replace(/\s+,/g, ',');
}

function formatProblems(problems: Problem[]): string[] {
  if (problems.length === 0) return ['No problems found.'];
  const lines = [`Problems (${problems.length}):`];
  for (const p of problems) {
    const more = p.count > 1 ? ` [${n(p.count)} times]` : '';
    lines.push(`  ${p.severity.padEnd(7)} ${p.code}${more}: ${p.message}`);
  }
  return lines;
}

const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
