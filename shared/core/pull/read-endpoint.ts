// Runs anywhere (pure core).
// Pulls one endpoint of one published version back out of the mesh as typed rows, streamed:
// product.yaml (the commit point) names the version's contract and how many parts it has; the
// parts are read in order, one at a time, so memory stays flat however large the product is.
// Everything that can be missing or damaged in a mesh is said in words: which product, version,
// table and part, and what the reader can do about it.

import type { OdcsContract } from '../contract/odcs-types';
import { parseContractYaml } from '../contract/standard-yaml';
import { partKey, productYamlKey } from '../mesh/layout';
import type { MeshStore } from '../mesh/mesh-store';
import { readCurrentProduct, type CurrentProduct } from '../publish/mesh-state';
import type { EndpointRecord, VersionRecord } from '../publish/version-history';
import { throwIfCancelled, UserFacingError } from '../result';
import { readAhead, type ReadAhead } from './read-ahead';
import { PartsReader } from './part-parser';
import { pulledColumns, valueReader } from './pulled-columns';

export { endpointSchema, pulledColumns, typedValue, valueReader, type ValueReader } from './pulled-columns';

export type PulledValue = string | number | boolean | { kind: 'date' | 'datetime'; iso: string } | null;
export interface PulledColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp';
  businessName?: string;
  description?: string;
  personal?: 'personal' | 'sensitive';
  allowed?: string[];
  required: boolean;
}
export interface PulledBatch { rows: PulledValue[][]; rowsDone: number }

export interface PullProgress {
  rowsDone: number;
  /** Rows the version's record promises for this endpoint. */
  rowsTotal: number;
  partsDone: number;
  parts: number;
}

export interface ReadEndpointOptions {
  product: string;
  /** Semver ("1.2.0"); the latest published version when left out. */
  version?: string;
  /** Endpoint name; "default" when left out. */
  endpoint?: string;
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
  /** Rows per batch (about; one read chunk may add more). */
  batchRows?: number;
}

/** Everything known about an endpoint before its rows are read. */
export interface OpenedEndpoint {
  product: string;
  current: CurrentProduct;
  version: VersionRecord;
  endpoint: EndpointRecord;
  contract: OdcsContract;
  columns: PulledColumn[];
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
/** Bytes of the next part fetched while the current one is parsed (a few 1000-row parts, or most of a 100,000-row one). */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

function where(product: string, version: string, endpoint: string): string {
  return endpoint === 'default' ? `the product "${product}", version ${version}` : `the "${endpoint}" table of the product "${product}", version ${version}`;
}

/** The version's contract: the latest is already read with product.yaml; older ones are fetched. */
async function versionContract(store: MeshStore, product: string, current: CurrentProduct, record: VersionRecord, signal?: AbortSignal): Promise<OdcsContract> {
  if (record === current.history[0] && current.contract) return current.contract;
  const key = `${product}/${record.contract}`;
  const got = await store.get(key, signal);
  const parsed = got ? parseContractYaml(text(got.body)) : undefined;
  if (parsed?.ok) return parsed.value;
  const why = got ? 'cannot be read' : 'is missing';
  throw new UserFacingError('pull.contract-missing', `The description of the columns of ${where(product, record.version, 'default')} (${key} in ${store.url}) ${why}, so its data cannot be pulled with the right types. Ask the product's owner to publish it again, or pick another version.`);
}

/** Finds product, version and endpoint and reads the version's contract; errors in words. */
export async function openEndpoint(store: MeshStore, o: Pick<ReadEndpointOptions, 'product' | 'version' | 'endpoint' | 'signal'>): Promise<OpenedEndpoint> {
  throwIfCancelled(o.signal);
  const read = await readCurrentProduct(store, o.product, o.signal);
  if (!read.ok) {
    // The reader's words are about publishing; a puller needs its own.
    throw new UserFacingError('pull.product-damaged', `The description of the product "${o.product}" (${productYamlKey(o.product)} in ${store.url}) is damaged and cannot be read, so the product cannot be pulled. Ask the mesh administrator or the product's owner to repair it.`);
  }
  const current = read.value;
  if (!current) {
    throw new UserFacingError('pull.no-product', `There is no product "${o.product}" in ${store.url}. Check the name in the catalog; the product may have been removed or the mesh may be a different one.`);
  }
  const record = o.version === undefined ? current.history[0] : current.history.find((v) => v.version === o.version);
  if (!record) {
    const known = current.history.map((v) => v.version);
    const which = o.version === undefined ? 'no version that Mesh Desk can read' : `no version ${o.version}`;
    throw new UserFacingError('pull.no-version', `The product "${o.product}" has ${which}.${known.length > 0 ? ` Published versions: ${known.join(', ')}. Pick one of those.` : ' Ask the product\'s owner to publish it with Mesh Desk.'}`);
  }
  const name = o.endpoint ?? 'default';
  const endpoint = record.endpoints.find((e) => e.name === name);
  if (!endpoint) {
    throw new UserFacingError('pull.no-endpoint', `Version ${record.version} of the product "${o.product}" has no table "${name}". Its tables are: ${record.endpoints.map((e) => `"${e.name}"`).join(', ') || 'none'}. Pick one of those.`);
  }
  const contract = await versionContract(store, o.product, current, record, o.signal);
  const columns = pulledColumns(contract, name);
  if (columns.length === 0) {
    throw new UserFacingError('pull.contract-missing', `The description of ${where(o.product, record.version, name)} lists no columns, so its data cannot be pulled. Ask the product's owner to publish it again.`);
  }
  return { product: o.product, current, version: record, endpoint, contract, columns };
}

/**
 * The endpoint's rows as typed values, in batches, in the order of `opened.columns`. The parts'
 * header must name exactly the contract's columns, and together the parts must hold the number
 * of rows the version's record promises (a lost part or a cut-short one never passes unnoticed).
 */
export async function* endpointRows(store: MeshStore, opened: OpenedEndpoint, o: Pick<ReadEndpointOptions, 'signal' | 'onProgress' | 'batchRows'> = {}): AsyncIterable<PulledBatch> {
  const { columns } = opened;
  // The same parts, read-ahead and checks as the CSV export's byte copy: one copy of the reading.
  const source = endpointPartSource(store, opened, o);
  const readers = columns.map(valueReader);
  const width = columns.length;
  const parts = new PartsReader();
  let rowsDone = 0;
  source.progress(0, 0);
  for await (const part of source.parts) {
    const n = part.n;
    for await (const records of parts.records(part.chunks, { label: { part: n, of: source.of }, ...(o.signal ? { signal: o.signal } : {}), ...(o.batchRows ? { batchRecords: o.batchRows } : {}) })) {
      if (n === 1 && rowsDone === 0) source.checkHeader(parts.header ?? []);
      const rows: PulledValue[][] = new Array(records.length);
      for (let r = 0; r < records.length; r++) {
        const rec = records[r]!;
        const row: PulledValue[] = new Array(width);
        for (let c = 0; c < width; c++) row[c] = readers[c]!(rec[c]!);
        rows[r] = row;
      }
      rowsDone += rows.length;
      yield { rows, rowsDone };
      throwIfCancelled(o.signal);
    }
    // A part with no data rows (an empty table) yields nothing: its header is still checked here.
    if (n === 1 && rowsDone === 0) source.checkHeader(parts.header ?? []);
    source.progress(rowsDone, n);
  }
  source.checkRows(rowsDone);
}

function partMissing(n: number, endpoint: EndpointRecord, of: string, key: string, store: MeshStore): UserFacingError {
  return new UserFacingError('pull.part-missing', `Part ${n} of ${endpoint.parts} of the data of ${of} is missing from the mesh (${key} in ${store.url}), so the data cannot be pulled complete. Ask the product's owner to publish the product again, or pick another version.`);
}

/** Together the parts must hold the rows the version's record promises: a lost part or a cut-short one never passes unnoticed. */
function checkRows(rowsDone: number, endpoint: EndpointRecord, of: string, store: MeshStore): void {
  if (rowsDone !== endpoint.rows) {
    throw new UserFacingError('pull.rows-missing', `The data of ${of} holds ${rowsDone.toLocaleString('en')} rows, but ${endpoint.rows.toLocaleString('en')} were published. Some of it was lost or changed in the mesh (${store.url}). Ask the product's owner to publish the product again, or pick another version.`);
  }
}

function checkHeader(header: readonly string[], columns: readonly PulledColumn[], of: string): void {
  if (header.length === columns.length && header.every((h, i) => h === columns[i]!.name)) return;
  const names = (xs: readonly string[]) => xs.slice(0, 8).map((x) => `"${x}"`).join(', ') + (xs.length > 8 ? ` and ${xs.length - 8} more` : '');
  throw new UserFacingError('pull.columns-mismatch', `The data of ${of} has the columns ${names(header)}, but its description lists ${names(columns.map((c) => c.name))}. The mesh holds data that does not match its description; ask the product's owner to publish the product again.`);
}

/**
 * Pulls one endpoint of one version: opens it (product.yaml, the version's record and contract),
 * then streams its parts in order. Columns: pulledColumns(contract, endpoint), or openEndpoint().
 */
export async function* readEndpointRows(store: MeshStore, o: ReadEndpointOptions): AsyncIterable<PulledBatch> {
  const opened = await openEndpoint(store, o);
  yield* endpointRows(store, opened, o);
}

/** One published part as it is stored: its bytes, unparsed (see endpointPartSource). */
export interface RawPart {
  /** 1-based part number. */
  n: number;
  key: string;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * The endpoint's parts as raw bytes, for a reader that copies them rather than parsing every
 * value (the CSV export's fast path). Same parts, read-ahead and missing-part message as
 * endpointRows; the reader counts rows itself and hands the counts back, so the header and
 * row-count checks and their words stay the ones endpointRows uses.
 */
export function endpointPartSource(store: MeshStore, opened: OpenedEndpoint, o: Pick<ReadEndpointOptions, 'signal' | 'onProgress'> = {}) {
  const { product, endpoint, columns } = opened;
  const version = opened.version.version;
  const of = where(product, version, endpoint.name);
  const keyOf = (n: number) => partKey(product, endpoint.name, endpoint.dataVersion ?? version, n);
  async function* parts(): AsyncIterable<RawPart> {
    const open = (n: number) => {
      const key = keyOf(n);
      const p = store.getStream(key, o.signal).then((stream) => ({ key, stream: stream ? readAhead(stream, READ_AHEAD_BYTES) : null }));
      p.catch(() => undefined); // handled when its turn comes
      return p;
    };
    let next = endpoint.parts >= 1 ? open(1) : undefined;
    let current: ReadAhead | null = null;
    try {
      for (let n = 1; n <= endpoint.parts; n++) {
        throwIfCancelled(o.signal);
        const { key, stream } = await next!;
        next = n < endpoint.parts ? open(n + 1) : undefined;
        if (!stream) {
          throw partMissing(n, endpoint, of, key, store);
        }
        current = stream;
        yield { n, key, chunks: stream };
        current = null;
      }
    } finally {
      await current?.cancel().catch(() => undefined);
      const pending = next;
      if (pending) await pending.then((p) => p.stream?.cancel(), () => undefined).catch(() => undefined);
    }
  }
  return {
    /** "the product …, version …" for messages about a part (PartsReader's label). */
    of,
    parts: parts(),
    /** The first part's column names against the contract (the 'pull.columns-mismatch' error). */
    checkHeader: (header: readonly string[]) => checkHeader(header, columns, of),
    /** All parts read: the rows found against the rows published (the 'pull.rows-missing' error). */
    checkRows: (rowsDone: number) => checkRows(rowsDone, endpoint, of, store),
    progress: (rowsDone: number, partsDone: number) => o.onProgress?.({ rowsDone, rowsTotal: endpoint.rows, partsDone, parts: endpoint.parts }),
  };
}
