// Node only (pure formatting, beside the CLI that owns the format).
// The verdict of `mesh-desk inspect --meta`: what stops publishing, what is worth checking.

import type { Finding, InspectReport } from '../../core/inspect/report';

const n = (x: number) => x.toLocaleString('en-US');

export function formatCheckText(r: InspectReport, contractPath: string | undefined): string {
  const c = r.check;
  if (!c) return '';
  const out = ['', c.canPublish ? 'Check: ready to publish.' : `Check: ${n(c.blocking)} problem(s) stop publishing.`];
  const block = c.findings.filter((f) => f.blocking);
  const warn = c.findings.filter((f) => !f.blocking && f.severity === 'warning');
  const info = c.findings.filter((f) => f.severity === 'info');
  if (block.length > 0) out.push('', 'Stops publishing:', ...block.map(line));
  if (warn.length > 0) out.push('', 'Worth checking:', ...warn.map(line));
  if (info.length > 0) out.push('', 'For your information:', ...info.map(line));
  for (const s of c.suggestions) out.push(`  suggestion: ${s.reason}`);
  if (contractPath) out.push('', `Contract written to ${contractPath} (ODCS v3.1.0, validated against the official schema).`);
  return `${out.join('\n')}\n`;
}

function line(f: Finding): string {
  const more = f.count > 1 ? ` [${n(f.count)} times]` : '';
  const waived = f.waived ? ` (waived: ${f.waived.reason})` : '';
  return `  ${f.code}${more}: ${f.message}${waived}`;
}
