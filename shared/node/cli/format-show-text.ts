// Node only. `mesh-desk show` on a terminal.

import type { CatalogEntry } from '../../core/catalog/catalog-index';
import type { VersionRecord } from '../../core/publish/version-history';

const n = (x: number) => x.toLocaleString('en-US');

export function formatShowText(
  card: CatalogEntry,
  record: VersionRecord,
  history: VersionRecord[],
  schema: { endpoint: string | undefined; columns: { name: string; type: string | undefined; required: boolean; description: string | undefined }[] }[],
  contractReadable: boolean,
): string {
  const out: string[] = [];
  out.push(`${card.name}${card.title ? ` — ${card.title}` : ''}`);
  if (card.summary) out.push(`  ${card.summary}`);
  const facts = [card.domain && `domain: ${card.domain}`, (card.owner?.name || card.owner?.email) && `owner: ${[card.owner?.name, card.owner?.email && `<${card.owner.email}>`].filter(Boolean).join(' ')}`, card.classification && `classification: ${card.classification}`, card.frequency && `updated: ${card.frequency}`].filter(Boolean);
  if (facts.length) out.push(`  ${facts.join('; ')}`);
  if (card.tags.length) out.push(`  tags: ${card.tags.join(', ')}`);
  out.push('', `Version ${record.version} — published ${record.publishedAt}${record.publishedBy ? ` by ${record.publishedBy}` : ''} (${record.bump})`);
  for (const c of record.changes) out.push(`  - ${c}`);
  for (const e of record.endpoints) out.push(`  endpoint ${e.name} (sheet "${e.sheet}"): ${n(e.rows)} rows, ${e.columns} columns, ${n(e.parts)} data part${e.parts === 1 ? '' : 's'}`);
  out.push(`  contract: ${record.contract}`, `  stats: ${record.stats}`);
  for (const s of schema) {
    out.push('', `Columns of ${s.endpoint ?? 'the table'}:`);
    for (const c of s.columns) out.push(`  ${c.name}  ${c.type ?? '?'}${c.required ? '  required' : ''}${c.description ? `  — ${c.description}` : ''}`);
  }
  if (!contractReadable) out.push('', 'The contract of this version could not be read.');
  out.push('', `Versions: ${history.map((h) => h.version).join(', ')}`);
  return `${out.join('\n')}\n`;
}
