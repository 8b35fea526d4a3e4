// Runs anywhere (pure core).
// The product page of the Pull journey (DESIGN.md §2.3): what a manager reads before pulling —
// description, owner and contact, columns in business words, quality of the latest version,
// versions, and whether the product is as fresh as its owner promised. Built from what readers
// see (product.yaml and the latest contract and stats); nothing here reads the data itself
// except previewRows, which reads only as much of the first part as the preview shows.

import { catalogEntry } from '../catalog/catalog-index';
import { metaFromContract } from '../contract/meta-from-contract';
import type { MeshStore } from '../mesh/mesh-store';
import type { CurrentProduct } from '../publish/mesh-state';
import type { Bump } from '../publish/version-history';
import { freshnessOf, plural, type Freshness } from './freshness';

export { FREQUENCY_DAYS, freshnessOf, type Freshness } from './freshness';
import { endpointRows, openEndpoint, pulledColumns, type PulledColumn, type PulledValue, type ReadEndpointOptions } from './read-endpoint';


/** Days one update period may last before the product is overdue; one-off products never are. */



export interface QualitySummary {
  findings: number;
  blocking: number;
  warnings: number;
  waived: number;
  text: string;
}

export interface PageEndpoint {
  name: string;
  sheet: string;
  rows: number;
  parts: number;
  columns: PulledColumn[];
}

export interface TimelineEntry {
  version: string;
  publishedAt: string;
  publishedBy?: string;
  bump: Bump | 'initial';
  /** Why this version number, in plain words. */
  changes: string[];
  /** Rows of all its endpoints together. */
  rows: number;
  endpoints: { name: string; rows: number }[];
  sourceFile?: string;
  /** Only the description changed; the rows are those of `dataVersion`. */
  metadataOnly?: boolean;
  dataVersion?: string;
}

export interface ProductPage {
  name: string;
  title: string;
  description?: string;
  purpose?: string;
  usage?: string;
  limitations?: string;
  owner?: { name?: string; email?: string };
  support?: string;
  domain?: string;
  tags: string[];
  classification?: string;
  license?: string;
  frequency?: string;
  freshness: Freshness;
  version: string;
  publishedAt?: string;
  quality?: QualitySummary;
  /** Columns of the default (first) endpoint of the latest version. */
  columns: PulledColumn[];
  endpoints: PageEndpoint[];
  /** Newest first. */
  timeline: TimelineEntry[];
}


export function qualitySummary(check: { findings: number; blocking: number; warnings: number; waived: number }): QualitySummary {
  const { findings, blocking, warnings, waived } = check;
  let text: string;
  if (findings === 0) text = 'No problems were found when this version was published.';
  else {
    const parts = [blocking > 0 ? plural(blocking, 'serious problem') : '', warnings > 0 ? plural(warnings, 'warning') : '', waived > 0 ? `${plural(waived, 'finding')} accepted by the owner` : ''].filter((p) => p !== '');
    text = `${plural(findings, 'finding')} when this version was published${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
  }
  return { findings, blocking, warnings, waived, text };
}

export function productPage(current: CurrentProduct, now: number): ProductPage {
  const entry = catalogEntry(current.descriptor, current.etag);
  const meta = current.contract ? metaFromContract(current.contract).meta : {};
  const latest = current.history[0];
  const page: ProductPage = {
    name: entry.name || meta.name || '',
    title: entry.title ?? meta.title ?? entry.name,
    tags: entry.tags.length > 0 ? entry.tags : meta.tags ?? [],
    // Freshness is about the data: a description-only version does not make the rows newer.
    freshness: freshnessOf(entry.frequency ?? meta.frequency, dataPublishedAt(current) ?? latest?.publishedAt, now),
    version: current.version,
    columns: [],
    endpoints: [],
    timeline: current.history.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      ...(v.publishedBy !== undefined ? { publishedBy: v.publishedBy } : {}),
      bump: v.bump,
      changes: [...v.changes],
      rows: v.endpoints.reduce((n, e) => n + e.rows, 0),
      endpoints: v.endpoints.map((e) => ({ name: e.name, rows: e.rows })),
      ...(v.sourceFile !== undefined ? { sourceFile: v.sourceFile } : {}),
      ...(v.metadataOnly ? { metadataOnly: true, ...(v.endpoints[0]?.dataVersion ? { dataVersion: v.endpoints[0].dataVersion } : {}) } : {}),
    })),
  };
  const description = meta.description ?? entry.summary;
  const d = current.descriptor.description;
  const purpose = meta.purpose ?? (d?.purpose !== description ? d?.purpose : undefined);
  const set = <K extends keyof ProductPage>(k: K, v: ProductPage[K] | undefined) => {
    if (v !== undefined && v !== '') page[k] = v;
  };
  set('description', description);
  set('purpose', purpose);
  set('usage', meta.usage ?? d?.usage);
  set('limitations', meta.limitations ?? d?.limitations);
  set('owner', entry.owner ?? (meta.owner ? { ...meta.owner } : undefined));
  set('support', meta.support ?? current.descriptor.support?.[0]?.channel);
  set('domain', entry.domain ?? meta.domain);
  set('classification', entry.classification ?? meta.classification);
  set('license', licenseOf(current) ?? meta.license);
  set('frequency', entry.frequency ?? meta.frequency);
  set('publishedAt', latest?.publishedAt);
  if (current.stats) set('quality', qualitySummary(current.stats.check));
  if (latest) {
    page.endpoints = latest.endpoints.map((e) => ({ name: e.name, sheet: e.sheet, rows: e.rows, parts: e.parts, columns: pulledColumns(current.contract, e.name) }));
    page.columns = page.endpoints[0]?.columns ?? [];
  }
  return page;
}

/** When the latest rows were published: a description-only version points at the version that sent them. */
function dataPublishedAt(current: CurrentProduct): string | undefined {
  const latest = current.history[0];
  const dataVersion = latest?.metadataOnly ? latest.endpoints[0]?.dataVersion : undefined;
  return dataVersion ? current.history.find((v) => v.version === dataVersion)?.publishedAt : undefined;
}

function licenseOf(current: CurrentProduct): string | undefined {
  const props = current.descriptor.customProperties;
  const found = Array.isArray(props) ? props.find((p) => p && p.property === 'license') : undefined;
  return typeof found?.value === 'string' ? found.value : undefined;
}

export interface Preview {
  version: string;
  endpoint: string;
  columns: PulledColumn[];
  rows: PulledValue[][];
  /** Rows the endpoint holds in all. */
  totalRows: number;
}

/**
 * The first `limit` rows of an endpoint (latest version unless one is named). Reads only the
 * first part(s) and stops as soon as it has enough; the rest of the data is never fetched.
 */
export async function previewRows(store: MeshStore, o: Pick<ReadEndpointOptions, 'product' | 'version' | 'endpoint' | 'signal'>, limit = 50): Promise<Preview> {
  const opened = await openEndpoint(store, o);
  const rows: PulledValue[][] = [];
  const want = Math.max(0, Math.floor(limit));
  if (want > 0) {
    for await (const batch of endpointRows(store, opened, { batchRows: want, ...(o.signal ? { signal: o.signal } : {}) })) {
      for (const r of batch.rows) {
        if (rows.length >= want) break;
        rows.push(r);
      }
      if (rows.length >= want) break;
    }
  }
  return { version: opened.version.version, endpoint: opened.endpoint.name, columns: opened.columns, rows, totalRows: opened.endpoint.rows };
}
