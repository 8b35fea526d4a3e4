// Runs anywhere (pure core).
// stats/vX.Y.Z.json: the profile of one published version — rows, fill, distinct counts,
// ranges, top values — for the catalog's product page and for the drift checks of the next
// version. Values seen in columns the owner marked as personal data are left out: the stats
// file is readable by everyone who can read the product's card.

import type { CheckOutcome, ColumnProfile, SheetReport } from '../inspect/report';
import type { ProductMeta } from '../metadata/types';

export interface StatsColumn extends Omit<ColumnProfile, 'top' | 'examples' | 'min' | 'max'> {
  top?: ColumnProfile['top'];
  examples?: string[];
  min?: ColumnProfile['min'];
  max?: ColumnProfile['max'];
  personal?: 'personal' | 'sensitive';
}

export interface StatsEndpoint {
  name: string;
  sheet: string;
  headerRow: number;
  rows: number;
  parts: number;
  columns: StatsColumn[];
}

export interface VersionStats {
  format: 1;
  product: string;
  version: string;
  publishedAt: string;
  sourceFile: string;
  endpoints: StatsEndpoint[];
  check: { findings: number; blocking: number; warnings: number; waived: number };
}

export function buildStats(input: {
  product: string;
  version: string;
  publishedAt: string;
  sourceFile: string;
  meta: ProductMeta;
  sheets: { endpoint: string; report: SheetReport; parts: number }[];
  check: CheckOutcome;
}): VersionStats {
  const owned = input.meta.columns ?? {};
  return {
    format: 1,
    product: input.product,
    version: input.version,
    publishedAt: input.publishedAt,
    sourceFile: input.sourceFile,
    endpoints: input.sheets.map(({ endpoint, report, parts }, i) => ({
      name: endpoint,
      sheet: report.name,
      headerRow: report.headerRow,
      rows: report.rows,
      parts,
      // Column metadata belongs to the default endpoint's sheet only.
      columns: report.columns.map((c) => statsColumn(c, i === 0 && Object.hasOwn(owned, c.name) ? owned[c.name]?.personal : undefined)),
    })),
    check: {
      findings: input.check.findings.length,
      blocking: input.check.blocking,
      warnings: input.check.warnings,
      waived: input.check.findings.filter((f) => f.waived).length,
    },
  };
}

/** One column of a stats file; a personal column keeps its counts but none of its values. Also re-applied to a copied version's stats (metadata-only versions). */
export function statsColumn(c: ColumnProfile | StatsColumn, personal: string | undefined): StatsColumn {
  const { top, examples, min, max, histogram, ...rest } = c;
  if (personal === 'personal' || personal === 'sensitive') return { ...rest, personal };
  return { ...rest, top, examples, min, max, ...(histogram ? { histogram } : {}) };
}

/** What the drift checks need from the previous version's stats (default endpoint). */
export function driftBaseline(stats: VersionStats): { rows: number; emptyByColumn: Record<string, number> } | undefined {
  const main = stats.endpoints[0];
  if (!main) return undefined;
  const emptyByColumn: Record<string, number> = {};
  for (const c of main.columns) emptyByColumn[c.name] = c.empty;
  return { rows: main.rows, emptyByColumn };
}

export function parseStats(text: string): VersionStats | undefined {
  try {
    const x = JSON.parse(text) as Partial<VersionStats>;
    if (x.format !== 1 || !Array.isArray(x.endpoints)) return undefined;
    const ok = x.endpoints.every((e) => e && typeof e.rows === 'number' && Array.isArray(e.columns) && e.columns.every((c) => c && typeof c.name === 'string' && typeof c.empty === 'number'));
    return ok ? (x as VersionStats) : undefined;
  } catch {
    return undefined;
  }
}
